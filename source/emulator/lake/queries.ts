// CloudTrail Lake's query API on CloudTrail's endpoint: StartQuery, DescribeQuery, GetQueryResults
// and CancelQuery, with the service's errors. Statuses are Lake's (FINISHED where Athena says
// SUCCEEDED). In GetQueryResults a row is one single-key object per selected column, in select
// order, and a NULL keeps its place as {"column": null}: the column stays visible and a reader by
// position or by name finds what it looks for (the SDK hands the null through).
import {performance} from 'node:perf_hooks';
import {ApiError} from '../errors.js';
import {text} from '../json-input.js';
import type {Archive} from '../athena/archive.js';
import type {Execution, QueryState} from '../athena/executions.js';
import type {RequestContext} from '../request-context.js';
import {openToken, sealToken} from '../tokens.js';
import type {LakeRequest} from './executions.js';
import {checkStatement, invalidStatement, runStatement} from './statement.js';
import {findStore, storeNotFound} from './stores.js';

type Input = Record<string, unknown>;
type LakeExecution = Execution<LakeRequest>;

/** Lake's name for each state. */
const statusOf: Record<QueryState, string> = {QUEUED: 'QUEUED', RUNNING: 'RUNNING', SUCCEEDED: 'FINISHED', FAILED: 'FAILED', CANCELLED: 'CANCELLED'};

/** The longest statement StartQuery takes (the API's QueryStatement constraint). */
const maxStatement = 10_000;

const invalidParameter = (message: string): ApiError => new ApiError('InvalidParameterException', message);

/** The optional EventDataStore parameter, checked against the caller's stores. */
function checkStore(context: RequestContext, input: Input): void {
	const name = text(input, 'EventDataStore');
	if (name !== undefined && !findStore(context.principal.accountId, context.region, name)) {
		throw storeNotFound(name);
	}
}

function execution(context: RequestContext, input: Input, archive: Archive): LakeExecution {
	checkStore(context, input);
	const id = text(input, 'QueryId');
	if (id === undefined) {
		throw invalidParameter('QueryId is required.');
	}

	return archive.lake.get(context.principal.accountId, context.region, id);
}

export async function startQuery(context: RequestContext, input: Input, archive: Archive): Promise<Input> {
	const sql = text(input, 'QueryStatement');
	if (sql === undefined) {
		throw invalidParameter('QueryStatement is required unless you specify a QueryAlias.');
	}

	if (sql.trim() === '' || sql.length > maxStatement) {
		throw invalidStatement(`The query statement must be between 1 and ${maxStatement} characters.`);
	}

	if (input['QueryParameters'] !== undefined && input['QueryAlias'] === undefined) {
		throw invalidParameter('QueryParameters are only supported with a QueryAlias.');
	}

	const engine = await archive.open();
	if (engine instanceof Error) {
		// As Athena's endpoint answers without DuckDB: the archive behind both is missing.
		throw new ApiError('InternalServerException', engine.message, 500);
	}

	const account = context.principal.accountId;
	const checked = await checkStatement(engine, account, context.region, sql);
	const started = archive.lake.start({account, region: context.region, sql, checked, scanned: {bytes: 0, events: 0}}, async running =>
		runStatement(engine, checked, {
			onConnection(connection) {
				running.connection = connection;
			},
			onScanned(scanned) {
				running.scanned = scanned;
				running.scannedBytes = scanned.bytes;
			},
		}),
	);
	return {QueryId: started.id};
}

const seconds = (date: Date): number => date.getTime() / 1000;

export function describeQuery(context: RequestContext, input: Input, archive: Archive): Input {
	const query = execution(context, input, archive);
	const now = performance.now();
	const runMs = query.runningMs === undefined ? 0 : Math.round((query.doneMs ?? now) - query.runningMs);
	return {
		QueryId: query.id,
		QueryString: query.sql,
		QueryStatus: statusOf[query.state],
		QueryStatistics: {
			// Events the statement's rows came from are not told apart from the rows here: a
			// plain SELECT matches as many events as it returns rows.
			EventsMatched: query.result?.rows.length ?? 0,
			EventsScanned: query.scanned.events,
			BytesScanned: query.scanned.bytes,
			ExecutionTimeInMillis: runMs,
			CreationTime: seconds(query.submitted),
		},
		...(query.failure ? {ErrorMessage: query.failure.reason} : {}),
	};
}

export function getQueryResults(context: RequestContext, input: Input, archive: Archive): Input {
	const query = execution(context, input, archive);
	const size = input['MaxQueryResults'] ?? 1000;
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 1000) {
		throw new ApiError('InvalidMaxResultsException', 'Maximum number of query results is not valid. Specify a number from 1 to 1000.');
	}

	const binding = `GetQueryResults/${query.id}`;
	let start = 0;
	const token = input['NextToken'];
	if (token !== undefined && token !== null) {
		const position = typeof token === 'string' ? openToken(token, binding) : undefined;
		if (typeof position?.['offset'] !== 'number') {
			throw new ApiError('InvalidNextTokenException', 'A token that is not valid, or a token that was previously used in a request with different parameters.');
		}

		start = position['offset'];
	}

	const status = statusOf[query.state];
	const rows = query.result?.rows ?? [];
	const columns = query.result?.columns ?? [];
	const page = rows.slice(start, start + size);
	const next = start + size;
	return {
		QueryStatus: status,
		QueryStatistics: {ResultsCount: page.length, TotalResultsCount: rows.length, BytesScanned: query.scanned.bytes},
		// Before FINISHED (and after FAILED or CANCELLED) there are no rows, only the status.
		QueryResultRows: page.map(row => row.map((value, index) => ({[columns[index]?.name ?? `_col${index}`]: value ?? null}))),
		...(next < rows.length ? {NextToken: sealToken({offset: next}, binding)} : {}),
		...(query.failure ? {ErrorMessage: query.failure.reason} : {}),
	};
}

export function cancelQuery(context: RequestContext, input: Input, archive: Archive): Input {
	const query = execution(context, input, archive);
	if (query.state !== 'QUEUED' && query.state !== 'RUNNING') {
		throw new ApiError('InactiveQueryException', `The query ${query.id} is not running: its status is ${statusOf[query.state]}.`);
	}

	archive.lake.stop(query);
	return {QueryId: query.id, QueryStatus: statusOf[query.state]};
}
