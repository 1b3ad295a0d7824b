// The main screen in a real terminal: the built CLI in a pseudo-terminal, straight to the panes with
// --profile/--region/--endpoint-url, against an in-process emulator the tests steer (latency,
// failures, added events). Each test reads its own account+region, so added events never leak into
// another test's screen.
import stringWidth from 'string-width';
import xtermHeadless from '@xterm/headless';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {account, requireBuild, staticKeyProfiles, type AwsFiles} from './support.js';

const {Terminal} = xtermHeadless;
const keys = {pageDown: '\u001B[6~', end: '\u001B[F'} as const;
const wait = 20_000;

/** An event row: the new-marker column, then the time (with the year unless the terminal is narrow). */
const eventRow = /^[ •] (?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d \S/;
const spinner = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	// The default data set (hundreds to thousands of write events per account+region), so the table
	// has many pages. Throttling off: every test runs its own CLI, each pacing itself at 2 calls/s.
	emulator = await startEmulator({rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod', dev: 'demo-dev', restricted: 'demo-restricted'});
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
	emulator.clearFailures();
	emulator.setLatency(0);
});

function start(profile: string, region: string, size: {cols: number; rows: number} = {cols: 120, rows: 40}): PtySession {
	session = spawnCli({args: ['--profile', profile, '--region', region, '--endpoint-url', emulator.endpoint], env: files.env, ...size});
	return session;
}

/**
 * Waits for a whole frame that satisfies `match`: a screen with the key hints on its last lines
 * (the pty helper only reads between frames, never in the middle of one).
 */
async function frame(cli: PtySession, match: string | RegExp | ((screen: string) => boolean), what = String(match)): Promise<string> {
	const test = typeof match === 'function' ? match : (screen: string) => (typeof match === 'string' ? screen.includes(match) : match.test(screen));
	// The hints line is cut to the width; "/ query" comes early enough to survive 60 columns.
	const finished = (screen: string) => lines(screen).slice(-2).some(line => /(?:^|· )(?:r refresh|Esc close|\/ query|\? help)/.test(line));
	return cli.waitForScreen(screen => finished(screen) && test(screen), wait, what);
}

function lines(screen: string): string[] {
	return screen.split('\n');
}

function rows(screen: string): string[] {
	return lines(screen).filter(line => eventRow.test(line));
}

function loadedCount(screen: string): number {
	const match = /(\d+) events? loaded/.exec(screen);
	return match ? Number(match[1]) : 0;
}

function rowTime(row: string): number {
	return Date.parse(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.exec(row)![0].replace(' ', 'T'));
}

/** The line holding `text`, failing with the screen when there is none. */
function lineWith(screen: string, text: string): string {
	const line = lines(screen).find(candidate => candidate.includes(text));
	if (line === undefined) {
		throw new Error(`no line with ${JSON.stringify(text)} on screen:\n${screen}`);
	}

	return line;
}

/** The terminal column (0-based, wide characters count 2) at which `index` of `line` is drawn. */
function columnAt(line: string, index: number): number {
	return stringWidth(line.slice(0, index));
}

/** The events table's column header line. */
function columnHeader(screen: string): string {
	return lineWith(screen, 'Time (');
}

// Several waits of up to 20 s each; a test normally takes 1–3 s.
describe('main screen, straight from --profile/--region/--endpoint-url', {timeout: 60_000}, () => {
	it('fills the table while the trails pane still loads, then the trails, and no page beyond the first', async () => {
		emulator.setLatency(600);
		emulator.resetCounts();
		const cli = start('dev', 'us-east-1');

		// The first page was requested together with the identity check; the trails take three calls
		// in a row (list, describe, status), so the table fills while their pane still shows a spinner.
		const firstPage = await frame(
			cli,
			screen => screen.includes('50 events loaded · more available') && screen.includes('Loading trails…'),
			'the first page of events with the trails still loading',
		);
		expect(lineWith(firstPage, 'Loading trails…')).toMatch(spinner);
		expect(rows(firstPage)).not.toEqual([]);
		expect(firstPage).not.toContain('Loading events…');

		const trails = await frame(cli, 'dev-management-events');
		expect(trails).toContain('Trails in us-east-1 (1)');
		expect(lineWith(trails, 'dev-management-events')).toContain('logging ON');
		// Only the first page was fetched: the next one waits until the cursor nears the end.
		expect(emulator.requestCounts()['LookupEvents']).toBe(1);
		expect(loadedCount(cli.screen())).toBe(50);
	});

	it('pages through several pages with PgDn and End, newest first', async () => {
		const cli = start('prod', 'us-east-1');
		// Trails first: the table gets the lines the trails pane does not need, so they fix its height.
		await frame(cli, 'organization-trail');
		const first = await frame(cli, '50 events loaded · more available');
		const firstRows = rows(first);
		expect(firstRows.length).toBeGreaterThan(20);

		// The first PgDn takes the cursor to the bottom of the screen, within a screen of the end of
		// what is loaded, so the next page loads; the second scrolls by a page (one row of overlap).
		await cli.press(keys.pageDown);
		await frame(cli, '100 events loaded · more available');
		await cli.press(keys.pageDown);
		// Rows compared by event (time and name): columns may widen to fit the second page.
		const identity = (row: string | undefined) => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+/.exec(row ?? '')?.[0];
		const paged = await frame(cli, screen => identity(rows(screen)[0]) !== identity(firstRows[0]), 'PgDn to scroll the table');
		expect(identity(rows(paged)[0])).toBe(identity(firstRows.at(-1)));

		let count = loadedCount(cli.screen());
		while (count < 150) {
			await cli.press(keys.end);
			const before = count;
			const screen = await frame(
			cli,
				text => loadedCount(text) > before && !text.includes('loading more'),
				`more than ${before} events loaded`,
			);
			count = loadedCount(screen);
		}

		const deep = cli.screen();
		expect(deep).toMatch(/\d+ events loaded · more available/);
		const deepRows = rows(deep);
		expect(deepRows.some(row => firstRows.includes(row))).toBe(false);
		const times = deepRows.map(row => rowTime(row));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(times[0]).toBeLessThanOrEqual(rowTime(firstRows.at(-1)!));

		await cli.press('g');
		// By event again: a later page can hold a longer value that widens a column.
		const top = await frame(cli, screen => identity(rows(screen)[0]) === identity(firstRows[0]), 'Home to go back to the first row');
		expect(loadedCount(top)).toBe(count);
	});

	it('r picks up an event added meanwhile: it appears at the top, marked new', async () => {
		const prod = account(emulator, 'demo-prod');
		const cli = start('prod', 'eu-west-1');
		const before = await frame(cli, '50 events loaded · more available');
		expect(before).not.toContain('fresh-user');
		const oldTop = rows(before)[0]!;

		emulator.addEvent({accountId: prod.accountId, region: 'eu-west-1', eventName: 'CreateAccessKey', username: 'fresh-user'});
		await cli.press('r');
		const after = await frame(cli, 'fresh-user');
		const [top, second] = rows(after);
		expect(top).toMatch(/^• .*CreateAccessKey\s+fresh-user\s/);
		// The rest is what was there before, not marked.
		expect(second).toBe(oldTop);
		expect(rows(after).filter(row => row.startsWith('•'))).toHaveLength(1);
	});

	it('Enter opens the event: summary (who, what, when, from, outcome) and its JSON record; Esc returns', async () => {
		const cli = start('dev', 'eu-west-1');
		const table = await frame(cli, '50 events loaded');
		const firstRow = rows(table)[0]!;
		// The name as the table shows it, less any ellipsis: the detail has room for all of it.
		const eventName = /:\d\d (\S+)/.exec(firstRow)![1]!.replace(/…$/, '');

		await cli.press(ptyKeys.enter);
		const detail = await frame(cli, /^Who /m);
		expect(detail).toContain(`Event ${eventName}`);
		for (const label of ['Who', 'What', 'When', 'From', 'Outcome']) {
			expect(detail).toMatch(new RegExp(`^${label}\\s+\\S`, 'm'));
		}

		expect(lineWith(detail, 'What ')).toContain(eventName);
		expect(detail).toMatch(/^\{$/m);
		expect(detail).toMatch(/^ {2}"eventVersion": "[\d.]+",$/m);
		expect(detail).toContain(`"eventName": "${eventName}`);
		expect(rows(detail)).toEqual([]);

		await cli.press(ptyKeys.escape);
		const back = await frame(cli, 'Write events in eu-west-1');
		expect(back).not.toMatch(/^Who /m);
		expect(rows(back)[0]).toBe(firstRow);
	});

	it('DescribeTrails denied: the trails pane shows the error and its fix, the events table its rows; r retries', async () => {
		const prod = account(emulator, 'demo-prod');
		emulator.failOperation(
			'DescribeTrails',
			{code: 'AccessDeniedException', status: 403, message: 'not allowed to describe trails'},
			{accountId: prod.accountId},
		);
		const cli = start('prod', 'ap-southeast-2');
		const screen = await frame(
			cli,
			text => text.includes('Access denied') && text.includes('50 events loaded'),
			'the trails error beside the events',
		);
		const error = lines(screen).findIndex(line => line.startsWith('✗ Access denied to cloudtrail:DescribeTrails'));
		expect(error).toBeGreaterThan(lines(screen).findIndex(line => line.includes('Trails in ap-southeast-2')));
		expect(lines(screen)[error]).toContain('not allowed to describe trails');
		expect(lines(screen)[error + 1]).toMatch(/^ {2}Ask for cloudtrail:DescribeTrails permission/);
		// The error sits above the events pane, which is untouched by it.
		expect(error).toBeLessThan(lines(screen).findIndex(line => line.includes('Write events in ap-southeast-2')));
		expect(rows(screen).length).toBeGreaterThan(20);
		expect(screen).toContain('✗ trails unavailable');

		emulator.clearFailures();
		await cli.press('r');
		const retried = await frame(cli, 'organization-trail');
		expect(retried).not.toContain('Access denied');
		expect(lineWith(retried, 'organization-trail')).toContain('logging ON');
	});

	it('LookupEvents denied: the events pane shows the error and its fix, the trails pane its trail', async () => {
		const prod = account(emulator, 'demo-prod');
		emulator.failOperation(
			'LookupEvents',
			{code: 'AccessDeniedException', status: 400, message: 'not allowed to look up events'},
			{accountId: prod.accountId},
		);
		const cli = start('prod', 'ap-southeast-2');
		const screen = await frame(
			cli,
			text => text.includes('Access denied') && text.includes('organization-trail'),
			'the events error beside the trails',
		);
		expect(lineWith(screen, 'organization-trail')).toContain('logging ON');
		const error = lines(screen).findIndex(line => line.startsWith('✗ Access denied to cloudtrail:LookupEvents'));
		expect(error).toBeGreaterThan(lines(screen).findIndex(line => line.includes('Write events in ap-southeast-2')));
		expect(lines(screen)[error]).toContain('not allowed to look up events');
		expect(lines(screen)[error + 1]).toMatch(/^ {2}Ask for cloudtrail:LookupEvents permission/);
		expect(lines(screen)[error + 2]).toMatch(/^ {2}Press r to retry/);
		expect(rows(screen)).toEqual([]);
		// The status line says so too, as it does for a trails failure.
		expect(lines(screen).at(-2)).toContain('✗ Access denied to cloudtrail:LookupEvents');
		// No rows to move through, so no move or pivot keys are offered; the retry key is.
		expect(lines(screen).at(-1)).toMatch(/^r refresh · \/ query · t time · w all events/);
		expect(lines(screen).at(-1)).toMatch(/p profile · R region · \? help · q quit$/);
		expect(lines(screen).at(-1)).not.toMatch(/move|pivot/);
	});

	it('a username carrying terminal escapes renders as visible text and changes nothing else', async () => {
		const dev = account(emulator, 'demo-dev');
		const username = 'mallory\u001B]0;title\u0007\u001B[2J';
		const shown = String.raw`mallory\x1b]0;title\x07\x1b[2J`;
		emulator.addEvent({accountId: dev.accountId, region: 'ap-southeast-2', eventName: 'CreateUser', username});
		const cli = start('dev', 'ap-southeast-2');
		const table = await frame(cli, '50 events loaded');

		const top = rows(table)[0]!;
		// The user column is narrower than the escaped text; what fits is the literal escape.
		expect(top).toMatch(/CreateUser\s+mallory\\x1b\]/);
		// \x1b[2J would have cleared the screen: the header and the other rows are all still there.
		expect(lines(table)[0]).toMatch(/^trailview {2}222222222222 {2}dev {2}ap-southeast-2/);
		expect(lines(table)[1]).toContain('arn:aws:iam::222222222222:user/devon');
		expect(rows(table).length).toBeGreaterThan(20);
		expect(lines(table).at(-1)).toMatch(/^↑\/k ↓\/j move/);

		await cli.press(ptyKeys.enter);
		const detail = await frame(cli, /^Who /m);
		expect(lineWith(detail, 'Who ')).toContain(shown);
		expect(lines(detail)[0]).toMatch(/^trailview {2}222222222222/);

		// Nothing the program wrote carries the username's raw sequences: no title change, no clear
		// from the data (the app's own frames may clear the screen, but never right after "title").
		const raw = cli.raw();
		expect(raw).toContain('mallory');
		expect(raw).not.toContain('\u001B]0;title');
		expect(raw).not.toContain('title\u0007');
		expect(raw).not.toMatch(/mallory\u001B/);
	});

	it('a CJK username keeps every column after it aligned', async () => {
		const restricted = account(emulator, 'demo-restricted');
		emulator.addEvent({accountId: restricted.accountId, region: 'us-east-1', eventName: 'CreateUser', username: '山田太郎'});
		const cli = start('restricted', 'us-east-1');
		const table = await frame(cli, '50 events loaded');
		const header = columnHeader(table);
		const userColumn = header.indexOf('User');
		const sourceColumn = header.indexOf('Source');
		const ipColumn = header.indexOf('Source IP');
		expect(Math.min(userColumn, sourceColumn, ipColumn)).toBeGreaterThan(0);

		const cjk = lineWith(table, '山田太郎');
		expect(columnAt(cjk, cjk.indexOf('山田太郎'))).toBe(userColumn);
		expect(columnAt(cjk, cjk.indexOf(' iam ') + 1)).toBe(sourceColumn);
		// The address may be cut short: a long event name elsewhere takes its room first.
		expect(columnAt(cjk, cjk.indexOf('203.0.11'))).toBe(ipColumn);

		// Every other row starts its source text at the same terminal column.
		const others = rows(table).filter(row => row !== cjk);
		expect(others.length).toBeGreaterThan(20);
		for (const row of others) {
			expect(row[sourceColumn - 1]).toBe(' ');
			expect(row[sourceColumn]).toMatch(/\S/);
		}
	});

	it('a resize from 120x40 to 60x20 re-lays the screen: nothing wider than 60, header and footer kept, fewer columns', async () => {
		const cli = start('dev', 'us-east-1');
		const wide = await frame(cli, '50 events loaded');
		const wideHeader = columnHeader(wide);
		expect(wideHeader).toContain('Source IP');
		const wideColumns = wideHeader.trim().split(/\s{2,}|\s(?=[A-Z])/).length;

		const resizedAt = cli.raw().length;
		cli.resize(60, 20);
		// The terminal shrinks before the program hears of it, and until the program redraws it shows
		// the old frame's bottom rows, header line included: only a frame drawn whole (cleared first)
		// since the resize is the new layout.
		const narrow = await frame(
			cli,
			screen =>
				cli.raw().slice(resizedAt).includes('\u001B[2J') && lines(screen).some(line => /^\s*Time \(local\)/.test(line) && !line.includes('Source IP')),
			'the 60x20 layout',
		);
		const all = lines(narrow);
		expect(all[0]).toMatch(/^trailview {2}222222222222 {2}dev {2}us-east-1/);
		expect(all.at(-2)).toMatch(/^50 events loaded/);
		expect(all.at(-1)).toMatch(/^↑\/k ↓\/j move/);
		const narrowHeader = columnHeader(narrow);
		expect(narrowHeader.trim().split(/\s{2,}|\s(?=[A-Z])/).length).toBeLessThan(wideColumns);
		expect(narrowHeader).not.toContain('Source IP');
		// One line per event, in the narrow time format: a row that wrapped would leave a stray line.
		const table = all.slice(all.indexOf(narrowHeader) + 1, -2);
		expect(table.length).toBeGreaterThan(5);
		for (const line of table) {
			expect(line).toMatch(/^[ •] \d\d-\d\d \d\d:\d\d:\d\d \S/);
		}

		// What the program drew, not just what a 60-column terminal can hold (it clips a longer line):
		// everything written since the resize, replayed on a terminal far wider than 60 columns,
		// must have no line over 60 columns once the 60x20 layout is drawn.
		await frame(cli, screen => lines(screen).some(line => line.includes('Time (local)')), 'a complete 60-column frame');
		const replay = new Terminal({cols: 200, rows: 20, allowProposedApi: true});
		await new Promise<void>(resolve => {
			replay.write(cli.raw().slice(resizedAt), resolve);
		});
		const drawn = Array.from({length: 20}, (_, row) => replay.buffer.active.getLine(row)?.translateToString(true) ?? '');
		expect(drawn.filter(line => line !== '').length).toBeGreaterThanOrEqual(18);
		for (const line of drawn) {
			expect(stringWidth(line)).toBeLessThanOrEqual(60);
		}
	});
	it('draws one frame per key, rewriting only the rows that change, and never clears the screen again', async () => {
		const cli = start('prod', 'eu-west-1');
		await frame(cli, 'organization-trail');
		const loaded = await frame(cli, '50 events loaded · more available');
		const from = cli.raw().length;
		const presses = [ptyKeys.down, ptyKeys.down, ptyKeys.up, ptyKeys.down, keys.pageDown];
		let previous = loaded;
		for (const key of presses) {
			await cli.press(key);
			// The next key only once this one's frame is on screen, so each frame is one key's.
			previous = await frame(cli, screen => screen !== previous, 'the key\'s frame');
		}

		// 'u' changes the time column: any second frame a move caused would come before it.
		await cli.press('u');
		await frame(cli, 'times in UTC');
		const written = cli.raw().slice(from);
		const frames = written.split('\u001B[?2026h').slice(1);
		// The relative-time clock ("loaded 3 s ago") may tick meanwhile: a frame that writes only
		// lines with that text is the clock's, not a key's.
		const lineText = (frame: string) =>
			frame.split(/\u001B\[\d+;1H/).slice(1).map(line => line.replaceAll(/\u001B\[[0-?]*[ -/]*[@-~]/g, ''));
		const keyFrames = frames.filter(frame => !lineText(frame).every(line => /\bago\b|just now/.test(line)));
		expect(keyFrames).toHaveLength(presses.length + 1);
		expect(written).not.toContain('\u001B[2J');
		// A cursor move rewrites the row it leaves and the row it lands on (and the footer's count
		// of the event under the cursor, when it has one), never the whole screen.
		for (const keyFrame of keyFrames.slice(0, 4)) {
			expect(lineText(keyFrame).length).toBeLessThanOrEqual(3);
		}
	});
});
