// One CloudTrail Lake query from start to its last page, as archive/run-query.ts runs Athena's:
// StartQuery, DescribeQuery with back-off until it ends (each poll reported in Athena's words, so
// the pane and a script's stderr read alike), then GetQueryResults page by page. Aborting cancels
// the query with CancelQuery, so it scans (and bills) nothing more, and ends the iteration quietly.
import {CancelQueryCommand, type CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, StartQueryCommand} from '@aws-sdk/client-cloudtrail';
import type {ArchiveQueryState, ArchiveRow, LakeRunOptions} from '../../domain/archive/types.js';
import {TrailviewError} from '../../domain/types.js';
import {abortableSleep, type PollTiming} from '../archive/run-query.js';
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

export async function* runLakeQuery(context: LakeRunContext, statement: string, options: LakeRunOptions): AsyncGenerator<ArchiveRow[], void, undefined> {
	const {cloudTrail, errorContext} = context;
	const {signal} = options;
	const fail = (error: unknown, operation: string) => toLakeError(error, {...errorContext, operation});
	const now = context.timing?.now ?? Date.now;
	const sleep = context.timing?.sleep ?? abortableSleep;
	if (signal?.aborted) {
		return;
	}

	let queryId: string | undefined;
	try {
		queryId = (await cloudTrail.send(new StartQueryCommand({QueryStatement: statement}), {abortSignal: signal})).QueryId;
	} catch (error) {
		if (signal?.aborted) {
			return;
		}

		throw fail(error, 'cloudtrail:StartQuery');
	}

	if (!queryId) {
		throw new TrailviewError('service', 'CloudTrail Lake started the query but sent no query id.', {hint: 'Try again; check the endpoint URL if this repeats.'});
	}

	const startedAt = now();
	let finished = false;
	let operation = 'cloudtrail:DescribeQuery';
	try {
		for (let wait = context.timing?.firstMs ?? 200; ; wait = Math.min(context.timing?.capMs ?? 2000, Math.round(wait * 1.5))) {
			if (signal?.aborted) {
				return;
			}

			const described = await cloudTrail.send(new DescribeQueryCommand({QueryId: queryId}), {abortSignal: signal});
			const status = described.QueryStatus ?? 'QUEUED';
			options.onProgress?.({queryId, state: progressStates[status] ?? 'QUEUED', elapsedMs: now() - startedAt, scannedBytes: described.QueryStatistics?.BytesScanned ?? 0});
			if (status === 'FINISHED') {
				break;
			}

			if (status === 'FAILED' || status === 'TIMED_OUT' || status === 'CANCELLED') {
				finished = true;
				if (status === 'CANCELLED') {
					// 'service', not 'cancelled': nobody here asked for it, so the screen must say so.
					throw new TrailviewError('service', 'The CloudTrail Lake query was cancelled outside trailview (in the console or by another tool).', {hint: 'Run the query again.', code: 'QueryCancelled'});
				}

				throw failedLakeQueryError(status, described.ErrorMessage);
			}

			await sleep(wait, signal);
		}

		finished = true;
		operation = 'cloudtrail:GetQueryResults';
		let token: string | undefined;
		do {
			const page = await cloudTrail.send(
				new GetQueryResultsCommand({QueryId: queryId, ...(token ? {NextToken: token} : {}), ...(options.pageSize ? {MaxQueryResults: options.pageSize} : {})}),
				{abortSignal: signal},
			);
			if (page.QueryStatus === 'FAILED' || page.QueryStatus === 'TIMED_OUT') {
				throw failedLakeQueryError(page.QueryStatus, page.ErrorMessage);
			}

			if (signal?.aborted) {
				return;
			}

			yield (page.QueryResultRows ?? []).map(row => flatten(row));
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
			// Stopped, aborted or failed while it runs, it would scan (and bill) on for nothing. Not
			// with the aborted signal, which would cancel the cancel itself; InactiveQueryException
			// (it ended meanwhile) or any other failure changes nothing for the person who pressed Esc.
			await cloudTrail.send(new CancelQueryCommand({QueryId: queryId})).catch(() => undefined);
		}
	}
}

/** A result row: one single-key object per selected column, in select order; NULL is undefined. */
function flatten(row: ReadonlyArray<Record<string, string> | undefined>): ArchiveRow {
	// fromEntries: a column named __proto__ stays a column.
	return Object.fromEntries(
		row.flatMap(cell => Object.entries(cell ?? {}).map(([name, value]): [string, string | undefined] => [name, typeof value === 'string' ? value : undefined])),
	) as ArchiveRow;
}
