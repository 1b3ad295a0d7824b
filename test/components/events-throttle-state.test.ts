// The events reducer while a page is throttled: the pane knows when the next try is, the rows
// already loaded stay, and whatever comes next (a page, the end, a failure, a new load) ends it.
import {describe, expect, test} from 'vitest';
import {TrailviewError} from '../../source/domain/types.js';
import {eventsReducer, initialEventsState, type EventsAction, type EventsState} from '../../source/lib/events-state.js';
import {visibleRows} from '../../source/lib/events-view.js';
import {makeEvent} from '../helpers/fakes.js';

const now = new Date(Date.UTC(2026, 10, 24, 12, 30, 0));
const range = (from: number, count: number) => Array.from({length: count}, (_, index) => makeEvent(from + index));
const run = (state: EventsState, ...actions: EventsAction[]) => actions.reduce(eventsReducer, state);
const throttled: EventsAction = {type: 'throttled', retryAt: 1_000_000};

describe('a throttled page', () => {
	test('the first page: waiting, still loading, nothing to show yet', () => {
		const state = run(initialEventsState(5), throttled);
		expect(state.waiting).toEqual({retryAt: 1_000_000});
		expect(state.loading).toBe('first');
		expect(state.error).toBeUndefined();
	});

	test('a further page: the rows already loaded and the cursor stay', () => {
		const loaded = run(initialEventsState(5), {type: 'page', events: range(0, 50), first: true, now}, {type: 'move', move: 'end'});
		const state = run(loaded, throttled);
		expect(state.events).toBe(loaded.events);
		expect(state.cursor).toBe(49);
		expect(state.loading).toBe('more');
		expect(visibleRows(state).rows.at(-1)?.index).toBe(49);
		expect(run(state, {type: 'move', move: 'up'}).waiting).toEqual({retryAt: 1_000_000});
	});

	test('a later wait replaces the earlier one', () => {
		expect(run(initialEventsState(), throttled, {type: 'throttled', retryAt: 2_000_000}).waiting).toEqual({retryAt: 2_000_000});
	});

	test.each<[string, EventsAction]>([
		['the page arriving', {type: 'page', events: range(0, 3), first: true, now}],
		['the end of the pages', {type: 'end', now}],
		['a failure', {type: 'failed', error: new TrailviewError('network', 'Could not reach the endpoint.')}],
		['a new load', {type: 'load'}],
	])('ends with %s', (_label, action) => {
		expect(run(initialEventsState(), throttled, action).waiting).toBeUndefined();
	});
});
