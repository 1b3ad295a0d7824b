// The scripting contract when things go wrong, with the built CLI over real HTTP against the
// emulator: a throttling storm is waited out (or ends the run after --max-wait), a failure or an
// interrupt leaves stdout holding only whole output (nothing for json, complete lines for jsonl and
// csv), and an endpoint that does not implement LookupEvents is named with its HTTP status.
import {spawn} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cliPath} from '../helpers/pty.js';
import {requireBuild, staticKeyProfiles, type AwsFiles} from '../e2e/support.js';
import {parseCsv} from './helpers.js';

type Result = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};
type Running = {result: Promise<Result>; kill(signal: NodeJS.Signals): void};

/**
 * One try per request (the SDK's own retries would spend seconds of real time first) and a
 * back-off of 100 ms, 200 ms … 3 s: the production schedule (1 s … 30 s) at a tenth of its speed.
 * Both are honoured only on loopback. The SDK's adaptive mode still slows the client after a
 * throttle, as in production.
 */
const stormEnv = {AWS_MAX_ATTEMPTS: '1', TRAILVIEW_RETRY_BASE_MS: '100'};
const fastPaging = {TRAILVIEW_LOOKUP_RPS: '25'};

let emulator: Emulator;
let files: AwsFiles;

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({rateLimitPerSecond: false, eventsPerRegion: 1000});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'});
});

afterAll(async () => {
	await emulator?.stop();
});

afterEach(() => {
	emulator.clearFailures();
	emulator.resetCounts();
});

function start(args: string[], env: Record<string, string> = {}): Running {
	const child = spawn(process.execPath, [cliPath, '--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint, ...args], {
		env: {PATH: process.env['PATH'] ?? '', HOME: '/nonexistent-home', AWS_EC2_METADATA_DISABLED: 'true', ...files.env, ...fastPaging, ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const result = new Promise<Result>(resolve => {
		child.on('close', (code, signal) => {
			resolve({code, signal, stdout, stderr});
		});
	});
	return {result, kill: signal => child.kill(signal)};
}

async function run(args: string[], env: Record<string, string> = {}): Promise<Result> {
	return start(args, env).result;
}

const jsonLines = (text: string) => text.trimEnd().split('\n').map(line => JSON.parse(line) as {id: string});

describe('a throttling storm', () => {
	it('is waited out: the run exits 0 with every event it would print unthrottled, and says so once', async () => {
		const calm = await run(['--output', 'jsonl', '--limit', '120'], stormEnv);
		expect(calm).toMatchObject({code: 0, stderr: ''});

		// The storm lasts until trailview has been throttled twice (past the SDK's one try), then passes.
		emulator.throttle('LookupEvents', 10 * 60_000);
		const running = start(['--output', 'jsonl', '--limit', '120'], stormEnv);
		await vi.waitFor(
			() => {
				expect(emulator.requestCounts()['throttled'] ?? 0).toBeGreaterThanOrEqual(2);
			},
			{timeout: 15_000, interval: 20},
		);
		emulator.clearFailures();
		const stormy = await running.result;
		expect(stormy.code).toBe(0);
		expect(stormy.stdout).toBe(calm.stdout);
		expect(jsonLines(stormy.stdout)).toHaveLength(120);
		expect(stormy.stderr).toBe('trailview: CloudTrail is throttling LookupEvents in us-east-1; retrying for up to 5m (--max-wait)\n');
	});

	it('ends the run after --max-wait: exit 1, the message and the fix, nothing on stdout for json', async () => {
		emulator.throttle('LookupEvents', 10 * 60_000);
		const result = await run(['--output', 'json', '--max-wait', '1s'], stormEnv);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines).toEqual([
			'trailview: CloudTrail is throttling LookupEvents in us-east-1; retrying for up to 1s (--max-wait)',
			expect.stringMatching(/^trailview: CloudTrail is throttling requests in us-east-1/),
			'  Still throttled after retrying for 1s (--max-wait); try again later, or wait longer with a larger --max-wait.',
		]);
	});
});

describe('a failure on page 3', () => {
	const failThirdPage = () => {
		emulator.failOperation('LookupEvents', {code: 'InvalidNextTokenException', message: 'Invalid NextToken'}, {after: 2, times: 1});
	};

	it('json: exit 1 and stdout empty, never a cut-off array', async () => {
		failThirdPage();
		const result = await run(['--output', 'json', '--limit', '0']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^trailview: The request was rejected as invalid \(InvalidNextTokenException\)/);
	});

	it('jsonl: exit 1 and the two pages already printed, every line whole', async () => {
		failThirdPage();
		const result = await run(['--output', 'jsonl', '--limit', '0']);
		expect(result.code).toBe(1);
		expect(result.stdout.endsWith('\n')).toBe(true);
		expect(new Set(jsonLines(result.stdout).map(event => event.id)).size).toBe(100);
	});

	it('csv: exit 1, the header and the two pages\' rows, every line whole', async () => {
		failThirdPage();
		const result = await run(['--output', 'csv', '--limit', '0']);
		expect(result.code).toBe(1);
		expect(result.stdout.endsWith('\n')).toBe(true);
		const rows = parseCsv(result.stdout);
		expect(rows).toHaveLength(101);
		expect(rows.every(row => row.length === rows[0]!.length)).toBe(true);
	});
});

describe('an interrupt while a request hangs', () => {
	async function interrupt(args: string[], signal: NodeJS.Signals, requests: number): Promise<Result> {
		const running = start(args);
		await vi.waitFor(
			() => {
				expect(emulator.requestCounts()['LookupEvents'] ?? 0).toBe(requests);
			},
			{timeout: 10_000, interval: 20},
		);
		running.kill(signal);
		return running.result;
	}

	it('SIGINT with json: exit 130, stdout empty (not "[]"), how far it got on stderr', async () => {
		emulator.failOperation('LookupEvents', 'hang');
		const result = await interrupt(['--output', 'json'], 'SIGINT', 1);
		expect(result).toMatchObject({code: 130, stdout: ''});
		expect(result.stderr).toBe('trailview: interrupted after reading 0 events; nothing printed (json prints only a complete result)\n');
	});

	it('SIGTERM with jsonl after two pages: exit 143, stdout holds exactly those two pages', async () => {
		emulator.failOperation('LookupEvents', 'hang', {after: 2});
		const result = await interrupt(['--output', 'jsonl', '--limit', '0'], 'SIGTERM', 3);
		expect(result.code).toBe(143);
		expect(result.stdout.endsWith('\n')).toBe(true);
		expect(jsonLines(result.stdout)).toHaveLength(100);
		expect(result.stderr).toBe('trailview: interrupted; 100 events printed\n');
	});

	it('SIGINT with csv before any page: exit 130 and not even a header', async () => {
		emulator.failOperation('LookupEvents', 'hang');
		const result = await interrupt(['--output', 'csv'], 'SIGINT', 1);
		expect(result).toMatchObject({code: 130, stdout: ''});
	});
});

describe('an endpoint that does not implement LookupEvents', () => {
	it('an HTML 500 (as moto sends): exit 1, naming the operation, the endpoint and the status', async () => {
		emulator.failOperation('LookupEvents', {httpStatus: 500, body: 'html'});
		const result = await run(['--output', 'jsonl'], {AWS_MAX_ATTEMPTS: '1'});
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr.split('\n')[0]).toBe(
			`trailview: LookupEvents: the endpoint at ${emulator.endpoint} answered HTTP 500 with an HTML page — it may not implement this operation.`,
		);
	});
});
