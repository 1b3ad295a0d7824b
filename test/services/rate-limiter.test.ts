import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {RateLimiter as EmulatorRateLimiter} from '../../source/emulator/rate-limiter.js';
import {
	type Clock,
	adoptRateLimiter,
	createRateLimiter,
	localPacing,
	pacing,
	resetSharedRateLimiters,
	sharedRateLimiter,
	type RateLimiter,
} from '../../source/services/rate-limiter.js';
import {TrailviewError} from '../../source/domain/types.js';
import {lookupEventsCases} from '../helpers/pacing-cases.js';

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(new Date('2024-05-01T00:00:00Z'));
	resetSharedRateLimiters();
});

afterEach(() => {
	vi.useRealTimers();
});

const step = pacing['lookup-events'].windowMs;

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

/** Asks at each of `asks` (ms from now) and records when each call was let through. */
async function startsFor(limiter: RateLimiter, asks: number[]): Promise<number[]> {
	const origin = Date.now();
	const starts: number[] = [];
	const done: Array<Promise<void>> = [];
	for (const ask of asks) {
		await vi.advanceTimersByTimeAsync(ask - (Date.now() - origin));
		done.push(
			limiter.acquire().then(() => {
				starts.push(Date.now() - origin);
			}),
		);
	}

	await vi.runAllTimersAsync();
	await Promise.all(done);
	return starts;
}

/** Lets promise callbacks run (the manual clock below has no timers of its own to wait on). */
async function settle(): Promise<void> {
	for (let turn = 0; turn < 10; turn++) {
		await Promise.resolve();
	}
}

