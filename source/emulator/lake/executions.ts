// CloudTrail Lake's queries live the life of Athena's (athena/executions.ts: QUEUED, RUNNING for at
// least the configured minimum, then done; a per-account+region limit on queries at once) with
// Lake's own errors and what DescribeQuery reports.
import {ApiError} from '../errors.js';
import {Executions, type ExecutionErrors} from '../athena/executions.js';
import type {LakeOptions} from '../types.js';
import type {CheckedStatement, Scanned} from './statement.js';

export type LakeRequest = {
	account: string;
	region: string;
	sql: string;
	checked: CheckedStatement;
	/** Filled in once the days it reads are known. */
	scanned: Scanned;
};

/** Lake's quota of queries running at once in an account and region. */
export const defaultConcurrentQueries = 10;

const lakeErrors: ExecutionErrors = {
	tooMany: limit =>
		new ApiError(
			'MaxConcurrentQueriesException',
			`You are already running the maximum number of concurrent queries (${limit}). Wait a minute for some queries to finish, and then run the query again.`,
			429,
		),
	notFound: id => new ApiError('QueryIdNotFoundException', `The query ID ${String(id)} does not exist or does not map to a query.`, 404),
};

export function lakeExecutions(options: LakeOptions, clock: () => Date): Executions<LakeRequest> {
	return new Executions<LakeRequest>(
		{queuedMs: options.queuedMs ?? 100, minRunMs: options.minRunMs ?? 300, concurrentQueries: options.concurrentQueries ?? defaultConcurrentQueries},
		clock,
		lakeErrors,
	);
}
