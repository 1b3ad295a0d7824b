// CloudTrail Lake over the organization's archive, through the real CloudTrail SDK client over
// HTTP: the statements run in DuckDB, so these check what a caller sees.
import {GetQueryResultsCommand, ListEventDataStoresCommand, LookupEventsCommand, StartQueryCommand} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow, rejectionOf} from './helpers.js';
import {hexValue, lakeTime, record, runLake} from './lake-helpers.js';

const day = 86_400_000;
const yearAgo = lakeTime(fixedNow.getTime() - 365 * day);
const end = lakeTime(fixedNow.getTime() + day);
const prod = '111111111111';
let emulator: Emulator;
let store = '';

const window = (from: string, to: string): string =>
	`eventtime >= CAST(${hexValue(from)} AS timestamp) AND eventtime < CAST(${hexValue(to)} AS timestamp)`;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, eventsPerRegion: 300, rateLimitPerSecond: false, athena: {queuedMs: 0, minRunMs: 0}});
	const {EventDataStores = []} = await cloudTrail(emulator).send(new ListEventDataStoresCommand({}));
	store = EventDataStores.find(candidate => candidate.OrganizationEnabled)?.EventDataStoreArn?.split('/').at(-1) ?? '';
});

afterAll(async () => {
	await emulator.stop();
});

