// The events table as a pure state machine: pages arriving, the cursor, the visible window and
// the "new since last load" marks. The hook (use-events.ts) only feeds it service answers and key
// presses, so every rule here is unit-tested without React or a terminal.
import type {TrailEvent, TrailviewError} from '../domain/types.js';
import {keepVisible, moveIndex, type Move} from './table-window.js';
import {emptyIndex, indexOf, ownIndex, type EventIndex} from './event-index.js';
import {insertEvents} from './events-insert.js';
import {atLimit, defaultMaxRows, keepNewest} from './events-limit.js';

export {indexOf, type EventIndex} from './event-index.js';

export type EventsState = {
	events: TrailEvent[];
	/** Shared by the states of one load; read it through `indexOf`. */
	index: EventIndex;
	cursor: number;
	/** Index of the first row on screen. */
	top: number;
	/** Rows the table had at the last move or page; what is drawn uses the current size (`framed`). */
	viewport: number;
	/** 'first' until the first page of a (re)load arrives; 'more' while a further page is fetched. */
	loading: 'first' | 'more' | undefined;
	/** False once the service said there are no more pages. */
	hasMore: boolean;
	/** The last failure; events already loaded stay. Cleared by the next load. */
	error: TrailviewError | undefined;
	/** While CloudTrail throttles the page being loaded: when it is tried next (Date.now() ms). Rows stay. */
	waiting: {retryAt: number} | undefined;
	/** At least one first page has arrived (an empty result then means "no events"). */
	loaded: boolean;
	loadedAt: Date | undefined;
	/** Events that were not there on the previous load. */
	newIds: ReadonlySet<string>;
	/** What the previous load held, while a refresh's pages arrive, to tell new events apart. */
	baseline: {events: TrailEvent[]; index: EventIndex; newest: number} | undefined;
	/** After a refresh, the event the cursor was on when it is not loaded yet; the cursor goes there when it arrives. */
	followId: string | undefined;
	/** Events read from the service in this load, matching or not (a local filter drops some). */
	scanned: number;
	/** When the last few pages arrived (ms), for the request rate the footer shows. */
	pageTimes: readonly number[];
	/** Esc stopped the scan: no page is fetched by itself until the cursor moves or the query runs again. */
	paused: boolean;
	/** Rows kept at most (events-limit.ts); `dropped` counts the oldest let go past it in this load. */
	maxRows: number;
	dropped: number;
};

export type EventsAction =
	| {type: 'load'}
	| {type: 'more'}
	/** `rows`: the table's rows when the page arrived (see `framed`). */
	/** `events`: the page's matches; `scanned`: how many events the page held before local filtering. */
	| {type: 'page'; events: TrailEvent[]; first: boolean; now: Date; rows?: number; scanned?: number}
	/** A new query: nothing of the old one stays (a refresh of the same query is just 'load'). */
	| {type: 'reset'}
	/** Esc: stop fetching pages by themselves; what is loaded stays. */
	| {type: 'stop'}
	/** Follow mode: events that arrived since, put in at their time and marked new. */
	| {type: 'insert'; events: TrailEvent[]; now: Date}
	| {type: 'end'; now: Date}
	| {type: 'failed'; error: TrailviewError}
	/** The page being loaded was throttled and is tried again at `retryAt`; cleared by what comes next. */
	| {type: 'throttled'; retryAt: number}
	/** `rows`: the table's rows as drawn (default: as at the last action); it comes with the key, never from an effect. */
	| {type: 'move'; move: Move; rows?: number};

export function initialEventsState(viewport = 10, maxRows = defaultMaxRows): EventsState {
	return {
		events: [],
		index: emptyIndex(),
		cursor: 0,
		top: 0,
		viewport: Math.max(1, viewport),
		loading: 'first',
		hasMore: true,
		error: undefined,
		waiting: undefined,
		loaded: false,
		loadedAt: undefined,
		newIds: new Set(),
		baseline: undefined,
		followId: undefined,
		scanned: 0,
		pageTimes: [],
		paused: false,
		maxRows,
		dropped: 0,
	};
}

