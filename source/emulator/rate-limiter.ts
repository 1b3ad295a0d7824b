// CloudTrail allows 2 LookupEvents calls per second per account and region. A token bucket
// (capacity = rate, refilled continuously) matches that: a burst of 3 is throttled, while a client
// pacing itself at 500 ms never is, even with a few ms of timer or network jitter.
import {performance} from 'node:perf_hooks';

type Bucket = {tokens: number; at: number};

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	constructor(private perSecond: number | false) {}

	set(perSecond: number | false): void {
		this.perSecond = perSecond;
		this.buckets.clear();
	}

	/** Takes a token for `key`; false when the caller must be throttled. */
	take(key: string): boolean {
		const rate = this.perSecond;
		if (rate === false || rate <= 0) {
			return true;
		}

		const now = performance.now();
		const bucket = this.buckets.get(key) ?? {tokens: rate, at: now};
		bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
		bucket.at = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens < 1) {
			return false;
		}

		bucket.tokens -= 1;
		return true;
	}
}
