// Script mode against the emulator over real HTTP (the demo backend, as `--demo` runs it): the
// options a run takes, running it with captured stdout and stderr, and reading its jsonl rows.
// Shared by the --archive (Athena) and --lake script tests.
import {PassThrough} from 'node:stream';
import type {CliOptions} from '../../source/cli/args.js';
import type {OutputFormat} from '../../source/cli/flags.js';
import {runScriptMode} from '../../source/cli/script-mode.js';
import {readTimeBound} from '../../source/domain/query/time.js';
import type {TimeBound} from '../../source/domain/query/types.js';
import {lazyEmulator} from '../../source/demo.js';
import type {Emulator} from '../../source/emulator/index.js';

export const hour = 3_600_000;
export const day = 24 * hour;

export function bound(text: string): TimeBound {
	const read = readTimeBound(text);
	if (!read.ok) {
		throw new Error(read.message);
	}

	return read.bound;
}

/** `2026-01-31T09:30`, a minute-exact time both runs of a comparison read the same. */
export function minute(ms: number): TimeBound {
	return bound(new Date(ms).toISOString().slice(0, 16));
}

export const options = (overrides: Partial<CliOptions> & {athena?: Partial<CliOptions['archive']>}): CliOptions => {
	const {athena, ...rest} = overrides;
	return {
		groupBy: undefined,
		profile: 'demo-prod',
		profiles: [],
		region: 'us-east-1',
		endpointUrl: undefined,
		demo: true,
		output: 'jsonl',
		limit: 20,
		maxWaitMs: 0,
		query: undefined,
		since: undefined,
		until: undefined,
		allEvents: false,
		follow: false,
		allRegions: false,
		archive: {on: true, workgroup: 'primary', createTable: false, ...athena},
		lake: {on: false, store: undefined},
		help: false,
		version: false,
		...rest,
	};
};

export type Run = {code: number; stdout: string; stderr: string; lines: string[]};

/** A script's stdout and stderr, each kept as written; stderr says it is a terminal when `tty`. */
export function capturedStreams(tty = false) {
	const stdout = new PassThrough();
	const stderr = Object.assign(new PassThrough(), tty ? {isTTY: true} : {});
	const out: string[] = [];
	const err: string[] = [];
	stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
	stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
	return {stdout, stderr, out, err};
}

export async function run(emulator: Emulator, cli: CliOptions, settings: {tty?: boolean; signal?: AbortSignal; env?: NodeJS.ProcessEnv} = {}): Promise<Run> {
	const {stdout, stderr, out, err} = capturedStreams(settings.tty);
	const code = await runScriptMode({
		options: cli,
		format: (cli.output ?? 'table') as OutputFormat,
		env: settings.env ?? {},
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr,
		signal: settings.signal ?? new AbortController().signal,
		// The shared emulator: the run must not stop it.
		emulator: lazyEmulator(async () => ({endpoint: emulator.endpoint, accounts: emulator.accounts, stop: async () => undefined})),
	});
	return {code, stdout: out.join(''), stderr: err.join(''), lines: err.join('').split('\n').filter(Boolean)};
}

export type Row = {id: string; time: string; name: string; account: string; accountId: string; region: string; username: string | null; readOnly: boolean | null};

export const rowsOf = (stdout: string): Row[] => stdout.trimEnd().split('\n').filter(Boolean).map(line => JSON.parse(line) as Row);
