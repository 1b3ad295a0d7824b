// A Lake query's life: QUEUED, RUNNING, FINISHED or CANCELLED by CancelQuery; the concurrency
// limit; the endpoint's own rules (credentials, regions, injected failures, its request budget);
// and an emulator without DuckDB, where only queries are missing.
import {CancelQueryCommand, DescribeQueryCommand, GetQueryResultsCommand, ListEventDataStoresCommand, LookupEventsCommand, StartQueryCommand} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow, rejectionOf} from './helpers.js';
import {waitForLake} from './lake-helpers.js';

async function storeId(emulator: Emulator): Promise<string> {
	const {EventDataStores = []} = await cloudTrail(emulator).send(new ListEventDataStoresCommand({}));
	return EventDataStores[0]?.EventDataStoreArn?.split('/').at(-1) ?? '';
}

async function start(emulator: Emulator, sql: string): Promise<string> {
	const {QueryId = ''} = await cloudTrail(emulator).send(new StartQueryCommand({QueryStatement: sql}));
	return QueryId;
}

describe('query states', () => {
	let emulator: Emulator;
	let sql = '';

	beforeAll(async () => {
		emulator = await startEmulator({now: fixedNow, eventsPerRegion: 100, rateLimitPerSecond: false, lake: {queuedMs: 400, minRunMs: 600}});
		sql = `SELECT eventid FROM ${await storeId(emulator)} ORDER BY eventtime DESC LIMIT 3`;
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('goes QUEUED, RUNNING, FINISHED, with results only at the end', async () => {
		const client = cloudTrail(emulator);
		const id = await start(emulator, sql);
		const early = await client.send(new GetQueryResultsCommand({QueryId: id}));
		expect(early.QueryStatus).toMatch(/^(QUEUED|RUNNING)$/);
		expect(early.QueryResultRows ?? []).toEqual([]);
		const states: string[] = [];
		const done = await waitForLake(client, id, query => {
			if (states.at(-1) !== query.QueryStatus) {
				states.push(query.QueryStatus ?? '');
			}

			return query.QueryStatus === 'FINISHED' || query.QueryStatus === 'FAILED';
		});
		expect(states).toEqual(['QUEUED', 'RUNNING', 'FINISHED']);
		expect(done.QueryString).toBe(sql);
		expect(done.QueryStatistics?.ExecutionTimeInMillis).toBeGreaterThanOrEqual(500);
		expect(done.QueryStatistics?.CreationTime).toBeInstanceOf(Date);
		const results = await client.send(new GetQueryResultsCommand({QueryId: id}));
		expect(results.QueryStatus).toBe('FINISHED');
		expect(results.QueryResultRows).toHaveLength(3);
	});

	it('cancels a running query, and refuses to cancel one that ended', async () => {
		const client = cloudTrail(emulator);
		const id = await start(emulator, sql);
		await waitForLake(client, id, query => query.QueryStatus === 'RUNNING');
		const cancelled = await client.send(new CancelQueryCommand({QueryId: id}));
		expect(cancelled).toMatchObject({QueryId: id, QueryStatus: 'CANCELLED'});
		expect((await client.send(new DescribeQueryCommand({QueryId: id}))).QueryStatus).toBe('CANCELLED');
		const results = await client.send(new GetQueryResultsCommand({QueryId: id}));
		expect(results.QueryStatus).toBe('CANCELLED');
		expect(results.QueryResultRows ?? []).toEqual([]);
		expect((await rejectionOf(client.send(new CancelQueryCommand({QueryId: id})))).name).toBe('InactiveQueryException');

		const finished = await start(emulator, sql);
		await waitForLake(client, finished);
		expect((await rejectionOf(client.send(new CancelQueryCommand({QueryId: finished})))).name).toBe('InactiveQueryException');
	});

	it('reports a statement that fails while it runs as FAILED with its message', async () => {
		const client = cloudTrail(emulator);
		const id = await start(emulator, `SELECT CAST(eventname AS bigint) AS n FROM ${await storeId(emulator)}`);
		const query = await waitForLake(client, id);
		expect(query.QueryStatus).toBe('FAILED');
		expect(query.ErrorMessage).toMatch(/^INVALID_CAST_ARGUMENT: /);
		const results = await client.send(new GetQueryResultsCommand({QueryId: id}));
		expect(results).toMatchObject({QueryStatus: 'FAILED', ErrorMessage: query.ErrorMessage});
	});

	it('does not know an unknown query id or another account\'s query', async () => {
		const id = await start(emulator, sql);
		for (const client of [cloudTrail(emulator, 'demo-dev'), cloudTrail(emulator, 'demo-prod', 'eu-west-1')]) {
			expect((await rejectionOf(client.send(new DescribeQueryCommand({QueryId: id})))).name).toBe('QueryIdNotFoundException');
		}

		const unknown = await rejectionOf(cloudTrail(emulator).send(new GetQueryResultsCommand({QueryId: '00000000-0000-4000-8000-000000000000'})));
		expect(unknown.name).toBe('QueryIdNotFoundException');
		await cloudTrail(emulator).send(new CancelQueryCommand({QueryId: id}));
	});
});

describe('the concurrency limit and the endpoint\'s rules', () => {
	let emulator: Emulator;
	let sql = '';

	beforeAll(async () => {
		// Queries run until cancelled.
		emulator = await startEmulator({now: fixedNow, eventsPerRegion: 100, rateLimitPerSecond: false, lake: {queuedMs: 0, minRunMs: 60_000, concurrentQueries: 2}});
		sql = `SELECT count(*) AS n FROM ${await storeId(emulator)}`;
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('refuses a query past the limit with MaxConcurrentQueriesException, until one ends', async () => {
		const client = cloudTrail(emulator);
		const running = [await start(emulator, sql), await start(emulator, sql)];
		const error = await rejectionOf(start(emulator, sql));
		expect(error.name).toBe('MaxConcurrentQueriesException');
		expect(error.$metadata?.httpStatusCode).toBe(429);
		await client.send(new CancelQueryCommand({QueryId: running[0]}));
		const third = await start(emulator, sql);
		for (const id of [running[1], third]) {
			await client.send(new CancelQueryCommand({QueryId: id}));
		}
	});

	it('answers as the endpoint does for LookupEvents: expired credentials, a region not enabled, injected failures', async () => {
		expect((await rejectionOf(cloudTrail(emulator, 'demo-expired').send(new ListEventDataStoresCommand({})))).name).toBe('ExpiredTokenException');
		expect((await rejectionOf(cloudTrail(emulator, 'demo-dev', 'ap-southeast-3').send(new StartQueryCommand({QueryStatement: sql})))).name).toBe('UnrecognizedClientException');
		emulator.failOperation('StartQuery', {code: 'ThrottlingException', message: 'Rate exceeded'}, {times: 1});
		expect((await rejectionOf(start(emulator, sql))).name).toBe('ThrottlingException');
		const id = await start(emulator, sql);
		await cloudTrail(emulator).send(new CancelQueryCommand({QueryId: id}));
	});

	it('gives Lake\'s calls a budget of 10 a second of their own', async () => {
		const paced = await startEmulator({now: fixedNow, eventsPerRegion: 100, clock: () => 0});
		try {
			const client = cloudTrail(paced);
			for (let call = 0; call < 10; call++) {
				await client.send(new ListEventDataStoresCommand({}));
			}

			expect((await rejectionOf(client.send(new ListEventDataStoresCommand({})))).name).toBe('ThrottlingException');
			expect((await client.send(new LookupEventsCommand({MaxResults: 1}))).Events).toHaveLength(1);
		} finally {
			await paced.stop();
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

	it('lists its stores without loading DuckDB, and says queries are unavailable', async () => {
		const id = await storeId(emulator);
		expect(id).not.toBe('');
		expect(loads).toBe(0);
		const error = await rejectionOf(start(emulator, `SELECT eventid FROM ${id}`));
		expect(error.name).toBe('InternalServerException');
		expect(error.message).toBe("archive unavailable in this emulator: the emulator's archive needs DuckDB, which is not installed (npm install @duckdb/node-api)");
		expect(loads).toBe(1);
		const events = await cloudTrail(emulator).send(new LookupEventsCommand({MaxResults: 5}));
		expect(events.Events).toHaveLength(5);
	});
});
