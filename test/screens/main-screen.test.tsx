import React, {act} from 'react';
import {describe, expect, test} from 'vitest';
import stringWidth from 'string-width';
import {TrailviewError, type LookupOptions, type TrailEvent} from '../../source/domain/types.js';
import {deferred, fakeService, makeEvent, makeTrail} from '../helpers/fakes.js';
import {keys} from '../helpers/ink.js';
import {eventLines, lines, renderMain, widestLine} from './main-harness.js';

const events = (from: number, count: number, overrides: Partial<TrailEvent> = {}) =>
	Array.from({length: count}, (_, index) => makeEvent(from + index, overrides));

/** Pages the test hands out one by one; `requested` counts the pages the screen asked for. */
function heldPages() {
	const answers = [deferred<TrailEvent[] | undefined>(), deferred<TrailEvent[] | undefined>(), deferred<TrailEvent[] | undefined>()];
	const state = {requested: 0, signal: undefined as AbortSignal | undefined};
	const pages = (options: LookupOptions | undefined) => {
		state.signal = options?.signal;
		return (async function * () {
			for (const answer of answers) {
				state.requested++;
				const page = await answer.promise;
				if (page === undefined) {
					return;
				}

				yield page;
			}
		})();
	};

	return {answers, state, pages};
}

describe('main screen', () => {
	test('both panes show spinners until their answers arrive', async () => {
		const trails = deferred<ReturnType<typeof makeTrail>[]>();
		const held = heldPages();
		const screen = await renderMain(fakeService({trails: async () => trails.promise, pages: held.pages}));

		const frame = await screen.waitForFrame('Loading events…');
		expect(frame).toContain('Loading trails…');

		trails.resolve([makeTrail({name: 'main-trail'})]);
		await screen.waitForFrame('main-trail');
		expect(screen.frame()).toContain('Loading events…');

		held.answers[0]!.resolve(events(0, 3));
		const loaded = await screen.waitForFrame('PutThing2');
		expect(loaded).not.toContain('Loading');
	});

	test('shows the first page before asking for the second, and loads more only near the end', async () => {
		const held = heldPages();
		const screen = await renderMain(fakeService({pages: held.pages}), {columns: 100, rows: 24});
		held.answers[0]!.resolve(events(0, 40));
		await screen.waitForFrame('PutThing0');
		expect(held.state.requested).toBe(1);
		expect(screen.frame()).toContain('40 events loaded · more available');

		await screen.press(keys.end);
		const loadingMore = await screen.waitForFrame('loading more…');
		expect(held.state.requested).toBe(2);
		expect(loadingMore).toContain('PutThing39');

		held.answers[1]!.resolve(events(40, 40));
		await screen.waitForFrame('80 events loaded · more available');
		// The cursor is now far from the end: no third request yet.
		expect(held.state.requested).toBe(2);

		await screen.press('G');
		await screen.waitForFrame(() => held.state.requested === 3);
		held.answers[2]!.resolve(undefined);
		await screen.waitForFrame('80 events loaded · all loaded');
	});

	test('scrolling down through several pages loads them all and counts them', async () => {
		const pages = [events(0, 30), events(30, 30), events(60, 30)];
		const screen = await renderMain(fakeService({pages}), {columns: 100, rows: 24});
		await screen.waitForFrame('30 events loaded');
		for (let press = 0; press < 8; press++) {
			await screen.press(keys.pageDown);
		}

		const frame = await screen.waitForFrame('90 events loaded · all loaded');
		expect(frame).toContain('PutThing89');
	});

	test('r refreshes: picks up a new event, marks it, keeps the cursor on the same event', async () => {
		const first = events(1, 10);
		const added = makeEvent(0, {name: 'PutThingNew'});
		const service = fakeService({
			pages: (_options, call) =>
				(async function * () {
					yield call === 1 ? first : [added, ...first];
				})(),
		});
		const screen = await renderMain(service, {columns: 100, rows: 24});
		await screen.waitForFrame('PutThing1 ');
		await screen.press(keys.down);
		await screen.press(keys.down);
		// Cursor on PutThing3 now.
		await screen.press('r');
		const frame = await screen.waitForFrame('PutThingNew');
		const newLine = eventLines(frame).find(line => line.includes('PutThingNew'));
		expect(newLine).toMatch(/^\s*•/);
		expect(eventLines(frame).find(line => line.includes('PutThing3 '))).not.toMatch(/^\s*•/);
		expect(service.lookupCalls).toHaveLength(2);

		await screen.press(keys.enter);
		const detail = await screen.waitForFrame('Outcome');
		expect(detail).toContain('PutThing3 ');
		expect(detail).toContain('event 4 of 11');
	});

	test('Enter opens the event detail with a summary and the JSON record; Esc returns to the same row', async () => {
		const record = {eventVersion: '1.09', userIdentity: {type: 'IAMUser', arn: 'arn:aws:iam::111111111111:user/bob'}, eventName: 'DeleteBucket'};
		const pages = [[makeEvent(0), makeEvent(1), makeEvent(2, {name: 'DeleteBucket', username: 'bob', errorCode: 'AccessDenied', errorMessage: 'not allowed', raw: JSON.stringify(record)})]];
		const screen = await renderMain(fakeService({pages}), {columns: 100, rows: 30});
		await screen.waitForFrame('DeleteBucket');
		await screen.press('j');
		await screen.press('j');
		await screen.press(keys.enter);
		const detail = await screen.waitForFrame('"eventVersion": "1.09"');
		expect(detail).toContain('IAMUser');
		expect(detail).toContain('arn:aws:iam::111111111111:user/bob');
		expect(detail).toMatch(/Outcome\s+AccessDenied · not allowed/);
		expect(detail).toMatch(/When\s+.* local · 2026-11-24 11:58:00 UTC/);
		expect(detail).toContain('203.0.113.7 · aws-cli/2.15.0');
		expect(detail).not.toContain('Time (local)');

		await screen.press(keys.escape);
		await screen.waitForFrame('Time (local)');
		await screen.press(keys.enter);
		await screen.waitForFrame('"eventVersion": "1.09"');
	});

	test('keys that arrive in one chunk open the row the cursor ends on, not the one it left', async () => {
		const pages = [[makeEvent(0), makeEvent(1), makeEvent(2, {name: 'DeleteBucket'})]];
		const screen = await renderMain(fakeService({pages}), {columns: 100, rows: 30});
		await screen.waitForFrame('DeleteBucket');
		// A fast typist, a paste or tmux send-keys delivers these as one read.
		await screen.press(keys.down + keys.down + keys.enter);
		const detail = await screen.waitForFrame('event 3 of 3');
		expect(detail).toMatch(/What\s+DeleteBucket/);
	});

	test('a malformed record shows as sanitised raw text with a note', async () => {
		const pages = [[makeEvent(0, {raw: '{"eventName": "Put\u001B[2J'})]];
		const screen = await renderMain(fakeService({pages}));
		await screen.waitForFrame('PutThing0');
		await screen.press(keys.enter);
		const frame = await screen.waitForFrame('not valid JSON');
		expect(frame).toContain('{"eventName": "Put\\x1b[2J');
		expect(lines(frame).join('\n')).not.toContain('\u001B[2J');
	});

	test('a trails error stays in the trails pane; the events table keeps working', async () => {
		const denied = new TrailviewError('access-denied', 'Not allowed to call cloudtrail:DescribeTrails.', {hint: 'Ask for cloudtrail:DescribeTrails.'});
		const screen = await renderMain(fakeService({trails: async () => Promise.reject(denied), pages: [events(0, 5)]}));
		const frame = await screen.waitForFrame('Not allowed to call');
		expect(frame).toContain('Ask for cloudtrail:DescribeTrails.');
		expect(frame).toContain('r to retry');
		expect(frame).toContain('PutThing4');
		await screen.press('j');
		await screen.press(keys.enter);
		await screen.waitForFrame('Outcome');
	});

	test('an events error stays in the events pane; the trails pane keeps working', async () => {
		const expired = new TrailviewError('expired-credentials', 'The credentials have expired.', {hint: 'Run aws sso login --profile prod'});
		const service = fakeService({
			trails: async () => [makeTrail({name: 'still-here'})],
			pages: () =>
				(async function * (): AsyncGenerator<TrailEvent[]> {
					throw expired;
				})(),
		});
		const screen = await renderMain(service);
		const frame = await screen.waitForFrame('The credentials have expired.');
		expect(frame).toContain('still-here');
		expect(frame).toContain('logging ON');
		expect(frame).toContain('Run aws sso login --profile prod');
	});

	test('a throttled page keeps the events on screen and r tries again', async () => {
		const throttled = new TrailviewError('throttled', 'CloudTrail is throttling requests.', {hint: 'Wait a few seconds.'});
		let calls = 0;
		const service = fakeService({
			pages: () =>
				(async function * () {
					calls++;
					yield events(0, 20);
					if (calls === 1) {
						throw throttled;
					}

					yield events(20, 5);
				})(),
		});
		const screen = await renderMain(service, {columns: 100, rows: 24});
		await screen.waitForFrame('PutThing0');
		await screen.press('G');
		const frame = await screen.waitForFrame('CloudTrail is throttling requests.');
		expect(frame).toContain('PutThing19');
		expect(frame).toContain('Wait a few seconds.');
		expect(frame).toContain('r to retry');

		await screen.press('r');
		// The cursor was on the last event; the refresh keeps it there and the next page follows.
		await screen.waitForFrame('25 events loaded · all loaded');
		expect(screen.frame()).not.toContain('throttling');
	});

	test('terminal escapes in a username render as harmless visible text', async () => {
		const pages = [[makeEvent(0, {username: 'evil\u001B]0;pwned\u0007\u001B[2Jname'})]];
		const screen = await renderMain(fakeService({pages}), {columns: 160, rows: 30});
		const frame = await screen.waitForFrame('PutThing0');
		const text = lines(frame).join('\n');
		expect(text).not.toContain('\u001B');
		expect(text).not.toContain('\u0007');
		// The cell is cut to its column, but what shows is the escaped text.
		expect(text).toContain('evil\\x1b]0;pwned\\x07');

		await screen.press(keys.enter);
		const detail = lines(await screen.waitForFrame('Outcome')).join('\n');
		expect(detail).not.toContain('\u001B');
		expect(detail).not.toContain('\u0007');
		expect(detail).toContain('evil\\x1b]0;pwned\\x07\\x1b[2Jname');
	});

	test('a CJK username keeps the columns aligned', async () => {
		// The last name is 80 columns: too wide for 120 even after every other column took its share.
		const pages = [[makeEvent(0, {username: '山田太郎'}), makeEvent(1, {username: 'bob'}), makeEvent(2, {username: '山田太郎'.repeat(10)})]];
		const screen = await renderMain(fakeService({pages}), {columns: 120, rows: 30});
		const frame = await screen.waitForFrame('PutThing2');
		const rows = eventLines(frame);
		expect(rows).toHaveLength(3);
		const sourceColumn = rows.map(row => stringWidth(row.slice(0, row.indexOf(' s3 ') + 1)));
		expect(new Set(sourceColumn).size).toBe(1);
		expect(rows[2]).toContain('…');
	});

	test('a resize from 120x40 to 60x20 re-lays the screen', async () => {
		const screen = await renderMain(fakeService({pages: [events(0, 50)]}), {columns: 120, rows: 40});
		const wide = await screen.waitForFrame('PutThing0');
		expect(wide).toContain('Source IP');
		expect(wide).toMatch(/^ +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d PutThing0 /m);
		expect(lines(wide)).toHaveLength(40);

		await screen.resize(60, 20);
		// Columns fit the data, and these short values nearly all fit at 60: what goes is the year of
		// each time and the error column, which is empty.
		const narrow = await screen.waitForFrame(frame => /^ +\d\d-\d\d \d\d:\d\d:\d\d PutThing0 /m.test(frame) && lines(frame).length === 20);
		expect(wide).toContain(' Error ');
		expect(narrow).not.toContain(' Error ');
		expect(lines(narrow)).toHaveLength(20);
		expect(widestLine(narrow)).toBeLessThanOrEqual(60);
		expect(narrow).toContain('PutThing0');
		expect(narrow).toContain('Event');
	});

	test('stays readable at 40x12', async () => {
		const screen = await renderMain(fakeService({pages: [events(0, 50)]}), {columns: 40, rows: 12});
		const frame = await screen.waitForFrame('PutThing0');
		expect(lines(frame).length).toBeLessThanOrEqual(12);
		expect(widestLine(frame)).toBeLessThanOrEqual(40);
		expect(frame).toContain('Trails');
		expect(frame).toContain('org-trail');
		expect(frame).toContain('user0');
		expect(eventLines(frame).length).toBeGreaterThanOrEqual(2);
	});

	test('u toggles the time column between local time and UTC', async () => {
		const screen = await renderMain(fakeService({pages: [[makeEvent(0)]]}));
		await screen.waitForFrame('Time (local)');
		await screen.press('u');
		const frame = await screen.waitForFrame('Time (UTC)');
		expect(frame).toContain('2026-11-24 12:00:00');
		expect(frame).toContain('times in UTC');
		await screen.press('u');
		await screen.waitForFrame('Time (local)');
	});

	test('Tab moves focus between the panes and the footer follows', async () => {
		const screen = await renderMain(fakeService({pages: [[makeEvent(0)]]}));
		let frame = await screen.waitForFrame('PutThing0');
		expect(frame).toContain('▶ Write events');
		expect(frame).toContain('Enter details');
		await screen.press(keys.tab);
		frame = await screen.waitForFrame('▶ Trails');
		expect(frame).not.toContain('▶ Write events');
		expect(frame).not.toContain('Enter details');
	});

	test('the trails pane says when there is no trail, and that event history still works', async () => {
		const screen = await renderMain(fakeService({trails: async () => [], pages: [[makeEvent(0)]]}), {columns: 120, rows: 30});
		const frame = await screen.waitForFrame('No trails in this region.');
		expect(frame).toContain('90 days of management events without a trail');
	});

	test('trails show logging, delivery and status problems, and scroll when focused', async () => {
		const many = [
			makeTrail({name: 'stopped-trail', isLogging: false, latestDeliveryError: 'NoSuchBucket'}),
			...Array.from({length: 8}, (_, index) => makeTrail({name: `trail-${index}`})),
			makeTrail({name: 'last-trail', isLogging: undefined, statusError: 'AccessDenied on GetTrailStatus'}),
		];
		const screen = await renderMain(fakeService({trails: async () => many, pages: [[makeEvent(0)]]}), {columns: 120, rows: 24});
		let frame = await screen.waitForFrame('stopped-trail');
		expect(frame).toContain('logging OFF');
		expect(frame).toContain('delivery error: NoSuchBucket');
		expect(frame).not.toContain('last-trail');

		await screen.press(keys.tab);
		await screen.press(keys.end);
		frame = await screen.waitForFrame('last-trail');
		expect(frame).toContain('status error: AccessDenied on GetTrailStatus');
		expect(frame).not.toContain('stopped-trail');
		// The events table did not move.
		expect(frame).toContain('PutThing0');
	});

	test('unmounting aborts the request in flight', async () => {
		const held = heldPages();
		const service = fakeService({pages: held.pages});
		const screen = await renderMain(service);
		await screen.waitForFrame('Loading events…');
		expect(held.state.signal?.aborted).toBe(false);
		await act(async () => {
			screen.unmount();
		});
		expect(held.state.signal?.aborted).toBe(true);
		// A late answer after unmount changes nothing and raises no act() warning.
		held.answers[0]!.resolve(events(0, 3));
	});

	test('10,000 events: End and Home move correctly and only visible rows are rendered', async () => {
		const screen = await renderMain(fakeService({pages: [events(0, 10_000)]}), {columns: 120, rows: 30});
		let frame = await screen.waitForFrame('10000 events loaded');
		expect(eventLines(frame).length).toBeLessThan(30);

		await screen.press(keys.end);
		frame = await screen.waitForFrame('PutThing9999');
		expect(frame).not.toContain('PutThing0 ');
		await screen.waitForFrame('10000 events loaded · all loaded');

		for (let press = 0; press < 10; press++) {
			await screen.press('k');
		}

		await screen.press('G');
		await screen.press(keys.home);
		frame = await screen.waitForFrame('PutThing0 ');
		expect(frame).not.toContain('PutThing9999');
		const rows = eventLines(frame);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.length).toBeLessThan(30);
		expect(lines(frame)).toHaveLength(30);

		for (let press = 0; press < 5; press++) {
			await screen.press('j');
		}

		await screen.press(keys.enter);
		await screen.waitForFrame('PutThing5 ');
	});

	test('a 100 KB record scrolls line by line, windowed to the screen', async () => {
		const record = {eventName: 'Big', items: Array.from({length: 2000}, (_, index) => ({index, value: `value-${index}-${'x'.repeat(20)}`}))};
		const raw = JSON.stringify(record);
		expect(raw.length).toBeGreaterThan(100_000);
		const screen = await renderMain(fakeService({pages: [[makeEvent(0, {raw})]]}), {columns: 100, rows: 30});
		await screen.waitForFrame('PutThing0');
		await screen.press(keys.enter);
		let frame = await screen.waitForFrame('"eventName": "Big"');
		expect(lines(frame)).toHaveLength(30);
		await screen.press(keys.end);
		frame = await screen.waitForFrame('"value-1999-');
		expect(frame).not.toContain('"eventName": "Big"');
		expect(lines(frame)).toHaveLength(30);
		await screen.press(keys.pageUp);
		frame = await screen.waitForFrame(f => !f.includes('"value-1999-'));
		await screen.press(keys.home);
		await screen.waitForFrame('"eventName": "Big"');
		await screen.press(keys.escape);
		await screen.waitForFrame('Time (local)');
	});

	test('a detail left scrolled down opens at its top the next time', async () => {
		const record = {eventName: 'Big', items: Array.from({length: 200}, (_, index) => ({index}))};
		const raw = JSON.stringify(record);
		const screen = await renderMain(fakeService({pages: [[makeEvent(0, {raw}), makeEvent(1, {raw})]]}), {columns: 100, rows: 30});
		await screen.waitForFrame('PutThing1');
		await screen.press(keys.enter);
		await screen.waitForFrame('"eventName": "Big"');
		await screen.press(keys.end);
		await screen.waitForFrame(frame => !frame.includes('"eventName": "Big"'));
		await screen.press(keys.escape);
		await screen.waitForFrame('Time (local)');
		await screen.press(keys.down);
		await screen.press(keys.enter);
		const frame = await screen.waitForFrame('Event PutThing1');
		expect(frame).toContain('"eventName": "Big"');
	});

	test('keys do nothing while an overlay has the keyboard', async () => {
		const screen = await renderMain(fakeService({pages: [[makeEvent(0), makeEvent(1)]]}), {columns: 100, rows: 24}, undefined, false);
		await screen.waitForFrame('PutThing1');
		await screen.press('u');
		await screen.press(keys.tab);
		await screen.press(keys.enter);
		const frame = screen.frame();
		expect(frame).toContain('Time (local)');
		expect(frame).toContain('▶ Write events');
		expect(frame).not.toContain('Outcome');
	});

	test('at 40x12 errors in both panes shrink to fit and rows stay visible', async () => {
		const denied = new TrailviewError('access-denied', 'Not allowed: DescribeTrails', {hint: 'Ask an admin'});
		const throttled = new TrailviewError('throttled', 'Throttled', {hint: 'Wait a moment'});
		const service = fakeService({
			trails: async () => Promise.reject(denied),
			pages: () =>
				(async function * () {
					yield events(0, 20);
					throw throttled;
				})(),
		});
		const screen = await renderMain(service, {columns: 40, rows: 12});
		await screen.waitForFrame('PutThing0');
		await screen.press('G');
		const frame = await screen.waitForFrame('✗ Throttled');
		expect(lines(frame)).toHaveLength(12);
		expect(frame).toContain('✗ Not allowed: DescribeTrails');
		expect(frame).toContain('Ask an admin');
		expect(frame).toContain('PutThing19');

		await screen.press(keys.enter);
		const detail = await screen.waitForFrame('Outcome');
		expect(lines(detail)).toHaveLength(12);
		expect(detail).toContain('Who');
		expect(detail).toContain('"eventName": "PutThing19"');
	});
});
