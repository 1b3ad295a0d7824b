// What a pane shows while CloudTrail throttles it: the rows already there, and one line saying what
// is happening, counting down to the next try on its own, with the key that tries at once.
import React, {act} from 'react';
import {afterEach, expect, test, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {EventsPane} from '../../source/panes/events-pane.js';
import {TrailsPane, trailsPaneWants} from '../../source/panes/trails-pane.js';
import {eventsReducer, initialEventsState} from '../../source/lib/events-state.js';
import type {TrailsState} from '../../source/hooks/use-trails.js';
import {renderInk} from '../helpers/ink.js';
import {makeEvent, makeTrail} from '../helpers/fakes.js';
import type {Query} from '../../source/domain/query/types.js';

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

const now = new Date(Date.UTC(2026, 10, 24, 12, 30, 0));
const noQuery: Query = {text: '', terms: [], since: undefined, until: undefined};

test('events pane: the loaded rows stay and the notice counts down by itself to "retrying now"', async () => {
	// Time moves only when the test moves it, inside act(), so each tick is one render.
	vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'Date']});
	try {
		const loaded = eventsReducer(initialEventsState(8), {type: 'page', events: Array.from({length: 20}, (_, index) => makeEvent(index)), first: true, now});
		const state = eventsReducer(eventsReducer(loaded, {type: 'more'}), {type: 'throttled', retryAt: Date.now() + 2500});
		const screen = await renderInk(<EventsPane state={state} region="us-east-1" query={noQuery} writeOnly filtersLocally={false} needles={[]} width={100} height={8} focused utc />);
		const tick = async (ms: number) => {
			await act(async () => {
				await vi.advanceTimersByTimeAsync(ms);
			});
			return screen.frame();
		};

		const first = screen.frame();
		expect(first).toContain('throttled by CloudTrail · retrying in 3 s · r now');
		expect(first).toContain('PutThing0');
		// Title, column header, six rows, the notice: the notice took one row from the table.
		expect(first.split('\n')).toHaveLength(9);
		expect(await tick(600)).toContain('retrying in 2 s · r now');
		expect(await tick(1000)).toContain('retrying in 1 s · r now');
		const last = await tick(1000);
		expect(last).toContain('throttled by CloudTrail · retrying now…');
		expect(last).toContain('PutThing0');
		// Nothing left to count: no timer keeps ticking.
		expect(vi.getTimerCount()).toBe(0);
	} finally {
		vi.useRealTimers();
	}
});

test('events pane: before any row, the notice stands where the spinner was', async () => {
	const state = eventsReducer(initialEventsState(8), {type: 'throttled', retryAt: Date.now() + 30_000});
	const screen = await renderInk(<EventsPane state={state} region="us-east-1" query={noQuery} writeOnly filtersLocally={false} needles={[]} width={100} height={8} focused utc />);
	const frame = await screen.waitForFrame('throttled by CloudTrail · retrying in 30 s · r now');
	expect(frame).not.toContain('Loading events');
});

test('trails pane: the notice goes above the trails already shown', async () => {
	const state: TrailsState = {trails: [makeTrail()], error: undefined, loading: true, loadedAt: now, waiting: {retryAt: Date.now() + 5000}};
	const height = trailsPaneWants(state);
	const screen = await renderInk(<TrailsPane state={state} region="us-east-1" width={100} height={height} focused={false} start={0} utc now={now} />);
	const frame = await screen.waitForFrame('retrying in 5 s');
	const lines = frame.split('\n');
	expect(lines[1]).toMatch(/^throttled by CloudTrail · retrying in 5 s · r now/);
	expect(lines[2]).toMatch(/^org-trail/);
	expect(height).toBe(trailsPaneWants({...state, waiting: undefined}) + 1);
});
