import {describe, expect, test} from 'vitest';
import {TrailviewError} from '../../source/domain/types.js';
import {eventsReducer, indexOf, initialEventsState, needsMore, type EventsAction, type EventsState} from '../../source/lib/events-state.js';
import {eventsSummary, selectedEvent, visibleRows} from '../../source/lib/events-view.js';
import {makeEvent} from '../helpers/fakes.js';

const now = new Date(Date.UTC(2026, 10, 24, 12, 30, 0));
const range = (from: number, count: number) => Array.from({length: count}, (_, index) => makeEvent(from + index));
const run = (state: EventsState, ...actions: EventsAction[]) => actions.reduce(eventsReducer, state);
const loaded = (count: number, viewport = 10) =>
	run(initialEventsState(viewport), {type: 'page', events: range(0, count), first: true, now});

describe('events reducer', () => {
	test('starts loading with nothing to show', () => {
		const state = initialEventsState(5);
		expect(state.loading).toBe('first');
		expect(visibleRows(state).rows).toEqual([]);
		expect(needsMore(state)).toBe(false);
		expect(eventsSummary(state)).toBe('loading events…');
	});

	test('the first page shows at once and only the viewport is visible', () => {
		const state = loaded(50, 10);
		expect(state.loading).toBeUndefined();
		expect(state.loadedAt).toEqual(now);
		const {rows, tail} = visibleRows(state);
		expect(rows.map(row => row.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(rows[0]!.selected).toBe(true);
		expect(tail).toBe(false);
		expect(eventsSummary(state)).toBe('50 events loaded · more available');
	});

	test('asks for more only within one screen of the end', () => {
		let state = loaded(50, 10);
		expect(needsMore(state)).toBe(false);
		state = run(state, ...Array.from({length: 39}, () => ({type: 'move', move: 'down'}) as const));
		expect(state.cursor).toBe(39);
		expect(needsMore(state)).toBe(false);
		expect(eventsSummary(state)).toBe('50 events loaded · more available');
		expect(needsMore({...state, cursor: 40})).toBe(true);
		state = run(state, {type: 'more'});
		expect(needsMore(state)).toBe(false);
		expect(eventsSummary(state)).toBe('50 events loaded · loading more…');
	});

	test('the key that nears the end asks for more in the same state, so it draws one frame', () => {
		let state = run(loaded(50, 10), ...Array.from({length: 39}, () => ({type: 'move', move: 'down'}) as const));
		expect(state.loading).toBeUndefined();
		state = run(state, {type: 'move', move: 'down'});
		expect(state.cursor).toBe(40);
		expect(state.loading).toBe('more');
		expect(eventsSummary(state)).toBe('50 events loaded · loading more…');
		expect(needsMore(state)).toBe(false);
	});

	test('the rows drawn follow the size given, without a state update', () => {
		const state = run(loaded(100, 20), {type: 'move', move: 'pageDown'});
		expect(state.cursor).toBe(19);
		expect(visibleRows(state, 5).rows.map(row => row.index)).toEqual([15, 16, 17, 18, 19]);
		expect(visibleRows(state, 20).rows.map(row => row.index)).toEqual(Array.from({length: 20}, (_, index) => index));
		expect(needsMore(state, 80)).toBe(false);
		expect(needsMore(state, 81)).toBe(true);
	});

	test('End shows the loading-more row under the last event', () => {
		const state = run(loaded(50, 10), {type: 'move', move: 'end'});
		const {rows, tail} = visibleRows(state);
		expect(state.cursor).toBe(49);
		expect(rows.at(-1)!.index).toBe(49);
		expect(rows).toHaveLength(9);
		expect(tail).toBe(true);
	});

	test('appends pages, skipping an event the service repeats', () => {
		const state = run(loaded(3), {type: 'more'}, {type: 'page', events: [makeEvent(2), makeEvent(3)], first: false, now});
		expect(state.events.map(event => event.id)).toEqual(['evt-00000', 'evt-00001', 'evt-00002', 'evt-00003']);
		expect(state.newIds.size).toBe(0);
	});

	test('the end of the pages says all loaded and stops asking', () => {
		const state = run(loaded(3), {type: 'more'}, {type: 'end', now});
		expect(state.hasMore).toBe(false);
		expect(needsMore(state)).toBe(false);
		expect(eventsSummary(state)).toBe('3 events loaded · all loaded');
	});

	test('an empty result is "no events", not loading', () => {
		const state = run(initialEventsState(), {type: 'end', now});
		expect(state.loaded).toBe(true);
		expect(state.loading).toBeUndefined();
		expect(eventsSummary(state)).toBe('0 events loaded · all loaded');
	});

	test('moves: PgDn/PgUp by a screen, Home/End, clamped', () => {
		let state = run(loaded(100, 10), {type: 'end', now});
		state = run(state, {type: 'move', move: 'pageDown'});
		expect(state.cursor).toBe(9);
		state = run(state, {type: 'move', move: 'pageDown'});
		expect(state.cursor).toBe(18);
		expect(state.top).toBe(9);
		state = run(state, {type: 'move', move: 'end'});
		expect(state.cursor).toBe(99);
		expect(state.top).toBe(90);
		state = run(state, {type: 'move', move: 'down'});
		expect(state.cursor).toBe(99);
		state = run(state, {type: 'move', move: 'home'}, {type: 'move', move: 'up'});
		expect(state.cursor).toBe(0);
		expect(state.top).toBe(0);
	});

	test('a key that moves nothing, or the same viewport again, returns the very same state', () => {
		const state = loaded(30, 10);
		expect(run(state, {type: 'move', move: 'up'})).toBe(state);
		expect(run(state, {type: 'move', move: 'home'})).toBe(state);
		expect(run(state, {type: 'move', move: 'up', rows: 10})).toBe(state);
		const atEnd = run(state, {type: 'move', move: 'end'});
		expect(atEnd).not.toBe(state);
		expect(run(atEnd, {type: 'move', move: 'down'})).toBe(atEnd);
		expect(run(atEnd, {type: 'move', move: 'end'})).toBe(atEnd);
	});

	test('moving stops following an event after a refresh, even when the cursor stays put', () => {
		let state = run(loaded(30, 10), {type: 'move', move: 'end'});
		state = run(state, {type: 'load'}, {type: 'page', events: range(0, 5), first: true, now});
		expect(state.followId).toBe('evt-00029');
		const moved = run(state, {type: 'move', move: 'end'});
		expect(moved.followId).toBeUndefined();
	});

	test('a smaller viewport keeps the cursor on screen', () => {
		const state = run(loaded(100, 20), {type: 'move', move: 'pageDown'}, {type: 'move', move: 'down', rows: 5});
		expect(state.cursor).toBe(20);
		expect(state.viewport).toBe(5);
		expect(visibleRows(state).rows.map(row => row.index)).toContain(20);
		expect(visibleRows(state).rows).toHaveLength(5);
	});

	test('a refresh keeps the cursor on the same event and marks new ones', () => {
		let state = run(loaded(20, 10), {type: 'move', move: 'down'}, {type: 'move', move: 'down'});
		expect(selectedEvent(state)!.id).toBe('evt-00002');
		const fresh = [makeEvent(-2), makeEvent(-1), ...range(0, 20)];
		state = run(state, {type: 'load'}, {type: 'page', events: fresh, first: true, now});
		expect(selectedEvent(state)!.id).toBe('evt-00002');
		expect(state.cursor).toBe(4);
		expect([...state.newIds]).toEqual(['evt-000-2', 'evt-000-1']);
		expect(visibleRows(state).rows.filter(row => row.isNew)).toHaveLength(2);
	});

	test('a refresh follows the cursor event onto a later page', () => {
		let state = run(loaded(30, 10), {type: 'more'}, {type: 'page', events: range(30, 30), first: false, now});
		state = run(state, ...Array.from({length: 45}, () => ({type: 'move', move: 'down'}) as const));
		expect(selectedEvent(state)!.id).toBe('evt-00045');
		state = run(state, {type: 'load'}, {type: 'page', events: [makeEvent(-1), ...range(0, 29)], first: true, now});
		expect(state.followId).toBe('evt-00045');
		expect(needsMore(state)).toBe(true);
		state = run(state, {type: 'more'}, {type: 'page', events: range(29, 30), first: false, now});
		expect(selectedEvent(state)!.id).toBe('evt-00045');
		expect(state.followId).toBeUndefined();
	});

	test('moving during a refresh stops following', () => {
		let state = run(loaded(30, 10), {type: 'move', move: 'end'});
		state = run(state, {type: 'load'}, {type: 'page', events: range(0, 5), first: true, now}, {type: 'move', move: 'home'});
		state = run(state, {type: 'more'}, {type: 'page', events: range(5, 30), first: false, now});
		expect(state.cursor).toBe(0);
	});

	test('a failure keeps the events, stops paging and is cleared by the next load', () => {
		const error = new TrailviewError('throttled', 'Slow down.');
		let state = run(loaded(20, 10), {type: 'move', move: 'end'}, {type: 'more'}, {type: 'failed', error});
		expect(state.events).toHaveLength(20);
		expect(state.error).toBe(error);
		expect(needsMore(state)).toBe(false);
		expect(visibleRows(state).tail).toBe(false);
		state = run(state, {type: 'load'});
		expect(state.error).toBeUndefined();
		expect(state.events).toHaveLength(20);
	});

	test('the first load failing leaves an empty table with the error', () => {
		const error = new TrailviewError('access-denied', 'Denied.');
		const state = run(initialEventsState(), {type: 'failed', error});
		expect(state.events).toEqual([]);
		expect(state.error).toBe(error);
		expect(state.loaded).toBe(false);
	});
});

describe('event index shared by the states of one load', () => {
	const ids = (state: EventsState) => state.events.map(event => event.id);
	const page = (events: ReturnType<typeof range>) => ({type: 'page', events, first: false, now}) as const;

	test('finds every loaded event and nothing else', () => {
		const state = run(loaded(5), {type: 'more'}, page(range(5, 5)));
		for (const [position, event] of state.events.entries()) {
			expect(indexOf(state.events, state.index, event.id)).toBe(position);
		}

		expect(indexOf(state.events, state.index, 'evt-99999')).toBe(-1);
	});

	test('skips an event repeated within one page', () => {
		const state = run(loaded(2), {type: 'more'}, page([makeEvent(2), makeEvent(3), makeEvent(2), makeEvent(1)]));
		expect(ids(state)).toEqual(['evt-00000', 'evt-00001', 'evt-00002', 'evt-00003']);
	});

	test('an older state still answers for its own events after a newer one added a page', () => {
		const older = loaded(3);
		const newer = run(older, {type: 'more'}, page(range(3, 3)));
		expect(newer.index).toBe(older.index);
		expect(indexOf(older.events, older.index, 'evt-00004')).toBe(-1);
		expect(indexOf(older.events, older.index, 'evt-00002')).toBe(2);
	});

	test('reducing the same state twice (as React may) gives the same result both times', () => {
		const state = run(loaded(3), {type: 'more'});
		const action = page([makeEvent(2), ...range(3, 3)]);
		const first = eventsReducer(state, action);
		const second = eventsReducer(state, action);
		expect(ids(second)).toEqual(ids(first));
		expect(ids(second)).toEqual(['evt-00000', 'evt-00001', 'evt-00002', 'evt-00003', 'evt-00004', 'evt-00005']);
		// The second result must not mistake the first one's additions for events it already has.
		const next = eventsReducer(second, page(range(6, 2)));
		expect(ids(next).slice(-3)).toEqual(['evt-00005', 'evt-00006', 'evt-00007']);
		for (const [position, event] of next.events.entries()) {
			expect(indexOf(next.events, next.index, event.id)).toBe(position);
		}
	});

	test('a page applied to an older state is deduplicated against that state, not a newer one', () => {
		const older = run(loaded(3), {type: 'more'});
		run(older, page(range(3, 3)));
		const replayed = eventsReducer(older, page(range(3, 4)));
		expect(ids(replayed)).toEqual(['evt-00000', 'evt-00001', 'evt-00002', 'evt-00003', 'evt-00004', 'evt-00005', 'evt-00006']);
	});

	test('a refresh marks as new only events the previous load did not have', () => {
		let state = run(loaded(3), {type: 'more'}, page(range(3, 3)));
		state = run(state, {type: 'load'}, {type: 'page', events: [makeEvent(-1), ...range(0, 2)], first: true, now});
		expect([...state.newIds]).toEqual(['evt-000-1']);
		state = run(state, {type: 'more'}, page(range(2, 4)));
		expect([...state.newIds]).toEqual(['evt-000-1']);
		expect(ids(state)).toHaveLength(7);
	});
});
