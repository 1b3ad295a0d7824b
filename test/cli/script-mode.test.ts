// Script mode's own error lines (not the output module's): what reaches stderr when the profile or
// the connection fails. Messages quote profile names and outside text, so escapes must not pass.
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {lazyEmulator, type EmulatorHandle} from '../../source/demo.js';
import {runScriptMode} from '../../source/cli/script-mode.js';
import type {CliOptions} from '../../source/cli/args.js';
import {awsFiles} from '../e2e/support.js';
import {startEmulator} from '../../source/emulator/index.js';
import {options as scriptOptions} from '../helpers/script-run.js';

// Raw ESC, CSI, BEL and bidi controls: what a terminal would act on.
const dangerous = /[\u001B\u0007\u009B\u202A-\u202E\u2066-\u2069]/;

const options = (overrides: Partial<CliOptions>): CliOptions =>
	scriptOptions({profile: undefined, region: 'eu-west-1', demo: false, output: 'table', limit: 10, archive: {on: false, workgroup: 'primary', createTable: false}, ...overrides});

async function run(cli: CliOptions, env: NodeJS.ProcessEnv, startEmulator: () => Promise<EmulatorHandle> = async () => Promise.reject(new Error('not used')), stderrIsTty = false) {
	const stderr = Object.assign(new PassThrough(), stderrIsTty ? {isTTY: true} : {});
	const chunks: string[] = [];
	stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
	const code = await runScriptMode({
		options: cli,
		format: 'table',
		env,
		stdout: new PassThrough() as unknown as NodeJS.WriteStream,
		stderr,
		signal: new AbortController().signal,
		emulator: lazyEmulator(startEmulator),
	});
	return {code, stderr: chunks.join('')};
}

describe('script mode errors on stderr', () => {
	it('shows escape sequences in a failure message as text, not as terminal commands', async () => {
		const {code, stderr} = await run(options({demo: true}), {}, () =>
			Promise.reject(new Error('port in use \u001B]0;pwned\u0007\u001B[2J by \u202Eexe.txt')),
		);
		expect(code).toBe(1);
		expect(stderr).toBe('trailview: The demo emulator did not start: port in use \\x1b]0;pwned\\x07\\x1b[2J by \\u202eexe.txt\n');
		expect(stderr).not.toMatch(dangerous);
	});

	it('sanitises a profile name that only JSON-quoting stood between the flag and the terminal', async () => {
		// JSON.stringify escapes C0 controls but leaves C1 and bidi controls raw.
		const files = awsFiles({config: '[profile prod]\nregion = eu-west-1\n'});
		const {code, stderr} = await run(options({profile: 'ops\u009B2J\u202Etxt'}), {...files.env, HOME: files.dir});
		expect(code).toBe(1);
		expect(stderr).toContain('trailview: profile "ops\\x9b2J\\u202etxt" (from --profile) is not in ');
		expect(stderr).not.toMatch(dangerous);
	});
});

describe('script mode and --lake', () => {
	it('reads one account\'s event data store: two profiles exit 2 before anything starts', async () => {
		const {code, stderr} = await run(options({demo: true, profiles: ['a', 'b'], lake: {on: true, store: undefined}}), {});
		expect(code).toBe(2);
		expect(stderr).toBe('trailview: --lake queries one account\'s event data store (an organization store holds every member account): give one --profile, and narrow with account: in --query\n');
	});
});

describe('script mode and --query', () => {
	it('exits 2 with one line for a bad query, before starting anything', async () => {
		const {code, stderr} = await run(options({demo: true, query: 'usr:alice'}), {});
		expect(code).toBe(2);
		expect(stderr).toBe('trailview: --query: unknown field "usr" (did you mean "user"?) at "usr:alice"\n');
		const hostile = await run(options({demo: true, query: 'user:alice e\u001B[2J\u202Event:x'}), {});
		expect(hostile.code).toBe(2);
		expect(hostile.stderr.split('\n').filter(Boolean)).toHaveLength(1);
		expect(hostile.stderr).not.toMatch(dangerous);
	});

	it('says how the query runs on stderr only when stderr is a terminal', async () => {
		const start = async () => startEmulator({eventsPerRegion: 200});
		const query = options({demo: true, region: 'us-east-1', limit: 1, query: 'user:alice error:any'});
		const atTerminal = await run(query, {}, start, true);
		expect(atTerminal.code).toBe(0);
		expect(atTerminal.stderr.split('\n')[0]).toBe('trailview: API Username=alice · local: error:any write-only');
		const piped = await run(query, {}, start, false);
		expect(piped.code).toBe(0);
		expect(piped.stderr).not.toContain('API Username=alice');
	});
});
