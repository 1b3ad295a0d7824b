// Every key hint the footer shows, on every screen, does something when pressed: the hints are read
// off the rendered footer (as a person reads them), mapped back to their keys, and each key is
// pressed on an app in that screen's state: a fresh one, or the same one brought back to it. A hint
// whose key does nothing fails here.
import React, {act} from 'react';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import chalk from 'chalk';
import {cleanup} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {memoryQueryStore} from '../../source/lib/query-store.js';
import {keymap, type Command, type KeyBinding} from '../../source/keymap.js';
import type {ProfileEntry} from '../../source/domain/types.js';
import {keys, renderInk, type Rendered} from '../helpers/ink.js';
import {fakeBackend, fakeService, fakeSession, makeEvent} from '../helpers/fakes.js';
import type {SafeText} from '../../source/lib/sanitize.js';

const exit = vi.hoisted(() => vi.fn());
vi.mock('ink', async importOriginal => ({...(await importOriginal<typeof import('ink')>()), useApp: () => ({exit})}));
vi.mock('ink-spinner', () => import('./static-spinner.js'));
// The "loaded 3 s ago" clock would tick between key presses, outside act(); it is not what this tests.
vi.mock('../../source/hooks/use-events-clock.js', () => ({useNow: () => new Date(Date.UTC(2026, 10, 24, 12, 0, 0))}));

// The cursor row is drawn inverse; with chalk's level at 0 (no terminal here) a move would be invisible.
let chalkLevel: typeof chalk.level;
beforeAll(() => {
	chalkLevel = chalk.level;
	chalk.level = 1;
});
afterAll(() => {
	chalk.level = chalkLevel;
});

afterEach(async () => {
	exit.mockClear();
	await act(async () => {
		cleanup();
	});
});

const namedKeys: Partial<Record<string, string>> = {
	upArrow: keys.up,
	downArrow: keys.down,
	leftArrow: keys.left,
	rightArrow: keys.right,
	pageUp: keys.pageUp,
	pageDown: keys.pageDown,
	home: keys.home,
	end: keys.end,
	return: keys.enter,
	escape: keys.escape,
	tab: keys.tab,
	backspace: keys.backspace,
};

/**
 * What a terminal sends for a command's first binding, the named key first, as labels show it
 * ("↑/Ctrl+P", "Home/g"): a hint "↑ history" is read back as the picker's ↑ as readily as the
 * query line's, and only the arrow itself works in both.
 */
function keyFor(command: Command): string {
	const binding: KeyBinding = keymap[command];
	if (binding.printable) {
		return 'e';
	}

	const named = namedKeys[binding.keys?.[0] ?? ''];
	if (named) {
		return named;
	}

	const char = binding.chars?.[0];
	if (char === undefined) {
		throw new Error(`no key to press for ${command}`);
	}

	return binding.ctrl ? String.fromCodePoint(char.toUpperCase().codePointAt(0)! - 64) : char;
}

/** The commands behind the footer's last line: "↑/k ↓/j move · Enter details · …". */
function hintedCommands(frame: string): Command[] {
	const footer = frame.replaceAll(/\u001B\[[\d;]*m/g, '').trimEnd().split('\n').at(-1) ?? '';
	const labels = (Object.keys(keymap) as Command[]).flatMap(command => {
		const binding: KeyBinding = keymap[command];
		return [binding.label, binding.short].filter((label): label is SafeText => label !== undefined).map(label => ({label, command}));
	});
	// Longest labels first, so "Ctrl+C" is not read as "C".
	labels.sort((a, b) => b.label.length - a.label.length);
	const found: Command[] = [];
	for (const part of footer.replace(/…$/, '').split(' · ')) {
		let rest = part;
		let matched = true;
		while (matched) {
			matched = false;
			for (const {label, command} of labels) {
				// A label ends at a space ("q quit"), except short ones, which run together ("↑↓ move").
				const isShort = (keymap[command] as KeyBinding).short === label;
				if (rest.startsWith(label) && (isShort || rest[label.length] === ' ') && !found.includes(command)) {
					found.push(command);
					rest = rest.slice(label.length).trimStart();
					matched = true;
					break;
				}
			}
		}
	}

	return found;
}

// Long enough to scroll, with a policy held as a JSON string (d) and a line wider than the screen (W, ← →).
const policyDocument = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}]});
const longRecord = JSON.stringify({
	eventName: 'PutThing',
	requestParameters: {policyDocument, wide: 'wide '.repeat(100), ...Object.fromEntries(Array.from({length: 80}, (_, index) => [`key${index}`, `value ${index}`]))},
});
// The first event failed, so its pivot choices include the error too.
const events = Array.from({length: 30}, (_, index) => makeEvent(index, {raw: longRecord, ...(index === 0 ? {errorCode: 'AccessDenied'} : {})}));

