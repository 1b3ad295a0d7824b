// CloudTrail's request quotas, per account and region, as the service states them: LookupEvents
// at most 2 calls in any 1 s window, and the get/describe/list calls (ListTrails, DescribeTrails,
// GetTrailStatus) at most 10 in any 1 s window between them. CloudTrail Lake's calls (listing
// stores, starting and polling queries) get the same 10 as a budget of their own, so a client
// polling a query cannot starve its trail reads (and must still pace its polling). It judges the time each request
// arrives, by the emulator's own clock and log, so it catches a client that bursts, whatever that
// client believes its pacing to be (see lib/sliding-window.ts for why the rule itself is shared).
import {earliestStart, lookupEventsQuota, trailReadQuota, type WindowRule} from '../lib/sliding-window.js';

/** Which budget a call draws on. */
export type QuotaKind = 'lookup-events' | 'trail-reads' | 'lake';

export class RateLimiter {
	private readonly started = new Map<string, number[]>();
	private readonly rules: Record<QuotaKind, WindowRule | false>;

	/**
	 * `lookupEventsPerSecond` false turns every limit off; a number sets LookupEvents' limit and
	 * keeps the trail reads at the documented 10. `now` is monotonic milliseconds.
	 */
	constructor(lookupEventsPerSecond: number | false, private readonly now: () => number) {
		this.rules = RateLimiter.rulesFor(lookupEventsPerSecond);
	}

	private static rulesFor(perSecond: number | false): Record<QuotaKind, WindowRule | false> {
		if (perSecond === false || !(perSecond > 0)) {
			return {'lookup-events': false, 'trail-reads': false, lake: false};
		}

		// 2/s is the service's 2 calls in any 1 s; below 1/s it becomes 1 call in any 1/rate s.
		const lookupEvents =
			perSecond >= 1 ? {limit: Math.floor(perSecond), windowMs: lookupEventsQuota.windowMs} : {limit: 1, windowMs: lookupEventsQuota.windowMs / perSecond};
		return {'lookup-events': lookupEvents, 'trail-reads': trailReadQuota, lake: trailReadQuota};
	}

	set(lookupEventsPerSecond: number | false): void {
		Object.assign(this.rules, RateLimiter.rulesFor(lookupEventsPerSecond));
		this.started.clear();
	}

	/** Records a call of `kind` for `scope` (account/region) starting now; false when it must be throttled. */
	take(kind: QuotaKind, scope: string): boolean {
		const rule = this.rules[kind];
		if (rule === false) {
			return true;
		}

		// Read when the call is judged, not when its bytes arrived: calls are judged one at a time,
		// so the log stays in order, which the rule needs.
		const at = this.now();
		const key = `${kind}|${scope}`;
		// Only the last `limit` starts can decide anything.
		const started = (this.started.get(key) ?? []).slice(-rule.limit);
		if (earliestStart(started, at, rule) > at) {
			return false;
		}

		started.push(at);
		this.started.set(key, started);
		return true;
	}
}
