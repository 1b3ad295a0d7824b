// Athena over the organization trail's archive, through the real SDK over HTTP: the SQL runs in
// DuckDB, so these check what a caller sees, not how the emulator stores it.
import {GetQueryExecutionCommand, GetQueryResultsCommand, ListWorkGroupsCommand, StartQueryExecutionCommand} from '@aws-sdk/client-athena';
import {LookupEventsCommand, type Event} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {organizationTableName, startEmulator, type Emulator} from '../../source/emulator/index.js';
import {athena, cloudTrail, fixedNow, rejectionOf, runQuery} from './helpers.js';

const table = `"default"."${organizationTableName}"`;
const day = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const partitionDay = (ms: number): string => iso(ms).slice(0, 10).replaceAll('-', '/');
const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const yearStart = partitionDay(fixedNow.getTime() - 365 * day);
const today = partitionDay(fixedNow.getTime());
const ninetyDaysAgo = iso(fixedNow.getTime() - 90 * day);
let emulator: Emulator;

async function lookupAll(label: string, region: string, attributes?: {AttributeKey: 'EventName'; AttributeValue: string}): Promise<Event[]> {
	const client = cloudTrail(emulator, label, region);
	const events: Event[] = [];
	let token: string | undefined;
	do {
		const page = await client.send(new LookupEventsCommand({NextToken: token, ...(attributes ? {LookupAttributes: [attributes]} : {})}));
		events.push(...(page.Events ?? []));
		token = page.NextToken;
	} while (token);
	return events;
}

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, eventsPerRegion: 300, rateLimitPerSecond: false, athena: {queuedMs: 0, minRunMs: 0}});
});

afterAll(async () => {
	await emulator.stop();
});

