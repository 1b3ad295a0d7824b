import {
	CancelQueryCommand,
	CloudTrailClient,
	DescribeQueryCommand,
	type DescribeQueryCommandOutput,
	GetQueryResultsCommand,
	ListEventDataStoresCommand,
	StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import {mockClient} from 'aws-sdk-client-mock';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {ArchiveProgress, ArchiveRow} from '../../source/domain/archive/types.js';
import {TrailviewError} from '../../source/domain/types.js';
import {createLakeService} from '../../source/services/lake/service.js';

const cloudTrailMock = mockClient(CloudTrailClient);
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY1';
const sessionToken = 'IQoJb3JpZ2luX2VjSESSIONTOKENEXAMPLE0123456789abcdefghij';
const statement = "SELECT eventid FROM eds-1 WHERE eventname = from_utf8(from_hex('6A6F6865')) LIMIT 10";

let sleeps: number[];
let clock: number;

function service(sleep?: (ms: number) => Promise<void>) {
	return createLakeService({
		cloudTrail: new CloudTrailClient({region: 'eu-west-1', credentials: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret, sessionToken}}),
		region: 'eu-west-1',
		timing: {
			now: () => clock,
			async sleep(ms) {
				sleeps.push(ms);
				clock += ms;
				await sleep?.(ms);
			},
		},
	});
}

const described = (QueryStatus: string, bytes = 0, extra: Record<string, unknown> = {}): DescribeQueryCommandOutput =>
	({QueryId: 'q-1', QueryStatus, QueryStatistics: {BytesScanned: bytes, EventsMatched: 0, EventsScanned: 0}, ...extra, $metadata: {}}) as DescribeQueryCommandOutput;
const named = (name: string, message: string) => Object.assign(new Error(message), {name});

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
	cloudTrailMock.reset();
	sleeps = [];
	clock = 1000;
	cloudTrailMock.on(StartQueryCommand).resolves({QueryId: 'q-1'});
	cloudTrailMock.on(CancelQueryCommand).resolves({QueryId: 'q-1', QueryStatus: 'CANCELLED'});
});

afterEach(() => {
	cloudTrailMock.reset();
});

