// `trailview --output jsonl --query ...` as a script runs it: the built CLI against the emulator
// over real HTTP. What it prints is checked against the emulator's own data set filtered by a
// plain function written here, not by the query code, so a planner or matcher mistake shows.
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {EventStore} from '../../source/emulator/event-store.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import type {StoredEvent} from '../../source/emulator/types.js';
import {cliPath} from '../helpers/pty.js';
import {requireBuild, staticKeyProfiles, type AwsFiles} from '../e2e/support.js';
import {recordingProxy, withoutToken, type RecordingProxy} from '../emulator/recording-proxy.js';

type Result = {code: number; stdout: string; stderr: string};
type Row = {id: string; name: string; username: string | null};
type CtRecord = {errorCode?: string; sourceIPAddress?: string; requestParameters?: Record<string, unknown> | null};

const seed = 42;
const eventsPerRegion = 3000;
const prodAccount = '111111111111';
const day = 86_400_000;
/** The app's own pacing, sped up for the loopback emulator (honoured for loopback endpoints only). */
const fastPaging = {TRAILVIEW_LOOKUP_RPS: '50'};

// The emulator's data ends at dataNow; the reference store is built from the same seed and time.
const dataNow = new Date(Math.floor(Date.now() / 1000) * 1000);
const reference: readonly StoredEvent[] = new EventStore(seed, dataNow, eventsPerRegion).events(prodAccount, 'us-east-1');
const recordOf = (event: StoredEvent) => JSON.parse(event.cloudTrailEvent()) as CtRecord;
let emulator: Emulator;
let proxy: RecordingProxy;
let files: AwsFiles;

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({now: dataNow, seed, eventsPerRegion, rateLimitPerSecond: false});
	proxy = await recordingProxy(emulator.endpoint);
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'});
});

afterAll(async () => {
	await proxy?.stop();
	await emulator?.stop();
});

beforeEach(() => {
	proxy.lookups.length = 0;
});

async function run(args: string[], options: {endpoint?: string; env?: Record<string, string>} = {}): Promise<Result> {
	const env = {PATH: process.env['PATH'] ?? '', HOME: '/nonexistent-home', AWS_EC2_METADATA_DISABLED: 'true', ...files.env, ...fastPaging, ...options.env};
	const target = ['--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', options.endpoint ?? emulator.endpoint];
	return new Promise(resolve => {
		execFile(process.execPath, [cliPath, ...target, ...args], {env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr});
		});
	});
}

function rows(stdout: string): Row[] {
	return stdout.split('\n').filter(Boolean).map(line => JSON.parse(line) as Row);
}

const ids = (events: ReadonlyArray<{id: string}>) => events.map(event => event.id);

describe('--query against the emulator', () => {
	it('user:alice -event:Put* error:any prints exactly the matching write events, newest first', async () => {
		const expected = reference.filter(event =>
			!event.readOnly && event.username === 'alice' && !event.name.startsWith('Put') && recordOf(event).errorCode !== undefined);
		const result = await run(['--output', 'jsonl', '--limit', '0', '--query', 'user:alice -event:Put* error:any'], {endpoint: proxy.endpoint});
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		expect(expected.length).toBeGreaterThan(2);
		expect(ids(rows(result.stdout))).toEqual(ids(expected));
		// The user went to the service as the one attribute; write-only and the rest were applied locally.
		expect(proxy.lookups.every(body => JSON.stringify(body['LookupAttributes']) === '[{"AttributeKey":"Username","AttributeValue":"alice"}]')).toBe(true);
	});

	it('a dotted path and wildcards, over read-only events too (--all-events)', async () => {
		const expected = reference.filter(event => {
			const record = recordOf(event);
			const bucket = record.requestParameters?.['bucketName'];
			return typeof bucket === 'string' && bucket.endsWith('-1111') && (record.sourceIPAddress ?? '').startsWith('198.51.100.');
		});
		const result = await run(['--output', 'jsonl', '--limit', '0', '--all-events', '--query', 'requestParameters.bucketName:*-1111 ip:198.51.100.*'], {endpoint: proxy.endpoint});
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		expect(expected.some(event => event.readOnly) && expected.some(event => !event.readOnly)).toBe(true);
		expect(ids(rows(result.stdout))).toEqual(ids(expected));
		// Nothing the service can filter on: no attribute at all, every page scanned here.
		expect(proxy.lookups.length).toBe(Math.ceil(reference.length / 50));
		expect(proxy.lookups.every(body => !('LookupAttributes' in body))).toBe(true);
	});

	it('--since and --until (ISO dates) bound the window; a query starting with "-" needs no "="', async () => {
		const since = new Date(dataNow.getTime() - 40 * day);
		const until = new Date(dataNow.getTime() - 10 * day);
		const expected = reference.filter(event =>
			!event.readOnly && event.timeMs >= since.getTime() && event.timeMs <= until.getTime() && event.username !== 'ci-deployer' && /^(Create|Delete)/.test(event.name));
		const result = await run(['--output', 'jsonl', '--limit', '0', '--since', since.toISOString(), '--until', until.toISOString(), '--query', '-user:ci-deployer event:Create* event:Delete*'], {endpoint: proxy.endpoint});
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		expect(expected.length).toBeGreaterThan(10);
		expect(ids(rows(result.stdout))).toEqual(ids(expected));
		expect(withoutToken(proxy.lookups[0]!)).toMatchObject({StartTime: since.getTime() / 1000, EndTime: until.getTime() / 1000});
	});

	it('--limit counts matches, and the pages asked for stay full-size', async () => {
		const expected = reference.filter(event => !event.readOnly && recordOf(event).errorCode !== undefined);
		const result = await run(['--output', 'jsonl', '--limit', '3', '--query', 'error:any'], {endpoint: proxy.endpoint});
		expect(result.code).toBe(0);
		expect(ids(rows(result.stdout))).toEqual(ids(expected.slice(0, 3)));
		expect(proxy.lookups.every(body => body['MaxResults'] === undefined || body['MaxResults'] === 50)).toBe(true);
	});

	it('pages a multi-page query with the same parameters on every NextToken request', async () => {
		const result = await run(['--output', 'jsonl', '--limit', '0', '--query', 'user:jane.doe@example.com since:30d'], {endpoint: proxy.endpoint});
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		const bodies = proxy.lookups;
		expect(bodies.length).toBeGreaterThan(2);
		const first = withoutToken(bodies[0]!);
		expect(first['LookupAttributes']).toEqual([{AttributeKey: 'Username', AttributeValue: 'jane.doe@example.com'}]);
		expect(bodies.every(body => JSON.stringify(withoutToken(body)) === JSON.stringify(first))).toBe(true);
		expect(bodies.slice(1).every(body => typeof body['NextToken'] === 'string')).toBe(true);
		// The window the CLI fixed once, read off the wire, gives the exact reference set.
		const start = Number(first['StartTime']) * 1000;
		const end = Number(first['EndTime']) * 1000;
		expect(end - start).toBe(30 * day);
		const expected = reference.filter(event => !event.readOnly && event.username === 'jane.doe@example.com' && event.timeMs >= start && event.timeMs <= end);
		expect(ids(rows(result.stdout))).toEqual(ids(expected));
	});
});

