// One Athena query from start to its last page (the life polled-query.ts runs): StartQueryExecution,
// GetQueryExecution with back-off until it ends, then GetQueryResults page by page; aborting sends
// StopQueryExecution.
import {
	type AthenaClient,
	GetQueryExecutionCommand,
	GetQueryResultsCommand,
	type ResultSet,
	StartQueryExecutionCommand,
	StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type {ArchiveQueryState, ArchiveRow, ArchiveRunOptions, CompiledQuery} from '../../domain/archive/types.js';
import {runPolledQuery, type PollTiming} from '../polled-query.js';
import {failedQueryError, toArchiveError, type ArchiveErrorContext} from './errors.js';

export type {PollTiming} from '../polled-query.js';

export type RunContext = {athena: AthenaClient; catalog?: string; errorContext: ArchiveErrorContext; timing?: PollTiming};

const states = new Set<string>(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);

export function runArchiveQuery(context: RunContext, query: CompiledQuery, options: ArchiveRunOptions): AsyncGenerator<ArchiveRow[], void, undefined> {
	const {athena} = context;
	const errorContext = {...context.errorContext, workgroup: options.workgroup, database: options.database};
	return runPolledQuery({
		engine: 'Athena',
		operations: {start: 'athena:StartQueryExecution', poll: 'athena:GetQueryExecution', results: 'athena:GetQueryResults'},
		async start(signal) {
			const started = await athena.send(
				new StartQueryExecutionCommand({
					QueryString: query.sql,
					...(query.parameters.length > 0 ? {ExecutionParameters: query.parameters} : {}),
					QueryExecutionContext: {Catalog: context.catalog ?? 'AwsDataCatalog', Database: options.database},
					WorkGroup: options.workgroup,
					...(options.outputLocation ? {ResultConfiguration: {OutputLocation: options.outputLocation}} : {}),
				}),
				{abortSignal: signal},
			);
			return started.QueryExecutionId;
		},
		async poll(queryId, signal) {
			const {QueryExecution: execution} = await athena.send(new GetQueryExecutionCommand({QueryExecutionId: queryId}), {abortSignal: signal});
			const status = execution?.Status;
			const state = states.has(status?.State ?? '') ? (status!.State as ArchiveQueryState) : 'QUEUED';
			return {
				state,
				scannedBytes: execution?.Statistics?.DataScannedInBytes ?? 0,
				failure: () => failedQueryError(status?.AthenaError?.ErrorMessage ?? status?.StateChangeReason, status?.AthenaError?.ErrorCategory, errorContext),
			};
		},
		async *results(queryId, signal) {
			let token: string | undefined;
			let header: string[] | undefined;
			do {
				const page = await athena.send(new GetQueryResultsCommand({QueryExecutionId: queryId, ...(token ? {NextToken: token} : {}), ...(options.pageSize ? {MaxResults: options.pageSize} : {})}), {
					abortSignal: signal,
				});
				const {rows, names} = readPage(page.ResultSet, header);
				header = names;
				yield rows;
				// A token that repeats would page forever.
				token = page.NextToken === token ? undefined : page.NextToken;
			} while (token);
		},
		stop: queryId => athena.send(new StopQueryExecutionCommand({QueryExecutionId: queryId})),
		fail: (error, operation) => toArchiveError(error, {...errorContext, operation}),
		timing: context.timing,
		signal: options.signal,
		onProgress: options.onProgress,
	});
}

/**
 * A page's rows keyed by column name. For a SELECT the first row of the first page repeats the
 * column names (Athena's header), and is dropped; a statement without one (DDL) keeps its rows.
 * A value without VarCharValue is SQL NULL.
 */
function readPage(resultSet: ResultSet | undefined, known: string[] | undefined): {rows: ArchiveRow[]; names: string[]} {
	let names = known ?? (resultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((column, index) => column.Name ?? column.Label ?? `_col${index}`);
	let rows = resultSet?.Rows ?? [];
	if (known === undefined && rows.length > 0) {
		const first = (rows[0]!.Data ?? []).map((datum, index) => datum.VarCharValue ?? `_col${index}`);
		if (names.length === 0 || (first.length === names.length && first.every((value, index) => value === names[index]))) {
			names = names.length === 0 ? first : names;
			rows = rows.slice(1);
		}
	}

	return {
		names,
		rows: rows.map(row => {
			const values = row.Data ?? [];
			// fromEntries: a column named __proto__ stays a column.
			return Object.fromEntries(names.map((name, index) => [name, values[index]?.VarCharValue ?? undefined])) as ArchiveRow;
		}),
	};
}
