// One Athena query from start to its last page: StartQueryExecution, GetQueryExecution with back-off
// until it ends (each poll reported), then GetQueryResults page by page. Aborting stops the query
// with StopQueryExecution, so it scans (and costs) nothing more, and ends the iteration quietly.
import {
	type AthenaClient,
	GetQueryExecutionCommand,
	GetQueryResultsCommand,
	type ResultSet,
	StartQueryExecutionCommand,
	StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import type {ArchiveQueryState, ArchiveRow, ArchiveRunOptions, CompiledQuery} from '../../domain/archive/types.js';
import {TrailviewError} from '../../domain/types.js';
import {failedQueryError, toArchiveError, type ArchiveErrorContext} from './errors.js';

export type PollTiming = {
	/** The first wait between polls; each next one is 1.5 times longer, up to `capMs`. */
	firstMs?: number;
	capMs?: number;
	now?: () => number;
	/** Resolves after `ms`, or as soon as `signal` aborts. */
	sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
};

export type RunContext = {athena: AthenaClient; catalog?: string; errorContext: ArchiveErrorContext; timing?: PollTiming};

const states = new Set<string>(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);

export async function* runArchiveQuery(context: RunContext, query: CompiledQuery, options: ArchiveRunOptions): AsyncGenerator<ArchiveRow[], void, undefined> {
	const {athena} = context;
	const {signal} = options;
	const errorContext = {...context.errorContext, workgroup: options.workgroup, database: options.database};
	const fail = (error: unknown, operation: string) => toArchiveError(error, {...errorContext, operation});
	const now = context.timing?.now ?? Date.now;
	const sleep = context.timing?.sleep ?? abortableSleep;
	if (signal?.aborted) {
		return;
	}

	let queryId: string | undefined;
	try {
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
		queryId = started.QueryExecutionId;
	} catch (error) {
		if (signal?.aborted) {
			return;
		}

		throw fail(error, 'athena:StartQueryExecution');
	}

	if (!queryId) {
		throw new TrailviewError('service', 'Athena started the query but sent no query id.', {hint: 'Try again; check the endpoint URL if this repeats.'});
	}

	const startedAt = now();
	let finished = false;
	let operation = 'athena:GetQueryExecution';
	try {
		for (let wait = context.timing?.firstMs ?? 200; ; wait = Math.min(context.timing?.capMs ?? 2000, Math.round(wait * 1.5))) {
			if (signal?.aborted) {
				return;
			}

			const {QueryExecution: execution} = await athena.send(new GetQueryExecutionCommand({QueryExecutionId: queryId}), {abortSignal: signal});
			const status = execution?.Status;
			const state = states.has(status?.State ?? '') ? (status!.State as ArchiveQueryState) : 'QUEUED';
			options.onProgress?.({queryId, state, elapsedMs: now() - startedAt, scannedBytes: execution?.Statistics?.DataScannedInBytes ?? 0});
			if (state === 'SUCCEEDED') {
				break;
			}

			if (state === 'FAILED' || state === 'CANCELLED') {
				finished = true;
				if (state === 'CANCELLED') {
					// 'service', not 'cancelled': nobody here asked for it, so the screen must say so.
					throw new TrailviewError('service', 'The Athena query was stopped outside trailview (in the console or by another tool).', {hint: 'Run the query again.', code: 'QueryCancelled'});
				}

				throw failedQueryError(status?.AthenaError?.ErrorMessage ?? status?.StateChangeReason, status?.AthenaError?.ErrorCategory, errorContext);
			}

			await sleep(wait, signal);
		}

		finished = true;
		operation = 'athena:GetQueryResults';
		let token: string | undefined;
		let header: string[] | undefined;
		do {
			const page = await athena.send(new GetQueryResultsCommand({QueryExecutionId: queryId, ...(token ? {NextToken: token} : {}), ...(options.pageSize ? {MaxResults: options.pageSize} : {})}), {
				abortSignal: signal,
			});
			const {rows, names} = readPage(page.ResultSet, header);
			header = names;
			if (signal?.aborted) {
				return;
			}

			yield rows;
			// A token that repeats would page forever.
			token = page.NextToken === token ? undefined : page.NextToken;
		} while (token);
	} catch (error) {
		if (signal?.aborted) {
			return;
		}

		throw fail(error, operation);
	} finally {
		if (!finished) {
			// Stopped, aborted or failed while it runs, it would scan (and cost) on for nothing. Not
			// with the aborted signal, which would cancel the stop itself; a stop that fails changes
			// nothing for the person who pressed Esc, so it is not reported.
			await athena.send(new StopQueryExecutionCommand({QueryExecutionId: queryId})).catch(() => undefined);
		}
	}
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

export async function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (signal?.aborted) {
		return;
	}

	await new Promise<void>(resolve => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}

		signal?.addEventListener('abort', done, {once: true});
	});
}
