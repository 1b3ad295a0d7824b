// What the archive's figures share, for Athena and CloudTrail Lake alike: the query of a whole year
// parsed and windowed as a script's, the built CLI printing every row of it as JSON lines, a bare
// SDK loop's poll and pages timed the same way, and the two figures (first row, rows per second)
// recorded against that loop. Only the source's flags and the SDK calls differ between them.
import {performance} from 'node:perf_hooks';
import type {Emulator} from '../../source/emulator/index.js';
import {parseQuery} from '../../source/domain/query/parse.js';
import {resolveWindow} from '../../source/domain/query/time.js';
import type {Query, TimeWindow} from '../../source/domain/query/types.js';
import {median, record, runs, stats} from './figures.js';
import {awsFiles, cli, sleep} from './env.js';
import {spawnStream} from './stream-run.js';

/** A year of every event (the whole archive), all of it printed. */
export const yearQuery = 'since:365d';

/** One run of the year: when its first row arrived, how many rows and how fast over the whole run. */
export type QueryRun = {firstRowMs: number; rows: number; rowsPerSecond: number};

/** The year's query and window, as a script resolves them now. */
export function yearPlan(): {query: Query; window: TimeWindow} {
	const parsed = parseQuery(yearQuery);
	if (!parsed.ok) {
		throw new Error(parsed.error.message);
	}

	return {query: parsed.query, window: resolveWindow(parsed.query, new Date())};
}

/** Static keys of the organization's management account, where the archive and the Lake store live. */
export function sdkConfig(emulator: Emulator) {
	const account = emulator.accounts.find(a => a.label === 'demo-prod')!;
	return {region: 'us-east-1', endpoint: emulator.endpoint, credentials: {accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey}};
}

/** Polls every 20 ms until `state` says the query is done; a failed or cancelled one throws. */
export async function pollUntilDone(label: string, state: () => Promise<'done' | 'running' | 'failed'>): Promise<void> {
	for (;;) {
		const now = await state();
		if (now === 'done') {
			return;
		}

		if (now === 'failed') {
			throw new Error(`bare ${label} query failed`);
		}

		await sleep(20);
	}
}

/**
 * Reads every result page from `started` (when the query was sent): `page` returns the page's row
 * count and the next token. The first row's time is when the first page is in.
 */
export async function timedPages(started: number, page: (token: string | undefined) => Promise<{rows: number; next: string | undefined}>): Promise<QueryRun> {
	let firstRowMs = 0;
	let rows = 0;
	let token: string | undefined;
	do {
		const answer = await page(token);
		rows += answer.rows;
		firstRowMs ||= performance.now() - started;
		token = answer.next;
	} while (token);

	const ms = performance.now() - started;
	return {firstRowMs, rows, rowsPerSecond: rows / (ms / 1000)};
}

/** The built CLI printing every row of the year from `source` (its flags) as JSON lines. */
export async function viaCli(emulator: Emulator, label: string, source: string[]): Promise<QueryRun> {
	const run = spawnStream(
		[process.execPath, cli, '--output', 'jsonl', '--limit', '0', '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint, '--all-events', ...source],
		awsFiles(emulator),
	);
	const code = await run.done;
	const wallMs = performance.now() - run.startedAt;
	const rows = run.marks.at(-1)?.lines ?? 0;
	if (code !== 0 || rows === 0) {
		throw new Error(`${label} run failed (exit ${code}, ${rows} lines): ${run.stderr()}`);
	}

	return {firstRowMs: run.marks[0]!.ms, rows, rowsPerSecond: rows / (wallMs / 1000)};
}

export type QueryFigure = {
	/** `archive` records `archive-first-row` and `archive-rows`. */
	id: string;
	/** How the figures name the run, e.g. "`--archive --output jsonl`, a year". */
	how: string;
	/** The first figure's name: "First archive row". */
	firstRow: string;
	/** The second figure's name: "Archive rows per second". */
	rowsPerSecond: string;
	note: string;
	app: () => Promise<QueryRun>;
	bare: () => Promise<QueryRun>;
};

/**
 * Both ways once to warm up (the engine loads and the year's data is built once, as on the first
 * query of a session), then `runs` times each, alternating; the two must read the same rows. The
 * figures have no target (none was set), so `met` is left out, as for every figure without one.
 */
export async function measureQuery(figure: QueryFigure): Promise<void> {
	await figure.bare();
	await figure.app();
	const first: number[] = [];
	const firstBare: number[] = [];
	const rate: number[] = [];
	const rateBare: number[] = [];
	let rows = 0;
	for (let index = 0; index < runs; index++) {
		const app = await figure.app();
		rows = app.rows;
		first.push(app.firstRowMs);
		rate.push(app.rowsPerSecond);
		const sdkRun = await figure.bare();
		firstBare.push(sdkRun.firstRowMs);
		rateBare.push(sdkRun.rowsPerSecond);
		if (sdkRun.rows !== rows) {
			throw new Error(`${figure.id}: the bare query read ${sdkRun.rows} rows, trailview printed ${rows}`);
		}
	}

	const baseline = "emulator's own query (bare SDK)";
	const firstStats = stats(first);
	record({
		id: `${figure.id}-first-row`,
		figure: `${figure.firstRow} (${figure.how})`,
		unit: 'ms',
		...firstStats,
		baseline: {what: baseline, median: median(firstBare)},
		ratio: firstStats.median / median(firstBare),
		note: figure.note,
	});
	const rateStats = stats(rate);
	record({
		id: `${figure.id}-rows`,
		figure: `${figure.rowsPerSecond} (${rows.toLocaleString('en-US')} rows, a year)`,
		unit: 'rows/s',
		...rateStats,
		baseline: {what: baseline, median: median(rateBare)},
		ratio: rateStats.median / median(rateBare),
	});
}
