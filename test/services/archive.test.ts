import {
	AthenaClient,
	GetQueryExecutionCommand,
	GetQueryResultsCommand,
	ListWorkGroupsCommand,
	StartQueryExecutionCommand,
	StopQueryExecutionCommand,
	type GetQueryExecutionCommandOutput,
	type Row,
} from '@aws-sdk/client-athena';
import {GetDatabasesCommand, GetTablesCommand, GlueClient, type Table} from '@aws-sdk/client-glue';
import {mockClient} from 'aws-sdk-client-mock';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {ArchiveProgress, ArchiveRow, ArchiveRunOptions, CompiledQuery} from '../../source/domain/archive/types.js';
import {TrailviewError} from '../../source/domain/types.js';
import {createArchiveService} from '../../source/services/archive/service.js';

const athenaMock = mockClient(AthenaClient);
const glueMock = mockClient(GlueClient);
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY1';
const sessionToken = 'IQoJb3JpZ2luX2VjSESSIONTOKENEXAMPLE0123456789abcdefghij';

let sleeps: number[];
let clock: number;

function service(sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>) {
	return createArchiveService({
		athena: new AthenaClient({region: 'eu-west-1', credentials: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret, sessionToken}}),
		glue: new GlueClient({region: 'eu-west-1', credentials: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret, sessionToken}}),
		region: 'eu-west-1',
		timing: {
			now: () => clock,
			async sleep(ms) {
				sleeps.push(ms);
				clock += ms;
				await sleep?.(ms, undefined);
			},
		},
	});
}

const query: CompiledQuery = {sql: 'SELECT eventid FROM "default"."t" WHERE eventname = ? LIMIT 10', parameters: ["'o''brien'"]};
const run: ArchiveRunOptions = {database: 'default', workgroup: 'primary'};

const execution = (State: string, scanned = 0, extra: Record<string, unknown> = {}): GetQueryExecutionCommandOutput =>
	({QueryExecution: {QueryExecutionId: 'q-1', Status: {State, ...extra}, Statistics: {DataScannedInBytes: scanned}}, $metadata: {}}) as GetQueryExecutionCommandOutput;
const row = (...values: Array<string | undefined>): Row => ({Data: values.map(value => (value === undefined ? {} : {VarCharValue: value}))});
const columns = (...names: string[]) => ({ColumnInfo: names.map(Name => ({Name, Type: 'varchar'}))});

async function collect(pages: AsyncIterable<ArchiveRow[]>): Promise<ArchiveRow[][]> {
	const result: ArchiveRow[][] = [];
	for await (const page of pages) {
		result.push(page);
	}

	return result;
}

async function failure(promise: Promise<unknown>): Promise<TrailviewError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(TrailviewError);
		const mapped = error as TrailviewError;
		// Whatever AWS said, nothing secret reaches a person.
		for (const text of [mapped.message, mapped.hint ?? '']) {
			expect(text).not.toContain(secret);
			expect(text).not.toContain(sessionToken);
			expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
		}

		return mapped;
	}

	throw new Error('expected a failure');
}

beforeEach(() => {
	athenaMock.reset();
	glueMock.reset();
	sleeps = [];
	clock = 1000;
	athenaMock.on(StartQueryExecutionCommand).resolves({QueryExecutionId: 'q-1'});
	athenaMock.on(StopQueryExecutionCommand).resolves({});
});

afterEach(() => {
	athenaMock.reset();
	glueMock.reset();
});

