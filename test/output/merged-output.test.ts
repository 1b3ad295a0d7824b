// `--all-regions` and several `--profile`s (issue 13) as a script runs them: the built CLI over real
// HTTP against the emulator, with the emulator's 2-per-second limit on. What is printed is checked
// against what the AWS SDK itself reads from each region and account.
import {execFile} from 'node:child_process';
import {CloudTrailClient, paginateLookupEvents} from '@aws-sdk/client-cloudtrail';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cliPath} from '../helpers/pty.js';
import {account, requireBuild, staticKeyProfiles, type AwsFiles} from '../e2e/support.js';
import {parseCsv} from './helpers.js';

type Result = {code: number; stdout: string; stderr: string};
type Row = {id: string; time: string; account: string; accountId: string; region: string};

let emulator: Emulator;
let files: AwsFiles;

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({seed: 5, eventsPerRegion: 200});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod', dev: 'demo-dev', restricted: 'demo-restricted'});
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	emulator.clearFailures();
});

async function run(args: string[]): Promise<Result> {
	const env = {PATH: process.env['PATH'] ?? '', HOME: '/nonexistent-home', AWS_EC2_METADATA_DISABLED: 'true', ...files.env};
	return new Promise(resolve => {
		execFile(process.execPath, [cliPath, '--endpoint-url', emulator.endpoint, ...args], {env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr});
		});
	});
}

/**
 * The write events of one account and region as the SDK reads them, in the service's order. The
 * emulator's limit is lifted meanwhile (these reads are the test's, not the CLI's), then put back.
 */
async function sdkRows(label: string, profile: string, region: string): Promise<Row[]> {
	emulator.setRateLimit(false);
	try {
		return await sdkRead(label, profile, region);
	} finally {
		emulator.setRateLimit(2);
	}
}

async function sdkRead(label: string, profile: string, region: string): Promise<Row[]> {
	const who = account(emulator, label);
	const client = new CloudTrailClient({endpoint: emulator.endpoint, region, credentials: {accessKeyId: who.accessKeyId, secretAccessKey: who.secretAccessKey}});
	const rows: Row[] = [];
	for await (const page of paginateLookupEvents({client}, {LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'false'}]})) {
		for (const event of page.Events ?? []) {
			rows.push({id: event.EventId!, time: event.EventTime!.toISOString(), account: profile, accountId: who.accountId, region});
		}
	}

	client.destroy();
	return rows;
}

/** Per-source reads put in one timeline: time, then source order (as the sources were given), then the source's own order. */
function timeline(perSource: Row[][]): Row[] {
	return perSource
		.flatMap((rows, source) => rows.map((row, position) => ({row, source, position})))
		.sort((a, b) => b.row.time.localeCompare(a.row.time) || a.source - b.source || a.position - b.position)
		.map(({row}) => row);
}

const jsonRows = (stdout: string): Row[] =>
	stdout
		.trimEnd()
		.split('\n')
		.filter(Boolean)
		.map(line => {
			const {id, time, account: label, accountId, region} = JSON.parse(line) as Row;
			return {id, time, account: label, accountId, region};
		});

/** The regions where the emulator holds history for an account, sorted as the partition lists them. */
function regionsWithData(label: string): string[] {
	const {accountId} = account(emulator, label);
	return emulator.enabledRegions(accountId).filter(region => emulator.eventCount(accountId, region) > 0).sort();
}

