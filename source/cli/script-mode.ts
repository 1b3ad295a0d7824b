// Script mode: no pickers, no Ink. Loaded with `await import()` so the interactive start never
// pays for it; it loads the output module the same way.
import type {Backend} from '../domain/types.js';
import {TrailviewError} from '../domain/types.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {createAwsBackend} from '../services/backend.js';
import {createDemoBackend, type LazyEmulator} from '../demo.js';
import type {CliOptions} from './args.js';
import type {OutputFormat} from './flags.js';
import {chooseScriptProfile, chooseScriptRegion} from './script-target.js';
import {scriptQuery} from './script-query.js';
import {loadNamedQueries} from '../storage/named-queries.js';
import {terminalMfaPrompt} from './terminal-mfa.js';

export type ScriptModeOptions = {
	options: CliOptions;
	format: OutputFormat;
	env: NodeJS.ProcessEnv;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WritableStream;
	signal: AbortSignal;
	/** Only used with --demo; the caller stops it on exit. */
	emulator: LazyEmulator;
};

// Messages and hints quote profile names from the config files and text from AWS, so they reach
// stderr through the sanitiser, as they do in output/run-output.ts.
export function describeScriptError(error: Pick<TrailviewError, 'message' | 'hint'>): SafeText {
	const line = safe`trailview: ${sanitizeLine(error.message)}`;
	return error.hint ? safe`${line}\n  ${sanitizeLine(error.hint)}` : line;
}

export async function runScriptMode({options, format, env, stdout, stderr, signal, emulator}: ScriptModeOptions): Promise<number> {
	const fail = (message: string, code = 1) => {
		stderr.write(`${describeScriptError({message, hint: undefined})}\n`);
		return code;
	};

	// A bad query is a bad command line: exit 2 before any credentials or network are touched.
	// The user's named queries file is read only when there is a query to expand them in.
	const named = options.query === undefined ? new Map<string, string>() : loadNamedQueries(env).queries;
	const query = scriptQuery(options, named, new Date());
	if (!query.ok) {
		return fail(query.message, 2);
	}

	// How the query runs, for a person at a terminal; a pipe or a log file gets only the data.
	if (query.custom && (stderr as {isTTY?: boolean}).isTTY === true) {
		stderr.write(`${describeScriptError({message: query.description, hint: undefined})}\n`);
	}

	const backend: Backend = options.demo
		? createDemoBackend({regionFlag: options.region, env, emulator})
		: createAwsBackend({
				...(options.profile ? {profileFlag: options.profile} : {}),
				...(options.region ? {regionFlag: options.region} : {}),
				...(options.endpointUrl ? {endpointUrl: options.endpointUrl} : {}),
				env,
				mfa: terminalMfaPrompt(),
			});

	try {
		const profile = chooseScriptProfile(await backend.listProfiles(), {profileFlag: options.profile, env, demo: options.demo});
		if (!profile.ok) {
			return fail(profile.message);
		}

		const region = chooseScriptRegion(backend.defaultRegion(profile.value), profile.value);
		if (!region.ok) {
			return fail(region.message);
		}

		const session = await backend.connect(profile.value, {region: region.value, signal});
		const service = session.serviceFor(region.value);
		const {runOutput} = await import('../output/run-output.js');
		const {start, end} = query.plan.window;
		const emptyNote = query.custom
			? `no events match in ${sanitizeLine(region.value)} from ${start.toISOString()} to ${end.toISOString()}`
			: undefined;
		return await runOutput({
			format,
			limit: options.limit,
			maxWaitMs: options.maxWaitMs,
			service,
			stdout,
			stderr,
			signal,
			plan: query.plan,
			...(emptyNote === undefined ? {} : {emptyNote}),
		});
	} catch (error) {
		if (error instanceof TrailviewError) {
			if (error.kind === 'cancelled') {
				return 130;
			}

			stderr.write(`${describeScriptError(error)}\n`);
			return 1;
		}

		throw error;
	}
}
