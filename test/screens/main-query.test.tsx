// The query line, time windows, pivots and the write-only toggle on the main screen (issue 12), as
// a person at the keyboard sees them: what is typed, what the title and footer say, which rows
// stay, and which one attribute the service is asked for.
import React, {act} from 'react';
import {afterAll, afterEach, beforeAll, describe, expect, test, vi} from 'vitest';
import chalk from 'chalk';
import {cleanup} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {AppProvider} from '../../source/context/app-context.js';
import {MainScreen} from '../../source/screens/main-screen.js';
import {memoryQueryStore, type QueryStore} from '../../source/lib/query-store.js';
import type {CloudTrailService, LookupAttribute, LookupOptions, TrailEvent} from '../../source/domain/types.js';
import {deferred, fakeBackend, fakeService, fakeSession, makeEvent, type Deferred} from '../helpers/fakes.js';
import {keys, renderInk, type Rendered} from '../helpers/ink.js';

vi.mock('ink-spinner', () => import('../app/static-spinner.js'));
// The "loaded 3 s ago" clock would tick between key presses, outside act(); it is not what this tests.
vi.mock('../../source/hooks/use-events-clock.js', () => ({useNow: () => new Date(Date.UTC(2026, 10, 24, 12, 0, 0))}));

// Matches are underlined; with chalk's level at 0 (no terminal here) the underline would not show.
let chalkLevel: typeof chalk.level;
beforeAll(() => {
	chalkLevel = chalk.level;
	chalk.level = 1;
});
afterAll(() => {
	chalk.level = chalkLevel;
});

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

