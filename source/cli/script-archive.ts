// `trailview --archive --output …` (issue 16): the query runs in Athena over the trail's S3 archive
// and its rows print through the same formatters as LookupEvents results, with the account and
// region columns (an archive holds every region the trail logs, and an organization trail's every
// account). Progress and the cost go to stderr; Ctrl+C stops the query (StopQueryExecution) before
// trailview exits. --group-by pushes the GROUP BY down to Athena and prints the groups as the local
// --group-by does.
import {compileArchiveQuery} from '../domain/archive/compile.js';
import {compileArchiveGroupBy} from '../domain/archive/group-by.js';
import {archiveRowLimit} from '../domain/archive/lookup.js';
import {archiveRowToEvent, type ArchiveRowOptions} from '../domain/archive/rows.js';
import type {ArchiveRow, ArchiveService, ArchiveTable, CompiledQuery} from '../domain/archive/types.js';
import {matchesQuery} from '../domain/query/plan.js';
import type {Backend, EventSource, Session, TrailEvent} from '../domain/types.js';
import {sanitizeLine} from '../lib/sanitize.js';
import {runOutput, type EventFeed, type OutputStream} from '../output/run-output.js';
import {report} from '../output/writer.js';
import type {CliOptions} from './args.js';
import {queryScriptExitCode, scriptFailure} from './script-failure.js';
import {archiveProgressReporter, type ArchiveProgressReporter} from './archive-progress.js';
import {openArchiveTable} from './archive-table.js';
import type {OutputFormat} from './flags.js';
import {printGroupRows} from './script-groups.js';
import type {ScriptQuery} from './script-query.js';

export type ArchiveScriptInput = {
	options: Pick<CliOptions, 'archive' | 'limit' | 'groupBy' | 'allEvents' | 'maxWaitMs'>;
	format: OutputFormat;
	query: Extract<ScriptQuery, {ok: true}>;
	backend: Pick<Backend, 'listRegions'>;
	source: EventSource;
	session: Pick<Session, 'archiveFor'>;
	stdout: OutputStream;
	stderr: OutputStream;
	signal: AbortSignal;
	now?: Date;
};

export async function runArchiveScript(input: ArchiveScriptInput): Promise<number> {
	const {options, format, query, source, stdout, stderr, signal} = input;
	const settings = options.archive;
	const archive = input.session.archiveFor(source.region);
	const tty = stderr.isTTY === true;
	try {
		const target = await openArchiveTable({
			archive,
			cloudTrail: source.service,
			backend: input.backend,
			account: source.account,
			settings,
			signal,
			stderr,
			progress: () => archiveProgressReporter({stderr}),
			now: input.now ?? new Date(),
		});
		if (typeof target === 'number') {
			return target;
		}

		if (query.archiveDefault) {
			await report(stderr, [`trailview: the archive reads ${query.until ? `the 7 days up to ${sanitizeLine(query.until.source)}` : 'the last 7 days'} unless --since says otherwise (Athena bills by the data it scans)`]);
		}

		const {table} = target;
		const name = sanitizeLine(`${table.database}.${table.name}`);
		if (tty) {
			const trail = target.trail ? ` over trail ${sanitizeLine(target.trail.name)}` : '';
			await report(stderr, [`trailview: Athena table ${name}${trail} · workgroup ${sanitizeLine(settings.workgroup)}`]);
		}

		const run = {archive, table, workgroup: settings.workgroup, outputLocation: settings.outputLocation, signal, progress: archiveProgressReporter({stderr})};
		// The account read with is named as the profile; an organization's other accounts by their id.
		const rowOptions: ArchiveRowOptions = {account: source.account, accountLabel: account => (account === source.account ? source.accountLabel : undefined)};
		const {start, end} = query.plan.window;
		const writeOnly = !options.allEvents;
		const emptyNote = `no events match in the archive (Athena ${name}) from ${start.toISOString()} to ${end.toISOString()}`;
		if (options.groupBy) {
			const grouped = compileArchiveGroupBy(query.query, options.groupBy, {table, window: query.plan.window, writeOnly, limit: archiveRowLimit, buckets: 1});
			// Where SQL only narrows the query, Athena's counts would include events the query does not
			// match: then the events come back and are counted here, as the local --group-by counts them.
			if (grouped.exact) {
				return await printGroupRows({
					...input,
					pages: pagesOf(run, grouped, signal),
					field: options.groupBy,
					rowOptions,
					window: query.plan.window,
					account: source.account,
					emptyNote,
					service: 'Athena',
				});
			}
		}

		const exactly = compileArchiveQuery(query.query, {table, window: query.plan.window, writeOnly, limit: options.limit > 0 ? options.limit : archiveRowLimit});
		// A superset is filtered here, so the SQL LIMIT must not cut it before the filter has run.
		const compiled = exactly.exact || options.limit === 0 ? exactly : compileArchiveQuery(query.query, {table, window: query.plan.window, writeOnly, limit: archiveRowLimit});
		let rows = 0;
		const feed: EventFeed = {
			region: `the archive (Athena ${name})`,
			async *lookupEvents(lookup) {
				for await (const page of pagesOf(run, compiled, lookup.signal)) {
					rows += page.length;
					yield page.flatMap(row => eventOf(row, rowOptions));
				}
			},
		};
		const code = await runOutput({
			format,
			limit: options.limit,
			maxWaitMs: options.maxWaitMs,
			service: feed,
			origins: true,
			stdout,
			stderr,
			signal,
			plan: {attribute: undefined, window: query.plan.window, matches: compiled.exact ? () => true : matchesQuery(query.query, {writeOnly}), filtersLocally: !compiled.exact},
			emptyNote,
			failureExitCode: queryScriptExitCode,
			...(options.groupBy ? {groupBy: {field: options.groupBy, account: source.account, accountLabel: source.accountLabel}} : {}),
		});
		if (code === 0 && rows >= archiveRowLimit && (options.limit === 0 || !compiled.exact)) {
			await report(stderr, [`trailview: the archive returns at most ${archiveRowLimit.toLocaleString('en-US')} rows a query; narrow it with --since, --until or --query`]);
		}

		return code;
	} catch (error) {
		return scriptFailure(error, stderr, options.maxWaitMs);
	}
}

type Run = {
	archive: ArchiveService;
	table: ArchiveTable;
	workgroup: string;
	outputLocation: string | undefined;
	signal: AbortSignal;
	progress: ArchiveProgressReporter;
};

/** The query's result pages; stopped by `signal` (StopQueryExecution), which stderr then reports. */
async function* pagesOf(run: Run, compiled: CompiledQuery, signal: AbortSignal | undefined): AsyncGenerator<ArchiveRow[], void, undefined> {
	const pages = run.archive.runQuery(compiled, {
		database: run.table.database,
		workgroup: run.workgroup,
		outputLocation: run.outputLocation,
		...(signal ? {signal} : {}),
		onProgress: run.progress.onProgress,
	});
	yield* pages;
	if (signal?.aborted) {
		run.progress.stopped();
	}
}

function eventOf(row: ArchiveRow, options: ArchiveRowOptions): TrailEvent[] {
	const event = archiveRowToEvent(row, options);
	return event ? [event] : [];
}
