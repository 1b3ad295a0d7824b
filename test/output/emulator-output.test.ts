// `trailview --output ...` as a script runs it: the built CLI, a static-keys profile, and the
// emulator over real HTTP. What is printed is checked against what the AWS SDK itself reads from
// the same endpoint, so "exactly the write events, in order" means what CloudTrail would say.
import {execFile} from 'node:child_process';
import {createServer} from 'node:net';
import {CloudTrailClient, paginateLookupEvents, type Event as SdkEvent} from '@aws-sdk/client-cloudtrail';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cliPath} from '../helpers/pty.js';
import {account, requireBuild, staticKeyProfiles, type AwsFiles} from '../e2e/support.js';
import {parseCsv} from './helpers.js';

type Result = {code: number; stdout: string; stderr: string; ms: number};

/** Lets the app page the loopback emulator faster than AWS's 2 calls/s where paging speed is not the point. */
const fastPaging = {TRAILVIEW_LOOKUP_RPS: '25'};

let emulator: Emulator;
let files: AwsFiles;

beforeAll(async () => {
	requireBuild();
	// The default data set: a few hundred to a couple of thousand write events per account+region.
	// Throttling off so the SDK reads below never compete with the CLI for the 2 calls/s budget.
	emulator = await startEmulator({rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod', dev: 'demo-dev', restricted: 'demo-restricted'});
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	emulator.clearFailures();
});

function baseEnv(extra: Record<string, string>): Record<string, string> {
	return {
		PATH: process.env['PATH'] ?? '',
		HOME: '/nonexistent-home',
		AWS_EC2_METADATA_DISABLED: 'true',
		...files.env,
		...extra,
	};
}

async function run(args: string[], env: Record<string, string> = {}): Promise<Result> {
	const started = performance.now();
	return new Promise(resolve => {
		execFile(process.execPath, [cliPath, ...args], {env: baseEnv(env), timeout: 30_000, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
			resolve({code, stdout, stderr, ms: performance.now() - started});
		});
	});
}

function target(profile: string, region: string, endpoint = emulator.endpoint): string[] {
	return ['--profile', profile, '--region', region, '--endpoint-url', endpoint];
}

/** The write events as the SDK reads them from the emulator: the reference the CLI must match. */
async function sdkWriteEvents(label: string, region: string, limit = Number.POSITIVE_INFINITY): Promise<SdkEvent[]> {
	const who = account(emulator, label);
	const client = new CloudTrailClient({
		endpoint: emulator.endpoint,
		region,
		credentials: {accessKeyId: who.accessKeyId, secretAccessKey: who.secretAccessKey},
	});
	const events: SdkEvent[] = [];
	for await (const page of paginateLookupEvents({client}, {LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'false'}]})) {
		events.push(...(page.Events ?? []));
		if (events.length >= limit) {
			break;
		}
	}

	client.destroy();
	return events.slice(0, limit);
}

type JsonEvent = {
	id: string;
	time: string;
	name: string;
	accessKeyId: string | null;
	readOnly: boolean;
	region: string;
	record: {userIdentity?: {accessKeyId?: unknown}; eventID?: unknown} | null;
};

function expectOneErrorWithHint(stderr: string): string[] {
	const lines = stderr.trimEnd().split('\n');
	expect(lines).toHaveLength(2);
	expect(lines[0]).toMatch(/^trailview: \S/);
	expect(lines[1]).toMatch(/^ {2}\S/);
	expect(stderr).not.toMatch(/^\s+at /m);
	return lines;
}