describe('ListEventDataStores', () => {
	it('lists the organization store and a Config store in the management account\'s home region, with what a client filters on', async () => {
		const {EventDataStores = [], NextToken} = await cloudTrail(emulator).send(new ListEventDataStoresCommand({}));
		expect(NextToken).toBeUndefined();
		expect(EventDataStores).toHaveLength(2);
		const [events, config] = EventDataStores;
		expect(events?.EventDataStoreArn).toMatch(new RegExp(`^arn:aws:cloudtrail:us-east-1:${prod}:eventdatastore/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));
		expect(events).toMatchObject({Status: 'ENABLED', OrganizationEnabled: true, MultiRegionEnabled: true, RetentionPeriod: 2557, TerminationProtectionEnabled: true});
		expect(events?.AdvancedEventSelectors?.flatMap(selector => selector.FieldSelectors?.find(field => field.Field === 'eventCategory')?.Equals ?? [])).toEqual(['Management', 'Data']);
		expect(events?.CreatedTimestamp).toBeInstanceOf(Date);
		expect(events?.CreatedTimestamp!.getTime()).toBeLessThan(fixedNow.getTime() - 365 * day);
		expect(config?.AdvancedEventSelectors?.[0]?.FieldSelectors).toEqual([{Field: 'eventCategory', Equals: ['ConfigurationItem']}]);
		expect(config?.EventDataStoreArn).not.toBe(events?.EventDataStoreArn);
	});

	it('pages by MaxResults, and shows nothing in other regions or to other accounts', async () => {
		const client = cloudTrail(emulator);
		const first = await client.send(new ListEventDataStoresCommand({MaxResults: 1}));
		const second = await client.send(new ListEventDataStoresCommand({MaxResults: 1, NextToken: first.NextToken}));
		expect([...(first.EventDataStores ?? []), ...(second.EventDataStores ?? [])].map(each => each.Name)).toEqual(['organization-events', 'config-items']);
		expect(second.NextToken).toBeUndefined();
		expect((await cloudTrail(emulator, 'demo-prod', 'eu-west-1').send(new ListEventDataStoresCommand({}))).EventDataStores).toEqual([]);
		expect((await cloudTrail(emulator, 'demo-dev').send(new ListEventDataStoresCommand({}))).EventDataStores).toEqual([]);
		expect((await rejectionOf(client.send(new ListEventDataStoresCommand({MaxResults: 1001})))).name).toBe('InvalidMaxResultsException');
	});
});

describe('statements', () => {
	it('reads a whole year: rows from before the 90 days LookupEvents keeps', async () => {
		const run = await runLake(cloudTrail(emulator), `SELECT eventid, eventtime, recipientaccountid FROM ${store} WHERE ${window(yearAgo, end)} ORDER BY eventtime ASC LIMIT 20`);
		expect(run.query.QueryStatus).toBe('FINISHED');
		expect(run.rows).toHaveLength(20);
		const oldest = record(run.rows[0]!);
		expect(Object.keys(oldest)).toEqual(['eventid', 'eventtime', 'recipientaccountid']);
		expect(oldest['eventtime']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
		const oldestMs = Date.parse(`${oldest['eventtime']!.replace(' ', 'T')}Z`);
		expect(oldestMs).toBeLessThan(fixedNow.getTime() - 300 * day);
		const lookup = await cloudTrail(emulator).send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'EventId', AttributeValue: oldest['eventid']!}]}));
		expect(lookup.Events).toEqual([]);
	});

	it('matches a hex-encoded value exactly as the plain literal, quotes and all', async () => {
		const name = "o'brien-ünï";
		const id = emulator.addEvent({accountId: prod, region: 'us-east-1', eventName: 'CreateBucket', username: name, time: new Date(fixedNow.getTime() - 2 * day)});
		const client = cloudTrail(emulator);
		const plain = await runLake(client, `SELECT eventid FROM ${store} WHERE useridentity.username = '${name.replaceAll("'", "''")}'`);
		const hex = await runLake(client, `SELECT eventid FROM ${store} WHERE useridentity.username = ${hexValue(name)}`);
		expect(plain.rows.map(row => record(row)['eventid'])).toEqual([id]);
		expect(hex.rows).toEqual(plain.rows);

		const byName = `SELECT eventid FROM ${store} WHERE ${window(yearAgo, end)} AND eventname = %s ORDER BY eventid`;
		const literal = await runLake(client, byName.replace('%s', "'GetObject'"));
		const encoded = await runLake(client, byName.replace('%s', hexValue('GetObject')));
		expect(literal.rows.length).toBeGreaterThan(10);
		expect(encoded.rows).toEqual(literal.rows);
	});

	it('reads map columns with element_at (a nested value is JSON text, a missing key NULL) and a struct as JSON', async () => {
		const id = emulator.addEvent({
			accountId: prod,
			region: 'eu-west-1',
			eventName: 'PutBucketPolicy',
			username: 'deploy-bot',
			time: new Date(fixedNow.getTime() - day),
			record: {requestParameters: {bucketName: 'audit', policy: {Version: '2012-10-17'}, count: 3, force: true}},
		});
		const run = await runLake(
			cloudTrail(emulator),
			`SELECT element_at(requestparameters, 'bucketName') AS bucket, element_at(requestparameters, 'policy') AS policy, element_at(requestparameters, 'count') AS n, ` +
				`element_at(requestparameters, 'force') AS force, element_at(requestparameters, 'nosuch') AS missing, json_format(CAST(useridentity AS JSON)) AS who, ` +
				`to_iso8601(eventtime) AS at, CAST(readonly AS varchar) AS ro FROM ${store} WHERE eventid = ${hexValue(id)}`,
		);
		expect(run.rows).toHaveLength(1);
		const row = record(run.rows[0]!);
		expect(row).toMatchObject({bucket: 'audit', policy: '{"Version":"2012-10-17"}', n: '3', force: 'true', missing: null, ro: 'false'});
		expect(row['at']).toBe(new Date(fixedNow.getTime() - day).toISOString().replace('Z', ''));
		const who = JSON.parse(row['who']!) as Record<string, unknown>;
		expect(who).toMatchObject({type: 'IAMUser', username: 'deploy-bot', accountid: prod, arn: `arn:aws:iam::${prod}:user/deploy-bot`});
	});

	it('pages results with NextToken: one single-key object per column, in select order, no header row', async () => {
		const client = cloudTrail(emulator);
		const sql = `SELECT eventid, errorcode FROM ${store} WHERE ${window(lakeTime(fixedNow.getTime() - 30 * day), end)} ORDER BY eventtime DESC, eventid LIMIT 25`;
		const whole = await runLake(client, sql);
		const paged = await runLake(client, sql, 10);
		expect(paged.pages).toEqual([10, 10, 5]);
		expect(paged.rows).toEqual(whole.rows);
		expect(paged.rows.every(row => row.length === 2 && Object.keys(row[0]!)[0] === 'eventid' && Object.keys(row[1]!)[0] === 'errorcode')).toBe(true);
		// Most calls succeed: their NULL errorcode keeps its place, as {"errorcode": null}.
		expect(paged.rows.some(row => row[1]?.['errorcode'] === null)).toBe(true);

		const first = await client.send(new GetQueryResultsCommand({QueryId: paged.id, MaxQueryResults: 10}));
		expect(first.QueryStatistics).toMatchObject({ResultsCount: 10, TotalResultsCount: 25});
		const foreign = await rejectionOf(client.send(new GetQueryResultsCommand({QueryId: whole.id, NextToken: first.NextToken})));
		expect(foreign.name).toBe('InvalidNextTokenException');
		expect((await rejectionOf(client.send(new GetQueryResultsCommand({QueryId: whole.id, MaxQueryResults: 1001})))).name).toBe('InvalidMaxResultsException');
	});

	it('scans only the days its eventtime conditions select: one day costs far less than the year', async () => {
		const client = cloudTrail(emulator);
		const from = fixedNow.getTime() - 40 * day;
		const oneDay = await runLake(client, `SELECT count(*) AS n FROM ${store} WHERE ${window(lakeTime(from), lakeTime(from + day))}`);
		const year = await runLake(client, `SELECT count(*) AS n FROM ${store} WHERE ${window(yearAgo, end)}`);
		const dayBytes = oneDay.query.QueryStatistics?.BytesScanned ?? 0;
		const yearBytes = year.query.QueryStatistics?.BytesScanned ?? 0;
		expect(dayBytes).toBeGreaterThan(0);
		expect(dayBytes * 50).toBeLessThan(yearBytes);
		expect(oneDay.query.QueryStatistics?.EventsScanned).toBeGreaterThanOrEqual(Number(record(oneDay.rows[0]!)['n']));
		expect(year.query.QueryStatistics?.EventsScanned).toBeGreaterThanOrEqual(Number(record(year.rows[0]!)['n']));
	});

	it('groups and counts', async () => {
		const client = cloudTrail(emulator);
		const where = window(lakeTime(fixedNow.getTime() - 60 * day), end);
		const groups = await runLake(client, `SELECT eventname AS k, count(*) AS n FROM ${store} WHERE ${where} GROUP BY eventname ORDER BY n DESC, k`);
		const total = await runLake(client, `SELECT count(*) AS n FROM ${store} WHERE ${where}`);
		const counts = groups.rows.map(row => record(row));
		expect(counts.length).toBeGreaterThan(3);
		expect(counts.reduce((sum, row) => sum + Number(row['n']), 0)).toBe(Number(record(total.rows[0]!)['n']));
		const top = counts[0]!;
		const rows = await runLake(client, `SELECT eventid FROM ${store} WHERE ${where} AND eventname = ${hexValue(top['k']!)}`);
		expect(rows.rows).toHaveLength(Number(top['n']));
	});
});

describe('statements StartQuery refuses', () => {
	it('an unknown store, another account\'s store, and a relation that is no store', async () => {
		for (const [who, region, sql] of [
			['demo-prod', 'us-east-1', 'SELECT eventid FROM 0a1b2c3d-0000-4000-8000-000000000000'],
			['demo-dev', 'us-east-1', `SELECT eventid FROM ${store}`],
			['demo-prod', 'eu-west-1', `SELECT eventid FROM ${store}`],
			['demo-prod', 'us-east-1', 'SELECT * FROM memory.main.__records'],
		] as const) {
			const error = await rejectionOf(cloudTrail(emulator, who, region).send(new StartQueryCommand({QueryStatement: sql})));
			expect(error.name, sql).toBe('EventDataStoreNotFoundException');
		}
	});

	it('anything but one SELECT, and a SELECT that does not bind', async () => {
		const client = cloudTrail(emulator);
		for (const sql of [`DELETE FROM ${store}`, `DROP TABLE ${store}`, `SELECT eventid FROM ${store}; SELECT 1 FROM ${store}`, `SELECT nosuch FROM ${store}`, `SELECT eventid FROM ${store} WHERE`, 'SELECT 1']) {
			const error = await rejectionOf(client.send(new StartQueryCommand({QueryStatement: sql})));
			expect(error.name, sql).toBe('InvalidQueryStatementException');
		}
	});
});