// Four profiles with a "d" in them, so a filter of "d" keeps rows above and below the cursor.
const profiles: ProfileEntry[] = ['alpha-dev', 'dev', 'prod', 'prod-dr'].map(name => ({name, kind: 'static', detail: 'static keys', region: 'us-east-1'}));

/** The app over fakes, and how many loads (trails and events) its main screen has asked for. */
function backend(options: {hangConnect?: boolean} = {}) {
	const service = fakeService({pages: [events]});
	const loads = () => service.trailCalls + service.lookupCalls.length;
	const app = fakeBackend({
		profiles,
		connect: options.hangConnect ? async () => new Promise(() => {}) : async (profile: ProfileEntry) => fakeSession(service, {profile}),
	});
	return {app, loads};
}

/** Keys to press, or text to wait for before going on. */
type Step = string | {wait: string};
/** `fewest`: how many hints the footer shows at least (3 unless said), a guard against reading none. */
type Screen = {name: string; skipPickers?: boolean; hangConnect?: boolean; fewest?: number; steps: Step[]};

// Each screen in a state where every hinted key has something to do (a filter to clear, a row
// above and below the cursor, a record to scroll both ways).
const profileList = {wait: 'prod-dr'};
const loaded = {wait: '30 events loaded'};
// The query history: ↑ on the line brings "us" (Tab completes it), ↑ again the older one, ↓ the draft.
const history = ['user:user1', 'us'];
const screens: Screen[] = [
	{name: 'profile picker', steps: [profileList, 'd', {wait: '4/4'}]},
	{name: 'profile picker, connecting', hangConnect: true, steps: [profileList, keys.enter, {wait: 'Resolving credentials'}]},
	// The cursor starts on eu-west-1, the middle one of three.
	{name: 'region picker', steps: [profileList, keys.enter, {wait: 'ap-southeast-2'}, 'e', {wait: '3/3'}]},
	{name: 'main screen, events', skipPickers: true, steps: [loaded, keys.down, keys.down]},
	{name: 'main screen, trails', skipPickers: true, steps: [loaded, keys.tab, {wait: '▶ Trails'}]},
	{name: 'event detail', skipPickers: true, steps: [loaded, keys.enter, {wait: 'Event PutThing'}, keys.down, keys.down]},
	// Scrolled sideways a step, so there is room both ways.
	{name: 'event detail, not wrapping', skipPickers: true, steps: [loaded, keys.enter, {wait: 'Event PutThing'}, 'W', {wait: '← → sideways'}, keys.right, {wait: 'from column'}, keys.down, keys.down]},
	// A search with matches above and below the current one.
	{name: 'event detail, after a search', skipPickers: true, steps: [loaded, keys.enter, {wait: 'Event PutThing'}, keys.down, keys.down, '/', 'value', keys.enter, {wait: 'match 1 of'}]},
	// Enter and Esc only: every other key is text there.
	{name: 'event detail, find line', skipPickers: true, fewest: 2, steps: [loaded, keys.enter, {wait: 'Event PutThing'}, '/', {wait: 'Find:'}, 'v']},
	{name: 'query line', skipPickers: true, steps: [loaded, '/', {wait: 'Now running'}, keys.up, {wait: '/ us '}]},
	// The cursor starts on the window in use, the default 90 days, with windows above and below.
	{name: 'time window menu', skipPickers: true, steps: [loaded, 't', {wait: '› 90d'}]},
	{name: 'pivot choices', skipPickers: true, steps: [loaded, 'f', {wait: 'narrow the query'}]},
	{name: 'main screen, after a pivot', skipPickers: true, steps: [loaded, 'f', {wait: 'narrow the query'}, 'u', {wait: 'all scanned'}, keys.down, keys.down]},
];