describe('ArchiveService.runQuery', () => {
	it('starts the query with its parameters, database and workgroup, polls with back-off and reports each poll', async () => {
		athenaMock
			.on(GetQueryExecutionCommand)
			.resolvesOnce(execution('QUEUED'))
			.resolvesOnce(execution('RUNNING', 1000))
			.resolvesOnce(execution('RUNNING', 5000))
			.resolvesOnce(execution('RUNNING', 9000))
			.resolvesOnce(execution('RUNNING', 9000))
			.resolvesOnce(execution('RUNNING', 9000))
			.resolvesOnce(execution('RUNNING', 9000))
			.resolvesOnce(execution('RUNNING', 9000))
			.resolves(execution('SUCCEEDED', 12_000));
		athenaMock.on(GetQueryResultsCommand).resolves({ResultSet: {Rows: [row('eventid')], ResultSetMetadata: columns('eventid')}});
		const progress: ArchiveProgress[] = [];
		await collect(service().runQuery(query, {...run, outputLocation: 's3://results/trailview/', onProgress: update => progress.push(update)}));
		expect(athenaMock.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input).toEqual({
			QueryString: query.sql,
			ExecutionParameters: ["'o''brien'"],
			QueryExecutionContext: {Catalog: 'AwsDataCatalog', Database: 'default'},
			WorkGroup: 'primary',
			ResultConfiguration: {OutputLocation: 's3://results/trailview/'},
		});
		expect(sleeps).toEqual([200, 300, 450, 675, 1013, 1520, 2000, 2000]);
		expect(progress.map(update => update.state)).toEqual(['QUEUED', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
		expect(progress[2]).toEqual({queryId: 'q-1', state: 'RUNNING', elapsedMs: 500, scannedBytes: 5000});
		expect(progress.at(-1)?.scannedBytes).toBe(12_000);
	});

	it('sends no ExecutionParameters for a query without any, and no ResultConfiguration without an output location', async () => {
		athenaMock.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
		athenaMock.on(GetQueryResultsCommand).resolves({ResultSet: {Rows: []}});
		await collect(service().runQuery({sql: 'SELECT 1', parameters: []}, run));
		expect(athenaMock.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input).toEqual({QueryString: 'SELECT 1', QueryExecutionContext: {Catalog: 'AwsDataCatalog', Database: 'default'}, WorkGroup: 'primary'});
	});

	it('yields each result page as it comes, the header row dropped and missing values as NULL', async () => {
		athenaMock.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
		athenaMock
			.on(GetQueryResultsCommand)
			.resolvesOnce({ResultSet: {Rows: [row('eventid', 'errorcode'), row('e1', undefined), row('e2', 'AccessDenied')], ResultSetMetadata: columns('eventid', 'errorcode')}, NextToken: 't1'})
			.resolvesOnce({ResultSet: {Rows: [row('eventid', 'x'), row('e3')], ResultSetMetadata: columns('eventid', 'errorcode')}});
		const pages = await collect(service().runQuery(query, {...run, pageSize: 500}));
		expect(pages).toEqual([
			[
				{eventid: 'e1', errorcode: undefined},
				{eventid: 'e2', errorcode: 'AccessDenied'},
			],
			// Only the first page has a header: a later row that looks like one is data.
			[
				{eventid: 'eventid', errorcode: 'x'},
				{eventid: 'e3', errorcode: undefined},
			],
		]);
		expect(athenaMock.commandCalls(GetQueryResultsCommand).map(call => call.args[0].input)).toEqual([
			{QueryExecutionId: 'q-1', MaxResults: 500},
			{QueryExecutionId: 'q-1', NextToken: 't1', MaxResults: 500},
		]);
	});

	it('stops the query with StopQueryExecution when aborted while it runs, and ends quietly', async () => {
		const controller = new AbortController();
		athenaMock.on(GetQueryExecutionCommand).resolves(execution('RUNNING', 100));
		const pages = await collect(
			service(async () => {
				if (sleeps.length === 2) {
					controller.abort();
				}
			}).runQuery(query, {...run, signal: controller.signal}),
		);
		expect(pages).toEqual([]);
		expect(athenaMock.commandCalls(StopQueryExecutionCommand).map(call => call.args[0].input)).toEqual([{QueryExecutionId: 'q-1'}]);
		expect(athenaMock.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
	});

	it('wakes from its wait between polls as soon as it is aborted', async () => {
		const controller = new AbortController();
		athenaMock.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
		const plain = createArchiveService({athena: new AthenaClient({region: 'eu-west-1'}), glue: new GlueClient({region: 'eu-west-1'}), region: 'eu-west-1', timing: {firstMs: 60_000}});
		const started = Date.now();
		await collect(plain.runQuery(query, {...run, signal: controller.signal, onProgress: () => controller.abort()}));
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(athenaMock.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
	});

	it('says so when someone else stops the query', async () => {
		athenaMock.on(GetQueryExecutionCommand).resolves(execution('CANCELLED'));
		const error = await failure(collect(service().runQuery(query, run)));
		expect(error.kind).toBe('service');
		expect(error.message).toMatch(/stopped outside trailview/);
	});

	it('does not stop a query that already ended when the reader aborts while paging', async () => {
		const controller = new AbortController();
		athenaMock.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
		athenaMock.on(GetQueryResultsCommand).resolves({ResultSet: {Rows: [row('eventid'), row('e1')], ResultSetMetadata: columns('eventid')}, NextToken: 'more'});
		const pages: ArchiveRow[][] = [];
		for await (const page of service().runQuery(query, {...run, signal: controller.signal})) {
			pages.push(page);
			controller.abort();
		}

		expect(pages).toEqual([[{eventid: 'e1'}]]);
		expect(athenaMock.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
	});

	it('reports a FAILED query with Athena\'s reason, redacted, and the fix for a missing table', async () => {
		athenaMock.on(GetQueryExecutionCommand).resolves(
			execution('FAILED', 0, {StateChangeReason: "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.t' does not exist (key AKIAIOSFODNN7EXAMPLE)", AthenaError: {ErrorCategory: 2}}),
		);
		const error = await failure(collect(service().runQuery(query, run)));
		expect(error.message).toBe("The archive table or its database does not exist. TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.t' does not exist (key AKIA…MPLE).");
		expect(error.hint).toMatch(/--athena-table/);
		expect(athenaMock.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
	});

	it('says which failures are Athena\'s own and worth trying again', async () => {
		athenaMock.on(GetQueryExecutionCommand).resolves(execution('FAILED', 0, {AthenaError: {ErrorCategory: 1, ErrorMessage: 'Internal error\nstack...'}}));
		const error = await failure(collect(service().runQuery(query, run)));
		expect(error.message).toBe('The Athena query failed. Internal error stack...');
		expect(error.hint).toMatch(/try again/);
	});

	it('explains too many concurrent queries', async () => {
		athenaMock.on(StartQueryExecutionCommand).rejects(Object.assign(new Error('Rate exceeded'), {name: 'TooManyRequestsException'}));
		const error = await failure(collect(service().runQuery(query, run)));
		expect(error.kind).toBe('throttled');
		expect(error.message).toMatch(/as many queries .* at once/);
		expect(error.hint).toMatch(/Wait for other queries/);
	});

	it('asks for an output location when the workgroup has none', async () => {
		athenaMock.on(StartQueryExecutionCommand).rejects(
			Object.assign(new Error('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.'), {name: 'InvalidRequestException'}),
		);
		const error = await failure(collect(service().runQuery(query, {...run, workgroup: 'analysts'})));
		expect(error.message).toMatch(/^Athena has nowhere to write the query's results: the workgroup analysts has no output location\./);
		expect(error.hint).toMatch(/--athena-output s3:\/\//);
	});

	it('names every permission the archive needs when access is denied', async () => {
		athenaMock.on(StartQueryExecutionCommand).rejects(
			Object.assign(new Error(`User: arn:aws:iam::1:user/x is not authorized to perform: athena:StartQueryExecution (secret=${secret}, token ${sessionToken})`), {name: 'AccessDeniedException'}),
		);
		const error = await failure(collect(service().runQuery(query, run)));
		expect(error.kind).toBe('access-denied');
		expect(error.message).toMatch(/^Access denied to athena:StartQueryExecution\./);
		for (const action of ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'glue:GetDatabases', 'glue:GetTables', 's3:GetObject', 's3:PutObject']) {
			expect(error.hint).toContain(action);
		}
	});

	it('stops a running query whose polling fails, and reports the failure', async () => {
		athenaMock.on(GetQueryExecutionCommand).rejectsOnce(Object.assign(new Error('boom'), {name: 'InternalServerException', $metadata: {httpStatusCode: 500}}));
		const error = await failure(collect(service().runQuery(query, run)));
		expect(error.message).toMatch(/internal error/);
		expect(athenaMock.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
	});
});

const glueTable = (Name: string, Location: string, extra: Partial<Table> = {}): Table => ({
	Name,
	StorageDescriptor: {Location, SerdeInfo: {SerializationLibrary: 'org.apache.hive.serde2.JsonSerDe'}, Columns: ['eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName'].map(Name => ({Name, Type: 'string'}))},
	PartitionKeys: [{Name: 'Region'}, {Name: 'timestamp'}],
	Parameters: {'projection.enabled': 'true'},
	...extra,
});

describe('ArchiveService.listTables', () => {
	it('reads every database and table page by page and keeps the CloudTrail tables', async () => {
		glueMock.on(GetDatabasesCommand).resolvesOnce({DatabaseList: [{Name: 'default'}], NextToken: 'd2'}).resolvesOnce({DatabaseList: [{Name: 'audit'}]});
		// The SDK's paginator reuses one input object, so each request is copied as it is sent.
		const asked: Array<{DatabaseName?: string; NextToken?: string}> = [];
		glueMock.on(GetTablesCommand).callsFake((input: {DatabaseName?: string; NextToken?: string}) => {
			asked.push({DatabaseName: input.DatabaseName, NextToken: input.NextToken});
			if (input.DatabaseName === 'audit') {
				return {TableList: [glueTable('old', 's3://x/AWSLogs/', {StorageDescriptor: {Location: 's3://x/AWSLogs/', SerdeInfo: {SerializationLibrary: 'com.amazon.emr.hive.serde.CloudTrailSerde'}}})]};
			}

			return input.NextToken === undefined
				? {TableList: [glueTable('trail', 's3://logs/AWSLogs/o-abcdefghij/')], NextToken: 't2'}
				: {TableList: [glueTable('flows', 's3://logs/vpc/'), glueTable('view', 's3://logs/AWSLogs/o-abcdefghij/', {TableType: 'VIRTUAL_VIEW'})]};
		});
		const tables = await service().listTables();
		expect(tables).toEqual([
			{catalog: 'AwsDataCatalog', database: 'default', name: 'trail', location: 's3://logs/AWSLogs/o-abcdefghij/', serde: 'org.apache.hive.serde2.JsonSerDe', partitionKeys: ['region', 'timestamp'], parameters: {'projection.enabled': 'true'}, columns: ['eventversion', 'useridentity', 'eventtime', 'eventsource', 'eventname']},
			{catalog: 'AwsDataCatalog', database: 'audit', name: 'old', location: 's3://x/AWSLogs/', serde: 'com.amazon.emr.hive.serde.CloudTrailSerde', partitionKeys: ['region', 'timestamp'], parameters: {'projection.enabled': 'true'}},
		]);
		expect(asked).toEqual([
			{DatabaseName: 'default', NextToken: undefined},
			{DatabaseName: 'default', NextToken: 't2'},
			{DatabaseName: 'audit', NextToken: undefined},
		]);
	});

	it('skips databases it may not read, unless it may read none', async () => {
		const denied = Object.assign(new Error('Insufficient Lake Formation permission(s)'), {name: 'AccessDeniedException'});
		glueMock.on(GetDatabasesCommand).resolves({DatabaseList: [{Name: 'secret'}, {Name: 'default'}]});
		glueMock.on(GetTablesCommand, {DatabaseName: 'secret'}).rejects(denied);
		glueMock.on(GetTablesCommand, {DatabaseName: 'default'}).resolves({TableList: [glueTable('trail', 's3://logs/AWSLogs/111111111111/CloudTrail/')]});
		expect((await service().listTables()).map(table => table.name)).toEqual(['trail']);

		glueMock.on(GetTablesCommand, {DatabaseName: 'default'}).rejects(denied);
		const error = await failure(service().listTables());
		expect(error.message).toMatch(/^Access denied to glue:GetTables\./);
		expect(error.hint).toContain('glue:GetTables');
	});

	it('lists workgroups page by page', async () => {
		athenaMock.on(ListWorkGroupsCommand).resolvesOnce({WorkGroups: [{Name: 'primary'}], NextToken: 'n'}).resolvesOnce({WorkGroups: [{Name: 'analysts'}, {}]});
		expect(await service().listWorkGroups()).toEqual(['primary', 'analysts']);
	});
});
