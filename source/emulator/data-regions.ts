// How much generated history each account+region holds. The demo data set keeps its three regions
// (plus demo-prod's opt-in Jakarta); the benchmark and the all-regions tests ask for history in all
// 17 default regions or in a list of their own. A region's events depend only on the seed, the
// account, the region and its count, so the demo regions hold the same events in every mode.
import {devAccountId, prodAccountId, restrictedAccountId} from './accounts.js';
import {defaultRegions, isDefaultRegion, optInRegions} from './regions.js';
import type {DataRegions} from './types.js';

/** Share of `eventsPerRegion` per account+region in the demo data set. */
const demoVolume: Readonly<Record<string, Readonly<Record<string, number>>>> = {
	[prodAccountId]: {'us-east-1': 1, 'eu-west-1': 0.4, 'ap-southeast-2': 0.2, 'ap-southeast-3': 0.05},
	[devAccountId]: {'us-east-1': 0.5, 'eu-west-1': 0.25, 'ap-southeast-2': 0.1},
	[restrictedAccountId]: {'us-east-1': 0.15, 'eu-west-1': 0.05, 'ap-southeast-2': 0.05},
};

/** How busy each account is, for regions the demo table does not list. */
const accountWeight: Readonly<Record<string, number>> = {[prodAccountId]: 1, [devAccountId]: 0.5, [restrictedAccountId]: 0.15};

/** A region outside the demo table is a quiet one: 30 % of the account's busiest. */
const quietShare = 0.3;

const knownRegions = new Set<string>([...defaultRegions, ...optInRegions]);

export type VolumeTable = {
	/** Share of eventsPerRegion this account+region holds; 0 for no history. */
	share(accountId: string, region: string): number;
	/** Regions where this account has generated history, sorted. */
	regionsOf(accountId: string): string[];
};

function quietOrDemo(accountId: string, region: string): number {
	return demoVolume[accountId]?.[region] ?? (accountWeight[accountId] ?? 0) * quietShare;
}

/**
 * `even` gives every region with history the account's full weight (see EmulatorOptions.evenRegions),
 * in place of the busy and quiet shares above.
 */
export function volumeTable(regions: DataRegions = 'demo', even = false): VolumeTable {
	const table = shares(regions);
	return even
		? {share: (accountId, region) => (table.share(accountId, region) > 0 ? (accountWeight[accountId] ?? 0) : 0), regionsOf: table.regionsOf}
		: table;
}

function shares(regions: DataRegions): VolumeTable {
	if (regions === 'demo') {
		return {
			share: (accountId, region) => demoVolume[accountId]?.[region] ?? 0,
			regionsOf: accountId => Object.keys(demoVolume[accountId] ?? {}).sort(),
		};
	}

	if (regions !== 'all-default') {
		const unknown = regions.filter(region => !knownRegions.has(region));
		if (unknown.length > 0) {
			throw new RangeError(`regions: ${unknown.join(', ')} is not a region of the aws partition`);
		}
	}

	// 'all-default' is the demo data set plus every other default region; a list is exactly those regions.
	const listed = regions === 'all-default' ? undefined : new Set(regions);
	const has = (accountId: string, region: string): boolean =>
		listed ? listed.has(region) : isDefaultRegion(region) || demoVolume[accountId]?.[region] !== undefined;
	return {
		share: (accountId, region) => (has(accountId, region) ? quietOrDemo(accountId, region) : 0),
		regionsOf(accountId) {
			const candidates = listed ? [...listed] : [...defaultRegions, ...Object.keys(demoVolume[accountId] ?? {})];
			return [...new Set(candidates)].filter(region => quietOrDemo(accountId, region) > 0).sort();
		},
	};
}