const ansi = /\u001B\[[\d;]*m/g;

/** The frame as a person reads it: no colour codes. */
function plain(frame: string): string {
	return frame.replaceAll(ansi, '');
}

/** The table rows (they start with a time), without colour codes. */
function rows(frame: string): string[] {
	return plain(frame)
		.split('\n')
		.filter(line => /^.{0,3}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /.test(line));
}

/** The underlined runs of text in the raw line that holds `marker`. */
function underlinedIn(frame: string, marker: string): string[] {
	const line = frame.split('\n').find(candidate => plain(candidate).includes(marker)) ?? '';
	return [...line.matchAll(/\u001B\[4m(.*?)\u001B\[24m/g)].map(match => plain(match[1]!));
}

/** The line the query is typed on ("/ user:alice"), just above the footer's two lines; undefined when closed. */
function queryLine(frame: string): string | undefined {
	const line = plain(frame).split('\n').at(-3);
	return line?.startsWith('/ ') ? line : undefined;
}

function title(frame: string): string {
	return (
		plain(frame)
			.split('\n')
			.find(line => / events in us-east-1/.test(line)) ?? ''
	);
}

const sees = (text: string) => (frame: string) => plain(frame).includes(text);

/** Whether `event` has the one attribute, as the service filters (exactly, case-sensitively). */
function holds(attribute: LookupAttribute | undefined, event: TrailEvent): boolean {
	if (attribute === undefined) {
		return true;
	}

	const values: Record<LookupAttribute['key'], Array<string | undefined>> = {
		EventId: [event.id],
		EventName: [event.name],
		ReadOnly: [String(event.readOnly)],
		Username: [event.username],
		ResourceType: event.resources.map(resource => resource.type),
		ResourceName: event.resources.map(resource => resource.name),
		EventSource: [event.source],
		AccessKeyId: [event.accessKeyId],
	};
	return values[attribute.key].includes(attribute.value);
}

/** A service over `all` that applies the attribute it is sent, as LookupEvents does, in pages of `size`. */
function serviceOver(all: TrailEvent[], size = 10) {
	return fakeService({
		pages: options =>
			(async function * () {
				const found = all.filter(event => holds(options?.attribute, event));
				for (let start = 0; start < found.length; start += size) {
					yield found.slice(start, start + size);
				}
			})(),
	});
}

// Sixty events: user0…user6 in turn, every fourth an AccessDenied, every fifth a read-only Get.
const dataset = Array.from({length: 60}, (_, index) =>
	makeEvent(index, {
		...(index % 4 === 1 ? {errorCode: 'AccessDenied', errorMessage: 'not allowed'} : {}),
		...(index % 5 === 4 ? {readOnly: true, name: `GetThing${index}`} : {}),
	}),
);

/** The main screen with a query store in the app's config, as the runtime passes it. */
async function renderScreen(service: CloudTrailService, store: QueryStore = memoryQueryStore(), size = {columns: 120, rows: 30}): Promise<Rendered> {
	return renderInk(
		<AppProvider backend={fakeBackend()} config={{queries: store}}>
			<MainScreen session={fakeSession(service)} region="us-east-1" isActive globalSpecs={[]} />
		</AppProvider>,
		size,
	);
}

/** Deletes to the start of the line. */
const ctrlU = '\u0015';

/** Opens the query line, clears it, types `text` (in one chunk, as a paste) and presses Enter. */
async function runQuery(screen: Rendered, text: string): Promise<void> {
	await screen.press('/');
	await screen.waitForFrame(frame => queryLine(frame) !== undefined);
	await screen.press(ctrlU);
	await screen.press(text);
	await screen.waitForFrame(frame => queryLine(frame)?.startsWith(`/ ${text}`) === true);
	await screen.press(keys.enter);
}

const attributeOf = (calls: LookupOptions[]) => calls.at(-1)?.attribute;

describe('the query line', () => {
	test('/ opens an empty line first, and afterwards holds the query that is running', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press('/');
		let frame = await screen.waitForFrame(frame => queryLine(frame) !== undefined);
		// Empty: the placeholder shows how a query looks.
		expect(queryLine(frame)).toContain('user:alice -event:Get* error:any since:24h');
		expect(plain(frame)).toContain('Now running: API ReadOnly=false');

		await screen.press('user:user3');
		await screen.press(keys.enter);
		await screen.waitForFrame(frame => title(frame).includes('user:user3') && queryLine(frame) === undefined);
		await screen.press('/');
		frame = await screen.waitForFrame(frame => queryLine(frame) !== undefined);
		// With a space after it, to type the next term.
		expect(queryLine(frame)).toMatch(/^\/ user:user3 +$/);
		expect(plain(frame)).toContain('Now running: API Username=user3');
	});

	test('Enter runs the query: one attribute to the service, the query in the title, only matching rows, matches underlined', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		expect(service.lookupCalls).toHaveLength(1);

		await runQuery(screen, 'user:user3 error:any');
		const frame = await screen.waitForFrame(sees('all scanned'));
		// The user goes to the service; the error and write-only are applied here, page by page.
		expect(service.lookupCalls).toHaveLength(2);
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'Username', value: 'user3'});
		expect(title(frame)).toContain('Write events in us-east-1 · last 90 days · user:user3 error:any');
		expect(plain(frame)).toContain('API Username=user3 · local: error:any write-only');

		// user3 wrote PutThing3, 10, 17, 24, 31, 38, 45, 52 and 59; only 17 and 45 failed.
		const shown = rows(frame);
		expect(shown).toHaveLength(2);
		expect(shown[0]).toMatch(/PutThing17 .*user3.*AccessDenied/);
		expect(shown[1]).toMatch(/PutThing45 .*user3.*AccessDenied/);
		for (const other of ['PutThing3 ', 'PutThing10 ', 'PutThing24 ', 'PutThing0 ']) {
			expect(plain(frame)).not.toContain(other);
		}

		expect(plain(frame)).toContain('scanned 9 · 2 matches');
		expect(underlinedIn(frame, 'PutThing45')).toContain('user3');
		// Nothing else in the row is marked: error:any names no text.
		expect(underlinedIn(frame, 'PutThing45')).toEqual(['user3']);
	});

	test('a bad query keeps the line open with a message naming the field meant; the rows stay', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		const before = title(screen.frame());

		await runQuery(screen, 'usr:alice');
		const frame = await screen.waitForFrame(sees('unknown field "usr" (did you mean "user"?)'));
		expect(queryLine(frame)).toMatch(/^\/ usr:alice/);
		expect(rows(frame)[0]).toContain('PutThing0 ');
		expect(title(frame)).toBe(before);
		expect(service.lookupCalls).toHaveLength(1);
		// The term it points at is underlined on the line.
		expect(underlinedIn(frame, '/ usr:alice').join('')).toContain('usr:alice');

		// Fixed, it runs.
		await screen.press(keys.home);
		await screen.press(keys.right);
		await screen.press(keys.right);
		await screen.press('e');
		await screen.press(keys.enter);
		await screen.waitForFrame(frame => title(frame).includes('user:alice') && queryLine(frame) === undefined);
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'Username', value: 'alice'});
	});

	test('Esc cancels the edit: the query, the rows and the requests stay as they were', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		await runQuery(screen, 'user:user3');
		await screen.waitForFrame(sees('PutThing3 '));
		const before = screen.frame();

		await screen.press('/');
		await screen.press('error:any');
		await screen.waitForFrame(frame => queryLine(frame)?.includes('user:user3 error:any') === true);
		await screen.press(keys.escape);
		const frame = await screen.waitForFrame(frame => queryLine(frame) === undefined);
		expect(title(frame)).toBe(title(before));
		expect(rows(frame)).toEqual(rows(before));
		expect(service.lookupCalls).toHaveLength(2);

		// The next / starts from the query that runs, not from the cancelled edit.
		await screen.press('/');
		const reopened = await screen.waitForFrame(frame => queryLine(frame) !== undefined);
		expect(queryLine(reopened)).toMatch(/^\/ user:user3 +$/);
	});

	test('↑ and ↓ walk the history the store keeps, and a query that runs joins it', async () => {
		const service = serviceOver(dataset);
		const store = memoryQueryStore({history: ['user:user1', 'event:PutThing5']});
		const screen = await renderScreen(service, store);
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press('/');
		await screen.press('draft');
		await screen.press(keys.up);
		await screen.waitForFrame(frame => queryLine(frame)?.trim() === '/ event:PutThing5');
		await screen.press(keys.up);
		await screen.waitForFrame(frame => queryLine(frame)?.trim() === '/ user:user1');
		await screen.press(keys.down);
		await screen.press(keys.down);
		// Past the newest entry: what was being typed comes back.
		await screen.waitForFrame(frame => queryLine(frame)?.trim() === '/ draft');
		await screen.press(keys.up);
		await screen.waitForFrame(frame => queryLine(frame)?.trim() === '/ event:PutThing5');
		await screen.press(keys.enter);
		await screen.waitForFrame(frame => title(frame).includes('event:PutThing5'));
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'EventName', value: 'PutThing5'});

		await runQuery(screen, 'user:user2');
		await screen.waitForFrame(frame => title(frame).includes('user:user2'));
		expect(store.history()).toEqual(['user:user1', 'event:PutThing5', 'user:user2']);
		await screen.press('/');
		await screen.press(ctrlU);
		await screen.press(keys.up);
		await screen.waitForFrame(frame => queryLine(frame)?.trim() === '/ user:user2');
	});

	test('a query that arrives in one read with its Enter (a paste, tmux, a fast typist on a busy screen) runs', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press('/');
		await screen.waitForFrame(frame => queryLine(frame) !== undefined);
		// A typo put right with Backspace on the way, all in one chunk.
		await screen.press('user:usx\u007Fer3\r');
		const frame = await screen.waitForFrame(frame => title(frame).includes('user:user3'));
		expect(queryLine(frame)).toBeUndefined();
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'Username', value: 'user3'});
	});

	test('Tab completes a field name, then offers the values of the events loaded', async () => {
		const screen = await renderScreen(serviceOver(dataset));
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press('/');
		await screen.press('us');
		await screen.waitForFrame(frame => queryLine(frame)?.trim() === '/ us');
		await screen.press(keys.tab);
		await screen.waitForFrame(frame => queryLine(frame)?.trim() === '/ user:');
		await screen.press(keys.tab);
		// The users of the rows loaded (the first page holds user0 to user6).
		const frame = await screen.waitForFrame(sees('Tab: '));
		for (const user of ['user0', 'user3', 'user6']) {
			expect(plain(frame)).toContain(user);
		}
	});
});

