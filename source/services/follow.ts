// Follow mode (issue 13): poll for events that arrived since the last look, forever, until the
// caller aborts. CloudTrail delivers most events within about 5 minutes of the call, but not in
// time order and some much later, so a poll cannot ask only for "after the newest event seen":
// each poll reads a trailing window (the last `trailingMs`, 15 minutes by default, three times the
// usual delay) and keeps what it has not shown yet, remembered by EventId in a bounded LRU. An
// event whose time is ten minutes old but which arrived just now is therefore still found, once.
// After failed polls the window reaches back to the last poll that succeeded, so an outage
// shorter than the history loses nothing.
import {backoffDelay, scaledBackoff} from '../lib/backoff.js';
import type {TrailEvent, TrailviewError} from '../domain/types.js';
import {toTrailviewError} from './errors.js';
import {isLoopback} from './rate-limiter.js';

export type PollStatus = {at: Date; ok: true; added: number} | {at: Date; ok: false; error: TrailviewError; retryAt: number};

export type FollowWindow = {start: Date; end: Date};

export type FollowOptions = {
	/** Every event of the window, newest first, in pages (mergedLookup or one service's lookupEvents). */
	lookup(window: FollowWindow, signal: AbortSignal): AsyncIterable<TrailEvent[]>;
	/** What the query keeps of each page; the rest is never yielded. */
	matches(event: TrailEvent): boolean;
	/** The pause between the end of one poll and the start of the next (followIntervalMs). */
	intervalMs: number;
	/** How far back each poll looks for late events (defaultTrailingMs). */
	trailingMs: number;
	/** Ids already shown, newest first; beyond seenLimit the newest are kept. */
	seen?: Iterable<string>;
	/** How many ids to remember (default 50,000): far more than a 15-minute window holds. */
	seenLimit?: number;
	signal: AbortSignal;
	now?: () => Date;
	/** After each poll: how many new events it found, or why it failed and when the next try is. */
	onPoll?(status: PollStatus): void;
};

/** Three times CloudTrail's usual delivery delay of about 5 minutes; see the top of this file. */
export const defaultTrailingMs = 15 * 60_000;

export const defaultSeenLimit = 50_000;

/**
 * How long to wait between polls. LookupEvents allows 2 calls per second per account and region,
 * shared with whatever else reads that account and region (the user paging, another tool). A
 * quiet 15-minute window is one call per source, so every 10 s spends 5 % of each source's budget
 * and leaves the rest to paging; polling faster would buy little, since events take minutes to be
 * delivered anyway. Each source has a budget of its own, but a poll still starts one request per
 * source at once: past 50 sources the pause grows (200 ms per source) so that the process as a
 * whole stays near 5 requests per second instead of bursting hundreds every 10 s.
 */
export function followIntervalMs(sourceCount: number): number {
	return Math.max(10_000, Math.ceil(Math.max(0, sourceCount) * 200));
}

/**
 * TRAILVIEW_FOLLOW_INTERVAL_MS lets tests and the benchmark follow the local emulator without
 * waiting 10 s a poll. Like TRAILVIEW_LOOKUP_RPS it is honoured only for a loopback endpoint, so
 * no setting makes trailview poll AWS faster than followIntervalMs allows.
 */
export function localFollowInterval(endpoint: string | undefined, env: NodeJS.ProcessEnv): number | undefined {
	const ms = Number(env['TRAILVIEW_FOLLOW_INTERVAL_MS']);
	return endpoint !== undefined && isLoopback(endpoint) && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/**
 * The pause for following several sessions at once: their local one (localFollowInterval) only
 * when every session has one, so a real account among them keeps followIntervalMs.
 */
export function sessionsFollowInterval(sessions: ReadonlyArray<{followIntervalMs?: number}>): number | undefined {
	const pauses = sessions.map(session => session.followIntervalMs);
	return pauses.length > 0 && pauses.every(ms => ms !== undefined) ? Math.max(...pauses) : undefined;
}

/** A bounded memory of ids: the least recently seen are forgotten first. */
export type SeenIds = {
	/** Whether `id` was seen; either way it is now the most recently seen. */
	check(id: string): boolean;
	readonly size: number;
};

export function createSeenIds(limit: number, initial: Iterable<string> = []): SeenIds {
	const max = Math.max(1, Math.trunc(limit));
	// A Map keeps insertion order: the first key is the least recently seen.
	const ids = new Map<string, true>();
	const first: string[] = [];
	for (const id of initial) {
		if (first.length >= max) {
			break;
		}

		first.push(id);
	}

	// Given newest first: the newest go in last, as the most recently seen.
	for (const id of first.reverse()) {
		ids.set(id, true);
	}

	return {
		check(id) {
			const known = ids.delete(id);
			ids.set(id, true);
			if (!known && ids.size > max) {
				ids.delete(ids.keys().next().value!);
			}

			return known;
		},
		get size() {
			return ids.size;
		},
	};
}

/** Resolves after `ms`, or at once when `signal` aborts. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
	await new Promise<void>(resolve => {
		const done = () => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};

		const timer = setTimeout(done, ms);
		signal.addEventListener('abort', done, {once: true});
	});
}

/**
 * Batches of events not seen before (newest first), one per poll that found any, until
 * `options.signal` aborts; then the iteration ends quietly. It never throws: a failed poll is
 * reported through onPoll and tried again with back-off (the interval, doubling, up to 30 times it).
 */
export async function* followEvents(options: FollowOptions): AsyncGenerator<TrailEvent[], void, undefined> {
	const {lookup, matches, intervalMs, trailingMs, signal} = options;
	const now = options.now ?? (() => new Date());
	const seen = createSeenIds(options.seenLimit ?? defaultSeenLimit, options.seen);
	const backoff = scaledBackoff(Math.max(1, intervalMs));
	// The end of the last window read in full; the next one starts trailingMs before it.
	let coveredUntil = now().getTime();
	let failures = 0;
	while (!signal.aborted) {
		const end = now();
		const window = {start: new Date(Math.min(end.getTime(), coveredUntil) - trailingMs), end};
		const fresh: TrailEvent[] = [];
		let failure: TrailviewError | undefined;
		try {
			for await (const page of lookup(window, signal)) {
				for (const event of page) {
					if (matches(event) && !seen.check(event.id)) {
						fresh.push(event);
					}
				}
			}
		} catch (error) {
			failure = toTrailviewError(error);
		}

		if (signal.aborted) {
			return;
		}

		const at = now();
		let wait = intervalMs;
		if (failure === undefined) {
			failures = 0;
			coveredUntil = end.getTime();
			options.onPoll?.({at, ok: true, added: fresh.length});
		} else {
			failures++;
			wait = backoffDelay(failures, backoff, Math.random());
			options.onPoll?.({at, ok: false, error: failure, retryAt: at.getTime() + wait});
		}

		// What a failed poll read before it failed is new all the same, and now remembered.
		if (fresh.length > 0) {
			yield fresh;
		}

		await pause(wait, signal);
	}
}
