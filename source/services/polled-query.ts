// The life of one archive query, the same for Athena and CloudTrail Lake: start it, poll its state
// with back-off (each poll reported), read its result pages, and stop it when the person aborts or
// anything fails before it ended, so it scans (and bills) nothing more. Each engine supplies its
// calls (archive/run-query.ts, lake/run-query.ts); aborting ends the iteration quietly.
import type {ArchiveProgress, ArchiveQueryState, ArchiveRow} from '../domain/archive/types.js';
import {TrailviewError} from '../domain/types.js';

export type PollTiming = {
	/** The first wait between polls; each next one is 1.5 times longer, up to `capMs`. */
	firstMs?: number;
	capMs?: number;
	now?: () => number;
	/** Resolves after `ms`, or as soon as `signal` aborts. */
	sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
};

/** One poll's answer: the state in Athena's words, and the error to throw when it failed. */
export type Polled = {state: ArchiveQueryState; scannedBytes: number; failure?: () => TrailviewError};

export type PolledQuery = {
	/** `Athena`, `CloudTrail Lake`: for the messages this file writes. */
	engine: string;
	operations: {start: string; poll: string; results: string};
	start(signal: AbortSignal | undefined): Promise<string | undefined>;
	poll(queryId: string, signal: AbortSignal | undefined): Promise<Polled>;
	/** The result pages, in order; a page that reports a failure throws it. */
	results(queryId: string, signal: AbortSignal | undefined): AsyncIterable<ArchiveRow[]>;
	/** StopQueryExecution, CancelQuery: sent without the signal, its failure ignored. */
	stop(queryId: string): Promise<unknown>;
	/** An SDK error as the person should read it. */
	fail(error: unknown, operation: string): TrailviewError;
	timing?: PollTiming | undefined;
	signal?: AbortSignal | undefined;
	onProgress?: ((progress: ArchiveProgress) => void) | undefined;
};

export async function* runPolledQuery(query: PolledQuery): AsyncGenerator<ArchiveRow[], void, undefined> {
	const {signal, operations} = query;
	const now = query.timing?.now ?? Date.now;
	const sleep = query.timing?.sleep ?? abortableSleep;
	if (signal?.aborted) {
		return;
	}

	let queryId: string | undefined;
	try {
		queryId = await query.start(signal);
	} catch (error) {
		if (signal?.aborted) {
			return;
		}

		throw query.fail(error, operations.start);
	}

	if (!queryId) {
		throw new TrailviewError('service', `${query.engine} started the query but sent no query id.`, {hint: 'Try again; check the endpoint URL if this repeats.'});
	}

	const startedAt = now();
	let finished = false;
	let operation = operations.poll;
	try {
		for (let wait = query.timing?.firstMs ?? 200; ; wait = Math.min(query.timing?.capMs ?? 2000, Math.round(wait * 1.5))) {
			if (signal?.aborted) {
				return;
			}

			const {state, scannedBytes, failure} = await query.poll(queryId, signal);
			query.onProgress?.({queryId, state, elapsedMs: now() - startedAt, scannedBytes});
			if (state === 'SUCCEEDED') {
				break;
			}

			if (state === 'FAILED' || state === 'CANCELLED') {
				finished = true;
				if (state === 'CANCELLED') {
					// 'service', not 'cancelled': nobody here asked for it, so the screen must say so.
					throw new TrailviewError('service', `The ${query.engine} query was stopped outside trailview (in the console or by another tool).`, {hint: 'Run the query again.', code: 'QueryCancelled'});
				}

				throw failure?.() ?? new TrailviewError('service', `The ${query.engine} query failed.`, {hint: 'Run the query again.'});
			}

			await sleep(wait, signal);
		}

		finished = true;
		operation = operations.results;
		for await (const rows of query.results(queryId, signal)) {
			if (signal?.aborted) {
				return;
			}

			yield rows;
		}
	} catch (error) {
		if (signal?.aborted) {
			return;
		}

		throw query.fail(error, operation);
	} finally {
		if (!finished) {
			// Stopped, aborted or failed while it runs, it would scan (and bill) on for nothing. Not
			// with the aborted signal, which would cancel the stop itself; a stop that fails (it ended
			// meanwhile) changes nothing for the person who pressed Esc, so it is not reported.
			await query.stop(queryId).catch(() => undefined);
		}
	}
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
