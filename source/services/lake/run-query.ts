// One CloudTrail Lake query from start to its last page (the life polled-query.ts runs): StartQuery,
// DescribeQuery with back-off until it ends (each poll reported in Athena's words, so the pane and
// a script's stderr read alike), then GetQueryResults page by page; aborting sends CancelQuery.
import {CancelQueryCommand, type CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, StartQueryCommand} from '@aws-sdk/client-cloudtrail';
import type {ArchiveQueryState, ArchiveRow, LakeRunOptions} from '../../domain/archive/types.js';
import {runPolledQuery, type PollTiming} from '../polled-query.js';
import {failedLakeQueryError, toLakeError, type LakeErrorContext} from './errors.js';

export type LakeRunContext = {cloudTrail: CloudTrailClient; errorContext: LakeErrorContext; timing?: PollTiming};

/** Lake's states as the archive's progress names them: FINISHED is SUCCEEDED, TIMED_OUT is FAILED. */
const progressStates: Readonly<Record<string, ArchiveQueryState>> = {
	QUEUED: 'QUEUED',
	RUNNING: 'RUNNING',
	FINISHED: 'SUCCEEDED',
	FAILED: 'FAILED',
	TIMED_OUT: 'FAILED',
	CANCELLED: 'CANCELLED',
};

export function runLakeQuery(context: LakeRunContext, statement: string, options: LakeRunOptions): AsyncGenerator<ArchiveRow[], void, undefined> {
	const {cloudTrail, errorContext} = context;
	return runPolledQuery({
		engine: 'CloudTrail Lake',
		operations: {start: 'cloudtrail:StartQuery', poll: 'cloudtrail:DescribeQuery', results: 'cloudtrail:GetQueryResults'},
		async start(signal) {
			return (await cloudTrail.send(new StartQueryCommand({QueryStatement: statement}), {abortSignal: signal})).QueryId;
		},
		async poll(queryId, signal) {
			const described = await cloudTrail.send(new DescribeQueryCommand({QueryId: queryId}), {abortSignal: signal});
			const status = described.QueryStatus ?? 'QUEUED';
			return {
				state: progressStates[status] ?? 'QUEUED',
				scannedBytes: described.QueryStatistics?.BytesScanned ?? 0,
				failure: () => failedLakeQueryError(status === 'TIMED_OUT' ? 'TIMED_OUT' : 'FAILED', described.ErrorMessage),
			};
		},
		async *results(queryId, signal) {
			let token: string | undefined;
			do {
				const page = await cloudTrail.send(
					new GetQueryResultsCommand({QueryId: queryId, ...(token ? {NextToken: token} : {}), ...(options.pageSize ? {MaxQueryResults: options.pageSize} : {})}),
					{abortSignal: signal},
				);
				if (page.QueryStatus === 'FAILED' || page.QueryStatus === 'TIMED_OUT') {
					throw failedLakeQueryError(page.QueryStatus, page.ErrorMessage);
				}

				yield (page.QueryResultRows ?? []).map(row => flatten(row));
				// A token that repeats would page forever.
				token = page.NextToken === token ? undefined : page.NextToken;
			} while (token);
		},
		// InactiveQueryException (it ended meanwhile) is ignored with every other failure of the stop.
		stop: queryId => cloudTrail.send(new CancelQueryCommand({QueryId: queryId})),
		fail: (error, operation) => toLakeError(error, {...errorContext, operation}),
		timing: context.timing,
		signal: options.signal,
		onProgress: options.onProgress,
	});
}

/** A result row: one single-key object per selected column, in select order; NULL is undefined. */
function flatten(row: ReadonlyArray<Record<string, string> | undefined>): ArchiveRow {
	// fromEntries: a column named __proto__ stays a column.
	return Object.fromEntries(
		row.flatMap(cell => Object.entries(cell ?? {}).map(([name, value]): [string, string | undefined] => [name, typeof value === 'string' ? value : undefined])),
	) as ArchiveRow;
}
