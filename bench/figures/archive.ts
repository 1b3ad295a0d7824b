// The archive (issue 16): time to the first archive row and rows per second from the archive, with
// `--archive --output jsonl` against the emulator's Athena (DuckDB running the SQL over a year of
// the organization trail's records). Baseline in the same run: the emulator's own query time, the
// same compiled query sent by a bare SDK loop in this process (StartQueryExecution, GetQueryExecution
// every 20 ms, GetQueryResults pages of 1,000), so the ratio is what trailview adds around Athena.
import {performance} from 'node:perf_hooks';
import {AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand} from '@aws-sdk/client-athena';
import {GlueClient, GetTablesCommand} from '@aws-sdk/client-glue';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {compileArchiveQuery} from '../../source/domain/archive/compile.js';
import {parseQuery} from '../../source/domain/query/parse.js';
import type {ArchiveTable} from '../../source/domain/archive/types.js';
import {median, record, runs, stats} from '../support/figures.js';
import {awsFiles, cli, sleep} from '../support/env.js';
import {spawnStream} from '../support/stream-run.js';

const dayMs = 24 * 60 * 60 * 1000;
/** The figure's query: a year of every event (the whole archive), all of it printed. */
const yearQuery = 'since:365d';

type Sdk = {athena: AthenaClient; glue: GlueClient};

function clients(emulator: Emulator): Sdk {
	const account = emulator.accounts.find(a => a.label === 'demo-prod')!;
	const config = {region: 'us-east-1', endpoint: emulator.endpoint, credentials: {accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey}};
	return {athena: new AthenaClient(config), glue: new GlueClient(config)};
}

async function orgTable(sdk: Sdk): Promise<ArchiveTable> {
	const answer = await sdk.glue.send(new GetTablesCommand({DatabaseName: 'default'}));
	const table = answer.TableList!.find(each => each.Name?.startsWith('cloudtrail_logs'))!;
	return {
		catalog: 'AwsDataCatalog',
		database: 'default',
		name: table.Name!,
		location: table.StorageDescriptor?.Location,
		serde: table.StorageDescriptor?.SerdeInfo?.SerializationLibrary,
		partitionKeys: (table.PartitionKeys ?? []).map(key => key.Name!.toLowerCase()),
		parameters: table.Parameters ?? {},
		columns: (table.StorageDescriptor?.Columns ?? []).map(column => column.Name!.toLowerCase()),
	};
}

/** The emulator's own query time: a bare SDK loop over the same SQL. */
async function bare(sdk: Sdk, table: ArchiveTable, text: string): Promise<{firstRowMs: number; rows: number; rowsPerSecond: number}> {
	const parsed = parseQuery(text);
	if (!parsed.ok) {
		throw new Error(parsed.error.message);
	}

	const end = new Date();
	const compiled = compileArchiveQuery(parsed.query, {table, window: {start: new Date(end.getTime() - (365 * dayMs)), end}, writeOnly: false, limit: 100_000});
	const started = performance.now();
	const {QueryExecutionId: id} = await sdk.athena.send(
		new StartQueryExecutionCommand({QueryString: compiled.sql, ExecutionParameters: compiled.parameters, QueryExecutionContext: {Database: table.database}, WorkGroup: 'primary'}),
	);
	for (;;) {
		const state = (await sdk.athena.send(new GetQueryExecutionCommand({QueryExecutionId: id}))).QueryExecution?.Status?.State;
		if (state === 'SUCCEEDED') {
			break;
		}

		if (state === 'FAILED' || state === 'CANCELLED') {
			throw new Error(`bare archive query ${state}`);
		}

		await sleep(20);
	}

	let firstRowMs = 0;
	let rows = 0;
	let token: string | undefined;
	do {
		const page = await sdk.athena.send(new GetQueryResultsCommand({QueryExecutionId: id, MaxResults: 1000, NextToken: token}));
		rows += (page.ResultSet?.Rows?.length ?? 0) - (token === undefined ? 1 : 0);
		firstRowMs ||= performance.now() - started;
		token = page.NextToken;
	} while (token);

	const ms = performance.now() - started;
	return {firstRowMs, rows, rowsPerSecond: rows / (ms / 1000)};
}

async function viaCli(emulator: Emulator, limit: number): Promise<{firstRowMs: number; rows: number; rowsPerSecond: number}> {
	const run = spawnStream(
		[process.execPath, cli, '--output', 'jsonl', '--limit', String(limit), '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint, '--archive', '--all-events', '--query', yearQuery],
		awsFiles(emulator),
	);
	const code = await run.done;
	const wallMs = performance.now() - run.startedAt;
	const rows = run.marks.at(-1)?.lines ?? 0;
	if (code !== 0 || rows === 0) {
		throw new Error(`archive run failed (exit ${code}, ${rows} lines): ${run.stderr()}`);
	}

	return {firstRowMs: run.marks[0]!.ms, rows, rowsPerSecond: rows / (wallMs / 1000)};
}

export async function archive(): Promise<void> {
	console.error('11. the archive: first row and rows per second through Athena, against the emulator’s own query time');
	const emulator = await startEmulator({rateLimitPerSecond: false});
	const sdk = clients(emulator);
	try {
		const table = await orgTable(sdk);
		// Warm-up: DuckDB loads and the year's partitions are built once, as on the first query of a session.
		await bare(sdk, table, yearQuery);
		await viaCli(emulator, 0);
		const first: number[] = [];
		const firstBare: number[] = [];
		const rate: number[] = [];
		const rateBare: number[] = [];
		let rows = 0;
		// The same query both ways (every row of the year, so the same SQL and LIMIT): the first row's
		// time and the rate over the whole run, start-up and the query included.
		for (let index = 0; index < runs; index++) {
			const app = await viaCli(emulator, 0);
			rows = app.rows;
			first.push(app.firstRowMs);
			rate.push(app.rowsPerSecond);
			const sdkRun = await bare(sdk, table, yearQuery);
			firstBare.push(sdkRun.firstRowMs);
			rateBare.push(sdkRun.rowsPerSecond);
			if (sdkRun.rows !== rows) {
				throw new Error(`the bare query read ${sdkRun.rows} rows, trailview printed ${rows}`);
			}
		}

		const firstStats = stats(first);
		record({
			id: 'archive-first-row',
			figure: 'First archive row (`--archive --output jsonl`, a year)',
			unit: 'ms',
			...firstStats,
			baseline: {what: "emulator's own query (bare SDK)", median: median(firstBare)},
			ratio: firstStats.median / median(firstBare),
			note: 'includes the CLI start, credentials and Glue discovery',
		});
		const rateStats = stats(rate);
		record({
			id: 'archive-rows',
			figure: `Archive rows per second (${rows.toLocaleString('en-US')} rows, a year)`,
			unit: 'rows/s',
			...rateStats,
			baseline: {what: "emulator's own query (bare SDK)", median: median(rateBare)},
			ratio: rateStats.median / median(rateBare),
		});
	} finally {
		sdk.athena.destroy();
		sdk.glue.destroy();
		await emulator.stop();
	}
}