/** How many page times are kept: enough for a steady rate, few enough to follow a change. */
const pageTimesKept = 6;

/** Whether the table shows a trailing "loading more…" row after the last event. */
export function hasTailRow(state: Pick<EventsState, 'loading'>): boolean {
	return state.loading === 'more';
}

/** Recomputes `top` so the cursor (and, at the very end, the tail row) stays on screen. */
function reframe(state: EventsState, top = state.top): EventsState {
	const tail = hasTailRow(state) ? 1 : 0;
	const count = state.events.length;
	const cursor = Math.max(0, Math.min(state.cursor, count - 1));
	let next = keepVisible(top, cursor, state.viewport, count + tail);
	if (tail === 1 && cursor === count - 1 && state.viewport > 1) {
		next = keepVisible(next, count, state.viewport, count + tail);
	}

	return {...state, cursor, top: next};
}

function isNew(event: TrailEvent, baseline: EventsState['baseline']): boolean {
	return baseline !== undefined && indexOf(baseline.events, baseline.index, event.id) === -1 && event.time.getTime() >= baseline.newest;
}

function addPage(state: EventsState, page: TrailEvent[], now: Date, first = false): EventsState {
	const index = ownIndex(state.events, state.index);
	const loaded = state.events.length;
	const added: TrailEvent[] = [];
	let newIds: Set<string> | undefined;
	for (const event of page) {
		const position = index.positions.get(event.id);
		const known = position === undefined ? undefined : position < loaded ? state.events[position] : added[position - loaded];
		if (known?.id === event.id) {
			continue;
		}

		index.positions.set(event.id, loaded + added.length);
		added.push(event);
		if (isNew(event, state.baseline)) {
			newIds ??= new Set(state.newIds);
			newIds.add(event.id);
		}
	}

	index.size = loaded + added.length;
	const kept = keepNewest({events: added.length === 0 ? state.events : state.events.concat(added), index}, state.maxRows);
	const {events} = kept;
	let next: EventsState = {...state, events, index: kept.index, dropped: state.dropped + kept.dropped, newIds: newIds ?? state.newIds, loading: undefined, loadedAt: state.loadedAt ?? now};
	if (next.followId !== undefined) {
		const position = indexOf(events, next.index, next.followId);
		if (position >= 0) {
			next = {...next, cursor: position, followId: undefined};
			// In the first page, keep the window where it was so new events show above the cursor;
			// further down, land on the event at the same height on screen it had before.
			return reframe(next, first ? state.top : position - (state.cursor - state.top));
		}
	}

	return reframe(next);
}

function firstPage(state: EventsState, page: TrailEvent[], now: Date): EventsState {
	const previousId = state.loaded ? state.events[state.cursor]?.id : undefined;
	const baseline = state.loaded
		? {events: state.events, index: state.index, newest: state.events[0]?.time.getTime() ?? Number.NEGATIVE_INFINITY}
		: undefined;
	const fresh: EventsState = {
		...state,
		events: [],
		index: emptyIndex(),
		newIds: new Set(),
		dropped: 0,
		baseline,
		loaded: true,
		loadedAt: now,
		hasMore: true,
		error: undefined,
		followId: previousId,
	};
	const next = addPage(fresh, page, now, true);
	if (next.followId !== undefined) {
		// Not in the first page: hold the cursor at the same index; paging continues towards it.
		return reframe({...next, cursor: Math.min(state.cursor, Math.max(0, next.events.length - 1))});
	}

	return next;
}

/**
 * `state` itself when a move or resize changed nothing (Down on the last row, End at the end): the
 * same object lets React skip the render, and with it a whole Ink frame, which costs far more than
 * this comparison.
 */
