// Query executions and their states: QUEUED, then RUNNING while the statement runs and for at
// least the configured minimum (so a client can watch RUNNING and stop it), then SUCCEEDED,
// FAILED or CANCELLED. Per account+region only so many run at once, as Athena's quota. CloudTrail
// Lake's queries live the same life with their own request shape and errors (lake/queries.ts).
import {randomUUID} from 'node:crypto';
import {performance} from 'node:perf_hooks';
import {ApiError} from '../errors.js';
import type {DuckConnection} from './duckdb.js';
import {QueryFailed, type QueryFailure} from './query-errors.js';
import type {ResultTable} from './results.js';

export type QueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export type ExecutionRequest = {
	account: string;
	region: string;
	sql: string;
	parameters: string[] | undefined;
	workgroup: string;
	database: string;
	catalog: string;
	/** Where results go; undefined for a workgroup with managed results. */
	outputLocation: string | undefined;
	statementType: 'DML' | 'DDL';
	substatementType: string;
};

/** What every service's request has: whose query it is, for the limit and for lookups. */
export type OwnedRequest = {account: string; region: string; sql: string};

export type Execution<Request extends OwnedRequest = ExecutionRequest> = Request & {
	id: string;
	state: QueryState;
	failure?: QueryFailure;
	submitted: Date;
	completed?: Date;
	startedMs: number;
	runningMs?: number;
	doneMs?: number;
	scannedBytes: number;
	result?: ResultTable;
	/** The DuckDB connection while the statement runs, so a stop can interrupt it. */
	connection?: DuckConnection;
};

/** Runs the statement; reports scanned bytes and the connection on the way. */
export type StatementRunner<Request extends OwnedRequest = ExecutionRequest> = (execution: Execution<Request>) => Promise<ResultTable>;

export type ExecutionLimits = {queuedMs: number; minRunMs: number; concurrentQueries: number};

/** The service's answers for a start past the limit and for an id the caller does not have. */
export type ExecutionErrors = {tooMany(limit: number): ApiError; notFound(id: unknown): ApiError};

const athenaErrors: ExecutionErrors = {
	tooMany: () =>
		new ApiError(
			'TooManyRequestsException',
			'You have exceeded the limit for the number of queries you can run concurrently. Reduce the number of concurrent queries submitted by this account. Contact customer support to request a concurrent query limit increase.',
			400,
			{Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED'},
		),
	notFound: id => new ApiError('InvalidRequestException', `QueryExecution ${String(id)} was not found`, 400, {AthenaErrorCode: 'INVALID_INPUT'}),
};

const active = (state: QueryState): boolean => state === 'QUEUED' || state === 'RUNNING';

/** Finished executions kept (with their results); older ones are forgotten, as Athena's history ages out. */
const keptExecutions = 500;

export class Executions<Request extends OwnedRequest = ExecutionRequest> {
	private readonly byId = new Map<string, Execution<Request>>();
	/** ClientRequestToken -> execution id: a retried StartQueryExecution starts nothing new. */
	private readonly tokens = new Map<string, string>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private closed = false;

	constructor(
		private readonly limits: ExecutionLimits,
		private readonly clock: () => Date,
		private readonly errors: ExecutionErrors = athenaErrors,
	) {}

	private delay(ms: number): Promise<void> {
		return new Promise(resolve => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			timer.unref();
			this.timers.add(timer);
		});
	}

	start(request: Request, run: StatementRunner<Request>, clientToken?: string): Execution<Request> {
		const tokenKey = clientToken === undefined ? undefined : `${request.account}/${request.region}/${clientToken}`;
		const earlier = tokenKey === undefined ? undefined : this.byId.get(this.tokens.get(tokenKey) ?? '');
		if (earlier) {
			return earlier;
		}

		const running = [...this.byId.values()].filter(
			execution => execution.account === request.account && execution.region === request.region && active(execution.state),
		);
		if (running.length >= this.limits.concurrentQueries) {
			throw this.errors.tooMany(this.limits.concurrentQueries);
		}

		const execution: Execution<Request> = {...request, id: randomUUID(), state: 'QUEUED', submitted: this.clock(), startedMs: performance.now(), scannedBytes: 0};
		this.byId.set(execution.id, execution);
		if (tokenKey !== undefined) {
			this.tokens.set(tokenKey, execution.id);
		}

		void this.advance(execution, run);
		return execution;
	}

	private async advance(execution: Execution<Request>, run: StatementRunner<Request>): Promise<void> {
		await this.delay(this.limits.queuedMs);
		if (execution.state !== 'QUEUED' || this.closed) {
			return;
		}

		execution.state = 'RUNNING';
		execution.runningMs = performance.now();
		const [outcome] = await Promise.all([
			run(execution).then(
				result => ({result}),
				(error: unknown) => ({error}),
			),
			this.delay(this.limits.minRunMs),
		]);
		execution.connection = undefined;
		if (execution.state !== 'RUNNING') {
			return;
		}

		if ('result' in outcome) {
			execution.result = outcome.result;
			this.finish(execution, 'SUCCEEDED');
		} else {
			const {error} = outcome;
			execution.failure =
				error instanceof QueryFailed
					? error.failure
					: {reason: `GENERIC_INTERNAL_ERROR: ${error instanceof Error ? error.message : String(error)}`, category: 1, type: 200};
			this.finish(execution, 'FAILED');
		}
	}

	private finish(execution: Execution<Request>, state: QueryState): void {
		execution.state = state;
		execution.completed = this.clock();
		execution.doneMs = performance.now();
		if (this.byId.size > keptExecutions) {
			// Map order is insertion order: the first finished one is the oldest.
			const oldest = [...this.byId.values()].find(candidate => !active(candidate.state));
			if (oldest) {
				this.byId.delete(oldest.id);
				for (const [token, id] of this.tokens) {
					if (id === oldest.id) {
						this.tokens.delete(token);
					}
				}
			}
		}
	}

	/** The execution, if the caller's account+region ran it. */
	get(account: string, region: string, id: unknown): Execution<Request> {
		const execution = typeof id === 'string' ? this.byId.get(id) : undefined;
		if (!execution || execution.account !== account || execution.region !== region) {
			throw this.errors.notFound(id);
		}

		return execution;
	}

	stop(execution: Execution<Request>): void {
		if (!active(execution.state)) {
			return;
		}

		execution.connection?.interrupt();
		this.finish(execution, 'CANCELLED');
	}

	close(): void {
		this.closed = true;
		for (const execution of this.byId.values()) {
			this.stop(execution);
		}

		for (const timer of this.timers) {
			clearTimeout(timer);
		}

		this.timers.clear();
	}
}
