// Where each event of a load sits in its list, by id.
import type {TrailEvent} from '../domain/types.js';

/**
 * Where each id sits in a load's `events`: the service can repeat an event on the next page, and a
 * refresh looks up the event the cursor was on. One map serves every state of a load and a page
 * adds its ids to it in place, so a page costs its own size rather than a copy of everything loaded
 * (with 10,000 events, copying a Set per page was O(n²) and most of the garbage of a long load).
 * `size` is how many events the map covers: only the state whose `events` has exactly that length
 * may add to it; any other (an older state React replays) gets a fresh map (see `ownIndex`).
 */
export type EventIndex = {readonly positions: Map<string, number>; size: number};

export function emptyIndex(): EventIndex {
	return {positions: new Map(), size: 0};
}

/** A fresh index of `events`. */
export function buildIndex(events: readonly TrailEvent[]): EventIndex {
	const index = emptyIndex();
	for (const [position, event] of events.entries()) {
		index.positions.set(event.id, position);
	}

	index.size = events.length;
	return index;
}

/** The index to extend for `events`: `index` when it covers exactly them (the newest state of the load), else a rebuilt one. */
export function ownIndex(events: readonly TrailEvent[], index: EventIndex): EventIndex {
	return index.size === events.length ? index : buildIndex(events);
}

/** Position of the event with `id` in `events` (indexed by `index`), or -1. Never trusts a stale entry. */
export function indexOf(events: readonly TrailEvent[], index: EventIndex, id: string): number {
	const position = index.positions.get(id);
	return position !== undefined && position < events.length && events[position]?.id === id ? position : -1;
}
