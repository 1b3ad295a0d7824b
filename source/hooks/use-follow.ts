// Follow mode (F): the query keeps running, polling a trailing window for events that arrived
// since (services/follow.ts), and each new batch goes into the table at its time. Polls share the
// accounts' request budget with any paging (the same limiters); a failed poll is shown and retried
// with back-off; F again, a new query or leaving the screen stops it.
import {useEffect, useRef, useState} from 'react';
import type {TrailEvent, TrailviewError} from '../domain/types.js';
import type {QueryPlan} from '../domain/query/types.js';
import {followEvents, followIntervalMs, type PollStatus} from '../services/follow.js';
import {toTrailviewError} from '../services/errors.js';
import type {EventsLookup} from './use-event-sources.js';

/** How far back each poll looks: CloudTrail delivers some events minutes late (README, "Follow"). */
export const trailingWindowMs = 15 * 60_000;

export type FollowState = {
	on: boolean;
	intervalMs: number;
	lastPoll: Date | undefined;
	/** The last poll failed: why, and when the next try is (Date.now() ms). */
	failure: {error: TrailviewError; retryAt: number} | undefined;
};

export function useFollow(options: {
	lookup: EventsLookup;
	plan: QueryPlan;
	sources: number;
	/** The sessions' own pause (sessionsFollowInterval: a loopback emulator only), else followIntervalMs. */
	localIntervalMs: number | undefined;
	on: boolean;
	onEvents(events: TrailEvent[]): void;
}): FollowState {
	const {lookup, plan, sources, on} = options;
	const onEvents = useRef(options.onEvents);
	onEvents.current = options.onEvents;
	const intervalMs = options.localIntervalMs ?? followIntervalMs(sources);
	const [status, setStatus] = useState<{lastPoll: Date | undefined; failure: FollowState['failure']}>({lastPoll: undefined, failure: undefined});

	useEffect(() => {
		if (!on) {
			return;
		}

		const controller = new AbortController();
		const {signal} = controller;
		const onPoll = (poll: PollStatus) => {
			if (!signal.aborted) {
				setStatus(poll.ok ? {lastPoll: poll.at, failure: undefined} : {lastPoll: poll.at, failure: {error: poll.error, retryAt: poll.retryAt}});
			}
		};

		const batches = followEvents({
			lookup: (window, pollSignal) =>
				lookup.lookupEvents({attribute: plan.attribute, start: window.start, end: window.end, signal: pollSignal, throttle: {}}),
			matches: plan.matches,
			intervalMs,
			trailingMs: trailingWindowMs,
			signal,
			onPoll,
		});
		void (async () => {
			try {
				for await (const batch of batches) {
					if (signal.aborted) {
						break;
					}

					if (batch.length > 0) {
						onEvents.current(batch);
					}
				}
			} catch (error: unknown) {
				// followEvents retries failed polls itself; anything else ends following, visibly.
				if (!signal.aborted) {
					setStatus(current => ({...current, failure: {error: toTrailviewError(error, {operation: 'cloudtrail:LookupEvents', region: lookup.region}), retryAt: Number.NaN}}));
				}
			}
		})();
		return () => controller.abort();
	}, [on, lookup, plan, intervalMs]);

	return {on, intervalMs, ...status};
}