describe('time windows, pivots and write-only', () => {
	test('t, then "last 24 hours", puts since:24h in the query, the window in the title and in the request', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		expect(title(screen.frame())).toContain('last 90 days');
		await screen.press('t');
		let frame = await screen.waitForFrame(sees('Time window'));
		expect(plain(frame)).toContain('last 15 minutes');
		// The list opens on the window in use: the default 90 days. Up three is the last 24 hours.
		expect(plain(frame)).toMatch(/› 90d/);
		await screen.press(keys.up);
		await screen.press(keys.up);
		await screen.press(keys.up);
		await screen.waitForFrame(sees('› 24h'));
		await screen.press(keys.enter);
		frame = await screen.waitForFrame(frame => title(frame).includes('last 24 h'));
		expect(title(frame)).toContain('Write events in us-east-1 · last 24 h');
		const request = service.lookupCalls.at(-1)!;
		expect(request.end!.getTime() - request.start!.getTime()).toBe(24 * 3_600_000);
		expect(request.attribute).toEqual({key: 'ReadOnly', value: 'false'});

		await screen.press('/');
		frame = await screen.waitForFrame(frame => queryLine(frame) !== undefined);
		expect(queryLine(frame)).toMatch(/^\/ since:24h +$/);
	});

	test('f then u on a row narrows to that row\'s user; Backspace undoes it', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press(keys.down);
		await screen.press(keys.down);
		await screen.press('f');
		// Each letter with the value it would use: the row under the cursor is PutThing2 by user2.
		let frame = await screen.waitForFrame(sees('narrow the query'));
		expect(plain(frame)).toContain('u user user2');
		expect(plain(frame)).toContain('e event PutThing2');
		await screen.press('u');
		frame = await screen.waitForFrame(frame => title(frame).includes('user:user2'));
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'Username', value: 'user2'});
		await screen.waitForFrame(sees('all scanned'));
		expect(rows(screen.frame()).every(row => row.includes('user2'))).toBe(true);

		await screen.press(keys.backspace);
		frame = await screen.waitForFrame(frame => !title(frame).includes('user:'));
		expect(title(frame)).toMatch(/Write events in us-east-1 · last 90 days\s*$/);
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'ReadOnly', value: 'false'});
		await screen.waitForFrame(sees('PutThing1 '));
	});

	test('f works from the detail view too, and closes it onto the narrowed table', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press(keys.down);
		await screen.press(keys.enter);
		await screen.waitForFrame(sees('Outcome'));
		await screen.press('f');
		await screen.waitForFrame(sees('x error AccessDenied'));
		await screen.press('x');
		const frame = await screen.waitForFrame(frame => title(frame).includes('error:AccessDenied'));
		expect(plain(frame)).not.toContain('Outcome');
		// An error code is not an attribute the service takes: the default attribute goes, the error is local.
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'ReadOnly', value: 'false'});
		await screen.waitForFrame(sees('PutThing1 '));
		expect(rows(screen.frame()).every(row => row.includes('AccessDenied'))).toBe(true);
	});

	test('w switches between write events and all events, in the title and the request', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		let frame = await screen.waitForFrame(sees('PutThing0 '));
		expect(title(frame)).toContain('Write events in us-east-1');
		expect(plain(frame)).not.toContain('GetThing4 ');
		expect(plain(frame)).toContain('w all events');

		await screen.press('w');
		frame = await screen.waitForFrame(sees('GetThing4 '));
		expect(title(frame)).toContain('All events in us-east-1');
		expect(attributeOf(service.lookupCalls)).toBeUndefined();
		expect(plain(frame)).toContain('w writes only');

		await screen.press('w');
		frame = await screen.waitForFrame(frame => title(frame).includes('Write events') && rows(frame).length > 0);
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'ReadOnly', value: 'false'});
		expect(plain(frame)).not.toContain('GetThing4 ');
		expect(service.lookupCalls).toHaveLength(3);
	});

	test('key ids pivoted to show masked in the title, footer and hints; the service gets the full id', async () => {
		const service = serviceOver(dataset);
		const screen = await renderScreen(service);
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press('f');
		let frame = await screen.waitForFrame(sees('k key AKIA…MPLE'));
		expect(plain(frame)).not.toContain('AKIAIOSFODNN7EXAMPLE');
		await screen.press('k');
		frame = await screen.waitForFrame(frame => title(frame).includes('key:'));
		await screen.waitForFrame(sees('PutThing1 '));
		frame = screen.frame();
		expect(title(frame)).toContain('· key:AKIA…MPLE');
		expect(plain(frame)).toContain('API AccessKeyId=AKIA…MPLE');
		expect(plain(frame)).not.toContain('AKIAIOSFODNN7EXAMPLE');
		expect(attributeOf(service.lookupCalls)).toEqual({key: 'AccessKeyId', value: 'AKIAIOSFODNN7EXAMPLE'});
	});
});

