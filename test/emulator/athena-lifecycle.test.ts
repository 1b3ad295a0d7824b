// A query's life: QUEUED, RUNNING, then SUCCEEDED or CANCELLED by StopQueryExecution; the
// per-account concurrency limit; and an emulator without DuckDB, where only the archive is missing.
import {GetQueryExecutionCommand, GetQueryResultsCommand, ListWorkGroupsCommand, StartQueryExecutionCommand, StopQueryExecutionCommand} from '@aws-sdk/client-athena';
import {LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {GetTablesCommand} from '@aws-sdk/client-glue';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {athena, cloudTrail, fixedNow, glue, rejectionOf, waitForQuery} from './helpers.js';

const start = async (emulator: Emulator, label = 'demo-prod', sql = 'SELECT 1 AS one'): Promise<string> => {
	const {QueryExecutionId = ''} = await athena(emulator, label).send(new StartQueryExecutionCommand({QueryString: sql}));
	return QueryExecutionId;
};

describe('query states', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator({now: fixedNow, eventsPerRegion: 100, athena: {queuedMs: 1000, minRunMs: 800}});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('goes QUEUED, RUNNING, SUCCEEDED, with its timings, and has results only at the end', async () => {
		const client = athena(emulator);
		const id = await start(emulator);
		const states: string[] = [];
		const execution = await waitForQuery(client, id, current => {
			const state = current.Status?.State ?? '';
			if (states.at(-1) !== state) {
				states.push(state);
			}

			return state === 'SUCCEEDED' || state === 'FAILED';
		});
		expect(states).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);
		expect(execution.Statistics?.EngineExecutionTimeInMillis).toBeGreaterThanOrEqual(800);
		expect(execution.Statistics?.QueryQueueTimeInMillis).toBeGreaterThanOrEqual(900);
		expect(execution.Statistics?.TotalExecutionTimeInMillis).toBeGreaterThanOrEqual(1800);
		const rows = await client.send(new GetQueryResultsCommand({QueryExecutionId: id}));
		expect(rows.ResultSet?.Rows?.map(row => row.Data?.[0]?.VarCharValue)).toEqual(['one', '1']);
	});

	it('answers GetQueryResults before the end with the state it is in', async () => {
		const client = athena(emulator);
		const id = await start(emulator);
		const error = await rejectionOf(client.send(new GetQueryResultsCommand({QueryExecutionId: id})));
		expect(error.name).toBe('InvalidRequestException');
		expect(error.message).toMatch(/^Query has not yet finished\. Current state: (QUEUED|RUNNING)$/);
		await client.send(new StopQueryExecutionCommand({QueryExecutionId: id}));
	});

	it('starts one query for a retried StartQueryExecution (same ClientRequestToken)', async () => {
		const client = athena(emulator);
		const request = {QueryString: 'SELECT 2 AS two', ClientRequestToken: 'retry-token-0000000000000000000001'};
		const first = await client.send(new StartQueryExecutionCommand(request));
		const again = await client.send(new StartQueryExecutionCommand(request));
		expect(again.QueryExecutionId).toBe(first.QueryExecutionId);
		await client.send(new StopQueryExecutionCommand({QueryExecutionId: first.QueryExecutionId}));
	});

	it('does not know another account\'s query', async () => {
		const id = await start(emulator);
		const error = await rejectionOf(athena(emulator, 'demo-dev').send(new GetQueryExecutionCommand({QueryExecutionId: id})));
		expect(error.name).toBe('InvalidRequestException');
		expect(error.message).toBe(`QueryExecution ${id} was not found`);
	});
});

describe('stopping and the concurrency limit', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		// Queries run until stopped.
		emulator = await startEmulator({now: fixedNow, eventsPerRegion: 100, athena: {queuedMs: 0, minRunMs: 60_000, concurrentQueries: 2}});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('stops a running query: CANCELLED, and no results', async () => {
		const client = athena(emulator);
		const id = await start(emulator);
		await waitForQuery(client, id, execution => execution.Status?.State === 'RUNNING');
		emulator.resetCounts();
		await client.send(new StopQueryExecutionCommand({QueryExecutionId: id}));
		expect(emulator.requestCounts()['StopQueryExecution']).toBe(1);
		const {QueryExecution} = await client.send(new GetQueryExecutionCommand({QueryExecutionId: id}));
		expect(QueryExecution?.Status?.State).toBe('CANCELLED');
		expect(QueryExecution?.Status?.CompletionDateTime).toBeInstanceOf(Date);
		const error = await rejectionOf(client.send(new GetQueryResultsCommand({QueryExecutionId: id})));
		expect(error.name).toBe('InvalidRequestException');
		// Stopping a query that already ended changes nothing.
		await client.send(new StopQueryExecutionCommand({QueryExecutionId: id}));
		expect((await client.send(new GetQueryExecutionCommand({QueryExecutionId: id}))).QueryExecution?.Status?.State).toBe('CANCELLED');
	});

	it('refuses a query past the account\'s limit with TooManyRequestsException, until one ends', async () => {
		const client = athena(emulator);
		const running = [await start(emulator), await start(emulator)];
		const error = await rejectionOf(start(emulator));
		expect(error.name).toBe('TooManyRequestsException');
		expect((error as {Reason?: string}).Reason).toBe('CONCURRENT_QUERY_LIMIT_EXCEEDED');
		expect(error.message).toMatch(/exceeded the limit for the number of queries you can run concurrently/);

		// The limit is the account's: another account still runs queries.
		const other = await start(emulator, 'demo-dev');
		await athena(emulator, 'demo-dev').send(new StopQueryExecutionCommand({QueryExecutionId: other}));

		await client.send(new StopQueryExecutionCommand({QueryExecutionId: running[0]}));
		const third = await start(emulator);
		for (const id of [running[1], third]) {
			await client.send(new StopQueryExecutionCommand({QueryExecutionId: id}));
		}
	});
});

describe('an emulator without DuckDB', () => {
	let emulator: Emulator;
	let loads = 0;

	beforeAll(async () => {
		emulator = await startEmulator({
			now: fixedNow,
			eventsPerRegion: 100,
			athena: {
				async loadDuckDb() {
					loads++;
					throw new Error("Cannot find package '@duckdb/node-api'");
				},
			},
		});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('loads DuckDB only for the first query', async () => {
		await glue(emulator).send(new GetTablesCommand({DatabaseName: 'default'}));
		await athena(emulator).send(new ListWorkGroupsCommand({}));
		expect(loads).toBe(0);
	});

	it('says the archive is unavailable for a query, and everything else still works', async () => {
		const error = await rejectionOf(start(emulator));
		expect(error.name).toBe('InternalServerException');
		expect(error.message).toBe("archive unavailable in this emulator: the emulator's archive needs DuckDB, which is not installed (npm install @duckdb/node-api)");
		expect(loads).toBe(1);
		await rejectionOf(start(emulator));
		expect(loads).toBe(1);

		const tables = await glue(emulator).send(new GetTablesCommand({DatabaseName: 'default'}));
		expect(tables.TableList?.length).toBe(1);
		const events = await cloudTrail(emulator).send(new LookupEventsCommand({MaxResults: 5}));
		expect(events.Events).toHaveLength(5);
	});
});