describe('--output json against the emulator', () => {
	it('holds exactly the write events the SDK reads, in order, over 3 pages, with access key ids masked', async () => {
		const [result, expected] = await Promise.all([
			run([...target('prod', 'us-east-1'), '--output', 'json', '--limit', '120'], fastPaging),
			sdkWriteEvents('demo-prod', 'us-east-1', 120),
		]);
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		expect(expected).toHaveLength(120);

		const events = JSON.parse(result.stdout) as JsonEvent[];
		expect(events.map(event => event.id)).toEqual(expected.map(event => event.EventId));
		expect(events.map(event => event.name)).toEqual(expected.map(event => event.EventName));
		expect(events.map(event => event.time)).toEqual(expected.map(event => event.EventTime?.toISOString()));
		expect(events.every(event => event.readOnly === false && event.region === 'us-east-1')).toBe(true);
		expect(events.every(event => event.record?.eventID === event.id)).toBe(true);

		// The data set has IAM user keys (AKIA) and temporary keys (ASIA); every one must be masked.
		const fullKeys = new Set<string>();
		for (const event of expected) {
			if (event.AccessKeyId) {
				fullKeys.add(event.AccessKeyId);
			}

			const identity = (JSON.parse(event.CloudTrailEvent ?? '{}') as {userIdentity?: {accessKeyId?: string}}).userIdentity;
			if (identity?.accessKeyId) {
				fullKeys.add(identity.accessKeyId);
			}
		}

		expect([...fullKeys].some(key => key.startsWith('AKIA'))).toBe(true);
		expect([...fullKeys].some(key => key.startsWith('ASIA'))).toBe(true);
		for (const key of fullKeys) {
			expect(result.stdout).not.toContain(key);
		}

		expect(result.stdout).not.toMatch(/\b(?:AKIA|ASIA)[A-Z0-9]{12,}/);
		const masked = /^(?:AKIA|ASIA)…[A-Z0-9]{4}$/;
		const withKey = events.filter(event => event.accessKeyId !== null);
		expect(withKey.length).toBeGreaterThan(0);
		for (const [index, event] of events.entries()) {
			const full = expected[index]!.AccessKeyId;
			expect(event.accessKeyId).toBe(full ? `${full.slice(0, 4)}…${full.slice(-4)}` : null);
			if (event.accessKeyId !== null) {
				expect(event.accessKeyId).toMatch(masked);
			}

			const recordKey = event.record?.userIdentity?.accessKeyId;
			if (recordKey !== undefined) {
				expect(recordKey).toMatch(masked);
			}
		}
	});
});