describe('Athena results', () => {
	it('starts with the header row, pages by MaxResults (the header counts) and gives NULL as a Data item without a value', async () => {
		const client = athena(emulator);
		const sql = `SELECT eventid, errorcode FROM ${table} WHERE "timestamp" BETWEEN ? AND ? AND account = ? AND region = ? ORDER BY eventtime DESC, eventid LIMIT 25`;
		const parameters = [quoted(partitionDay(fixedNow.getTime() - 7 * day)), quoted(today), quoted('111111111111'), quoted('us-east-1')];
		const whole = await runQuery(client, sql, parameters);
		expect(whole.execution.Status?.State).toBe('SUCCEEDED');
		expect(whole.header).toEqual(['eventid', 'errorcode']);
		expect(whole.rows).toHaveLength(25);

		const first = await client.send(new GetQueryResultsCommand({QueryExecutionId: whole.id, MaxResults: 10}));
		const firstRows = first.ResultSet?.Rows ?? [];
		expect(firstRows).toHaveLength(10);
		expect(firstRows[0]?.Data?.map(datum => datum.VarCharValue)).toEqual(['eventid', 'errorcode']);
		expect(first.ResultSet?.ResultSetMetadata?.ColumnInfo?.map(column => [column.Name, column.Type])).toEqual([
			['eventid', 'varchar'],
			['errorcode', 'varchar'],
		]);
		const pages = [firstRows.slice(1)];
		let token = first.NextToken;
		while (token) {
			const page = await client.send(new GetQueryResultsCommand({QueryExecutionId: whole.id, MaxResults: 10, NextToken: token}));
			pages.push(page.ResultSet?.Rows ?? []);
			token = page.NextToken;
		}

		expect(pages.map(page => page.length)).toEqual([9, 10, 6]);
		expect(pages.flat().map(row => row.Data?.[0]?.VarCharValue)).toEqual(whole.rows.map(row => row[0]));
		// Most calls succeed: their errorcode is NULL, a Data item with no VarCharValue at all.
		const nulls = pages.flat().filter(row => row.Data?.[1]?.VarCharValue === undefined);
		expect(nulls.length).toBeGreaterThan(0);
		expect(nulls[0]?.Data?.[1]).toEqual({});
	});

	it('refuses a page size over 1000 and a token from another query', async () => {
		const client = athena(emulator);
		const run = await runQuery(client, 'SELECT x FROM (VALUES (1), (2), (3)) AS t(x)');
		const tooMany = await rejectionOf(client.send(new GetQueryResultsCommand({QueryExecutionId: run.id, MaxResults: 1001})));
		expect(tooMany.name).toBe('InvalidRequestException');
		expect(tooMany.message).toMatch(/less than or equal to 1000/);
		const {NextToken} = await client.send(new GetQueryResultsCommand({QueryExecutionId: run.id, MaxResults: 2}));
		expect(NextToken).toEqual(expect.any(String));
		const other = await runQuery(client, 'SELECT x FROM (VALUES (1), (2), (3)) AS t(x)');
		const stolen = await rejectionOf(client.send(new GetQueryResultsCommand({QueryExecutionId: other.id, MaxResults: 2, NextToken})));
		expect(stolen.name).toBe('InvalidRequestException');
	});

	it('answers GetQueryExecution with the query, its context, statistics and workgroup', async () => {
		const run = await runQuery(athena(emulator), `SELECT count(*) AS n FROM ${table} WHERE "timestamp" = ?`, [quoted(today)]);
		expect(run.execution).toMatchObject({
			QueryExecutionId: run.id,
			Query: `SELECT count(*) AS n FROM ${table} WHERE "timestamp" = ?`,
			StatementType: 'DML',
			QueryExecutionContext: {Database: 'default', Catalog: 'awsdatacatalog'},
			WorkGroup: 'primary',
			ExecutionParameters: [quoted(today)],
			Status: {State: 'SUCCEEDED'},
		});
		expect(run.execution.Status?.SubmissionDateTime).toBeInstanceOf(Date);
		expect(run.execution.Status?.CompletionDateTime).toBeInstanceOf(Date);
		expect(run.execution.Statistics?.DataScannedInBytes).toBeGreaterThan(0);
		expect(run.execution.Statistics?.TotalExecutionTimeInMillis).toBeGreaterThanOrEqual(run.execution.Statistics?.EngineExecutionTimeInMillis ?? 0);
		expect(Number(run.rows[0]?.[0])).toBeGreaterThan(0);
	});

	it('lists the workgroups, and refuses a query with no output location in a workgroup that has none', async () => {
		const client = athena(emulator);
		const groups = await client.send(new ListWorkGroupsCommand({}));
		expect(groups.WorkGroups?.map(group => group.Name)).toEqual(['adhoc', 'primary']);

		const error = await rejectionOf(client.send(new StartQueryExecutionCommand({QueryString: 'SELECT 1', WorkGroup: 'adhoc'})));
		expect(error.name).toBe('InvalidRequestException');
		expect(error.message).toBe('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
		expect((error as {AthenaErrorCode?: string}).AthenaErrorCode).toBe('INVALID_INPUT');

		const {QueryExecutionId} = await client.send(
			new StartQueryExecutionCommand({QueryString: 'SELECT 1', WorkGroup: 'adhoc', ResultConfiguration: {OutputLocation: 's3://query-results-111111111111/athena/'}}),
		);
		const {QueryExecution} = await client.send(new GetQueryExecutionCommand({QueryExecutionId}));
		expect(QueryExecution?.ResultConfiguration?.OutputLocation).toBe(`s3://query-results-111111111111/athena/${QueryExecutionId}.csv`);

		const unknown = await rejectionOf(client.send(new StartQueryExecutionCommand({QueryString: 'SELECT 1', WorkGroup: 'nosuch'})));
		expect(unknown.name).toBe('InvalidRequestException');
	});

	it('fails a query on a missing table with Trino\'s message and the AthenaError, and has no results for it', async () => {
		const client = athena(emulator);
		const run = await runQuery(client, 'SELECT * FROM nosuch WHERE eventname = ?', [quoted('x')]);
		const reason = "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.nosuch' does not exist";
		expect(run.execution.Status).toMatchObject({
			State: 'FAILED',
			StateChangeReason: reason,
			AthenaError: {ErrorCategory: 2, ErrorType: 1301, Retryable: false, ErrorMessage: reason},
		});
		const results = await rejectionOf(client.send(new GetQueryResultsCommand({QueryExecutionId: run.id})));
		expect(results.name).toBe('InvalidRequestException');
		expect(results.message).toBe(reason);

		const schema = await runQuery(client, 'SELECT 1 FROM nosuchdb.t');
		expect(schema.execution.Status?.StateChangeReason).toBe("SCHEMA_NOT_FOUND: line 1:15: Schema 'awsdatacatalog.nosuchdb' does not exist");
		const column = await runQuery(client, `SELECT nosuchcolumn FROM ${table}`);
		expect(column.execution.Status?.StateChangeReason).toMatch(/^COLUMN_NOT_FOUND: line 1:8: Column 'nosuchcolumn' cannot be resolved/);
		const syntax = await runQuery(client, `SELEC eventname FROM ${table}`);
		expect(syntax.execution.Status?.StateChangeReason).toMatch(/^SYNTAX_ERROR: line 1:1: /);
		// Only reads: anything but a SELECT (or CREATE EXTERNAL TABLE) fails.
		const drop = await runQuery(client, `DROP TABLE ${table}`);
		expect(drop.execution.Status?.State).toBe('FAILED');
	});

	it('answers AccessDeniedException when the failure is injected for the operation', async () => {
		emulator.failOperation('StartQueryExecution', {code: 'AccessDeniedException', message: 'User: arn:aws:iam::111111111111:user/alice is not authorized to perform: athena:StartQueryExecution'}, {times: 1});
		const error = await rejectionOf(runQuery(athena(emulator), 'SELECT 1'));
		expect(error.name).toBe('AccessDeniedException');
		expect(error.$metadata?.httpStatusCode).toBe(403);
		expect(error.message).toMatch(/athena:StartQueryExecution/);
	});
});

describe('execution parameters', () => {
	it('binds each as one literal, so an injection finds nothing, and refuses one that is not a literal', async () => {
		const client = athena(emulator);
		const sql = `SELECT count(*) AS n FROM ${table} WHERE "timestamp" BETWEEN ? AND ? AND eventname = ?`;
		const window = [quoted(yearStart), quoted(today)];
		const real = await runQuery(client, sql, [...window, quoted('ConsoleLogin')]);
		expect(Number(real.rows[0]?.[0])).toBeGreaterThan(0);

		const injected = await runQuery(client, sql, [...window, quoted("' OR '1'='1")]);
		expect(injected.execution.ExecutionParameters?.[2]).toBe("''' OR ''1''=''1'");
		expect(injected.execution.Status?.State).toBe('SUCCEEDED');
		expect(injected.rows).toEqual([['0']]);

		for (const bad of ["' OR '1'='1", 'ConsoleLogin', "'a' OR 1=1", "'unterminated"]) {
			const error = await rejectionOf(client.send(new StartQueryExecutionCommand({QueryString: sql, ExecutionParameters: [...window, bad]})));
			expect(error.name, bad).toBe('InvalidRequestException');
		}
	});

	it('binds integers, decimals and booleans as numbers and booleans', async () => {
		const run = await runQuery(athena(emulator), 'SELECT ? + 1 AS i, ? * 2 AS d, NOT ? AS b, ? AS s, ? / 2 AS half', ['41', '1.25', 'true', quoted("it's"), '7']);
		expect(run.header).toEqual(['i', 'd', 'b', 's', 'half']);
		// Integers divide as integers, as in Trino.
		expect(run.rows).toEqual([['42', '2.5', 'false', "it's", '3']]);
	});

	it('fails a query whose parameters do not match its placeholders', async () => {
		const run = await runQuery(athena(emulator), `SELECT count(*) FROM ${table} WHERE eventname = ?`);
		expect(run.execution.Status?.StateChangeReason).toMatch(/^INVALID_PARAMETER_USAGE: .*expected 1 but found 0/);
	});
});

describe('the archive', () => {
	it('holds a year: records older than 90 days, which LookupEvents cannot return', async () => {
		const client = athena(emulator);
		const older = await runQuery(
			client,
			`SELECT eventid, eventtime FROM ${table} WHERE "timestamp" BETWEEN ? AND ? AND eventtime < ? AND account = ? AND region = ? ORDER BY eventtime`,
			[quoted(yearStart), quoted(today), quoted(ninetyDaysAgo), quoted('111111111111'), quoted('us-east-1')],
		);
		expect(older.rows.length).toBeGreaterThan(50);
		expect(older.rows[0]?.[1]! < iso(fixedNow.getTime() - 300 * day)).toBe(true);
		const recent = new Set((await lookupAll('demo-prod', 'us-east-1')).map(event => event.EventId));
		expect(older.rows.filter(([id]) => recent.has(id))).toEqual([]);
	});

	it('serves, for the last 90 days, exactly the records LookupEvents serves', async () => {
		const events = await lookupAll('demo-prod', 'us-east-1');
		const run = await runQuery(
			athena(emulator),
			`SELECT eventid, eventtime, eventname, useridentity.arn AS arn, requestparameters FROM ${table} ` +
				`WHERE "timestamp" BETWEEN ? AND ? AND account = ? AND region = ? AND eventcategory = ? AND eventtime >= ?`,
			[quoted(partitionDay(fixedNow.getTime() - 91 * day)), quoted(today), quoted('111111111111'), quoted('us-east-1'), quoted('Management'), quoted(ninetyDaysAgo)],
		);
		expect(new Set(run.rows.map(([id]) => id))).toEqual(new Set(events.map(event => event.EventId)));
		const byId = new Map(run.rows.map(row => [row[0], row]));
		for (const event of events.filter((_, index) => index % 25 === 0)) {
			const record = JSON.parse(event.CloudTrailEvent ?? '{}') as {eventTime: string; eventName: string; userIdentity: {arn?: string}; requestParameters: unknown};
			const [, eventTime, eventName, arn, parameters] = byId.get(event.EventId) ?? [];
			expect([eventTime, eventName, arn]).toEqual([record.eventTime, record.eventName, record.userIdentity.arn]);
			expect(parameters === undefined ? null : JSON.parse(parameters)).toEqual(record.requestParameters);
		}
	});

	it('holds S3 data events, which LookupEvents never shows', async () => {
		const run = await runQuery(
			athena(emulator),
			`SELECT eventname, count(*) AS n FROM ${table} WHERE "timestamp" BETWEEN ? AND ? AND eventcategory = ? GROUP BY eventname ORDER BY eventname`,
			[quoted(yearStart), quoted(today), quoted('Data')],
		);
		expect(run.rows.map(([name]) => name)).toEqual(['DeleteObject', 'GetObject', 'HeadObject', 'PutObject']);
		expect(await lookupAll('demo-prod', 'us-east-1', {AttributeKey: 'EventName', AttributeValue: 'GetObject'})).toEqual([]);
	});

	it('counts by group as the local count of the same LookupEvents records does', async () => {
		const events = await lookupAll('demo-prod', 'eu-west-1');
		const local = new Map<string, number>();
		for (const event of events) {
			local.set(event.EventName ?? '', (local.get(event.EventName ?? '') ?? 0) + 1);
		}

		const run = await runQuery(
			athena(emulator),
			`SELECT eventname, count(*) AS n FROM ${table} WHERE "timestamp" BETWEEN ? AND ? AND account = ? AND region IN (?) AND managementevent = ? AND eventtime >= ? GROUP BY eventname`,
			[quoted(partitionDay(fixedNow.getTime() - 91 * day)), quoted(today), quoted('111111111111'), quoted('eu-west-1'), quoted('true'), quoted(ninetyDaysAgo)],
		);
		expect(new Map(run.rows.map(([name, count]) => [name, Number(count)]))).toEqual(local);
	});

	it('scans far fewer bytes for one day than for a year, and fewer for one region than for all', async () => {
		const client = athena(emulator);
		const sql = `SELECT count(*) FROM ${table} WHERE "timestamp" BETWEEN ? AND ?`;
		const scanned = async (from: string, extra = '', parameters: string[] = []) =>
			(await runQuery(client, sql + extra, [quoted(from), quoted(today), ...parameters])).execution.Statistics?.DataScannedInBytes ?? 0;
		const oneDay = await scanned(partitionDay(fixedNow.getTime() - day));
		const year = await scanned(yearStart);
		const oneRegion = await scanned(yearStart, ' AND region = ?', [quoted('eu-west-1')]);
		expect(oneDay).toBeGreaterThan(0);
		expect(year).toBeGreaterThan(oneDay * 50);
		expect(oneRegion).toBeLessThan(year / 2);
		// A term that mixes a partition column with another column cannot prune: the whole year.
		expect(await scanned(yearStart, ' AND (region = ? OR eventname = ?)', [quoted('eu-west-1'), quoted('x')])).toBe(year);
	});

	it('runs the Trino functions trailview emits', async () => {
		const [kms] = (await lookupAll('demo-prod', 'us-east-1')).filter(event => event.Resources?.some(resource => resource.ResourceType === 'AWS::KMS::Key'));
		expect(kms).toBeDefined();
		const record = JSON.parse(kms?.CloudTrailEvent ?? '{}') as {eventTime: string; userIdentity: Record<string, unknown>; requestParameters: {keyId?: string}; errorCode?: string};
		const run = await runQuery(
			athena(emulator),
			`SELECT json_extract_scalar(requestparameters, ?) AS keyid, json_extract_scalar(requestparameters, ?) AS whole, ` +
				`json_format(CAST(useridentity AS JSON)) AS who, json_format(CAST(resources AS JSON)) AS res, ` +
				`element_at(split(useridentity.arn, '/'), -1) AS tail, CAST(floor(to_unixtime(from_iso8601_timestamp(eventtime))) AS bigint) AS epoch, ` +
				`lower(eventsource) AS source, coalesce(errorcode, 'none') AS error, CAST(readonly AS varchar) AS ro ` +
				`FROM ${table} WHERE "timestamp" BETWEEN ? AND ? AND region IN (?, ?) AND account = ? ` +
				`AND any_match(resources, r -> r.arn LIKE ? ESCAPE '\\' AND r.type = ?) AND eventid = ? AND sharedeventid IS NULL AND NOT (eventname <> ?)`,
			[
				quoted('$.keyId'),
				quoted('$'),
				quoted(partitionDay(fixedNow.getTime() - 91 * day)),
				quoted(today),
				quoted('us-east-1'),
				quoted('eu-west-1'),
				quoted('111111111111'),
				quoted('arn:aws:kms:%'),
				quoted('AWS::KMS::Key'),
				quoted(kms?.EventId ?? ''),
				quoted(kms?.EventName ?? ''),
			],
		);
		expect(run.rows).toHaveLength(1);
		const [keyId, whole, who, resources, tail, epoch, source, error, readOnly] = run.rows[0] ?? [];
		expect(keyId).toBe(record.requestParameters.keyId);
		expect(whole).toBeUndefined();
		expect(JSON.parse(who ?? '{}')).toMatchObject({type: record.userIdentity['type'], arn: record.userIdentity['arn'], accountid: '111111111111'});
		expect(JSON.parse(resources ?? '[]')).toEqual([{arn: record.requestParameters.keyId, accountid: '111111111111', type: 'AWS::KMS::Key'}]);
		expect(tail).toBe(String(record.userIdentity['arn']).split('/').at(-1));
		expect(Number(epoch)).toBe(Date.parse(record.eventTime) / 1000);
		expect([source, error, readOnly]).toEqual(['kms.amazonaws.com', record.errorCode ?? 'none', String(kms?.ReadOnly)]);
	});

	it('reads JSON paths in Trino\'s notation, brackets for keys that are not plain names', async () => {
		const run = await runQuery(
			athena(emulator),
			`SELECT json_extract_scalar(additionaleventdata, ?), json_extract_scalar(additionaleventdata, ?), json_extract_scalar(requestparameters, ?) ` +
				`FROM ${table} WHERE "timestamp" BETWEEN ? AND ? AND eventname = ? LIMIT 1`,
			[quoted('$.SignatureVersion'), quoted('$["x-amz-id-2"]'), quoted('$.key'), quoted(yearStart), quoted(today), quoted('GetObject')],
		);
		const [version, id, key] = run.rows[0] ?? [];
		expect(version).toBe('SigV4');
		expect(id).toMatch(/^[A-Za-z0-9+/]+=*$/);
		expect(key).toMatch(/\./);
	});

	it('has an event added to the emulator in its partition from the next query on', async () => {
		const client = athena(emulator);
		const sql = `SELECT eventid, eventname FROM ${table} WHERE "timestamp" = ? AND account = ? AND region = ? AND eventid = ?`;
		const time = new Date(fixedNow.getTime() - 2 * day);
		const before = await runQuery(client, sql, [quoted(partitionDay(time.getTime())), quoted('333333333333'), quoted('us-east-1'), quoted('none yet')]);
		expect(before.rows).toEqual([]);
		const id = emulator.addEvent({accountId: '333333333333', region: 'us-east-1', eventName: 'DeleteTrail', username: 'mallory', time});
		const after = await runQuery(client, sql, [quoted(partitionDay(time.getTime())), quoted('333333333333'), quoted('us-east-1'), quoted(id)]);
		expect(after.rows).toEqual([[id, 'DeleteTrail']]);
	});

	it('names unnamed columns _colN and prints doubles and timestamps as Trino does', async () => {
		const run = await runQuery(athena(emulator), "SELECT count(DISTINCT x), min(x), max(x), to_unixtime(from_iso8601_timestamp('2025-01-01T00:00:00Z')), from_iso8601_timestamp('2025-01-01T00:00:00Z') FROM (SELECT 1 AS x)");
		expect(run.header).toEqual(['_col0', '_col1', '_col2', '_col3', '_col4']);
		expect(run.rows).toEqual([['1', '1', '1', '1.7356896E9', '2025-01-01 00:00:00.000 UTC']]);
	});
});
