// Temporary credentials in the header: a role session of a few seconds counts down in red, and a
// refresh (r) brings new credentials whose expiry the header then shows. A static key says it is
// long-term instead.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {spawnCli, type PtySession} from '../helpers/pty.js';
import {account, awsFiles, requireBuild, type AwsFiles} from './support.js';

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({rateLimitPerSecond: false, eventsPerRegion: 100, minSessionSeconds: 1});
	const prod = account(emulator, 'demo-prod');
	files = awsFiles({
		config: '[profile base]\n[profile short-role]\nrole_arn = arn:aws:iam::222222222222:role/Admin\nsource_profile = base\nduration_seconds = 8\n',
		credentials: `[base]\naws_access_key_id = ${prod.accessKeyId}\naws_secret_access_key = ${prod.secretAccessKey}\n`,
	});
});
afterAll(async () => {
	await emulator.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

function secondsLeft(screen: string): number | undefined {
	const match = /expires in (\d+) s/.exec(screen);
	return match ? Number(match[1]) : undefined;
}

describe('credential expiry in the header', () => {
	it('counts a short session down in red, and follows the refresh', async () => {
		session = spawnCli({args: ['--profile', 'short-role', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env: files.env, cols: 140, rows: 30});
		await session.waitForText(/Write events in us-east-1/);
		const first = await session.waitForScreen(screen => secondsLeft(screen) !== undefined, 10_000, 'a countdown');
		expect(session.styleOf('expires in')?.colored).toBe(true);
		const start = secondsLeft(first)!;
		await session.waitForScreen(screen => (secondsLeft(screen) ?? 99) < start && (secondsLeft(screen) ?? 0) <= 2, 10_000, 'the countdown to run down');
		const before = emulator.requestCounts()['AssumeRole'] ?? 0;
		// New credentials: the count starts again from near the full 8 s. On a loaded machine the
		// first refresh can land after those lapse too, so r is pressed again, as a person would.
		const refreshed = (screen: string) => (secondsLeft(screen) ?? 0) >= 5;
		for (let attempt = 0; attempt < 4; attempt++) {
			await session.press('r');
			if (await session.waitForScreen(refreshed, 5000, 'the refreshed expiry').then(() => true, () => false)) {
				break;
			}
		}

		expect(refreshed(session.screen())).toBe(true);
		expect((emulator.requestCounts()['AssumeRole'] ?? 0) - before).toBeGreaterThanOrEqual(1);
	});

	it('a static key is labelled long-term, with no countdown', async () => {
		session = spawnCli({args: ['--profile', 'base', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env: files.env, cols: 140, rows: 30});
		const screen = await session.waitForText('long-term access key');
		expect(screen).toContain('AKIA');
		expect(screen).not.toContain('expires in');
	});
});
