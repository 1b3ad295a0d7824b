// Waiting out a throttling storm. The SDK retries a throttled request a few times (client.ts), a
// few seconds in all; another tool sharing the account's 2-per-second budget can keep CloudTrail
// throttling for much longer. This is the one place that keeps trying after that, with back-off
// and jitter (lib/backoff.ts), for every caller: the panes (for as long as they are open), script
// output (up to --max-wait) and, later, follow mode and multi-region scans. The caller's policy
// says how long it may wait and hears about each wait; everything else here is the same for all.
// SDK-free: it wraps any attempt, so tests can drive it with a fake clock.
import {nextWait, scaledBackoff, throttleBackoff, type BackoffRule} from '../lib/backoff.js';
import {TrailviewError, type ThrottlePolicy} from '../domain/types.js';
import {isLoopback, systemClock, type Clock} from './rate-limiter.js';

export type RetryTiming = {rule?: BackoffRule; clock?: Clock; random?: () => number};

export type RetryThrottledOptions = {
	/** Undefined: a throttle is an error at once, as it was before this module. */
	policy: ThrottlePolicy | undefined;
	signal?: AbortSignal | undefined;
	/** Maps what `attempt` threw to a TrailviewError; only kind 'throttled' is tried again. */
	fail: (error: unknown) => TrailviewError;
	timing?: RetryTiming | undefined;
};

/**
 * `attempt()` until it succeeds. Rejects with the mapped error when it is not throttling, when the
 * policy's budget is spent, or with a 'cancelled' error when `signal` aborts a wait.
 */
export async function retryThrottled<T>(attempt: () => Promise<T>, {policy, signal, fail, timing = {}}: RetryThrottledOptions): Promise<T> {
	const rule = timing.rule ?? throttleBackoff;
	const clock = timing.clock ?? systemClock;
	const random = timing.random ?? Math.random;
	let firstFailure: number | undefined;
	for (let retry = 1; ; retry++) {
		try {
			return await attempt();
		} catch (error: unknown) {
			const mapped = fail(error);
			if (mapped.kind !== 'throttled' || policy === undefined || signal?.aborted) {
				throw mapped;
			}

			const now = clock.now();
			firstFailure ??= now;
			const delay = nextWait(retry, now - firstFailure, rule, random(), policy.maxWaitMs);
			if (delay === undefined) {
				throw mapped;
			}

			await pause(delay, clock, signal, retryNow => {
				policy.onWait?.({retry, retryAt: now + delay, error: mapped, retryNow});
			});
		}
	}
}

/** Resolves after `ms`, or when the `retryNow` handed to `started` is called; rejects when `signal` aborts. */
async function pause(ms: number, clock: Clock, signal: AbortSignal | undefined, started: (retryNow: () => void) => void): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		if (signal?.aborted) {
			reject(new TrailviewError('cancelled', 'Cancelled.'));
			return;
		}

		let done = false;
		const finish = (error?: TrailviewError) => {
			if (done) {
				return;
			}

			done = true;
			clock.clearTimeout(timer);
			signal?.removeEventListener('abort', onAbort);
			if (error) {
				reject(error);
			} else {
				resolve();
			}
		};

		const onAbort = () => {
			finish(new TrailviewError('cancelled', 'Cancelled.'));
		};

		const timer = clock.setTimeout(() => {
			finish();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
		started(() => {
			finish();
		});
	});
}

/**
 * TRAILVIEW_RETRY_BASE_MS shortens the schedule (same shape, smaller first step) so tests can show
 * a pane riding out a throttle in seconds. Like TRAILVIEW_LOOKUP_RPS it is honoured only for a
 * loopback endpoint, so no setting can make trailview knock faster on the real service.
 */
export function localRetryTiming(endpoint: string | undefined, env: NodeJS.ProcessEnv): RetryTiming {
	const baseMs = Number(env['TRAILVIEW_RETRY_BASE_MS']);
	if (!endpoint || !Number.isFinite(baseMs) || baseMs <= 0 || !isLoopback(endpoint)) {
		return {};
	}

	return {rule: scaledBackoff(baseMs)};
}