describe('named queries', () => {
	it('@name expands from the user\'s file in $XDG_CONFIG_HOME/trailview/queries', async () => {
		const config = mkdtempSync(path.join(tmpdir(), 'trailview-xdg-'));
		try {
			mkdirSync(path.join(config, 'trailview'));
			writeFileSync(path.join(config, 'trailview', 'queries'), '# mine\nfailed = error:any\nalice-failed = user:alice @failed\n');
			const expected = reference.filter(event => !event.readOnly && event.username === 'alice' && recordOf(event).errorCode !== undefined);
			const result = await run(['--output', 'jsonl', '--limit', '0', '--query', '@alice-failed'], {env: {XDG_CONFIG_HOME: config}});
			expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
			expect(ids(rows(result.stdout))).toEqual(ids(expected));
			const unknown = await run(['--output', 'jsonl', '--query', '@nope'], {env: {XDG_CONFIG_HOME: config}});
			expect(unknown.code).toBe(2);
			expect(unknown.stderr).toMatch(/^trailview: --query: .*nope.*\n$/);
		} finally {
			rmSync(config, {recursive: true, force: true});
		}
	});
});

describe('a bad query or window', () => {
	it.each([
		[['--query', 'usr:alice'], /^trailview: --query: .*"usr".*"user".* at "usr:alice"$/],
		[['--query', 'since:2h', '--since', '1h'], /^trailview: --since 1h and since:2h in --query both set the start; give one$/],
		[['--query', 'event:"Delete'], /^trailview: --query: .+/],
	])('%j exits 2 with one line and nothing on stdout, before any request', async (args, line) => {
		const result = await run(['--output', 'jsonl', ...args], {endpoint: proxy.endpoint});
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
		expect(result.stderr.trimEnd()).toMatch(line);
		expect(proxy.lookups).toHaveLength(0);
	});
});

describe('a scan over thousands of events', () => {
	it('reads every page within the emulator\'s rate limit: no throttled request, nothing on stderr', async () => {
		// The emulator enforces 20 calls in any 1 s (CloudTrail's rule, scaled up so the test takes
		// seconds); the app paces at 18/s, as it paces at a little under 2/s against AWS. A scan that
		// went around the limiter would burst and be throttled.
		const limited = await startEmulator({now: dataNow, seed, eventsPerRegion, rateLimitPerSecond: 20});
		try {
			const limitedFiles = staticKeyProfiles(limited, {prod: 'demo-prod'});
			const result = await run(['--output', 'jsonl', '--limit', '0', '--all-events', '--query', 'ip:203.0.113.* -error:any'], {
				endpoint: limited.endpoint,
				env: {...limitedFiles.env, TRAILVIEW_LOOKUP_RPS: '18'},
			});
			expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
			const expected = reference.filter(event => {
				const record = recordOf(event);
				return (record.sourceIPAddress ?? '').startsWith('203.0.113.') && record.errorCode === undefined;
			});
			expect(ids(rows(result.stdout))).toEqual(ids(expected));
			const counts = limited.requestCounts();
			expect(reference.length).toBeGreaterThanOrEqual(3000);
			expect(counts['LookupEvents']).toBe(Math.ceil(reference.length / 50));
			expect(counts['throttled'] ?? 0).toBe(0);
		} finally {
			await limited.stop();
		}
	});
});
