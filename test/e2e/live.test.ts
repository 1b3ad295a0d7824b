// Live and wide in a real terminal (issue 13): the built CLI in a pseudo-terminal against the
// emulator. Follow marks an event added after start (one ten minutes old, as CloudTrail delivers
// late), A brings the region column and the list of skipped regions, and Space in the picker opens
// two accounts in one timeline.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {account, requireBuild, selectedRow, staticKeyProfiles, type AwsFiles} from './support.js';

const wait = 25_000;
const eventRow = /^[ •] (?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d \S/;

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod', dev: 'demo-dev'}, 'us-east-1');
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

// Honoured for a loopback endpoint only: follow polls the emulator every second instead of every
// 10 s, so seeing two polls takes seconds, not twenty.
const followEnv = {TRAILVIEW_FOLLOW_INTERVAL_MS: '1000'};

function start(args: string[]): PtySession {
	session = spawnCli({args: [...args, '--endpoint-url', emulator.endpoint], env: {...files.env, ...followEnv}, cols: 140, rows: 40});
	return session;
}

function lines(screen: string): string[] {
	return screen.split('\n');
}

function rows(screen: string): string[] {
	return lines(screen).filter(line => eventRow.test(line));
}

function header(screen: string): string {
	return lines(screen).find(line => line.includes('Time (')) ?? '';
}

describe('live and wide', {timeout: 90_000}, () => {
	it('F follows: an event added after start, ten minutes old, shows once, marked new, in its time order', async () => {
		const cli = start(['--profile', 'prod', '--region', 'us-east-1']);
		await cli.waitForScreen(screen => screen.includes('50 events loaded'), wait, 'the first page');
		await cli.press('F');
		await cli.waitForScreen(screen => /following · every 1s · polled/.test(lines(screen)[0] ?? ''), wait, 'the header saying it follows');

		const prod = account(emulator, 'demo-prod');
		const time = new Date(Date.now() - 10 * 60_000);
		emulator.addEvent({accountId: prod.accountId, region: 'us-east-1', eventName: 'FollowedLateEvent', username: 'late-arrival', time});
		const screen = await cli.waitForScreen(screen => screen.includes('FollowedLateEvent'), wait, 'the late event');
		const row = rows(screen).find(line => line.includes('FollowedLateEvent'))!;
		expect(row.startsWith('•')).toBe(true);
		expect(rows(screen).filter(line => line.includes('FollowedLateEvent'))).toHaveLength(1);
		// In its time order: the rows around it are no newer below and no older above.
		const times = rows(screen).map(line => /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.exec(line)![0]);
		expect(times).toEqual([...times].sort().reverse());

		// The next poll reads the same window again and does not add it twice.
		const polled = /polled (\d\d:\d\d:\d\d)/.exec(lines(cli.screen())[0]!)![1];
		const later = await cli.waitForScreen(text => !(lines(text)[0] ?? '').includes(`polled ${polled}`), wait, 'another poll');
		expect(rows(later).filter(line => line.includes('FollowedLateEvent'))).toHaveLength(1);

		await cli.press('F');
		await cli.waitForScreen(text => !(lines(text)[0] ?? '').includes('following'), wait, 'follow stopped');
	});

	it('A shows every region: a region column, the regions read and the ones skipped', async () => {
		const cli = start(['--profile', 'prod', '--region', 'us-east-1']);
		const one = await cli.waitForScreen(screen => screen.includes('50 events loaded'), wait, 'the first page');
		expect(header(one)).not.toContain('Region');
		await cli.press('A');
		const all = await cli.waitForScreen(
			screen => header(screen).includes('Region') && /\d+ of \d+ regions read · \d+ not enabled/.test(screen) && rows(screen).length > 10,
			wait,
			'the all-regions view',
		);
		expect(all).toMatch(/Write events in \d+ regions/);
		const regionColumn = header(all).indexOf('Region');
		const regions = new Set(rows(all).map(row => row.slice(regionColumn).split(/\s+/)[0]));
		expect(regions.size).toBeGreaterThan(1);
		expect(all).toContain('IAM, STS, CloudFront: us-east-1 only');
	});

	it('Space in the picker marks two profiles; Enter opens both in one timeline with an account column', async () => {
		const cli = start([]);
		await cli.waitForScreen(screen => screen.includes('Choose a profile') && screen.includes('prod'), wait, 'the picker');
		// The cursor starts on the first profile; mark it, move to the other and mark that one.
		const first = selectedRow(cli.screen())!;
		await cli.press(' ');
		await cli.waitForScreen(screen => (selectedRow(screen) ?? '').includes('✓'), wait, 'the first mark');
		await cli.press(ptyKeys.down);
		await cli.waitForScreen(screen => selectedRow(screen) !== undefined && !(selectedRow(screen) ?? '').includes('✓'), wait, 'the next row');
		await cli.press(' ');
		await cli.waitForScreen(screen => lines(screen).filter(line => line.includes('✓')).length === 2, wait, 'two marks');
		expect(cli.screen()).toContain('open 2 accounts');
		await cli.press(ptyKeys.enter);
		await cli.waitForScreen(screen => screen.includes('Choose a region') && (selectedRow(screen) ?? '').includes('us-east-1'), wait, 'the region picker');
		// A key sent while the just-opened picker still subscribes to input is not seen: press again if so.
		for (let attempt = 0; attempt < 5 && cli.screen().includes('Choose a region'); attempt++) {
			await cli.press(ptyKeys.enter);
			await cli.waitForNoText('Choose a region', 1000).catch(() => undefined);
		}

		const merged = await cli.waitForScreen(
			screen => header(screen).includes('Account') && screen.includes('Write events in 2 accounts') && rows(screen).length > 10,
			wait,
			'the two-account timeline',
		);
		const accountColumn = header(merged).indexOf('Account');
		const labels = new Set(rows(merged).map(row => row.slice(accountColumn).split(/\s+/)[0]));
		expect([...labels].sort()).toEqual(['dev', 'prod']);
		expect(first).toMatch(/dev|prod/);
	});
});
