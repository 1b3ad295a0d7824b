// The UI riding out failures it cannot fix, in a real pseudo-terminal against the emulator: a
// throttling storm longer than the SDK's tries shows as a countdown in the events pane and ends
// with the events on screen, no key pressed; an endpoint without LookupEvents is named in the
// events pane while the trails pane keeps working.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {requireBuild, staticKeyProfiles, withEmulator, type AwsFiles} from './support.js';

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	emulator = await withEmulator();
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'}, 'us-east-1');
});
afterAll(async () => {
	await emulator.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
	emulator.clearFailures();
	emulator.resetCounts();
});

/**
 * One SDK try per request, and trailview's back-off at a fifth of its speed (200 ms, 400 ms … 6 s
 * instead of 1 s … 30 s): a storm of a few seconds then takes several of trailview's own waits.
 */
function start(env: Record<string, string> = {}): PtySession {
	return spawnCli({
		args: ['--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint],
		env: {...files.env, AWS_MAX_ATTEMPTS: '1', TRAILVIEW_RETRY_BASE_MS: '200', ...env},
		cols: 120,
		rows: 30,
	});
}

describe('a throttling storm on LookupEvents', () => {
	it('counts down in the events pane while the trails load, then shows the events with no key pressed', async () => {
		// The storm lasts until the test has seen the pane ride it; then it passes, as storms do.
		emulator.throttle('LookupEvents', 10 * 60_000);
		session = start();
		const waiting = await session.waitForText(/throttled by CloudTrail · retrying in \d+ s · r now/);
		expect(waiting).not.toMatch(/\d+ events loaded/);
		// Every other pane keeps working: the trails load during the storm.
		const withTrails = await session.waitForText('organization-trail');
		expect(withTrails).toMatch(/throttled by CloudTrail/);
		await session.waitForScreen(() => (emulator.requestCounts()['throttled'] ?? 0) >= 3, 15_000, 'three throttled tries');

		emulator.clearFailures();
		const recovered = await session.waitForText(/\d+ events loaded/, 20_000);
		expect(recovered).not.toMatch(/throttled by CloudTrail/);
		expect(recovered).not.toMatch(/✗/);

		await session.press(ptyKeys.ctrlC);
		expect(await session.exitCode).toBe(0);
	});

	it('r tries at once instead of waiting out the countdown', async () => {
		// A first wait of 10 s or more, so within the test only the key can end it.
		emulator.throttle('LookupEvents', 60_000);
		session = start({TRAILVIEW_RETRY_BASE_MS: '20000'});
		await session.waitForText(/throttled by CloudTrail · retrying in \d+ s · r now/);
		expect(emulator.requestCounts()).toMatchObject({LookupEvents: 1, throttled: 1});
		// The storm passes; the pane would still wait its 10 s or more.
		emulator.clearFailures();
		await session.press('r');
		await session.waitForText(/\d+ events loaded/, 8000);
		// The same page tried again, not a fresh load started beside it.
		expect(emulator.requestCounts()).toMatchObject({LookupEvents: 2, throttled: 1});
	});
});

describe('an endpoint that does not implement LookupEvents', () => {
	it('names the operation and the status in the events pane; the trails pane works', async () => {
		emulator.failOperation('LookupEvents', {httpStatus: 500, body: 'html'});
		session = start();
		const screen = await session.waitForText(/LookupEvents: the endpoint at http:\/\/127\.0\.0\.1:\d+ answered HTTP 500/);
		await session.waitForText('organization-trail');
		expect(screen).not.toContain('could not read');
	});
});