describe('LakeService.runQuery', () => {
	it('starts the statement as it is, polls with back-off and reports each poll in the archive\'s words', async () => {
		cloudTrailMock
			.on(DescribeQueryCommand)
			.resolvesOnce(described('QUEUED'))
			.resolvesOnce(described('RUNNING', 1000))
			.resolvesOnce(described('RUNNING', 5000))
			.resolves(described('FINISHED', 12_000));
		cloudTrailMock.on(GetQueryResultsCommand).resolves({QueryStatus: 'FINISHED', QueryResultRows: []});
		const progress: ArchiveProgress[] = [];
		await collect(service().runQuery(statement, {onProgress: update => progress.push(update)}));
		expect(cloudTrailMock.commandCalls(StartQueryCommand)[0]!.args[0].input).toEqual({QueryStatement: statement});
		expect(cloudTrailMock.commandCalls(DescribeQueryCommand)[0]!.args[0].input).toEqual({QueryId: 'q-1'});
		expect(sleeps).toEqual([200, 300, 450]);
		expect(progress.map(update => update.state)).toEqual(['QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
		expect(progress[2]).toEqual({queryId: 'q-1', state: 'RUNNING', elapsedMs: 500, scannedBytes: 5000});
		expect(progress.at(-1)?.scannedBytes).toBe(12_000);
	});

	it('yields each result page with its cells flattened into a row, NULL and missing values as undefined', async () => {
		cloudTrailMock.on(DescribeQueryCommand).resolves(described('FINISHED'));
		cloudTrailMock
			.on(GetQueryResultsCommand)
			.resolvesOnce({QueryStatus: 'FINISHED', QueryResultRows: [[{eventid: 'e1'}, {eventname: 'PutObject'}, {errorcode: null as unknown as string}], [{eventid: 'e2'}, {['__proto__']: 'x'}]], NextToken: 't1'})
			.resolvesOnce({QueryStatus: 'FINISHED', QueryResultRows: [[{eventid: 'e3'}, {}]]});
		const pages = await collect(service().runQuery(statement, {pageSize: 500}));
		expect(pages[0]).toEqual([{eventid: 'e1', eventname: 'PutObject', errorcode: undefined}, JSON.parse('{"eventid":"e2","__proto__":"x"}')]);
		expect(pages[1]).toEqual([{eventid: 'e3'}]);
		expect(Object.getPrototypeOf(pages[0]![1])).toBe(Object.prototype);
		expect(cloudTrailMock.commandCalls(GetQueryResultsCommand).map(call => call.args[0].input)).toEqual([
			{QueryId: 'q-1', MaxQueryResults: 500},
			{QueryId: 'q-1', NextToken: 't1', MaxQueryResults: 500},
		]);
		expect(cloudTrailMock.commandCalls(CancelQueryCommand)).toHaveLength(0);
	});

	it('cancels the query with CancelQuery when aborted while it runs, and ends quietly', async () => {
		const controller = new AbortController();
		cloudTrailMock.on(DescribeQueryCommand).resolves(described('RUNNING', 100));
		const pages = await collect(
			service(async () => {
				if (sleeps.length === 2) {
					controller.abort();
				}
			}).runQuery(statement, {signal: controller.signal}),
		);
		expect(pages).toEqual([]);
		expect(cloudTrailMock.commandCalls(CancelQueryCommand).map(call => call.args[0].input)).toEqual([{QueryId: 'q-1'}]);
		expect(cloudTrailMock.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
	});

	it('ends quietly when the query ended before the cancel arrived (InactiveQueryException)', async () => {
		const controller = new AbortController();
		cloudTrailMock.on(DescribeQueryCommand).resolves(described('RUNNING'));
		cloudTrailMock.on(CancelQueryCommand).rejects(named('InactiveQueryException', 'The query is already finished.'));
		await expect(collect(service().runQuery(statement, {signal: controller.signal, onProgress: () => controller.abort()}))).resolves.toEqual([]);
		expect(cloudTrailMock.commandCalls(CancelQueryCommand)).toHaveLength(1);
	});

	it('does not cancel a query that already finished when the reader aborts while paging', async () => {
		const controller = new AbortController();
		cloudTrailMock.on(DescribeQueryCommand).resolves(described('FINISHED'));
		cloudTrailMock.on(GetQueryResultsCommand).resolves({QueryStatus: 'FINISHED', QueryResultRows: [[{eventid: 'e1'}]], NextToken: 'more'});
		const pages: ArchiveRow[][] = [];
		for await (const page of service().runQuery(statement, {signal: controller.signal})) {
			pages.push(page);
			controller.abort();
		}

		expect(pages).toEqual([[{eventid: 'e1'}]]);
		expect(cloudTrailMock.commandCalls(CancelQueryCommand)).toHaveLength(0);
	});

	it('reports a FAILED or TIMED_OUT query with Lake\'s reason, redacted', async () => {
		cloudTrailMock.on(DescribeQueryCommand).resolves(described('FAILED', 0, {ErrorMessage: 'Query failed: column foo cannot be resolved (key AKIAIOSFODNN7EXAMPLE)'}));
		const failed = await failure(collect(service().runQuery(statement, {})));
		expect(failed.message).toBe('The CloudTrail Lake query failed. Query failed: column foo cannot be resolved (key AKIA…MPLE).');
		cloudTrailMock.on(DescribeQueryCommand).resolves(described('TIMED_OUT'));
		const progress: ArchiveProgress[] = [];
		const timedOut = await failure(collect(service().runQuery(statement, {onProgress: update => progress.push(update)})));
		expect(progress.map(update => update.state)).toEqual(['FAILED']);
		expect(timedOut.message).toMatch(/ran out of time\. CloudTrail Lake gave no reason\./);
		expect(timedOut.hint).toMatch(/shorter window/);
		expect(cloudTrailMock.commandCalls(CancelQueryCommand)).toHaveLength(0);
	});

	it('says so when someone else cancels the query', async () => {
		cloudTrailMock.on(DescribeQueryCommand).resolves(described('CANCELLED'));
		const error = await failure(collect(service().runQuery(statement, {})));
		expect(error.message).toMatch(/CloudTrail Lake query was stopped outside trailview/);
	});

	it.each([
		['EventDataStoreNotFoundException', 'invalid-input', /does not exist in eu-west-1/, /--lake-store/],
		['InactiveEventDataStoreException', 'invalid-input', /not active/, /Start its ingestion/],
		['MaxConcurrentQueriesException', 'throttled', /as many queries .* at once/, /Wait for a running query to finish, or cancel one/],
		['InvalidQueryStatementException', 'invalid-input', /refused the query/, /trailview bug/],
	])('explains %s from StartQuery with the fix', async (name, kind, message, hint) => {
		cloudTrailMock.on(StartQueryCommand).rejects(named(name, `details with ${secret}`));
		const error = await failure(collect(service().runQuery(statement, {})));
		expect([error.kind, error.code]).toEqual([kind, name]);
		expect(error.message).toMatch(message);
		expect(error.hint).toMatch(hint);
	});

	it('names every permission Lake needs when access is denied', async () => {
		cloudTrailMock.on(StartQueryCommand).rejects(named('AccessDeniedException', `User: arn:aws:iam::1:user/x is not authorized to perform: cloudtrail:StartQuery (token ${sessionToken})`));
		const error = await failure(collect(service().runQuery(statement, {})));
		expect(error.kind).toBe('access-denied');
		expect(error.message).toMatch(/^Access denied to cloudtrail:StartQuery\./);
		for (const action of ['cloudtrail:StartQuery', 'cloudtrail:DescribeQuery', 'cloudtrail:GetQueryResults', 'cloudtrail:ListEventDataStores']) {
			expect(error.hint).toContain(action);
		}
	});

	it('cancels a running query whose polling fails, and reports the failure', async () => {
		cloudTrailMock.on(DescribeQueryCommand).rejectsOnce(named('QueryIdNotFoundException', 'no such query'));
		const error = await failure(collect(service().runQuery(statement, {})));
		expect(error.message).toMatch(/no longer knows the query/);
		expect(error.hint).toMatch(/again/);
		expect(cloudTrailMock.commandCalls(CancelQueryCommand)).toHaveLength(1);
	});
});

describe('LakeService.listEventDataStores', () => {
	it('reads every page and says which stores hold CloudTrail events', async () => {
		const arn = (id: string) => `arn:aws:cloudtrail:eu-west-1:111111111111:eventdatastore/${id}`;
		const selector = (...categories: string[]) => [{Name: 's', FieldSelectors: [{Field: 'eventCategory', Equals: categories}]}];
		cloudTrailMock
			.on(ListEventDataStoresCommand)
			.resolvesOnce({
				EventDataStores: [
					{EventDataStoreArn: arn('eds-org'), Name: 'org', Status: 'ENABLED', OrganizationEnabled: true, MultiRegionEnabled: true, RetentionPeriod: 2557, AdvancedEventSelectors: selector('Management')},
					{EventDataStoreArn: arn('eds-config'), Name: 'config', Status: 'ENABLED', AdvancedEventSelectors: selector('ConfigurationItem')},
				],
				NextToken: 'n1',
			})
			.resolvesOnce({
				EventDataStores: [
					{EventDataStoreArn: arn('eds-data'), Name: 'data', Status: 'STOPPED_INGESTION', AdvancedEventSelectors: selector('Data')},
					{EventDataStoreArn: arn('eds-plain'), Status: 'CREATED'},
					{Name: 'no arn'},
				],
			});
		const stores = await service().listEventDataStores();
		expect(stores).toEqual([
			{arn: arn('eds-org'), id: 'eds-org', name: 'org', status: 'ENABLED', organization: true, multiRegion: true, retentionDays: 2557, cloudTrailEvents: true},
			{arn: arn('eds-config'), id: 'eds-config', name: 'config', status: 'ENABLED', organization: false, multiRegion: false, retentionDays: undefined, cloudTrailEvents: false},
			{arn: arn('eds-data'), id: 'eds-data', name: 'data', status: 'STOPPED_INGESTION', organization: false, multiRegion: false, retentionDays: undefined, cloudTrailEvents: true},
			{arn: arn('eds-plain'), id: 'eds-plain', name: 'eds-plain', status: 'CREATED', organization: false, multiRegion: false, retentionDays: undefined, cloudTrailEvents: true},
		]);
		expect(cloudTrailMock.commandCalls(ListEventDataStoresCommand).map(call => call.args[0].input)).toEqual([{}, {NextToken: 'n1'}]);
	});

	it('names the permission when listing is denied', async () => {
		cloudTrailMock.on(ListEventDataStoresCommand).rejects(named('AccessDeniedException', 'not authorized'));
		const error = await failure(service().listEventDataStores());
		expect(error.message).toMatch(/^Access denied to cloudtrail:ListEventDataStores\./);
		expect(error.hint).toContain('cloudtrail:ListEventDataStores');
	});
});
