// How long to wait before trying a throttled request again. CloudTrail throttles per account and
// region, and the usual cause of a long storm is another tool spending the same 2-per-second
// budget, so the schedule backs off exponentially (1, 2, 4 … 30 s) instead of knocking at a fixed
// rate, and jitters each wait so several panes, regions or processes that were throttled together
// do not all come back in the same instant. The jitter keeps each wait in the upper half of its
// step ("equal jitter"): spread enough to break the lockstep, yet never a near-zero wait that
// would spend the budget the other tool is fighting over.

export type BackoffRule = {
	/** The first wait, before jitter. */
	baseMs: number;
	/** No wait is longer than this, before jitter. */
	capMs: number;
};

/** For CloudTrail's throttling: 1 s, 2 s, 4 s … up to 30 s between tries. */
export const throttleBackoff: BackoffRule = {baseMs: 1000, capMs: 30_000};

/** The same shape of schedule from a smaller first step (tests, the local emulator). */
export function scaledBackoff(baseMs: number): BackoffRule {
	return {baseMs, capMs: baseMs * (throttleBackoff.capMs / throttleBackoff.baseMs)};
}

/**
 * The wait before retry number `retry` (1 for the first): base·2^(retry-1), capped, then placed
 * by `random` (0 ≤ random < 1) between half of it and all of it.
 */
export function backoffDelay(retry: number, rule: BackoffRule, random: number): number {
	const step = Math.min(rule.capMs, rule.baseMs * 2 ** Math.max(0, Math.min(retry - 1, 30)));
	return Math.round(step * (0.5 + Math.min(Math.max(random, 0), 1) / 2));
}

/**
 * The wait before the next try, or undefined to give up. `elapsedMs` is how long the request has
 * been failing; `maxWaitMs` its budget (undefined: no limit). The last wait is cut to end exactly
 * when the budget does, so the final try happens at the deadline rather than a step before it.
 */
export function nextWait(retry: number, elapsedMs: number, rule: BackoffRule, random: number, maxWaitMs?: number): number | undefined {
	const delay = backoffDelay(retry, rule, random);
	if (maxWaitMs === undefined) {
		return delay;
	}

	const left = maxWaitMs - elapsedMs;
	return left <= 0 ? undefined : Math.min(delay, left);
}
