// `trailview --follow` as a script runs it: the built CLI as a child process over real HTTP against
// the emulator, read line by line as it prints, then ended the way a person ends it (Ctrl+C) or
// the way a pipeline does (the reader exits).
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cliPath} from '../helpers/pty.js';
import {account, requireBuild, staticKeyProfiles, type AwsFiles} from '../e2e/support.js';

let emulator: Emulator;
let files: AwsFiles;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
	requireBuild();
	// Few events: the last 15 minutes (the baseline) fit one page, so its one request marks its end.
	emulator = await startEmulator({seed: 3, eventsPerRegion: 200});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod', dev: 'demo-dev'});
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	for (const child of children.splice(0)) {
		child.kill('SIGKILL');
	}
});

const env = () => ({
	PATH: process.env['PATH'] ?? '',
	HOME: '/nonexistent-home',
	AWS_EC2_METADATA_DISABLED: 'true',
	// Honoured for a loopback endpoint only: poll the emulator every 200 ms instead of every 10 s.
	TRAILVIEW_FOLLOW_INTERVAL_MS: '200',
	...files.env,
});

type Follower = {child: ChildProcessWithoutNullStreams; lines: string[]; stderr: () => string; exit: Promise<number | null>};

function follow(args: string[]): Follower {
	const child = spawn(process.execPath, [cliPath, '--endpoint-url', emulator.endpoint, '--follow', ...args], {env: env()});
	children.push(child);
	const lines: string[] = [];
	let partial = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		const parts = (partial + chunk).split('\n');
		partial = parts.pop()!;
		lines.push(...parts);
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const exit = new Promise<number | null>(resolve => {
		child.on('exit', code => {
			resolve(code);
		});
	});
	return {child, lines, stderr: () => stderr, exit};
}

const lookups = () => emulator.requestCounts()['LookupEvents'] ?? 0;

describe('--follow against the emulator', () => {
	it('prints an event added after start, and one whose time is 10 minutes old, exactly once; Ctrl+C exits 0', async () => {
		const prod = account(emulator, 'demo-prod');
		emulator.resetCounts();
		const run = follow(['--profile', 'prod', '--region', 'us-east-1', '--output', 'jsonl']);
		// The baseline (one request) is done once the first poll has asked.
		await expect.poll(lookups, {timeout: 10_000}).toBeGreaterThanOrEqual(2);
		expect(run.lines).toEqual([]);
		const now = emulator.addEvent({accountId: prod.accountId, region: 'us-east-1', eventName: 'RunInstances', username: 'alice'});
		const late = emulator.addEvent({accountId: prod.accountId, region: 'us-east-1', eventName: 'CreateUser', username: 'mallory', time: new Date(Date.now() - 10 * 60_000)});
		await expect.poll(() => run.lines.length, {timeout: 10_000}).toBe(2);
		// Several more polls read the same window again; nothing is printed twice.
		const after = lookups();
		await expect.poll(lookups, {timeout: 10_000}).toBeGreaterThanOrEqual(after + 5);
		const printed = run.lines.map(line => JSON.parse(line) as {id: string; name: string; username: string});
		expect(printed.map(event => event.id).sort()).toEqual([now, late].sort());
		// One poll found both: printed oldest first, as a log grows.
		expect(printed.map(event => event.name)).toEqual(['CreateUser', 'RunInstances']);
		run.child.kill('SIGINT');
		expect(await run.exit).toBe(0);
		expect(run.stderr()).toBe('');
		expect(emulator.requestCounts()['throttled'] ?? 0).toBe(0);
	});

	it('with --since prints that window first, oldest first, then what arrives, in csv with the account columns', async () => {
		const dev = account(emulator, 'demo-dev');
		const earlier = emulator.addEvent({accountId: dev.accountId, region: 'eu-west-1', eventName: 'DeleteBucket', time: new Date(Date.now() - 60_000)});
		const earliest = emulator.addEvent({accountId: dev.accountId, region: 'eu-west-1', eventName: 'CreateBucket', time: new Date(Date.now() - 120_000)});
		emulator.resetCounts();
		const run = follow(['--profile', 'dev,prod', '--region', 'eu-west-1', '--since', '5m', '--output', 'csv']);
		await expect.poll(() => run.lines.length, {timeout: 10_000}).toBeGreaterThanOrEqual(3);
		const header = run.lines[0]!.split(',');
		const row = (line: string) => Object.fromEntries(line.split(',').map((cell, index) => [header[index], cell]));
		const ids = run.lines.slice(1).map(line => row(line)['id']);
		expect(ids.indexOf(earliest)).toBeGreaterThanOrEqual(0);
		expect(ids.indexOf(earliest)).toBeLessThan(ids.indexOf(earlier));
		expect(row(run.lines.find(line => line.includes(earliest))!)['account']).toBe('dev');
		await expect.poll(lookups, {timeout: 10_000}).toBeGreaterThanOrEqual(6);
		const arrived = emulator.addEvent({accountId: dev.accountId, region: 'eu-west-1', eventName: 'PutBucketPolicy'});
		await expect.poll(() => run.lines.map(line => row(line)['id']), {timeout: 10_000}).toContain(arrived);
		expect(run.lines.filter(line => line.includes(earlier))).toHaveLength(1);
		run.child.kill('SIGINT');
		expect(await run.exit).toBe(0);
	});

	it('exits 0 without a word when the reader goes away', async () => {
		const prod = account(emulator, 'demo-prod');
		const script = [
			'err=$(mktemp)',
			`'${process.execPath}' '${cliPath}' --endpoint-url '${emulator.endpoint}' --follow --profile prod --region us-east-1 --output jsonl 2>"$err" | head -n 1 >/dev/null`,
			'echo "${PIPESTATUS[0]}"',
			'cat "$err"',
			'rm -f "$err"',
		].join('; ');
		const shell = spawn('bash', ['-c', script], {env: env()});
		children.push(shell);
		let out = '';
		shell.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			out += chunk;
		});
		const done = new Promise<void>(resolve => {
			shell.on('exit', () => {
				resolve();
			});
		});
		// The first event is head's one line; a later one finds the pipe closed.
		const adding = setInterval(() => {
			emulator.addEvent({accountId: prod.accountId, region: 'us-east-1', eventName: 'RunInstances'});
		}, 300);
		try {
			await done;
		} finally {
			clearInterval(adding);
		}

		// The exit status, then stderr: nothing.
		expect(out).toBe('0\n');
	});
});
