// --profile + --region + --endpoint-url: no pickers, straight to the panes; and every way out of
// the UI (Ctrl+C, SIGTERM, SIGHUP) leaves the alternate screen and shows the cursor again.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {requireBuild, staticKeyProfiles, withEmulator, type AwsFiles} from './support.js';

const leaveAlt = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	emulator = await withEmulator();
	files = staticKeyProfiles(emulator, {dev: 'demo-dev'});
});
afterAll(async () => {
	await emulator.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

function start(): PtySession {
	return spawnCli({args: ['--profile', 'dev', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env: files.env, cols: 120, rows: 30});
}

function expectTerminalRestored(raw: string): void {
	const tail = raw.slice(raw.lastIndexOf('\u001B[?1049h'));
	expect(tail).toContain(leaveAlt);
	expect(tail.slice(tail.indexOf(leaveAlt))).toContain(showCursor);
}

describe('trailview --profile X --region Y --endpoint-url URL', () => {
	it('goes straight to the panes for that account; Ctrl+C exits 0 and restores the terminal', async () => {
		session = start();
		const screen = await session.waitForText(/Write events in us-east-1/);
		expect(screen).toContain('222222222222');
		expect(screen).toContain('dev');
		await session.waitForText(/Trails in us-east-1/);
		// No key was pressed: the pickers were skipped (the region picker never even drew).
		expect(session.raw()).not.toContain('Choose a region');

		await session.press(ptyKeys.ctrlC);
		expect(await session.exitCode).toBe(0);
		expectTerminalRestored(session.raw());
	});

	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
	])('%s restores the terminal and exits %i', async (signal, code) => {
		session = start();
		await session.waitForText(/Write events in us-east-1/);
		session.kill(signal);
		expect(await session.exitCode).toBe(code);
		expectTerminalRestored(session.raw());
	});
});