/**
 * The command that takes a command's effect back: the opposite move, the same toggle again, Esc
 * out of what it opened. Rendering a fresh app for every hint is most of this file's time, so after
 * a hint that only changed the frame (no load, no quit) the app is reused when this brings the frame
 * back to exactly what it was, cursor, scroll and every mark included; otherwise the next hint gets
 * a fresh app.
 */
const undo: Partial<Record<Command, Command>> = {
	up: 'down',
	down: 'up',
	pickerUp: 'pickerDown',
	pickerDown: 'pickerUp',
	groupPrev: 'groupNext',
	groupNext: 'groupPrev',
	help: 'help',
	toggleRaw: 'toggleRaw',
	toggleWrap: 'toggleWrap',
	plainLanguage: 'plainLanguage',
	markProfile: 'markProfile',
	summary: 'summary',
	query: 'back',
	timeWindow: 'back',
	pivot: 'back',
	investigations: 'back',
	exportView: 'back',
	switchProfile: 'back',
	switchRegion: 'back',
};

type Opened = {ui: Rendered; loads(): number};

/** Whether `undo` brought the app back to `before` after `command` changed the frame and nothing else. */
async function restored({ui, loads}: Opened, command: Command, before: string, loadsBefore: number): Promise<boolean> {
	const back = undo[command];
	// A load or a quit can be seen before the frame changes: the frame must have moved on first.
	if (back === undefined || exit.mock.calls.length > 0 || loads() !== loadsBefore || ui.lastFrame() === before) {
		return false;
	}

	await ui.press(keyFor(back));
	// Polled here rather than with waitForFrame, whose timeout would leave its last act() running
	// into the next render; not coming back is an answer here, not a failure.
	const deadline = Date.now() + 1000;
	while (ui.lastFrame() !== before && Date.now() < deadline) {
		await act(async () => {
			await new Promise(resolve => {
				setTimeout(resolve, 10);
			});
		});
	}

	return ui.lastFrame() === before && loads() === loadsBefore && exit.mock.calls.length === 0;
}

async function open(screen: Screen): Promise<Opened> {
	const {app, loads} = backend({hangConnect: screen.hangConnect});
	const queries = memoryQueryStore({history});
	const ui = await renderInk(<App backend={app} initialProfile="prod" initialRegion="eu-west-1" skipPickers={screen.skipPickers} queries={queries} />, {
		columns: 160,
		rows: 40,
	});
	for (const step of screen.steps) {
		// Waits read the frame as a person does: "/ us" is drawn in two colours.
		await (typeof step === 'string' ? ui.press(step) : ui.waitForFrame(frame => frame.replaceAll(/\u001B\[[\d;]*m/g, '').includes(step.wait)));
	}

	return {ui, loads};
}

// Up to one fresh app per hint, and the main screen has a dozen or more: slow on a loaded machine.
describe('every footer hint triggers its handler', {timeout: 60_000}, () => {
	for (const screen of screens) {
		it(screen.name, async () => {
			let current: Opened | undefined = await open(screen);
			const hinted = hintedCommands(current.ui.lastFrame() ?? '');
			expect(hinted.length).toBeGreaterThanOrEqual(screen.fewest ?? 3);

			for (const command of hinted) {
				current ??= await open(screen);
				const {ui, loads} = current;
				const before = ui.lastFrame() ?? '';
				const loadsBefore = loads();
				exit.mockClear();
				await ui.press(keyFor(command));
				// Something a person would see: the screen changes, the app quits, or data is fetched again.
				const changed = await ui.waitForFrame(frame => frame !== before || exit.mock.calls.length > 0 || loads() > loadsBefore).then(
					() => true,
					() => false,
				);
				expect(changed, `${keymap[command].label} (${command}) on the ${screen.name} did nothing:\n${before}`).toBe(true);
				if (!(await restored(current, command, before, loadsBefore))) {
					current = undefined;
					await act(async () => {
						cleanup();
					});
				}
			}
		});
	}
});
