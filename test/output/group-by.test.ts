// `trailview --group-by` as a script runs it: the built CLI against the emulator over real HTTP.
// The counts are checked against the emulator's own data set counted by plain code here, not by
// the summary code, so a grouping mistake shows.
import {execFile} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EventStore} from '../../source/emulator/event-store.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import type {StoredEvent} from '../../source/emulator/types.js';
import {cliPath} from '../helpers/pty.js';
import {requireBuild, staticKeyProfiles, type AwsFiles} from '../e2e/support.js';

type Result = {code: number; stdout: string; stderr: string};

const seed = 42;
const eventsPerRegion = 1500;
const prodAccount = '111111111111';
const dataNow = new Date(Math.floor(Date.now() / 1000) * 1000);
const reference: readonly StoredEvent[] = new EventStore(seed, dataNow, eventsPerRegion).events(prodAccount, 'us-east-1');
let emulator: Emulator;
let files: AwsFiles;

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({now: dataNow, seed, eventsPerRegion, rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'});
});
afterAll(async () => {
	await emulator?.stop();
});

async function run(args: string[]): Promise<Result> {
	const env = {PATH: process.env['PATH'] ?? '', HOME: '/nonexistent-home', AWS_EC2_METADATA_DISABLED: 'true', TRAILVIEW_LOOKUP_RPS: '50', ...files.env};
	return new Promise(resolve => {
		execFile(process.execPath, [cliPath, '--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint, ...args], {env, timeout: 60_000}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr});
		});
	});
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) {
		counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
	}

	return counts;
}

describe('--group-by against the emulator', () => {
	it('user: the counts equal the emulator data counted here, for the same query', async () => {
		const result = await run(['--group-by', 'user', '--query', '-event:ConsoleLogin', '--output', 'json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const groups = JSON.parse(result.stdout) as Array<{group: string; count: number; share: number; firstSeen: string; lastSeen: string; distinctEvents: number}>;
		const expected = countBy(
			reference.filter(event => !event.readOnly && event.name !== 'ConsoleLogin'),
			event => event.username ?? '',
		);
		expect(new Map(groups.map(group => [group.group, group.count]))).toEqual(expected);
		// Biggest first, shares of the whole, first seen no later than last seen.
		expect(groups.map(group => group.count)).toEqual([...groups.map(group => group.count)].sort((a, b) => b - a));
		const total = [...expected.values()].reduce((a, b) => a + b, 0);
		expect(groups[0]!.share).toBeCloseTo((groups[0]!.count / total) * 100, 1);
		for (const group of groups) {
			expect(Date.parse(group.firstSeen)).toBeLessThanOrEqual(Date.parse(group.lastSeen));
		}
	});

	it('event as CSV (formula cells neutralised) and as a table', async () => {
		const csv = await run(['--group-by', 'event', '--output', 'csv', '--since', '30d']);
		expect(csv.code).toBe(0);
		const [header, ...rows] = csv.stdout.trimEnd().split('\n');
		expect(header).toBe('group,count,share,firstSeen,lastSeen,distinctPrincipals');
		const since = dataNow.getTime() - 30 * 86_400_000;
		const expected = countBy(reference.filter(event => !event.readOnly && event.timeMs >= since), event => event.name);
		expect(new Map(rows.map(row => [row.split(',')[0]!, Number(row.split(',')[1])]))).toEqual(expected);

		const table = await run(['--group-by', 'event', '--output', 'table', '--since', '30d']);
		expect(table.stdout.split('\n')[0]).toMatch(/^COUNT +SHARE +FIRST SEEN \(UTC\) +LAST SEEN \(UTC\) +PRINCIPALS +EVENT NAME$/);
	});

	it('refuses a field it cannot group by, with one line and exit 2', async () => {
		const result = await run(['--group-by', 'colour']);
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe('trailview: --group-by must be one of user, event, source, ip, error, region, account (got "colour")');
	});
});