function unlessUnchanged(state: EventsState, next: EventsState): EventsState {
	return next.cursor === state.cursor && next.top === state.top && next.viewport === state.viewport && next.followId === state.followId
		? state
		: next;
}

export function eventsReducer(state: EventsState, action: EventsAction): EventsState {
	switch (action.type) {
		case 'load': {
			return {...state, loading: 'first', error: undefined, waiting: undefined, paused: false};
		}

		case 'reset': {
			return initialEventsState(state.viewport, state.maxRows);
		}

		case 'insert': {
			const inserted = insertEvents(state, action.events);
			if (!inserted) {
				return state;
			}

			const newIds = new Set(state.newIds);
			for (const id of inserted.added) {
				newIds.add(id);
			}

			const {events, index, dropped} = keepNewest(inserted, state.maxRows);
			const {cursor, top} = inserted;
			return reframe({...state, events, index, cursor, top, newIds, dropped: state.dropped + dropped, loaded: true, loadedAt: state.loadedAt ?? action.now});
		}

		case 'stop': {
			return state.loading === 'more' || needsMore(state) ? reframe({...state, paused: true, loading: undefined}) : state;
		}

		case 'more': {
			return reframe({...state, loading: 'more', error: undefined});
		}

		case 'throttled': {
			return {...state, waiting: {retryAt: action.retryAt}};
		}

		case 'page': {
			const framedState = action.rows === undefined ? state : framed(state, action.rows);
			const scanned = action.scanned ?? action.events.length;
			const base: EventsState = {
				...framedState,
				waiting: undefined,
				scanned: action.first ? scanned : framedState.scanned + scanned,
				pageTimes: [...(action.first ? [] : framedState.pageTimes), action.now.getTime()].slice(-pageTimesKept),
			};
			return action.first ? firstPage(base, action.events, action.now) : addPage(base, action.events, action.now);
		}

		case 'end': {
			return reframe({
				...state,
				loading: undefined,
				waiting: undefined,
				hasMore: false,
				followId: undefined,
				loaded: true,
				loadedAt: state.loading === 'first' ? action.now : (state.loadedAt ?? action.now),
				// A load that ended without any page still replaces what was there.
				...(state.loading === 'first' ? {events: [], index: emptyIndex(), newIds: new Set<string>(), dropped: 0} : {}),
			});
		}

		case 'failed': {
			return reframe({...state, loading: undefined, waiting: undefined, error: action.error});
		}

		case 'move': {
			const base = framed(state, action.rows ?? state.viewport);
			const page = Math.max(1, base.viewport - 1);
			const cursor = moveIndex(base.cursor, action.move, base.events.length, page);
			// A move asks for more on demand again after Esc stopped a scan.
			const next = unlessUnchanged(state, reframe({...base, cursor, followId: undefined}));
			// A move that nears the end asks for the next page in the same state, so the key draws
			// one frame (rows and the "loading more…" row together), not one for each.
			const resumed = next.paused && next !== state ? {...next, paused: false} : next;
			return needsMore(resumed) ? reframe({...resumed, loading: 'more', error: undefined}) : resumed;
		}
	}
}

/**
 * `state` as drawn in a table of `rows` rows: the window moved just enough to keep the cursor on
 * screen. A resize shows at once, derived while rendering, with no state written back.
 */
export function framed(state: EventsState, rows: number): EventsState {
	const viewport = Math.max(1, rows);
	return viewport === state.viewport ? state : reframe({...state, viewport});
}

/** Whether another page should be fetched: the cursor is within one screen of the end of what is loaded. */
export function needsMore(state: EventsState, rows = state.viewport): boolean {
	return (
		state.loaded &&
		state.hasMore &&
		!state.paused &&
		state.loading === undefined &&
		state.error === undefined &&
		!atLimit(state) &&
		state.cursor >= state.events.length - Math.max(1, rows)
	);
}

