// What the events table shows of its state: the rows on screen, the selected event and the
// footer's summary. Derived while rendering, never stored.
import type {TrailEvent} from '../domain/types.js';
import {framed, hasTailRow, type EventsState} from './events-state.js';
import {atLimit} from './events-limit.js';
import {joinSafe, safe, sanitizeLine, type SafeText} from './sanitize.js';

export type VisibleRow = {event: TrailEvent; index: number; selected: boolean; isNew: boolean};

/** Only the rows on screen, so the view's cost does not grow with the number of loaded events. */
export function visibleRows(current: EventsState, viewport = current.viewport): {rows: VisibleRow[]; tail: boolean} {
	const state = framed(current, viewport);
	const rows = state.events.slice(state.top, state.top + state.viewport).map((event, offset) => ({
		event,
		index: state.top + offset,
		selected: state.top + offset === state.cursor,
		isNew: state.newIds.has(event.id),
	}));
	return {rows, tail: hasTailRow(state) && rows.length < state.viewport};
}

export function selectedEvent(state: EventsState): TrailEvent | undefined {
	return state.events[state.cursor];
}

/** "120 events loaded · more available", for the footer. */
export function eventsSummary(state: EventsState): SafeText {
	const count = state.events.length === 1 ? safe`1 event loaded` : safe`${state.events.length} events loaded`;
	if (!state.loaded) {
		return state.loading === 'first' ? safe`loading events…` : safe``;
	}

	if (state.loading === 'more') {
		return safe`${count} · loading more…`;
	}

	const limit = limitNote(state);
	if (limit) {
		return safe`${count} · ${limit}`;
	}

	return safe`${count} · ${state.hasMore ? safe`more available` : safe`all loaded`}`;
}

/**
 * Once the table holds all the rows it may (events-limit.ts): "1,250 oldest dropped (100,000-row
 * limit)", or "100,000-row limit reached" while nothing was dropped yet and older pages remain.
 */
export function limitNote(state: Pick<EventsState, 'events' | 'maxRows' | 'dropped' | 'hasMore'>): SafeText | undefined {
	if (state.dropped > 0) {
		return safe`${formatCount(state.dropped)} oldest dropped (${formatCount(state.maxRows)}-row limit)`;
	}

	return state.hasMore && atLimit(state) ? safe`${formatCount(state.maxRows)}-row limit reached` : undefined;
}

const numbers = new Intl.NumberFormat('en-US');

/** 1250 -> "1,250". */
export function formatCount(count: number): SafeText {
	return sanitizeLine(numbers.format(count));
}

/** Pages per second over the last few pages, while pages are still coming; undefined otherwise. */
export function requestRate(state: Pick<EventsState, 'pageTimes' | 'loading'>): number | undefined {
	const times = state.pageTimes;
	if (state.loading === undefined || times.length < 2) {
		return undefined;
	}

	const seconds = (times.at(-1)! - times[0]!) / 1000;
	return seconds > 0 ? (times.length - 1) / seconds : undefined;
}

/** "scanned 1,250 · 14 match · 2 req/s" for a load that filters locally; "· stopped" after Esc. */
export function scanSummary(state: EventsState): SafeText {
	const matched = state.events.length;
	const parts = [safe`scanned ${formatCount(state.scanned)}`, safe`${formatCount(matched)} ${matched === 1 ? safe`match` : safe`matches`}`];
	const rate = requestRate(state);
	if (rate !== undefined) {
		parts.push(safe`${Math.round(rate * 10) / 10} req/s`);
	}

	const limit = limitNote(state);
	if (limit) {
		parts.push(limit);
	} else if (state.paused) {
		parts.push(safe`stopped`);
	} else if (state.loaded && !state.hasMore) {
		parts.push(safe`all scanned`);
	}

	return joinSafe(parts, safe` · `);
}
