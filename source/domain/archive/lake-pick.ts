// Which event data store Lake queries run on: the one --lake-store names (by id, ARN or name),
// else the store that holds the most CloudTrail events: an enabled one holding management or data
// events, an organization's before an account's, every region's before one region's.
import {TrailviewError} from '../types.js';
import type {LakeStore} from './types.js';

function byReach(a: LakeStore, b: LakeStore): number {
	return Number(b.organization) - Number(a.organization) || Number(b.multiRegion) - Number(a.multiRegion);
}

/** `name (id, status)` for each store, for a message that lists what there is. */
function listing(stores: readonly LakeStore[]): string {
	return stores.length === 0 ? 'none' : stores.map(store => `${store.name} (${store.id}, ${store.status})`).join(', ');
}

export function pickLakeStore(stores: readonly LakeStore[], override?: string): LakeStore {
	if (override !== undefined) {
		const wanted = override.trim();
		// Exact id or ARN first: a name could equal another store's id.
		const found =
			stores.find(store => store.id === wanted || store.arn === wanted) ?? stores.find(store => store.name === wanted) ?? stores.find(store => store.name.toLowerCase() === wanted.toLowerCase());
		if (found === undefined) {
			throw new TrailviewError('invalid-input', `No event data store here is called ${JSON.stringify(wanted)}. The stores are: ${listing(stores)}.`, {
				hint: 'Pass --lake-store with one of their ids, ARNs or names (the store must be in the region trailview queries).',
			});
		}

		return found;
	}

	const usable = stores.filter(store => store.status === 'ENABLED' && store.cloudTrailEvents);
	const [best] = [...usable].sort(byReach);
	if (best === undefined) {
		throw new TrailviewError('invalid-input', `No enabled event data store here holds CloudTrail events. The stores are: ${listing(stores)}.`, {
			hint: 'Create one in the CloudTrail console (Lake → Event data stores), or name another with --lake-store ID|ARN|NAME, or try another region.',
		});
	}

	return best;
}
