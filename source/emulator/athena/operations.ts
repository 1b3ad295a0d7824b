// Athena's query API (awsJson1_1, AmazonAthena.*): StartQueryExecution, GetQueryExecution,
// GetQueryResults, StopQueryExecution and ListWorkGroups, with the service's errors.
import {ApiError} from '../errors.js';
import {text} from '../json-input.js';
import type {RequestContext} from '../request-context.js';
import {openToken, sealToken} from '../tokens.js';
import type {Archive} from './archive.js';
import {runCreateTable} from './create-table.js';
import {isCreateExternalTable} from '../glue/ddl.js';
import type {Execution, ExecutionRequest} from './executions.js';
import {parseLiteral, type Literal} from './literals.js';
import {schemaNotFound, userError} from './query-errors.js';
import {columnInfo} from './results.js';
import {runSelect} from './statement.js';
import {namePattern} from './views.js';
import {describeExecution, workGroup, workGroupSummaries} from './workgroups.js';

const invalid = (message: string): ApiError => new ApiError('InvalidRequestException', message, 400, {AthenaErrorCode: 'INVALID_INPUT'});

function object(input: Record<string, unknown>, key: string): Record<string, unknown> {
	const value = input[key];
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function parameters(input: Record<string, unknown>): {raw: string[] | undefined; values: Literal[]} {
	const raw = input['ExecutionParameters'];
	if (raw === undefined || raw === null) {
		return {raw: undefined, values: []};
	}

	if (!Array.isArray(raw) || raw.some(item => typeof item !== 'string')) {
		throw new ApiError('SerializationException', 'ExecutionParameters must be a list of strings');
	}

	const values = (raw as string[]).map((item, index) => {
		const value = parseLiteral(item);
		if (value === undefined) {
			throw invalid(`ExecutionParameters[${index}] is not a literal: pass a string as 'text' (quotes doubled), a number, true or false`);
		}

		return value;
	});
	return {raw: raw as string[], values};
}

export async function startQueryExecution(context: RequestContext, input: Record<string, unknown>, archive: Archive): Promise<Record<string, unknown>> {
	const sql = text(input, 'QueryString');
	if (sql === undefined || sql.trim() === '' || sql.length > 262_144) {
		throw invalid('QueryString must be between 1 and 262144 characters');
	}

	const groupName = text(input, 'WorkGroup') ?? 'primary';
	const group = workGroup(groupName);
	if (!group) {
		throw invalid(`WorkGroup ${groupName} is not found.`);
	}

	const outputLocation = text(object(input, 'ResultConfiguration'), 'OutputLocation');
	if (outputLocation !== undefined && !/^s3:\/\/[^/]+/.test(outputLocation)) {
		throw invalid(`outputLocation is not a valid S3 path: ${outputLocation}`);
	}

	if (!group.managedResults && outputLocation === undefined) {
		throw invalid('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
	}

	const {raw, values} = parameters(input);
	const queryContext = object(input, 'QueryExecutionContext');
	const database = (text(queryContext, 'Database') ?? 'default').toLowerCase();
	const catalog = text(queryContext, 'Catalog') ?? 'AwsDataCatalog';
	const engine = await archive.open();
	if (engine instanceof Error) {
		throw new ApiError('InternalServerException', engine.message, 500);
	}

	const ddl = isCreateExternalTable(sql);
	const request: ExecutionRequest = {
		account: context.principal.accountId,
		region: context.region,
		sql,
		parameters: raw,
		workgroup: group.name,
		database,
		catalog,
		outputLocation,
		statementType: ddl ? 'DDL' : 'DML',
		substatementType: ddl ? 'CREATE_TABLE' : 'SELECT',
	};
	const execution = archive.executions.start(request, async (running: Execution) => {
		if (catalog.toLowerCase() !== 'awsdatacatalog') {
			throw userError('CATALOG_NOT_FOUND', sql, undefined, `Catalog '${catalog}' does not exist`);
		}

		if (ddl) {
			return runCreateTable({...request, createdBy: context.principal.arn, now: context.now}, archive.glue);
		}

		if (!namePattern.test(database)) {
			throw schemaNotFound(sql, undefined, `awsdatacatalog.${database}`);
		}

		return runSelect(
			{
				...request,
				parameters: values,
				onConnection(connection) {
					running.connection = connection;
				},
				onScanned(bytes) {
					running.scannedBytes = bytes;
				},
			},
			engine,
			archive.glue,
		);
	}, text(input, 'ClientRequestToken'));
	return {QueryExecutionId: execution.id};
}

export function getQueryExecution(context: RequestContext, input: Record<string, unknown>, archive: Archive): Record<string, unknown> {
	const execution = archive.executions.get(context.principal.accountId, context.region, input['QueryExecutionId']);
	return {QueryExecution: describeExecution(execution)};
}

export function stopQueryExecution(context: RequestContext, input: Record<string, unknown>, archive: Archive): Record<string, unknown> {
	archive.executions.stop(archive.executions.get(context.principal.accountId, context.region, input['QueryExecutionId']));
	return {};
}

export function getQueryResults(context: RequestContext, input: Record<string, unknown>, archive: Archive): Record<string, unknown> {
	const execution = archive.executions.get(context.principal.accountId, context.region, input['QueryExecutionId']);
	if (execution.state === 'FAILED') {
		throw invalid(execution.failure?.reason ?? 'Query failed');
	}

	if (execution.state === 'CANCELLED') {
		throw invalid('Query has been cancelled');
	}

	if (!execution.result) {
		throw invalid(`Query has not yet finished. Current state: ${execution.state}`);
	}

	const size = input['MaxResults'] ?? 1000;
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 1000) {
		throw invalid(`1 validation error detected: Value '${String(size)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`);
	}

	const {columns, rows} = execution.result;
	// A SELECT's first row is its header; it counts against MaxResults like any other row.
	const all = columns.length === 0 ? [] : [columns.map(column => column.name), ...rows];
	const binding = `GetQueryResults/${execution.id}`;
	let start = 0;
	const token = input['NextToken'];
	if (token !== undefined && token !== null) {
		const position = typeof token === 'string' ? openToken(token, binding) : undefined;
		if (typeof position?.['offset'] !== 'number') {
			throw invalid('The NextToken is not valid for this query.');
		}

		start = position['offset'];
	}

	const next = start + size;
	return {
		UpdateCount: 0,
		ResultSet: {
			Rows: all.slice(start, next).map(row => ({Data: row.map(value => (value === undefined ? {} : {VarCharValue: value}))})),
			ResultSetMetadata: {ColumnInfo: columnInfo(columns)},
		},
		...(next < all.length ? {NextToken: sealToken({offset: next}, binding)} : {}),
	};
}

export function listWorkGroups(_context: RequestContext, input: Record<string, unknown>): Record<string, unknown> {
	const size = input['MaxResults'] ?? 50;
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 50) {
		throw invalid(`1 validation error detected: Value '${String(size)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50`);
	}

	const groups = workGroupSummaries();
	const binding = 'ListWorkGroups';
	const token = input['NextToken'];
	const start = typeof token === 'string' ? Number(openToken(token, binding)?.['offset'] ?? Number.NaN) : 0;
	if (!Number.isInteger(start)) {
		throw invalid('The NextToken is not valid.');
	}

	const next = start + size;
	return {WorkGroups: groups.slice(start, next), ...(next < groups.length ? {NextToken: sealToken({offset: next}, binding)} : {})};
}