describe('--all-regions against the emulator', () => {
	it('prints exactly the union of every region, newest first, without one throttled answer', async () => {
		emulator.resetCounts();
		const result = await run(['--profile', 'prod', '--all-regions', '--output', 'jsonl', '--limit', '0']);
		expect(result.code).toBe(0);
		// The opt-in regions the account has not enabled answer as AWS does, and are named once.
		expect(result.stderr).toMatch(/^trailview: 18 regions · [a-z0-9-]+(, [a-z0-9-]+)* and \d+ more not enabled\n$/);
		const counts = emulator.requestCounts();
		expect(counts['throttled'] ?? 0).toBe(0);
		// Every region of the partition was asked, not just the ones with events.
		expect(counts['LookupEvents']).toBeGreaterThan(30);

		// The regions are asked in the partition's order (sorted by name), which breaks ties.
		const ordered = regionsWithData('demo-prod');
		const expected = timeline(await Promise.all(ordered.map(async region => sdkRows('demo-prod', 'prod', region))));
		expect(new Set(expected.map(row => row.region)).size).toBe(ordered.length);
		expect(ordered.length).toBeGreaterThan(2);
		expect(jsonRows(result.stdout)).toEqual(expected);
	});

	it('names the region that denied access on one line, and the rest stay complete', async () => {
		const prod = account(emulator, 'demo-prod');
		// The first LookupEvents of the account fails, in whichever region asks first.
		emulator.failOperation('LookupEvents', {code: 'AccessDeniedException', status: 400, message: 'User is not authorized to perform: cloudtrail:LookupEvents'}, {accountId: prod.accountId, times: 1});
		const result = await run(['--profile', 'prod', '--all-regions', '--output', 'jsonl', '--limit', '0']);
		expect(result.code).toBe(0);
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		const denied = / · ([a-z]+-[a-z]+-\d) access denied$/.exec(lines[0]!);
		expect(denied, lines[0]).not.toBeNull();
		const region = denied![1]!;
		const withData = regionsWithData('demo-prod').filter(candidate => candidate !== region);
		const expected = timeline(await Promise.all(withData.map(async other => sdkRows('demo-prod', 'prod', other))));
		expect(jsonRows(result.stdout)).toEqual(expected);
	});

	it('leaves out the regions an SCP denies for one account of several, and says which', async () => {
		// demo-restricted may call LookupEvents in us-east-1 only.
		const result = await run(['--profile', 'restricted,dev', '--all-regions', '--output', 'csv', '--limit', '0']);
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(/^trailview: 2 accounts · \d+ regions · .* not enabled · restricted [a-z0-9-]+(, [a-z0-9-]+)* and \d+ more access denied\n$/);
		const [header, ...rows] = parseCsv(result.stdout);
		const column = (name: string) => header!.indexOf(name);
		expect(column('account')).toBeGreaterThanOrEqual(0);
		const restricted = rows.filter(row => row[column('account')] === 'restricted');
		expect(restricted.length).toBeGreaterThan(0);
		expect(new Set(restricted.map(row => row[column('region')]))).toEqual(new Set(['us-east-1']));
		expect(new Set(rows.filter(row => row[column('account')] === 'dev').map(row => row[column('region')])).size).toBe(regionsWithData('demo-dev').length);
	});
});

describe('several --profile', () => {
	it('merges two accounts into one timeline with the right account on every row', async () => {
		const result = await run(['--profile', 'prod', '--profile', 'dev', '--region', 'us-east-1', '--output', 'jsonl', '--limit', '0']);
		expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
		const expected = timeline([await sdkRows('demo-prod', 'prod', 'us-east-1'), await sdkRows('demo-dev', 'dev', 'us-east-1')]);
		expect(new Set(expected.map(row => row.accountId)).size).toBe(2);
		expect(jsonRows(result.stdout)).toEqual(expected);
	});

	it('goes on without an account that cannot connect, naming it, and fails only when none can', async () => {
		const partial = await run(['--profile', 'prod,nosuch', '--region', 'us-east-1', '--output', 'table', '--limit', '3']);
		expect(partial.code).toBe(0);
		expect(partial.stderr).toMatch(/^trailview: profile nosuch: profile "nosuch" \(from --profile\) is not in .*\n$/);
		expect(partial.stdout.split('\n')[0]).toMatch(/^TIME \(UTC\)\s+ACCOUNT\s+REGION\s+EVENT/);
		expect(partial.stdout.trimEnd().split('\n').slice(1).every(line => /^\S+ \S+\s+prod\s+us-east-1\s/.test(line))).toBe(true);

		const prod = account(emulator, 'demo-prod');
		emulator.failOperation('GetCallerIdentity', {code: 'InvalidClientTokenId', status: 403, message: 'The security token included in the request is invalid.'}, {accountId: prod.accountId});
		const none = await run(['--profile', 'prod,nosuch', '--region', 'us-east-1', '--output', 'jsonl']);
		expect(none.code).toBe(1);
		expect(none.stdout).toBe('');
		expect(none.stderr).toMatch(/trailview: profile prod: AWS rejected the credentials/);
		expect(none.stderr).toMatch(/trailview: profile nosuch: /);
	});
});
