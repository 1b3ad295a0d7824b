// The demo's CloudTrail Lake event data stores and ListEventDataStores. The organization's
// management account (demo-prod) has two in the organization trail's home region, us-east-1 (an
// event data store lives in the region it was created in, and the organization's CloudTrail setup
// lives there): one over CloudTrail management and data events for the whole organization (the
// events the trail's archive holds), and one of AWS Config configuration items, which a client
// looking for CloudTrail events must pass over. Other accounts and regions have none.
import {prodAccountId} from '../accounts.js';
import {ApiError} from '../errors.js';
import type {RequestContext} from '../request-context.js';
import {openToken, sealToken} from '../tokens.js';

export type StoreStatus = 'CREATED' | 'ENABLED' | 'PENDING_DELETION' | 'STARTING_INGESTION' | 'STOPPING_INGESTION' | 'STOPPED_INGESTION';

type FieldSelector = {Field: string; Equals?: string[]};
type Selector = {Name: string; FieldSelectors: FieldSelector[]};

export type EventDataStore = {
	/** The last segment of the ARN: what a query names after FROM. */
	id: string;
	name: string;
	ownerAccountId: string;
	region: string;
	status: StoreStatus;
	/** Which schema its view has: CloudTrail events, or Config configuration items. */
	kind: 'cloudtrail' | 'config';
	selectors: Selector[];
	multiRegion: boolean;
	organization: boolean;
	retentionDays: number;
	terminationProtection: boolean;
	/** Days before the data set's end it was created. */
	createdDaysAgo: number;
};

const dayMs = 86_400_000;

// Fixed, UUID-shaped like the ids AWS gives (the first starts with a digit, as many real ones do,
// which a client must still accept unquoted after FROM).
export const organizationStoreId = '8c4f2b1e-6a3d-4f7e-9b2c-5d1e0f3a7b64';
export const configStoreId = 'e2a91c57-3b8d-4c06-a4f1-7d925b3e8c10';

export const stores: readonly EventDataStore[] = [
	{
		id: organizationStoreId,
		name: 'organization-events',
		ownerAccountId: prodAccountId,
		region: 'us-east-1',
		status: 'ENABLED',
		kind: 'cloudtrail',
		selectors: [
			{Name: 'Management events', FieldSelectors: [{Field: 'eventCategory', Equals: ['Management']}]},
			{
				Name: 'S3 object data events',
				FieldSelectors: [
					{Field: 'eventCategory', Equals: ['Data']},
					{Field: 'resources.type', Equals: ['AWS::S3::Object']},
				],
			},
		],
		multiRegion: true,
		organization: true,
		// Seven years (2557 days), the longest the seven-year retention pricing option keeps events.
		retentionDays: 2557,
		terminationProtection: true,
		// Before the archive's year starts, so every day the archive holds is in the store too.
		createdDaysAgo: 380,
	},
	{
		id: configStoreId,
		name: 'config-items',
		ownerAccountId: prodAccountId,
		region: 'us-east-1',
		status: 'ENABLED',
		kind: 'config',
		selectors: [{Name: 'AWS Config configuration items', FieldSelectors: [{Field: 'eventCategory', Equals: ['ConfigurationItem']}]}],
		multiRegion: true,
		organization: false,
		retentionDays: 2557,
		terminationProtection: true,
		createdDaysAgo: 200,
	},
];

export function storeArn(store: EventDataStore): string {
	return `arn:aws:cloudtrail:${store.region}:${store.ownerAccountId}:eventdatastore/${store.id}`;
}

/** The caller's stores in the region it called. */
export function storesOf(account: string, region: string): EventDataStore[] {
	return stores.filter(store => store.ownerAccountId === account && store.region === region);
}

/** A store by id or ARN, as the API's EventDataStore parameters accept either. */
export function findStore(account: string, region: string, idOrArn: string): EventDataStore | undefined {
	return storesOf(account, region).find(store => store.id === idOrArn || storeArn(store) === idOrArn);
}

export function storeNotFound(name: string): ApiError {
	return new ApiError('EventDataStoreNotFoundException', `The specified event data store ${name} was not found.`, 404);
}

function summary(store: EventDataStore, dataNow: Date): Record<string, unknown> {
	const created = (dataNow.getTime() - store.createdDaysAgo * dayMs) / 1000;
	return {
		EventDataStoreArn: storeArn(store),
		Name: store.name,
		TerminationProtectionEnabled: store.terminationProtection,
		Status: store.status,
		AdvancedEventSelectors: store.selectors,
		MultiRegionEnabled: store.multiRegion,
		OrganizationEnabled: store.organization,
		RetentionPeriod: store.retentionDays,
		CreatedTimestamp: created,
		UpdatedTimestamp: created,
	};
}

export function listEventDataStores(context: RequestContext, input: Record<string, unknown>): Record<string, unknown> {
	const size = input['MaxResults'] ?? 1000;
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 1000) {
		throw new ApiError('InvalidMaxResultsException', 'Maximum number of results is not valid. Specify a number from 1 to 1000.');
	}

	const binding = `ListEventDataStores/${context.principal.accountId}/${context.region}`;
	const token = input['NextToken'];
	let start = 0;
	if (token !== undefined && token !== null) {
		const position = typeof token === 'string' ? openToken(token, binding) : undefined;
		if (typeof position?.['offset'] !== 'number') {
			throw new ApiError('InvalidNextTokenException', 'A token that is not valid, or a token that was previously used in a request with different parameters.');
		}

		start = position['offset'];
	}

	const all = storesOf(context.principal.accountId, context.region);
	const next = start + size;
	return {
		EventDataStores: all.slice(start, next).map(store => summary(store, context.dataNow)),
		...(next < all.length ? {NextToken: sealToken({offset: next}, binding)} : {}),
	};
}