describe('--output csv against the emulator', () => {
	it('round-trips hostile usernames: formulas neutralised with a leading quote, everything else exact', async () => {
		const dev = account(emulator, 'demo-dev');
		// [username as sent to CloudTrail, the cell a spreadsheet should get]
		const cases: Array<[string, string]> = [
			['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
			['+1+1', "'+1+1"],
			['-2', "'-2"],
			['@SUM(A1)', "'@SUM(A1)"],
			// Cells are folded to one line (whitespace runs become one space, ends trimmed), so the tab
			// goes; what it hid behind is a formula all the same and gets the quote.
			['\t=1+2', "'=1+2"],
			['o\'brien, "bob"', 'o\'brien, "bob"'],
			['山田太郎', '山田太郎'],
		];
		const ids = new Map<string, string>();
		for (const [username, cell] of cases) {
			ids.set(emulator.addEvent({accountId: dev.accountId, region: 'eu-west-1', eventName: 'CreateUser', username}), cell);
		}

		const result = await run([...target('dev', 'eu-west-1'), '--output', 'csv', '--limit', String(cases.length + 3)], fastPaging);
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		expect(result.stdout).not.toContain('\t');
		expect(result.stdout.endsWith('\n')).toBe(true);

		const rows = parseCsv(result.stdout);
		const [header, ...body] = rows;
		expect(body).toHaveLength(cases.length + 3);
		expect(rows.every(row => row.length === header!.length)).toBe(true);
		// One physical line per record: quoting never needed a line break.
		expect(result.stdout.trimEnd().split('\n')).toHaveLength(rows.length);
		const column = (name: string) => header!.indexOf(name);
		expect(column('username')).toBeGreaterThanOrEqual(0);

		const added = body.filter(row => ids.has(row[column('id')]!));
		expect(added).toHaveLength(cases.length);
		for (const row of added) {
			expect(row[column('username')]).toBe(ids.get(row[column('id')]!));
			expect(row[column('name')]).toBe('CreateUser');
		}

		// Newest first: the events just added come before the generated history, last added first.
		expect(body.slice(0, cases.length).map(row => row[column('id')])).toEqual([...ids.keys()].reverse());
		// No cell anywhere starts with something a spreadsheet would evaluate.
		for (const row of body) {
			for (const cell of row) {
				expect(cell).not.toMatch(/^[=+\-@\t\r]/);
			}
		}
	});
});

describe('--limit against the emulator', () => {
	it.each([1, 49, 50, 51])('--limit %i prints exactly that many events, the newest ones', async limit => {
		const [result, expected] = await Promise.all([
			run([...target('restricted', 'us-east-1'), '--output', 'jsonl', '--limit', String(limit)], fastPaging),
			sdkWriteEvents('demo-restricted', 'us-east-1', limit),
		]);
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		const ids = result.stdout.trimEnd().split('\n').map(line => (JSON.parse(line) as JsonEvent).id);
		expect(ids).toEqual(expected.map(event => event.EventId));
	});

	it('--limit 0 prints every write event of the last 90 days', async () => {
		const [result, expected] = await Promise.all([
			run([...target('restricted', 'us-east-1'), '--output', 'jsonl', '--limit', '0'], fastPaging),
			sdkWriteEvents('demo-restricted', 'us-east-1'),
		]);
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		// Several pages' worth, so "all" is not just "the first page".
		expect(expected.length).toBeGreaterThan(150);
		const ids = result.stdout.trimEnd().split('\n').map(line => (JSON.parse(line) as JsonEvent).id);
		expect(ids).toEqual(expected.map(event => event.EventId));
	});
});

describe('--output jsonl into a real shell pipe', () => {
	it('`| head -1` exits 0 at once, long before every page could be fetched, with nothing on stderr', async () => {
		const all = await sdkWriteEvents('demo-prod', 'us-east-1');
		// At the app's own pace of 2 calls/s (no TRAILVIEW_LOOKUP_RPS here) this would take > 15 s.
		const pages = Math.ceil(all.length / 50);
		expect(pages).toBeGreaterThan(30);
		emulator.resetCounts();
		const command = [
			'set -o pipefail',
			`node '${cliPath}' ${target('prod', 'us-east-1').join(' ')} --output jsonl --limit 0 | head -1`,
			'echo "status ${PIPESTATUS[0]}"',
		].join('; ');
		const started = performance.now();
		const {stdout, stderr, code} = await new Promise<{stdout: string; stderr: string; code: number}>(resolve => {
			execFile('bash', ['-c', command], {env: baseEnv({}), timeout: 30_000}, (error, out, err) => {
				resolve({stdout: out, stderr: err, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0});
			});
		});
		const ms = performance.now() - started;

		expect(code).toBe(0);
		expect(stderr).toBe('');
		const [line, status, ...rest] = stdout.trimEnd().split('\n');
		expect(rest).toEqual([]);
		expect(status).toBe('status 0');
		expect((JSON.parse(line!) as JsonEvent).id).toBe(all[0]!.EventId);
		expect(ms).toBeLessThan(8000);
		// It stopped paging when the reader went away.
		expect(emulator.requestCounts()['LookupEvents'] ?? 0).toBeLessThan(10);
	});
});

describe('errors from the emulator', () => {
	it('AccessDeniedException: exit 1, nothing on stdout, one line plus the fix on stderr', async () => {
		const dev = account(emulator, 'demo-dev');
		emulator.failOperation(
			'LookupEvents',
			{code: 'AccessDeniedException', message: 'User devon is not authorized to perform cloudtrail:LookupEvents'},
			{accountId: dev.accountId},
		);
		const result = await run([...target('dev', 'ap-southeast-2'), '--output', 'json']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		const [message, hint] = expectOneErrorWithHint(result.stderr);
		expect(message).toMatch(/^trailview: Access denied to cloudtrail:LookupEvents\b/);
		expect(message).toContain('User devon is not authorized to perform cloudtrail:LookupEvents');
		expect(hint).toMatch(/cloudtrail:LookupEvents permission/);
	});

	it('a ThrottlingException on one call is retried and the run succeeds', async () => {
		const dev = account(emulator, 'demo-dev');
		const expected = await sdkWriteEvents('demo-dev', 'ap-southeast-2', 60);
		emulator.resetCounts();
		emulator.failOperation('LookupEvents', {code: 'ThrottlingException', message: 'Rate exceeded', status: 400}, {times: 1, accountId: dev.accountId});
		const result = await run([...target('dev', 'ap-southeast-2'), '--output', 'jsonl', '--limit', '60'], fastPaging);
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		const ids = result.stdout.trimEnd().split('\n').map(line => (JSON.parse(line) as JsonEvent).id);
		expect(ids).toEqual(expected.map(event => event.EventId));
		// Two pages, plus the one call that was throttled and retried.
		expect(emulator.requestCounts()['LookupEvents']).toBe(3);
	});

	it('an unreachable endpoint: exit 1 with a network message', async () => {
		const closedPort = await new Promise<number>((resolve, reject) => {
			const server = createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				server.close(() => {
					resolve(typeof address === 'object' && address ? address.port : 0);
				});
			});
		});
		const result = await run([...target('dev', 'us-east-1', `http://127.0.0.1:${closedPort}`), '--output', 'jsonl']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		const [message] = expectOneErrorWithHint(result.stderr);
		expect(message).toMatch(/^trailview: Could not reach .*connection was refused/);
	});
});
