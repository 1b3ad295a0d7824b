// The LakeService over the SDK: ListEventDataStores for the stores, run-query.ts for queries.
// Only reached through dynamic import (see lazy.ts), so its client loads when Lake is first used.
import {type AdvancedEventSelector, CloudTrailClient, type EventDataStore, ListEventDataStoresCommand} from '@aws-sdk/client-cloudtrail';
import '../sdk-quiet.js';
import type {LakeService, LakeStore} from '../../domain/archive/types.js';
import {commonClientConfig, type ClientOptions} from '../client.js';
import {resolveEndpoints} from '../endpoints.js';
import type {PollTiming} from '../polled-query.js';
import {toLakeError, type LakeErrorContext} from './errors.js';
import {runLakeQuery} from './run-query.js';

export type LakeServiceOptions = {cloudTrail: CloudTrailClient; region: string; errorContext?: LakeErrorContext; timing?: PollTiming};

export function createLakeService(options: LakeServiceOptions): LakeService {
	const {cloudTrail, region} = options;
	const errorContext: LakeErrorContext = {...options.errorContext, region};
	return {
		region,

		async listEventDataStores({signal} = {}) {
			const stores: LakeStore[] = [];
			let token: string | undefined;
			try {
				do {
					const page = await cloudTrail.send(new ListEventDataStoresCommand({...(token ? {NextToken: token} : {})}), {abortSignal: signal});
					stores.push(...(page.EventDataStores ?? []).flatMap(store => toLakeStore(store)));
					// A token that repeats would page forever.
					token = page.NextToken === token ? undefined : page.NextToken;
				} while (token);
			} catch (error) {
				throw toLakeError(error, {...errorContext, operation: 'cloudtrail:ListEventDataStores'});
			}

			return stores;
		},

		runQuery(statement, runOptions) {
			return runLakeQuery({cloudTrail, errorContext, ...(options.timing ? {timing: options.timing} : {})}, statement, runOptions);
		},
	};
}

function toLakeStore(store: EventDataStore): LakeStore[] {
	const arn = store.EventDataStoreArn;
	if (!arn) {
		return [];
	}

	const id = arn.slice(arn.lastIndexOf('/') + 1);
	return [
		{
			arn,
			id,
			name: store.Name ?? id,
			status: store.Status ?? 'UNKNOWN',
			organization: store.OrganizationEnabled ?? false,
			multiRegion: store.MultiRegionEnabled ?? false,
			retentionDays: store.RetentionPeriod,
			cloudTrailEvents: holdsCloudTrailEvents(store.AdvancedEventSelectors),
		},
	];
}

/**
 * Whether the store collects CloudTrail's own events: a selector on eventCategory Management or
 * Data, or no selectors (a store created without them logs management events). Stores of Config
 * items, Insights events or other integrations select another category.
 */
function holdsCloudTrailEvents(selectors: AdvancedEventSelector[] | undefined): boolean {
	if (selectors === undefined || selectors.length === 0) {
		return true;
	}

	return selectors.some(selector =>
		(selector.FieldSelectors ?? []).some(field => field.Field === 'eventCategory' && (field.Equals ?? []).some(value => value === 'Management' || value === 'Data')),
	);
}

/** The service with its own client, configured as the CloudTrail one is (client.ts). */
export function lakeServiceFor(options: ClientOptions & {errorContext?: LakeErrorContext}): LakeService {
	const endpoint = resolveEndpoints(options.endpointUrl, options.env ?? process.env).cloudTrail;
	return createLakeService({
		cloudTrail: new CloudTrailClient({...commonClientConfig(options), ...(endpoint ? {endpoint} : {})}),
		region: options.region,
		...(options.errorContext ? {errorContext: options.errorContext} : {}),
	});
}
