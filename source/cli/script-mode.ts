// Script mode: no pickers, no Ink. Loaded with `await import()` so the interactive start never
// pays for it; it loads the output module the same way.
import type {Backend} from '../domain/types.js';
import {TrailviewError} from '../domain/types.js';
import {sanitizeLine} from '../lib/sanitize.js';
import {createAwsBackend} from '../services/backend.js';
import {resolveEndpoints} from '../services/endpoints.js';
import {followIntervalMs, localFollowInterval} from '../services/follow.js';
import {createSourcePool} from '../services/source-pool.js';
import {createDemoBackend, type LazyEmulator} from '../demo.js';
import type {CliOptions} from './args.js';
import type {OutputFormat} from './flags.js';
import {scriptQuery} from './script-query.js';
import {describeScriptError} from './script-errors.js';
import {openScriptSources, skipNotes} from './script-sources.js';
import {loadNamedQueries} from '../storage/named-queries.js';
import {withBuiltIns} from '../domain/query/investigations.js';
import {terminalMfaPrompt} from './terminal-mfa.js';

export {describeScriptError} from './script-errors.js';

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

export async function runScriptMode({options, format, env, stdout, stderr, signal, emulator}: ScriptModeOptions): Promise<number> {
	const fail = (message: string, code = 1) => {
		stderr.write(`${describeScriptError({message, hint: undefined})}\n`);
		return code;
	};

	// A bad query is a bad command line: exit 2 before any credentials or network are touched.
	// The user's named queries file is read only when there is a query to expand them in; the
	// built-in investigations are always there.
	const named = options.query === undefined ? new Map<string, string>() : withBuiltIns(loadNamedQueries(env).queries);
	const archive = options.archive.on;
	const lake = options.lake.on;
	// Lake, like the archive, bills the bytes a window scans: the same 7-day default.
	const query = scriptQuery(options, named, new Date(), {archive: archive || lake});
	if (!query.ok) {
		return fail(query.message, 2);
	}

	if (archive && options.profiles.length > 1) {
		return fail('--archive queries Athena in one account (an organization trail\'s table holds every member account): give one --profile, and narrow with account: in --query', 2);
	}

	if (lake && options.profiles.length > 1) {
		return fail('--lake queries one account\'s event data store (an organization store holds every member account): give one --profile, and narrow with account: in --query', 2);
	}

	if (options.follow && query.until !== undefined) {
		return fail('--follow prints events as they arrive, so its query takes no until:', 2);
	}

	if (options.follow && format !== 'jsonl' && format !== 'csv') {
		return fail(`--follow prints each event as it arrives: use --output jsonl or csv (got --output ${format})`, 2);
	}

	// How the query runs, for a person at a terminal; a pipe or a log file gets only the data. The
	// archive and Lake compile the whole query to SQL: no API attribute, nothing left to say here.
	if (query.custom && !archive && !lake && (stderr as {isTTY?: boolean}).isTTY === true) {
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
		const opened = await openScriptSources({backend, options, env, signal, stderr});
		if (typeof opened === 'number') {
			return opened;
		}

		const {sources, where} = opened;
		if (lake) {
			const {runLakeScript} = await import('./script-lake.js');
			return await runLakeScript({options, format, query, source: sources[0]!, session: opened.sessions[0]!, stdout, stderr, signal});
		}

		if (archive) {
			const {runArchiveScript} = await import('./script-archive.js');
			return await runArchiveScript({options, format, query, backend, source: sources[0]!, session: opened.sessions[0]!, stdout, stderr, signal});
		}

		// Columns follow what was asked for, not what connected, so a failure never changes them.
		const origins = options.allRegions || options.profiles.length > 1;
		const pool = createSourcePool(sources);
		const notes = skipNotes(sources, stderr);
		if (options.follow) {
			const endpoint = options.demo ? (await emulator.get()).endpoint : resolveEndpoints(options.endpointUrl, env).cloudTrail;
			const {runScriptFollow} = await import('./script-follow.js');
			return await runScriptFollow({
				format: format === 'csv' ? 'csv' : 'jsonl',
				origins,
				limit: options.limit,
				maxWaitMs: options.maxWaitMs,
				plan: query.plan,
				history: query.since !== undefined,
				pool,
				notes,
				where,
				intervalMs: localFollowInterval(endpoint, env) ?? followIntervalMs(sources.length),
				stdout,
				stderr,
				signal,
			});
		}

		const {runOutput} = await import('../output/run-output.js');
		const {start, end} = query.plan.window;
		const emptyNote = query.custom
			? `no events match in ${sanitizeLine(where)} from ${start.toISOString()} to ${end.toISOString()}`
			: undefined;
		return await runOutput({
			format,
			limit: options.limit,
			maxWaitMs: options.maxWaitMs,
			service: {region: where, lookupEvents: lookup => notes.around(pool.lookup({...lookup, onSkip: notes.onSkip}))},
			origins,
			stdout,
			stderr,
			signal,
			plan: query.plan,
			...(emptyNote === undefined ? {} : {emptyNote}),
			...(options.groupBy ? {groupBy: {field: options.groupBy, account: sources[0]?.account ?? '', accountLabel: sources[0]?.accountLabel ?? ''}} : {}),
		});
	} catch (error) {
		if (error instanceof TrailviewError) {
			if (error.kind === 'cancelled') {
				return options.follow ? 0 : 130;
			}

			stderr.write(`${describeScriptError(error)}\n`);
			return 1;
		}

		throw error;
	}
}
