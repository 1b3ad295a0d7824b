// The row limit (issue 13): past it the oldest rows drop, paging stops, and the footer says so.
import {describe, expect, test} from 'vitest';
import {eventsReducer, indexOf, initialEventsState, needsMore, type EventsAction, type EventsState} from '../../source/lib/events-state.js';
import {eventsSummary, scanSummary, visibleRows} from '../../source/lib/events-view.js';
import {defaultMaxRows} from '../../source/lib/events-limit.js';
import {makeEvent} from '../helpers/fakes.js';

const now = new Date(Date.UTC(2026, 10, 24, 12, 30, 0));
const range = (from: number, count: number) => Array.from({length: count}, (_, index) => makeEvent(from + index));
const run = (state: EventsState, ...actions: EventsAction[]) => actions.reduce(eventsReducer, state);
const ids = (state: EventsState) => state.events.map(event => event.id);

describe('row limit', () => {
	test('keeps 100,000 rows by default', () => {
		expect(defaultMaxRows).toBe(100_000);
		expect(initialEventsState(10).maxRows).toBe(100_000);
	});

	test('a page past the limit keeps the newest rows, counts the rest as dropped and stops paging', () => {
		let state = run(initialEventsState(5, 12), {type: 'page', events: range(0, 10), first: true, now});
		expect(eventsSummary(state)).toBe('10 events loaded · more available');
		state = run(state, {type: 'move', move: 'end'});
		expect(state.loading).toBe('more');
		state = run(state, {type: 'page', events: range(10, 10), first: false, now});
		expect(ids(state)).toEqual(range(0, 12).map(event => event.id));
		expect(state.dropped).toBe(8);
		expect(state.hasMore).toBe(true);
		// At the limit no key asks for another page.
		state = run(state, {type: 'move', move: 'end'});
		expect(state.cursor).toBe(11);
		expect(state.loading).toBeUndefined();
		expect(needsMore(state)).toBe(false);
		expect(eventsSummary(state)).toBe('12 events loaded · 8 oldest dropped (12-row limit)');
		// The rows kept are still found by id; the dropped ones are not.
		expect(indexOf(state.events, state.index, 'evt-00011')).toBe(11);
		expect(indexOf(state.events, state.index, 'evt-00012')).toBe(-1);
	});

	test('reaching the limit exactly says so, with nothing dropped yet', () => {
		const state = run(initialEventsState(5, 10), {type: 'page', events: range(0, 10), first: true, now});
		expect(state.dropped).toBe(0);
		expect(needsMore({...state, cursor: 9})).toBe(false);
		expect(eventsSummary(state)).toBe('10 events loaded · 10-row limit reached');
		// With every event loaded there is nothing the limit holds back.
		expect(eventsSummary(run(state, {type: 'end', now}))).toBe('10 events loaded · all loaded');
	});

	test('follow mode: new rows at the top push the oldest out at the bottom', () => {
		let state = run(initialEventsState(5, 10), {type: 'page', events: range(0, 10), first: true, now});
		state = run(state, {type: 'move', move: 'down'}, {type: 'move', move: 'down'});
		const cursorId = state.events[state.cursor]!.id;
		// Three events newer than everything loaded.
		state = run(state, {type: 'insert', events: range(-3, 3), now});
		expect(ids(state)).toEqual(range(-3, 10).map(event => event.id));
		expect(state.dropped).toBe(3);
		expect(state.events[state.cursor]!.id).toBe(cursorId);
		expect(state.newIds.size).toBe(3);
		expect(eventsSummary(state)).toBe('10 events loaded · 3 oldest dropped (10-row limit)');
		expect(visibleRows(state).rows).toHaveLength(5);
	});

	test('a new load starts counting again; a new query keeps the limit', () => {
		let state = run(initialEventsState(5, 10), {type: 'page', events: range(0, 10), first: true, now}, {type: 'insert', events: range(-2, 2), now});
		expect(state.dropped).toBe(2);
		state = run(state, {type: 'load'}, {type: 'page', events: range(0, 4), first: true, now});
		expect(state.dropped).toBe(0);
		state = run(state, {type: 'reset'});
		expect(state.maxRows).toBe(10);
		expect(state.dropped).toBe(0);
	});

	test('a scan with a local filter stops at the limit and says why', () => {
		let state = run(initialEventsState(5, 6), {type: 'page', events: range(0, 4), first: true, now, scanned: 50});
		expect(needsMore(state)).toBe(true);
		state = run(state, {type: 'more'}, {type: 'page', events: range(4, 4), first: false, now, scanned: 50});
		expect(needsMore(state)).toBe(false);
		expect(scanSummary(state)).toBe('scanned 100 · 6 matches · 2 oldest dropped (6-row limit)');
	});
});
