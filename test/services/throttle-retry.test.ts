// The one wrapper that waits out throttling, on a hand-stepped clock: what it waits, when it gives
// up, and that a person (retryNow) or an abort can end a wait.
import {describe, expect, it} from 'vitest';
import {TrailviewError, type ThrottleWait} from '../../source/domain/types.js';
import {retryThrottled, localRetryTiming} from '../../source/services/throttle-retry.js';
import {throttleBackoff} from '../../source/lib/backoff.js';
import type {Clock} from '../../source/services/rate-limiter.js';

/** A clock that only moves when the test says so. */
function manualClock() {
	let now = 0;
	const timers = new Map<number, {at: number; callback: () => void}>();
	let next = 1;
	const clock: Clock = {
		now: () => now,
		setTimeout(callback, ms) {
			const id = next++;
			timers.set(id, {at: now + ms, callback});
			return id;
		},
		clearTimeout(handle) {
			timers.delete(handle as number);
		},
	};
	return {
		clock,
		pending: () => timers.size,
		/** Moves to the next timer and fires it; returns how far time moved. */
		async fireNext(): Promise<number> {
			await flush();
			const [id, timer] = [...timers].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
			if (id === undefined || timer === undefined) {
				throw new Error('no timer pending');
			}

			const moved = timer.at - now;
			now = timer.at;
			timers.delete(id);
			timer.callback();
			await flush();
			return moved;
		},
	};
}

async function flush(): Promise<void> {
	for (let index = 0; index < 5; index++) {
		await Promise.resolve();
	}
}

const throttled = () => new TrailviewError('throttled', 'CloudTrail is throttling requests.', {code: 'ThrottlingException'});
const fail = (error: unknown) => (error instanceof TrailviewError ? error : new TrailviewError('service', String(error)));

/** An attempt that is throttled `times` times, then answers 'ok'. */
function throttledFor(times: number) {
	let calls = 0;
	return {
		attempt: async () => {
			calls++;
			if (calls <= times) {
				throw throttled();
			}

			return 'ok';
		},
		calls: () => calls,
	};
}

describe('retryThrottled', () => {
	it('waits 1, 2, 4, 8 … s between tries until the throttling ends', async () => {
		const {clock, fireNext} = manualClock();
		const source = throttledFor(5);
		const waits: ThrottleWait[] = [];
		const result = retryThrottled(source.attempt, {policy: {onWait: wait => waits.push(wait)}, fail, timing: {clock, random: () => 1}});
		const moved: number[] = [];
		for (let index = 0; index < 5; index++) {
			moved.push(await fireNext());
		}

		await expect(result).resolves.toBe('ok');
		expect(moved).toEqual([1000, 2000, 4000, 8000, 16_000]);
		expect(source.calls()).toBe(6);
		expect(waits.map(wait => [wait.retry, wait.retryAt])).toEqual([
			[1, 1000],
			[2, 3000],
			[3, 7000],
			[4, 15_000],
			[5, 31_000],
		]);
		expect(waits[0]!.error.kind).toBe('throttled');
	});

	it('rethrows anything that is not throttling at once', async () => {
		const {clock, pending} = manualClock();
		const denied = new TrailviewError('access-denied', 'Access denied.');
		let calls = 0;
		const result = retryThrottled(
			async () => {
				calls++;
				throw denied;
			},
			{policy: {}, fail, timing: {clock}},
		);
		await expect(result).rejects.toBe(denied);
		expect(calls).toBe(1);
		expect(pending()).toBe(0);
	});

	it('without a policy, a throttle is an error at once', async () => {
		const {clock} = manualClock();
		const source = throttledFor(1);
		await expect(retryThrottled(source.attempt, {policy: undefined, fail, timing: {clock}})).rejects.toMatchObject({kind: 'throttled'});
		expect(source.calls()).toBe(1);
	});

	it('gives up with the throttling error once maxWaitMs is spent, trying last at the deadline', async () => {
		const {clock, fireNext, pending} = manualClock();
		const source = throttledFor(Number.POSITIVE_INFINITY);
		const result = retryThrottled(source.attempt, {policy: {maxWaitMs: 10_000}, fail, timing: {clock, random: () => 1}});
		const rejected = expect(result).rejects.toMatchObject({kind: 'throttled', code: 'ThrottlingException'});
		const moved: number[] = [];
		while (moved.length < 10) {
			await flush();
			if (pending() === 0) {
				break;
			}

			moved.push(await fireNext());
		}

		await rejected;
		// 1 + 2 + 4 s, then the 8 s step cut to the 3 s left.
		expect(moved).toEqual([1000, 2000, 4000, 3000]);
		expect(source.calls()).toBe(5);
	});

	it('retryNow ends a wait early', async () => {
		const {clock, pending} = manualClock();
		const source = throttledFor(1);
		let wait: ThrottleWait | undefined;
		const result = retryThrottled(source.attempt, {policy: {onWait: value => (wait = value)}, fail, timing: {clock}});
		await flush();
		expect(pending()).toBe(1);
		wait!.retryNow();
		await expect(result).resolves.toBe('ok');
		expect(pending()).toBe(0);
	});

	it('an abort during a wait ends it as cancelled and tries no more', async () => {
		const {clock, pending} = manualClock();
		const source = throttledFor(Number.POSITIVE_INFINITY);
		const controller = new AbortController();
		const result = retryThrottled(source.attempt, {policy: {}, signal: controller.signal, fail, timing: {clock}});
		await flush();
		controller.abort();
		await expect(result).rejects.toMatchObject({kind: 'cancelled'});
		expect(source.calls()).toBe(1);
		expect(pending()).toBe(0);
	});
});

describe('localRetryTiming', () => {
	it('shortens the schedule only for a loopback endpoint', () => {
		const env = {TRAILVIEW_RETRY_BASE_MS: '20'};
		expect(localRetryTiming('http://127.0.0.1:4566', env).rule).toEqual({baseMs: 20, capMs: 600});
		expect(localRetryTiming('http://localhost:4566', env).rule).toEqual({baseMs: 20, capMs: 600});
		expect(localRetryTiming('https://cloudtrail.us-east-1.amazonaws.com', env)).toEqual({});
		expect(localRetryTiming(undefined, env)).toEqual({});
		expect(localRetryTiming('http://127.0.0.1:4566', {TRAILVIEW_RETRY_BASE_MS: 'fast'})).toEqual({});
		expect(throttleBackoff.baseMs).toBe(1000);
	});
});