describe('scans', () => {
	/** Pages the test hands out one at a time, as many as asked for. */
	function endlessHeldPages() {
		const answers: Array<Deferred<TrailEvent[]>> = [];
		const state = {requested: 0};
		const answer = (index: number) => {
			answers[index] ??= deferred<TrailEvent[]>();
			return answers[index];
		};

		const pages = () =>
			(async function * () {
				for (let index = 0; ; index++) {
					state.requested++;
					yield await answer(index).promise;
				}
			})();
		return {pages, state, answer};
	}

	const writes = (from: number) => Array.from({length: 50}, (_, index) => makeEvent(from + index));

	test('Esc stops a scan that finds nothing; the footer says how far it got and that it stopped', async () => {
		let held = endlessHeldPages();
		const service = fakeService({pages: () => held.pages()});
		const screen = await renderScreen(service);
		held.answer(0).resolve(writes(0));
		await screen.waitForFrame(sees('PutThing0 '));

		// error:any cannot go to the service: every page is read and none of them has an error.
		held = endlessHeldPages();
		await runQuery(screen, 'error:any');
		await screen.waitForFrame(() => held.state.requested === 1);
		held.answer(0).resolve(writes(0));
		await screen.waitForFrame(() => held.state.requested === 2);
		held.answer(1).resolve(writes(50));
		await screen.waitForFrame(() => held.state.requested === 3);
		let frame = await screen.waitForFrame(sees('Esc stop scan'));
		expect(plain(frame)).toContain('scanned 100 · 0 matches');

		await screen.press(keys.escape);
		// The page already asked for still counts; no page is asked for after it.
		held.answer(2).resolve(writes(100));
		frame = await screen.waitForFrame(sees('stopped'));
		await screen.waitForFrame(sees('scanned 150 · 0 matches'));
		frame = screen.frame();
		expect(plain(frame)).toContain('No match yet: the scan stopped after scanned 150');
		expect(plain(frame)).not.toContain('Esc stop scan');
		expect(held.state.requested).toBe(3);
		expect(service.lookupCalls).toHaveLength(2);
	});
});

