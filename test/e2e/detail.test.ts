// The detail view in a real terminal (issue 14): the built CLI in a pseudo-terminal against the
// emulator. A person finds a PutUserPolicy, opens it, and reads its policy, stored by CloudTrail as
// a JSON string, decoded down to the last statement; then finds text in it with / and n.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {lastStatement} from '../../source/emulator/policies.js';
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
	xdg = {XDG_STATE_HOME: path.join(dir, 'state'), XDG_CONFIG_HOME: path.join(dir, 'config')};
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

/** The last statement as the detail lays it out: each line, trimmed of its indentation. */
const expectedLines = [
	`"Sid": "${lastStatement.Sid}",`,
	`"Effect": "${lastStatement.Effect}",`,
	'"Action": [',
	...lastStatement.Action.map((action, index) => `"${action}"${index < lastStatement.Action.length - 1 ? ',' : ''}`),
	'],',
	`"Resource": "${lastStatement.Resource}"`,
];

/** Whether the screen shows `expected` as consecutive lines. */
function showsInOrder(screen: string, expected: readonly string[]): boolean {
	const trimmed = screen.split('\n').map(line => line.trim());
	return trimmed.some((_, start) => expected.every((line, offset) => trimmed[start + offset] === line));
}

describe('the event detail', {timeout: 120_000}, () => {
	it('shows a PutUserPolicy\'s policy decoded, read down to its last statement, and finds text in it', async () => {
		const cli = spawnCli({args: ['--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env: {...files.env, ...xdg}, cols: 120, rows: 40});
		session = cli;
		await cli.waitForScreen(screen => screen.includes('50 events loaded'), wait, 'the first page');
		await cli.press('/');
		await cli.waitForScreen(screen => screen.includes('Enter run'), wait, 'the query line');
		await cli.press('event:PutUserPolicy', ptyKeys.enter);
		await cli.waitForScreen(
			screen => screen.split('\n').some(line => eventRow.test(line) && line.includes('PutUserPolicy')) && !screen.includes('Enter run') && !screen.includes('loading'),
			wait,
			'the PutUserPolicy rows',
		);

		await cli.press(ptyKeys.enter);
		const opened = await cli.waitForScreen(screen => screen.includes('Event PutUserPolicy') && /"policyDocument": \{ {2}\(decoded from a (?:URL-encoded )?JSON string\)/.test(screen), wait, 'the decoded policy');
		expect(opened).toContain('"Version": "2012-10-17",');
		expect(opened).not.toContain('\\"');
		// Several statements: the last one is below the first screen.
		expect(showsInOrder(opened, expectedLines)).toBe(false);

		// Down a line at a time, as a person reads, until the whole last statement is on screen.
		let screen = opened;
		for (let press = 0; press < 80 && !showsInOrder(screen, expectedLines); press++) {
			const before = screen;
			await cli.press('j');
			screen = await cli.waitForScreen(current => current !== before, wait, 'the next line');
		}

		expect(showsInOrder(screen, expectedLines)).toBe(true);
		expect(screen).not.toContain('\\"');

		await cli.press('/');
		await cli.waitForScreen(current => current.includes('Find:'), wait, 'the find line');
		await cli.press('cloudtrail:', ptyKeys.enter);
		const found = await cli.waitForScreen(current => current.includes('match 1 of 3'), wait, 'the first of three matches');
		expect(found).toContain('n N matches');
		expect(cli.styleOf('cloudtrail:StopLogging')?.inverse).toBe(true);
		await cli.press('n');
		await cli.waitForScreen(current => current.includes('match 2 of 3'), wait, 'the second match');
		expect(cli.styleOf('cloudtrail:DeleteTrail')?.inverse).toBe(true);
		expect(cli.styleOf('cloudtrail:StopLogging')?.inverse).toBe(false);
	});
});
