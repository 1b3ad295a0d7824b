// Follow mode's new events, put into the loaded list at their time: CloudTrail delivers some
// events minutes late, so a new event is not always the newest. The rows on screen stay where
// they are and the cursor stays on its event; only a table scrolled to the very top lets new rows
// in above (that is where someone watching live looks).
import type {TrailEvent} from '../domain/types.js';
import {buildIndex, type EventIndex} from './event-index.js';

export type Inserted = {
	events: TrailEvent[];
	index: EventIndex;
	/** The ids that were added. */
	added: string[];
	cursor: number;
	top: number;
};

/**
 * `batch` merged into `events` (newest first), skipping ids already there. Undefined when nothing
 * was new. An event as new as one already loaded goes above it: it arrived later.
 */
export function insertEvents(
	current: {events: readonly TrailEvent[]; index: EventIndex; cursor: number; top: number},
	batch: readonly TrailEvent[],
): Inserted | undefined {
	const seen = new Set<string>();
	const fresh = batch.filter(event => {
		if (current.index.positions.has(event.id) || seen.has(event.id)) {
			return false;
		}

		seen.add(event.id);
		return true;
	});
	if (fresh.length === 0) {
		return undefined;
	}

	fresh.sort((a, b) => b.time.getTime() - a.time.getTime());
	const events: TrailEvent[] = [];
	let next = 0;
	let cursor = current.cursor;
	let top = current.top;
	for (const [position, event] of current.events.entries()) {
		while (next < fresh.length && fresh[next]!.time.getTime() >= event.time.getTime()) {
			events.push(fresh[next++]!);
			if (position <= current.cursor) {
				cursor++;
			}

			if (position <= current.top && current.top > 0) {
				top++;
			}
		}

		events.push(event);
	}

	while (next < fresh.length) {
		events.push(fresh[next++]!);
	}

	return {events, index: buildIndex(events), added: fresh.map(event => event.id), cursor: current.events.length === 0 ? 0 : cursor, top};
}

/** How many new rows are above the window (the footer's "3 new ↑"). */
export function newAbove(state: {events: readonly TrailEvent[]; newIds: ReadonlySet<string>; index: EventIndex; top: number}): number {
	let count = 0;
	for (const id of state.newIds) {
		const position = state.index.positions.get(id);
		if (position !== undefined && position < state.top && state.events[position]?.id === id) {
			count++;
		}
	}

	return count;
}
