// The archive (issue 16): time to the first archive row and rows per second from the archive, with
// `--archive --output jsonl` against the emulator's Athena (DuckDB running the SQL over a year of
// the organization trail's records). Baseline in the same run: the emulator's own query time, the
// same compiled query sent by a bare SDK loop in this process (StartQueryExecution, GetQueryExecution
// every 20 ms, GetQueryResults pages of 1,000), so the ratio is what trailview adds around Athena.
import {performance} from 'node:perf_hooks';
import {AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand} from '@aws-sdk/client-athena';
import {GlueClient, GetTablesCommand} from '@aws-sdk/client-glue';
import {startEmulator} from '../../source/emulator/index.js';
import {compileArchiveQuery} from '../../source/domain/archive/compile.js';
import type {ArchiveTable} from '../../source/domain/archive/types.js';
import {measureQuery, pollUntilDone, sdkConfig, timedPages, viaCli, yearPlan, yearQuery, type QueryRun} from '../support/query-figure.js';

type Sdk = {athena: AthenaClient; glue: GlueClient};

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
async function bare(sdk: Sdk, table: ArchiveTable): Promise<QueryRun> {
	const {query, window} = yearPlan();
	const compiled = compileArchiveQuery(query, {table, window, writeOnly: false, limit: 100_000});
	const started = performance.now();
	const {QueryExecutionId: id} = await sdk.athena.send(
		new StartQueryExecutionCommand({QueryString: compiled.sql, ExecutionParameters: compiled.parameters, QueryExecutionContext: {Database: table.database}, WorkGroup: 'primary'}),
	);
	await pollUntilDone('archive', async () => {
		const state = (await sdk.athena.send(new GetQueryExecutionCommand({QueryExecutionId: id}))).QueryExecution?.Status?.State;
		return state === 'SUCCEEDED' ? 'done' : state === 'FAILED' || state === 'CANCELLED' ? 'failed' : 'running';
	});
	return timedPages(started, async token => {
		const page = await sdk.athena.send(new GetQueryResultsCommand({QueryExecutionId: id, MaxResults: 1000, NextToken: token}));
		// Athena's first page starts with the header row.
		return {rows: (page.ResultSet?.Rows?.length ?? 0) - (token === undefined ? 1 : 0), next: page.NextToken};
	});
}

export async function archive(): Promise<void> {
	console.error('11. the archive: first row and rows per second through Athena, against the emulator’s own query time');
	const emulator = await startEmulator({rateLimitPerSecond: false});
	const config = sdkConfig(emulator);
	const sdk: Sdk = {athena: new AthenaClient(config), glue: new GlueClient(config)};
	try {
		const table = await orgTable(sdk);
		// The same query both ways (every row of the year, so the same SQL and LIMIT): the first row's
		// time and the rate over the whole run, start-up and the query included.
		await measureQuery({
			id: 'archive',
			how: '`--archive --output jsonl`, a year',
			firstRow: 'First archive row',
			rowsPerSecond: 'Archive rows per second',
			note: 'includes the CLI start, credentials and Glue discovery',
			app: async () => viaCli(emulator, 'archive', ['--archive', '--query', yearQuery]),
			bare: async () => bare(sdk, table),
		});
	} finally {
		sdk.athena.destroy();
		sdk.glue.destroy();
		await emulator.stop();
	}
}
