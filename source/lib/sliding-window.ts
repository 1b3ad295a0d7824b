// The one pacing model: "at most `limit` calls start in any window of `windowMs`", for CloudTrail's
// per-account, per-region quotas. The client (services/rate-limiter.ts) schedules its calls by it,
// with a stricter rule of its own; the emulator (emulator/rate-limiter.ts) throttles by it, with the
// service's rule. Both use this function, yet the emulator still checks the app independently: it
// applies the documented quota to the times requests *arrive*, kept in its own log, and never sees
// the client's rule or queue. A bug here would hide from both sides at once, so the function is
// kept to a few lines and tested against hand-worked cases (test/lib/sliding-window.test.ts).
//
// A window is half-open, [t, t + windowMs): calls at 0 ms and 1000 ms are in different 1 s windows.
// Unlike a token bucket of the same rate, the rule never lets a burst of limit + 1 through (a
// bucket of 2 refilling at 2/s admits calls at 0, 0 and 500 ms).

export type WindowRule = {
	/** Calls allowed to start in any one window; at least 1. */
	limit: number;
	windowMs: number;
};

/** LookupEvents: 2 per second per account and region (CloudTrail user guide, "Quotas"). */
export const lookupEventsQuota: WindowRule = {limit: 2, windowMs: 1000};

/**
 * The get, describe and list APIs (ListTrails, DescribeTrails, GetTrailStatus, ...): 10 per
 * second per account and region, a budget they share, LookupEvents not included.
 */
export const trailReadQuota: WindowRule = {limit: 10, windowMs: 1000};

/**
 * The earliest time at or after `at` at which one more call may start under `rule`, given the
 * calls that already started (ascending, none after `at`). Returns `at` when it may start now.
 */
export function earliestStart(starts: readonly number[], at: number, rule: WindowRule): number {
	if (starts.length < rule.limit) {
		return at;
	}

	// With this call, the last `limit` starts plus one would share a window unless the oldest of
	// them has left it.
	const oldest = starts[starts.length - rule.limit]!;
	return Math.max(at, oldest + rule.windowMs);
}
