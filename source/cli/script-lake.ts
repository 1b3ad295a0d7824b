// `trailview --lake --output …`: the query runs in CloudTrail Lake over an event data store and its
// rows print through the same formatters as LookupEvents results, with the account and region
// columns (a store can hold every region and an organization's every account). Progress and the
// cost go to stderr; Ctrl+C cancels the query (CancelQuery) before trailview exits. --group-by
// pushes the GROUP BY down to Lake and prints the groups as the local --group-by does.
import {lakeCondition, compileLakeGroupBy, compileLakeQuery} from '../domain/archive/lake.js';
import {pickLakeStore} from '../domain/archive/lake-pick.js';
import {archiveRowLimit} from '../domain/archive/lookup.js';
import {lakeRowToEvent, type ArchiveRowOptions} from '../domain/archive/rows.js';
import type {ArchiveRow, LakeService} from '../domain/archive/types.js';
import {matchesQuery} from '../domain/query/plan.js';
import type {EventSource, Session} from '../domain/types.js';
import {sanitizeLine} from '../lib/sanitize.js';
import {runOutput, type EventFeed, type OutputStream} from '../output/run-output.js';
import {report} from '../output/writer.js';
import type {CliOptions} from './args.js';
import {queryScriptExitCode, scriptFailure} from './script-failure.js';
import {archiveProgressReporter, type ArchiveProgressReporter} from './archive-progress.js';
import type {OutputFormat} from './flags.js';
import {printGroupRows} from './script-groups.js';
import type {ScriptQuery} from './script-query.js';

export type LakeScriptInput = {
	options: Pick<CliOptions, 'lake' | 'limit' | 'groupBy' | 'allEvents' | 'maxWaitMs'>;
	format: OutputFormat;
	query: Extract<ScriptQuery, {ok: true}>;
	source: Pick<EventSource, 'region' | 'account' | 'accountLabel'>;
	session: Pick<Session, 'lakeFor'>;
	stdout: OutputStream;
	stderr: OutputStream;
	signal: AbortSignal;
};

export async function runLakeScript(input: LakeScriptInput): Promise<number> {
	const {options, format, query, source, stdout, stderr, signal} = input;
	const lake = input.session.lakeFor(source.region);
	try {
		const store = pickLakeStore(await lake.listEventDataStores({signal}), options.lake.store);
		if (query.archiveDefault) {
			await report(stderr, [`trailview: Lake reads ${query.until ? `the 7 days up to ${sanitizeLine(query.until.source)}` : 'the last 7 days'} unless --since says otherwise (Lake bills by the data it scans)`]);
		}

		const name = sanitizeLine(`${store.name} (${store.id})`);
		if (stderr.isTTY === true) {
			await report(stderr, [`trailview: CloudTrail Lake event data store ${name} in ${sanitizeLine(source.region)}`]);
		}

		const run: Run = {lake, signal, progress: archiveProgressReporter({stderr, service: 'Lake'})};
		// The account read with is named as the profile; an organization's other accounts by their id.
		const rowOptions: ArchiveRowOptions = {account: source.account, accountLabel: account => (account === source.account ? source.accountLabel : undefined)};
		const {window} = query.plan;
		const writeOnly = !options.allEvents;
		const emptyNote = `no events match in CloudTrail Lake (${name}) from ${window.start.toISOString()} to ${window.end.toISOString()}`;
		// Where SQL only narrows the query, Lake's counts would include events the query does not
		// match: then the events come back and are counted here, as the local --group-by counts them.
		if (options.groupBy && lakeCondition(query.query, {window, writeOnly}).exact) {
			const {statement} = compileLakeGroupBy(query.query, options.groupBy, {store, window, writeOnly, limit: archiveRowLimit, buckets: 1});
			return await printGroupRows({...input, pages: pagesOf(run, statement, signal), field: options.groupBy, rowOptions, window, account: source.account, emptyNote, service: 'CloudTrail Lake'});
		}

		const exactly = compileLakeQuery(query.query, {store, window, writeOnly, limit: options.limit > 0 ? options.limit : archiveRowLimit});
		// A superset is filtered here, so the SQL LIMIT must not cut it before the filter has run.
		const compiled = exactly.exact || options.limit === 0 ? exactly : compileLakeQuery(query.query, {store, window, writeOnly, limit: archiveRowLimit});
		let rows = 0;
		const feed: EventFeed = {
			region: `CloudTrail Lake (${name})`,
			async *lookupEvents(lookup) {
				for await (const page of pagesOf(run, compiled.statement, lookup.signal)) {
					rows += page.length;
					yield page.flatMap(row => {
						const event = lakeRowToEvent(row, rowOptions);
						return event ? [event] : [];
					});
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
			plan: {attribute: undefined, window, matches: compiled.exact ? () => true : matchesQuery(query.query, {writeOnly}), filtersLocally: !compiled.exact},
			emptyNote,
			failureExitCode: queryScriptExitCode,
			...(options.groupBy ? {groupBy: {field: options.groupBy, account: source.account, accountLabel: source.accountLabel}} : {}),
		});
		if (code === 0 && rows >= archiveRowLimit && (options.limit === 0 || !compiled.exact)) {
			await report(stderr, [`trailview: Lake returns at most ${archiveRowLimit.toLocaleString('en-US')} rows a query here; narrow it with --since, --until or --query`]);
		}

		return code;
	} catch (error) {
		return scriptFailure(error, stderr, options.maxWaitMs);
	}
}

type Run = {lake: LakeService; signal: AbortSignal; progress: ArchiveProgressReporter};

/** The statement's result pages; stopped by `signal` (CancelQuery), which stderr then reports. */
async function* pagesOf(run: Run, statement: string, signal: AbortSignal | undefined): AsyncGenerator<ArchiveRow[], void, undefined> {
	yield* run.lake.runQuery(statement, {...(signal ? {signal} : {}), onProgress: run.progress.onProgress});
	if (signal?.aborted) {
		run.progress.stopped();
	}
}
