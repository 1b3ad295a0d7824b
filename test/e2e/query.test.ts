// The query line in a real terminal (issue 12): the built CLI in a pseudo-terminal against the
// emulator. A person types a query, opens an event, pivots on its user, clears the query, and
// finds what they typed in the history of the next run.
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {requireBuild, staticKeyProfiles, type AwsFiles} from './support.js';

const wait = 20_000;
const eventRow = /^[ •] (?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d \S/;

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;
let xdg: {XDG_STATE_HOME: string; XDG_CONFIG_HOME: string};

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'});
	const dir = mkdtempSync(path.join(tmpdir(), 'trailview-xdg-'));
	// History goes here, never to the HOME of whoever runs the tests.
	xdg = {XDG_STATE_HOME: path.join(dir, 'state'), XDG_CONFIG_HOME: path.join(dir, 'config')};
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

function start(): PtySession {
	session = spawnCli({args: ['--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env: {...files.env, ...xdg}, cols: 120, rows: 40});
	return session;
}

function lines(screen: string): string[] {
	return screen.split('\n');
}

function rows(screen: string): string[] {
	return lines(screen).filter(line => eventRow.test(line));
}

function title(screen: string): string {
	return (lines(screen).find(line => line.includes(' events in us-east-1')) ?? '').trimEnd();
}

/** The events table's column start for a header word, to read one column of every row. */
function column(screen: string, name: string, row: string): string {
	const header = lines(screen).find(line => line.includes('Time (')) ?? '';
	const start = header.indexOf(name);
	const next = header.slice(start + name.length).search(/\S/) + start + name.length;
	return row.slice(start, next).trim();
}

async function screenWhere(cli: PtySession, test: (screen: string) => boolean, what: string): Promise<string> {
	return cli.waitForScreen(test, wait, what);
}

describe('the query line', {timeout: 90_000}, () => {
	it('runs a typed query, pivots on a user from the detail view, and clears it', async () => {
		const cli = start();
		await screenWhere(cli, screen => screen.includes('50 events loaded'), 'the first page');

		await cli.press('/');
		await screenWhere(cli, screen => screen.includes('Enter run'), 'the query line');
		await cli.press('event:ConsoleLogin');
		await cli.press(ptyKeys.enter);
		const consoleLogins = await screenWhere(
			cli,
			screen => title(screen).includes('· event:ConsoleLogin') && rows(screen).length > 0 && !screen.includes('Enter run'),
			'the ConsoleLogin rows',
		);
		expect(consoleLogins).toContain('API EventName=ConsoleLogin');
		for (const row of rows(consoleLogins)) {
			expect(row).toContain('ConsoleLogin');
		}

		// The second row's user, read off the table, then the pivot from that event's detail.
		await cli.press(ptyKeys.down);
		const selected = rows(consoleLogins)[1]!;
		const user = column(consoleLogins, 'User', selected);
		expect(user).not.toBe('');
		await cli.press(ptyKeys.enter);
		await screenWhere(cli, screen => screen.includes('Esc close'), 'the detail view');
		await cli.press('f');
		await screenWhere(cli, screen => screen.includes(`u user ${user}`), 'the pivot choices');
		await cli.press('u');
		const pivoted = await screenWhere(
			cli,
			screen => title(screen).includes(`user:${user}`) && rows(screen).length > 0 && !screen.includes('loading'),
			'the rows of that user',
		);
		expect(title(pivoted)).toContain('event:ConsoleLogin');
		// The most selective exact term goes to the service; the other is applied locally.
		expect(pivoted).toContain(`API Username=${user} · local: event:ConsoleLogin`);
		for (const row of rows(pivoted)) {
			expect(column(pivoted, 'User', row)).toBe(user);
			expect(row).toContain('ConsoleLogin');
		}

		// Clear it: the line opens with the query, Ctrl+U empties it, Enter goes back to the default.
		await cli.press('/');
		await screenWhere(cli, screen => screen.includes(`/ event:ConsoleLogin user:${user}`), 'the line holding the query');
		await cli.press('\u0015', ptyKeys.enter);
		const cleared = await screenWhere(
			cli,
			screen => title(screen).endsWith('Write events in us-east-1 · last 90 days') && screen.includes('50 events loaded'),
			'the default view again',
		);
		expect(new Set(rows(cleared).map(row => column(cleared, 'Event', row))).size).toBeGreaterThan(1);

		// What ran is in the history file, newest last, and ↑ finds it in the next run.
		const history = readFileSync(path.join(xdg.XDG_STATE_HOME, 'trailview', 'query-history'), 'utf8').trim().split('\n').map(line => JSON.parse(line) as string);
		expect(history).toEqual(['event:ConsoleLogin']);
		cli.kill();
		const next = start();
		await screenWhere(next, screen => screen.includes('50 events loaded'), 'the next run');
		await next.press('/');
		await screenWhere(next, screen => screen.includes('Enter run'), 'the query line');
		await next.press(ptyKeys.up);
		await screenWhere(next, screen => screen.includes('/ event:ConsoleLogin'), 'the query from the last run');
	});
});