describe('through the app shell', () => {
	async function renderApp(service: CloudTrailService): Promise<Rendered> {
		const backend = fakeBackend({connect: async profile => fakeSession(service, {profile})});
		return renderInk(<App backend={backend} initialProfile="prod" initialRegion="us-east-1" skipPickers />, {columns: 120, rows: 30});
	}

	test('q, p, R and ? typed in the query line are text; after Esc they are commands again', async () => {
		const screen = await renderApp(serviceOver(dataset));
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press('/');
		for (const key of ['q', 'p', 'R', '?']) {
			await screen.press(key);
		}

		const frame = await screen.waitForFrame(frame => queryLine(frame)?.trim() === '/ qpR?');
		expect(plain(frame)).not.toContain('Switch profile');
		expect(plain(frame)).not.toContain('Choose a region');
		expect(plain(frame)).not.toContain('Everywhere');

		await screen.press(keys.escape);
		await screen.waitForFrame(frame => queryLine(frame) === undefined);
		await screen.press('p');
		await screen.waitForFrame(sees('Switch profile'));
	});

	test('letters typed to filter the time windows are filter text, not the app\'s keys', async () => {
		const screen = await renderApp(serviceOver(dataset));
		await screen.waitForFrame(sees('PutThing0 '));
		await screen.press('t');
		await screen.waitForFrame(sees('Time window'));
		// "query" is in the custom window's description; "keeps" in the 90 days'.
		for (const key of ['q', 'u', 'e', 'r', 'y']) {
			await screen.press(key);
		}

		let frame = await screen.waitForFrame(sees('1/8'));
		expect(plain(frame)).toContain('custom');
		await screen.press(keys.escape);
		await screen.press(keys.escape);
		await screen.waitForFrame(frame => !plain(frame).includes('Time window'));
		await screen.press('t');
		await screen.waitForFrame(sees('Time window'));
		for (const key of ['k', 'e', 'e', 'p', 's']) {
			await screen.press(key);
		}

		frame = await screen.waitForFrame(sees('1/8'));
		expect(plain(frame)).toContain('last 90 days');
		expect(plain(frame)).not.toContain('Switch profile');
		// The footer offers only what works here.
		expect(plain(frame)).not.toContain('q quit');
	});
});
