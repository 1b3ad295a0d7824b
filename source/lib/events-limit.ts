// How many rows the events table keeps (issue 13). Memory grows with every row loaded, and a
// follow left running or End held over several accounts and every region never stops on its own.
// Past the limit the oldest rows drop, with a note in the footer: paging further into the past
// stops, and follow mode's new rows push the oldest out at the bottom.
import type {TrailEvent} from '../domain/types.js';
import {buildIndex, type EventIndex} from './event-index.js';

/** Rows kept at most: 100,000 fit in 250 MB (bench figure `peak-rss-100k`). */
export const defaultMaxRows = 100_000;

type Rows = {events: TrailEvent[]; index: EventIndex};

/**
 * `rows` cut to the newest `limit` (the list is newest first), and how many were dropped. A cut
 * list gets an index of its own: the old one may still serve an older state.
 */
export function keepNewest(rows: Rows, limit: number): Rows & {dropped: number} {
	if (rows.events.length <= limit) {
		return {...rows, dropped: 0};
	}

	const events = rows.events.slice(0, limit);
	return {events, index: buildIndex(events), dropped: rows.events.length - limit};
}

/** Whether the table holds all the rows it may: no further page is fetched. */
export function atLimit(state: {events: readonly unknown[]; maxRows: number}): boolean {
	return state.events.length >= state.maxRows;
}
