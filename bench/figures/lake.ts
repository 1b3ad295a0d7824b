// CloudTrail Lake, the third source: time to the first Lake row and rows per second from Lake, with
// `--lake --since 365d --output jsonl` against the emulator's Lake (the organization's event data
// store, every event of the year printed). Baseline in the same run: the emulator's own query time,
// the same compiled statement sent by a bare @aws-sdk/client-cloudtrail loop in this process
// (StartQuery, DescribeQuery every 20 ms, GetQueryResults pages of 1,000), so the ratio is what
// trailview adds around Lake: the CLI's start, credentials, ListEventDataStores and its polling.
import {performance} from 'node:perf_hooks';
import {CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, StartQueryCommand} from '@aws-sdk/client-cloudtrail';
import {organizationStoreId, startEmulator} from '../../source/emulator/index.js';
import {compileLakeQuery} from '../../source/domain/archive/lake.js';
import {archiveRowLimit} from '../../source/domain/archive/lookup.js';
import {measureQuery, pollUntilDone, sdkConfig, timedPages, viaCli, yearPlan, type QueryRun} from '../support/query-figure.js';

/** The emulator's own query time: a bare SDK loop over the statement `--lake --limit 0` compiles. */
async function bare(cloudTrail: CloudTrailClient): Promise<QueryRun> {
	const {query, window} = yearPlan();
	const {statement} = compileLakeQuery(query, {store: {id: organizationStoreId}, window, writeOnly: false, limit: archiveRowLimit});
	const started = performance.now();
	const {QueryId: id} = await cloudTrail.send(new StartQueryCommand({QueryStatement: statement}));
	await pollUntilDone('Lake', async () => {
		const status = (await cloudTrail.send(new DescribeQueryCommand({QueryId: id}))).QueryStatus;
		return status === 'FINISHED' ? 'done' : status === 'FAILED' || status === 'TIMED_OUT' || status === 'CANCELLED' ? 'failed' : 'running';
	});
	return timedPages(started, async token => {
		const page = await cloudTrail.send(new GetQueryResultsCommand({QueryId: id, MaxQueryResults: 1000, NextToken: token}));
		return {rows: page.QueryResultRows?.length ?? 0, next: page.NextToken};
	});
}

export async function lake(): Promise<void> {
	console.error('12. CloudTrail Lake: first row and rows per second through Lake, against the emulator’s own query time');
	const emulator = await startEmulator({rateLimitPerSecond: false});
	const cloudTrail = new CloudTrailClient(sdkConfig(emulator));
	try {
		await measureQuery({
			id: 'lake',
			how: '`--lake --since 365d --output jsonl`, a year',
			firstRow: 'First Lake row',
			rowsPerSecond: 'Lake rows per second',
			note: 'includes the CLI start, credentials and choosing the event data store',
			app: async () => viaCli(emulator, 'Lake', ['--lake', '--since', '365d']),
			bare: async () => bare(cloudTrail),
		});
	} finally {
		cloudTrail.destroy();
		await emulator.stop();
	}
}
