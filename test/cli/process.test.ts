// The built CLI as a script sees it: flags, exit codes, stderr, and script mode against the
// emulator (stdout is a pipe here, so nothing ever starts Ink).
import {execFile} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/index.js';
import {cliPath} from '../helpers/pty.js';
import {account, awsFiles, requireBuild, withEmulator} from '../e2e/support.js';
import packageJson from '../../package.json' with {type: 'json'};

type Result = {code: number; stdout: string; stderr: string};

/** `detached`: a new session, so the child has no controlling terminal (no /dev/tty). */
async function run(args: string[], env: Record<string, string> = {}, detached = false): Promise<Result> {
	return new Promise(resolve => {
		execFile(
			process.execPath,
			[cliPath, ...args],
			{
				env: {
					PATH: process.env['PATH'] ?? '',
					HOME: '/nonexistent-home',
					AWS_CONFIG_FILE: '/nonexistent/config',
					AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
					AWS_EC2_METADATA_DISABLED: 'true',
					...env,
				},
				timeout: 15_000,
				...(detached ? {detached: true} : {}),
			},
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
				resolve({code, stdout, stderr});
			},
		);
	});
}

function expectNoStack(text: string): void {
	expect(text).not.toMatch(/^\s{4}at /m);
}

beforeAll(() => {
	requireBuild();
});

describe('trailview --help / --version', () => {
	it('--help lists every flag, the environment and the keys, and exits 0', async () => {
		const {code, stdout, stderr} = await run(['--help']);
		expect(code).toBe(0);
		expect(stderr).toBe('');
		for (const text of ['--profile NAME', '--region NAME', '--endpoint-url URL', '--demo', '--output FORMAT', '--limit N', '--help', '--version']) {
			expect(stdout).toContain(text);
		}

		for (const name of ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL_CLOUDTRAIL', 'AWS_ENDPOINT_URL']) {
			expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
		}

		expect(stdout).toMatch(/Keys on the main screen[\s\S]*q\s+Quit/);
	});

	it('--help wins over bad company, -h works too', async () => {
		expect((await run(['-h'])).code).toBe(0);
		expect((await run(['--output', 'json', '--help'])).stdout).toContain('Usage: trailview');
	});

	it('--version prints the package version', async () => {
		expect(await run(['--version'])).toEqual({code: 0, stdout: `${packageJson.version}\n`, stderr: ''});
	});
});

describe('bad command lines exit 2 with one clear line and the usage', () => {
	it.each([
		[['--limit', '-3'], 'trailview: --limit must be a whole number >= 0 (got "-3")'],
		[['--limit', 'abc'], 'trailview: --limit must be a whole number >= 0 (got "abc")'],
		[['--output', 'xml'], 'trailview: --output must be one of table, json, jsonl, csv (got "xml")'],
		[['--region', 'notaregion'], 'trailview: --region must be an AWS region name like eu-west-1 (got "notaregion")'],
		[['--endpoint-url', 'not-a-url'], 'trailview: --endpoint-url must be an http:// or https:// URL (got "not-a-url")'],
		[['--frobnicate'], 'trailview: unknown flag --frobnicate'],
		[['--profile'], 'trailview: --profile needs a value (e.g. --profile dev)'],
		[['whoami'], 'trailview: unexpected argument "whoami" (trailview takes only flags)'],
	])('%j', async (args, line) => {
		const {code, stdout, stderr} = await run(args);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		const lines = stderr.trimEnd().split('\n');
		expect(lines[0]).toBe(line);
		expect(lines[1]).toMatch(/^Usage: trailview /);
		expect(lines.filter(text => text.startsWith('trailview:'))).toHaveLength(1);
		expectNoStack(stderr);
	});
});

