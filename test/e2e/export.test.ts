// Export and copy in a real terminal (issue 14): `e` writes the rows the view holds to a file in
// the current folder, asks before replacing it, and `y` / `Y` put the selected event on the
// clipboard with OSC 52, which the pty output must carry.
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs';
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

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'}, 'us-east-1');
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

function start(cwd: string, query: string): PtySession {
	session = spawnCli({args: ['--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint, '--query', query], env: files.env, cols: 130, rows: 40, cwd});
	return session;
}

/** The ids of the rows on screen, read from the CSV below by their times and names. */
function rowsOf(screen: string): string[] {
	return screen.split('\n').filter(line => eventRow.test(line));
}

describe('export and copy', {timeout: 90_000}, () => {
	it('e writes exactly the rows of the view, and asks before replacing the file', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'trailview-export-'));
		// A week of console logins: one page, all of it on screen.
		const cli = start(dir, 'event:ConsoleLogin since:7d');
		const list = await cli.waitForScreen(screen => /(\d+) match(?:es)? · .*all scanned/.test(screen), wait, 'every ConsoleLogin of the week loaded');
		const loaded = Number(/(\d+) match(?:es)? · /.exec(list)![1]);
		expect(loaded).toBeGreaterThan(0);

		await cli.press('e');
		await cli.waitForScreen(screen => screen.includes('Export to: trailview-prod-us-east-1-') && screen.includes(`Exports ${loaded} events as csv`), wait, 'the path prompt');
		await cli.press(ptyKeys.enter);
		const written = await cli.waitForScreen(screen => screen.includes(`Wrote ${loaded} rows to ${dir}`), wait, 'the export written');
		const [file] = readdirSync(dir);
		expect(file).toMatch(/^trailview-prod-us-east-1-\d{8}-\d{4}\.csv$/);
		const lines = readFileSync(path.join(dir, file!), 'utf8').trimEnd().split('\n');
		expect(lines[0]).toMatch(/^time,id,name,/);
		expect(lines).toHaveLength(loaded + 1);
		expect(lines.slice(1).every(line => line.split(',')[2] === 'ConsoleLogin')).toBe(true);
		// The first rows on screen are the first rows of the file, in the same order.
		const shown = rowsOf(written).slice(0, 3).map(row => /\d\d:\d\d:\d\d/.exec(row)![0]);
		expect(lines.slice(1, 4).map(line => line.slice(11, 19))).toEqual(shown);

		// Again: the file exists, so it asks; n keeps it.
		await cli.press('e');
		await cli.waitForScreen(screen => screen.includes('Export to: '), wait, 'the prompt again');
		await cli.press(ptyKeys.enter);
		await cli.waitForScreen(screen => screen.includes('already exists. Replace it?'), wait, 'the question');
		await cli.press('n');
		await cli.waitForScreen(screen => !screen.includes('Replace it?') && screen.includes('Export to: '), wait, 'back to the path');
		await cli.press(ptyKeys.escape);
		await cli.waitForNoText('Export to: ', wait);
		expect(readdirSync(dir)).toEqual([file]);
	});

	it('y copies the redacted JSON and Y the id, as OSC 52 in the terminal output', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'trailview-copy-'));
		const cli = start(dir, 'event:ConsoleLogin');
		await cli.waitForScreen(screen => /\d+ match(?:es)?/.test(screen) && rowsOf(screen).length > 0, wait, 'rows');
		await cli.press('y');
		await cli.waitForScreen(screen => screen.includes("Copied the event's JSON"), wait, 'the copy confirmed');
		const osc = [...cli.raw().matchAll(/\u001B\]52;c;([A-Za-z\d+/=]+)\u0007/g)].map(match => Buffer.from(match[1]!, 'base64').toString('utf8'));
		expect(osc).toHaveLength(1);
		const copied = JSON.parse(osc[0]!) as {id: string; name: string; accessKeyId?: string; record?: unknown};
		expect(copied.name).toBe('ConsoleLogin');
		// Redacted as --output json is: no session token anywhere, key ids masked.
		expect(osc[0]).not.toMatch(/sessionToken"\s*:\s*"(?!\(redacted\))/);
		expect(osc[0]).not.toMatch(/\b(?:AKIA|ASIA)[A-Z\d]{16}\b/);

		await cli.press('Y');
		await cli.waitForScreen(screen => screen.includes(`Copied event id ${copied.id}`), wait, 'the id copied');
		const ids = [...cli.raw().matchAll(/\u001B\]52;c;([A-Za-z\d+/=]+)\u0007/g)].map(match => Buffer.from(match[1]!, 'base64').toString('utf8'));
		expect(ids.at(-1)).toBe(copied.id);
	});
});