/** A clock whose timers fire only when the test says, as late as it likes. */
function manualClock() {
	const timers: Array<{at: number; callback: () => void; cleared: boolean}> = [];
	const state = {now: 0};
	const clock: Clock = {
		now: () => state.now,
		setTimeout(callback, ms) {
			const timer = {at: state.now + ms, callback, cleared: false};
			timers.push(timer);
			return timer;
		},
		clearTimeout(handle) {
			(handle as {cleared: boolean}).cleared = true;
		},
	};
	const pending = () => timers.filter((timer) => !timer.cleared);
	/** Fires the pending timers at `now`, however late that is for them. */
	const fireAt = async (now: number) => {
		state.now = now;
		for (const timer of pending()) {
			timer.cleared = true;
			timer.callback();
		}

		await settle();
	};

	return {clock, pending, fireAt};
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

	it.each(lookupEventsCases)('never starts a call the emulator would throttle: $name', async ({arrivals}) => {
		const starts = await startsFor(createRateLimiter(), arrivals);
		// The emulator's own limiter, judging the times the client really started its calls.
		let now = 0;
		const service = new EmulatorRateLimiter(2, () => now);
		const judged = starts.map((start) => {
			now = start;
			return service.take('lookup-events', '111122223333/eu-west-1');
		});
		expect(judged.every(Boolean)).toBe(true);
		// Each call starts when asked, or one pacing step after the call before it, whichever is later.
		const expected: number[] = [];
		for (const ask of arrivals) {
			expected.push(Math.max(ask, (expected.at(-1) ?? -step) + step));
		}

		expect(starts).toEqual(expected);
	});

	it('paces from when a call really started, so a late timer does not bunch the next ones', async () => {
		const {clock, pending, fireAt} = manualClock();
		const limiter = createRateLimiter({clock});
		const starts: number[] = [];
		const ask = () =>
			limiter.acquire().then(() => {
				starts.push(clock.now());
			});
		const calls = [ask(), ask(), ask()];
		await settle();
		expect(starts).toEqual([0]);
		expect(pending().map((timer) => timer.at)).toEqual([step]);
		// The machine was busy: the timer fires 90 ms late, and the second call starts then.
		await fireAt(step + 90);
		expect(starts).toEqual([0, step + 90]);
		// The third is a full step after that, not at 2 steps from the first.
		expect(pending().map((timer) => timer.at)).toEqual([2 * step + 90]);
		await fireAt(2 * step + 90);
		await Promise.all(calls);
		expect(starts).toEqual([0, step + 90, 2 * step + 90]);
	});

	it('keeps trail reads to 5 in any second: a handful at once, then one as each leaves the window', async () => {
		const starts = await run([createRateLimiter(pacing['trail-reads'])], 12);
		expect(starts).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000]);
	});

	it('paces faster only for a loopback endpoint when TRAILVIEW_LOOKUP_RPS is set', () => {
		const env = {TRAILVIEW_LOOKUP_RPS: '100'};
		expect(localPacing('http://127.0.0.1:4566', env)).toEqual({limit: 1, windowMs: 10});
		expect(localPacing('http://localhost:4566', env)).toEqual({limit: 1, windowMs: 10});
		expect(localPacing('https://cloudtrail.us-east-1.amazonaws.com', env)).toEqual({});
		expect(localPacing(undefined, env)).toEqual({});
		expect(localPacing('http://127.0.0.1:4566', {})).toEqual({});
	});

	it('does not let TRAILVIEW_LOOKUP_RPS speed up trail reads', async () => {
		const scope = {account: '111122223333', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566', env: {TRAILVIEW_LOOKUP_RPS: '100'}};
		expect((await run([sharedRateLimiter({quota: 'lookup-events', ...scope})], 3)).at(-1)).toBe(20);
		expect(maxInAnyWindow(await run([sharedRateLimiter({quota: 'trail-reads', ...scope})], 12), 1000)).toBe(5);
	});

	it('would let 3 through in a second without spacing (the check above can fail)', () => {
		expect(maxInAnyWindow([0, 0, 500, 1100, 1100], 1000)).toBe(3);
	});

	it('is shared between two callers on the same account and region', async () => {
		const a = sharedRateLimiter({quota: 'lookup-events', account: '111122223333', region: 'eu-west-1'});
		const b = sharedRateLimiter({quota: 'lookup-events', account: '111122223333', region: 'eu-west-1'});
		expect(a).toBe(b);
		const starts = await run([a, b], 6);
		expect(maxInAnyWindow(starts, 1000)).toBe(2);
	});

	it('counts a call made before the account was known (by access key) against the account', async () => {
		const byKey = {quota: 'lookup-events' as const, account: 'AKIAI44QH8DHBEXAMPLE', region: 'eu-west-1'};
		const byAccount = {quota: 'lookup-events' as const, account: '111122223333', region: 'eu-west-1'};
		const starts = await run([sharedRateLimiter(byKey)], 1);
		const adopted = adoptRateLimiter(byKey, byAccount);
		expect(sharedRateLimiter(byAccount)).toBe(adopted);
		// The early call took the first slot, so the account's next call waits one pacing step.
		starts.push(...(await run([sharedRateLimiter(byAccount)], 1)));
		expect(starts).toEqual([0, 510]);
	});

	it('keeps an account budget that already existed when an access key is adopted into it', () => {
		const existing = sharedRateLimiter({quota: 'lookup-events' as const, account: '111122223333', region: 'eu-west-1'});
		expect(adoptRateLimiter({quota: 'lookup-events' as const, account: 'AKIAI44QH8DHBEXAMPLE', region: 'eu-west-1'}, {quota: 'lookup-events' as const, account: '111122223333', region: 'eu-west-1'})).toBe(existing);
	});

	it('gives each account, region and quota its own budget', async () => {
		const eu = sharedRateLimiter({quota: 'lookup-events', account: '111122223333', region: 'eu-west-1'});
		const us = sharedRateLimiter({quota: 'lookup-events', account: '111122223333', region: 'us-east-1'});
		const other = sharedRateLimiter({quota: 'lookup-events', account: '444455556666', region: 'eu-west-1'});
		const trails = sharedRateLimiter({quota: 'trail-reads', account: '111122223333', region: 'eu-west-1'});
		expect(new Set([eu, us, other, trails]).size).toBe(4);
		const starts = await run([eu, us, other], 6);
		// Each budget's first call goes at once and its second after one pacing step, not behind the others'.
		expect(starts).toEqual([0, 0, 0, step, step, step]);
	});

	it('can be aborted while waiting, and gives the slot back', async () => {
		const limiter = createRateLimiter();
		const origin = Date.now();
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

		// The next caller takes the aborted one's place: it starts one step after the first call,
		// not two steps (behind a slot nobody will use).
		let startedAt: number | undefined;
		const next = limiter.acquire().then(() => {
			startedAt = Date.now() - origin;
		});
		await vi.runAllTimersAsync();
		await next;
		expect(startedAt).toBe(step);
	});

	it('rejects at once when the signal is already aborted', async () => {
		const limiter = createRateLimiter();
		await expect(limiter.acquire(AbortSignal.abort())).rejects.toMatchObject({kind: 'cancelled'});
	});

	it('uses an injected clock', async () => {
		const {clock, pending, fireAt} = manualClock();
		const limiter = createRateLimiter({limit: 1, windowMs: 500, clock});
		await limiter.acquire();
		let second = false;
		const pendingCall = limiter.acquire().then(() => {
			second = true;
		});
		expect(pending().map((timer) => timer.at)).toEqual([500]);
		await fireAt(500);
		await pendingCall;
		expect(second).toBe(true);
	});
});