describe('script mode against the emulator', () => {
	let emulator: Emulator;
	let keys: Record<string, string>;
	beforeAll(async () => {
		emulator = await withEmulator();
		const dev = account(emulator, 'demo-dev');
		keys = {AWS_ACCESS_KEY_ID: dev.accessKeyId, AWS_SECRET_ACCESS_KEY: dev.secretAccessKey};
	});
	afterAll(async () => {
		await emulator.stop();
	});

	const target = () => ['--endpoint-url', emulator.endpoint, '--region', 'us-east-1'];

	it('jsonl: one event per line, exactly --limit of them', async () => {
		const {code, stdout, stderr} = await run([...target(), '--output', 'jsonl', '--limit', '3'], keys);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		const events = stdout.trimEnd().split('\n').map(line => JSON.parse(line) as {region: string; readOnly: boolean});
		expect(events).toHaveLength(3);
		expect(events.every(event => event.region === 'us-east-1' && event.readOnly === false)).toBe(true);
	});

	it('json: one array', async () => {
		const {code, stdout} = await run([...target(), '--output', 'json', '--limit', '2'], keys);
		expect(code).toBe(0);
		expect(JSON.parse(stdout)).toHaveLength(2);
	});

	it('csv: a header and a row per event', async () => {
		const {code, stdout} = await run([...target(), '--output', 'csv', '--limit', '4'], keys);
		expect(code).toBe(0);
		const lines = stdout.trimEnd().split(/\r?\n/);
		expect(lines).toHaveLength(5);
		expect(lines[0]).toMatch(/time/i);
	});

	it('a pipe without --output gets the table, --limit 50 by default', async () => {
		const {code, stdout, stderr} = await run(target(), keys);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(stdout.split('\n').length).toBeGreaterThan(10);
		expect(stdout).toMatch(/^TIME/i);
	});

	it('--demo works in script mode too, with its first account', async () => {
		const {code, stdout, stderr} = await run(['--demo', '--output', 'jsonl', '--limit', '2']);
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(stdout.trimEnd().split('\n')).toHaveLength(2);
	});

	it('--region beats AWS_REGION, and --endpoint-url beats AWS_ENDPOINT_URL', async () => {
		const {code, stdout} = await run([...target(), '--output', 'jsonl', '--limit', '1'], {
			...keys,
			AWS_REGION: 'eu-west-1',
			AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
		});
		expect(code).toBe(0);
		expect(JSON.parse(stdout) as {region: string}).toMatchObject({region: 'us-east-1'});
	});

	it('AWS_ENDPOINT_URL and AWS_DEFAULT_REGION work without flags', async () => {
		const {code, stdout} = await run(['--output', 'jsonl', '--limit', '1'], {
			...keys,
			AWS_DEFAULT_REGION: 'ap-southeast-2',
			AWS_ENDPOINT_URL: emulator.endpoint,
		});
		expect(code).toBe(0);
		expect(JSON.parse(stdout) as {region: string}).toMatchObject({region: 'ap-southeast-2'});
	});

	it('--profile beats AWS_PROFILE; the region comes from the profile', async () => {
		const dev = account(emulator, 'demo-dev');
		const files = awsFiles({
			config: '[profile dev]\nregion = us-east-1\n',
			credentials: `[dev]\naws_access_key_id = ${dev.accessKeyId}\naws_secret_access_key = ${dev.secretAccessKey}\n`,
		});
		const {code, stdout, stderr} = await run(['--profile', 'dev', '--endpoint-url', emulator.endpoint, '--output', 'jsonl', '--limit', '1'], {
			...files.env,
			AWS_PROFILE: 'missing',
		});
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(JSON.parse(stdout) as {region: string}).toMatchObject({region: 'us-east-1'});
	});

	it('without a region says which flag or variable to set and exits 1', async () => {
		const {code, stdout, stderr} = await run(['--endpoint-url', emulator.endpoint, '--output', 'json'], keys);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toBe('trailview: no region set; pass --region NAME or set AWS_REGION\n');
	});

	it('an MFA profile with no terminal to ask on says so, how to supply credentials instead, and exits 1', async () => {
		const prod = account(emulator, 'demo-prod');
		const files = awsFiles({
			config: '[profile role-mfa]\nrole_arn = arn:aws:iam::222222222222:role/Admin\nsource_profile = base\nmfa_serial = arn:aws:iam::111111111111:mfa/alice\n',
			credentials: `[base]\naws_access_key_id = ${prod.accessKeyId}\naws_secret_access_key = ${prod.secretAccessKey}\n`,
		});
		const {code, stdout, stderr} = await run(['--profile', 'role-mfa', ...target(), '--output', 'jsonl', '--limit', '1'], files.env, true);
		expect({code, stdout}).toEqual({code: 1, stdout: ''});
		expect(stderr).toContain('trailview: Profile role-mfa needs an MFA code, and there is no terminal to ask for it.');
		expect(stderr).toContain('AWS_SESSION_TOKEN');
		expectNoStack(stderr);
	});

	it('an unknown --profile names the files it looked in and exits 1', async () => {
		const {code, stderr} = await run(['--profile', 'ghost', ...target()], {AWS_CONFIG_FILE: '/tmp/nothing-here'});
		expect(code).toBe(1);
		expect(stderr).toMatch(/^trailview: profile "ghost" \(from --profile\) is not in \/tmp\/nothing-here/);
	});

	it('expired credentials: the error and its hint, no stack, exit 1', async () => {
		const expired = account(emulator, 'demo-expired');
		const {code, stdout, stderr} = await run([...target(), '--output', 'json'], {
			AWS_ACCESS_KEY_ID: expired.accessKeyId,
			AWS_SECRET_ACCESS_KEY: expired.secretAccessKey,
			...(expired.sessionToken ? {AWS_SESSION_TOKEN: expired.sessionToken} : {}),
		});
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/^trailview: .*expired/i);
		expectNoStack(stderr);
	});

	it('captures warnings into TRAILVIEW_LOG instead of printing them', async () => {
		const files = awsFiles({});
		const logPath = join(files.dir, 'trailview.log');
		const {code, stderr} = await run([...target(), '--output', 'jsonl', '--limit', '1'], {
			...keys,
			TRAILVIEW_LOG: logPath,
			NODE_OPTIONS: '--pending-deprecation',
		});
		expect({code, stderr}).toEqual({code: 0, stderr: ''});
		expect(existsSync(logPath)).toBe(true);
		expect(readFileSync(logPath, 'utf8')).not.toContain(keys['AWS_SECRET_ACCESS_KEY']);
	});
});
