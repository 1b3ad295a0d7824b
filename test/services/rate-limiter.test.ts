import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {
	adoptRateLimiter,
	createRateLimiter,
	localPacing,
	resetSharedRateLimiters,
	sharedRateLimiter,
	type RateLimiter,
} from '../../source/services/rate-limiter.js';
import {TrailviewError} from '../../source/services/types.js';

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(new Date('2024-05-01T00:00:00Z'));
	resetSharedRateLimiters();
});

afterEach(() => {
	vi.useRealTimers();
});

function maxInAnyWindow(starts: number[], windowMs: number): number {
	return Math.max(...starts.map((start) => starts.filter((other) => other >= start && other < start + windowMs).length));
}

/** Starts `count` calls on the limiters in turn and records when each was let through. */
async function run(limiters: RateLimiter[], count: number): Promise<number[]> {
	const origin = Date.now();
	const starts: number[] = [];
	const done = Array.from({length: count}, async (_, index) => {
		await limiters[index % limiters.length]!.acquire();
		starts.push(Date.now() - origin);
	});
	await vi.runAllTimersAsync();
	await Promise.all(done);
	return starts.sort((a, b) => a - b);
}

describe('rate limiter', () => {
	it('lets at most 2 of 5 calls start in any 1 s window, evenly paced', async () => {
		const starts = await run([createRateLimiter()], 5);
		expect(starts).toHaveLength(5);
		expect(maxInAnyWindow(starts, 1000)).toBe(2);
		// Evenly paced: no two calls closer than half a second, so network jitter cannot bunch them.
		expect(Math.min(...starts.slice(1).map((start, index) => start - starts[index]!))).toBeGreaterThanOrEqual(500);
		// And it does not over-throttle: five calls at ~2/s take about two seconds, not five.
		expect(starts.at(-1)).toBeLessThanOrEqual(2100);
	});

	it('paces faster only for a loopback endpoint when TRAILVIEW_LOOKUP_RPS is set', () => {
		const env = {TRAILVIEW_LOOKUP_RPS: '100'};
		expect(localPacing('http://127.0.0.1:4566', env)).toEqual({limit: 1, windowMs: 10});
		expect(localPacing('http://localhost:4566', env)).toEqual({limit: 1, windowMs: 10});
		expect(localPacing('https://cloudtrail.us-east-1.amazonaws.com', env)).toEqual({});
		expect(localPacing(undefined, env)).toEqual({});
		expect(localPacing('http://127.0.0.1:4566', {})).toEqual({});
	});

	it('would let 3 through in a second without spacing (the check above can fail)', () => {
		expect(maxInAnyWindow([0, 0, 500, 1100, 1100], 1000)).toBe(3);
	});

	it('is shared between two callers on the same account and region', async () => {
		const a = sharedRateLimiter({account: '111122223333', region: 'eu-west-1'});
		const b = sharedRateLimiter({account: '111122223333', region: 'eu-west-1'});
		expect(a).toBe(b);
		const starts = await run([a, b], 6);
		expect(maxInAnyWindow(starts, 1000)).toBe(2);
	});

	it('counts a call made before the account was known (by access key) against the account', async () => {
		const byKey = {account: 'AKIAI44QH8DHBEXAMPLE', region: 'eu-west-1'};
		const byAccount = {account: '111122223333', region: 'eu-west-1'};
		const starts = await run([sharedRateLimiter(byKey)], 1);
		const adopted = adoptRateLimiter(byKey, byAccount);
		expect(sharedRateLimiter(byAccount)).toBe(adopted);
		// The early call took the first slot, so the account's next call waits one pacing step.
		starts.push(...(await run([sharedRateLimiter(byAccount)], 1)));
		expect(starts).toEqual([0, 510]);
	});

	it('keeps an account budget that already existed when an access key is adopted into it', () => {
		const existing = sharedRateLimiter({account: '111122223333', region: 'eu-west-1'});
		expect(adoptRateLimiter({account: 'AKIAI44QH8DHBEXAMPLE', region: 'eu-west-1'}, {account: '111122223333', region: 'eu-west-1'})).toBe(existing);
	});

	it('gives each account and region its own budget', async () => {
		const eu = sharedRateLimiter({account: '111122223333', region: 'eu-west-1'});
		const us = sharedRateLimiter({account: '111122223333', region: 'us-east-1'});
		const other = sharedRateLimiter({account: '444455556666', region: 'eu-west-1'});
		expect(new Set([eu, us, other]).size).toBe(3);
		const starts = await run([eu, us, other], 6);
		// Each budget's first call goes at once and its second after one pacing step, not behind the others'.
		expect(starts).toEqual([0, 0, 0, 510, 510, 510]);
	});

	it('can be aborted while waiting, and gives the slot back', async () => {
		const limiter = createRateLimiter();
		await limiter.acquire();
		const controller = new AbortController();
		const waiting = limiter.acquire(controller.signal);
		const outcome = waiting.then(
			() => 'resolved',
			(error: unknown) => error,
		);
		await vi.advanceTimersByTimeAsync(300);
		controller.abort();
		const error = await outcome;
		expect(error).toBeInstanceOf(TrailviewError);
		expect((error as TrailviewError).kind).toBe('cancelled');

		// The freed slot goes to the next caller, who waits only for the window, not behind the aborted one.
		let startedAt: number | undefined;
		const origin = Date.now();
		const next = limiter.acquire().then(() => {
			startedAt = Date.now() - origin;
		});
		await vi.runAllTimersAsync();
		await next;
		expect(startedAt).toBeLessThan(1000);
		expect(startedAt).toBeGreaterThan(0);
	});

	it('rejects at once when the signal is already aborted', async () => {
		const limiter = createRateLimiter();
		await expect(limiter.acquire(AbortSignal.abort())).rejects.toMatchObject({kind: 'cancelled'});
	});

	it('uses an injected clock', async () => {
		let now = 0;
		const timers: Array<{at: number; callback: () => void}> = [];
		const limiter = createRateLimiter({
			limit: 1,
			windowMs: 500,
			clock: {
				now: () => now,
				setTimeout(callback, ms) {
					timers.push({at: now + ms, callback});
					return timers.length;
				},
				clearTimeout() {},
			},
		});
		await limiter.acquire();
		let second = false;
		const pending = limiter.acquire().then(() => {
			second = true;
		});
		expect(timers.map((timer) => timer.at)).toEqual([500]);
		now = 500;
		timers[0]!.callback();
		await pending;
		expect(second).toBe(true);
	});
});
