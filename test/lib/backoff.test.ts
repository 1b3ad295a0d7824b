import {describe, expect, it} from 'vitest';
import {backoffDelay, nextWait, scaledBackoff, throttleBackoff} from '../../source/lib/backoff.js';

describe('backoffDelay', () => {
	it('doubles from 1 s up to 30 s between tries (at the top of the jitter)', () => {
		const steps = Array.from({length: 8}, (_, index) => backoffDelay(index + 1, throttleBackoff, 1));
		expect(steps).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
	});

	it('jitters each wait between half its step and all of it', () => {
		expect(backoffDelay(4, throttleBackoff, 0)).toBe(4000);
		expect(backoffDelay(4, throttleBackoff, 0.5)).toBe(6000);
		for (let random = 0; random < 1; random += 0.05) {
			const delay = backoffDelay(3, throttleBackoff, random);
			expect(delay).toBeGreaterThanOrEqual(2000);
			expect(delay).toBeLessThanOrEqual(4000);
		}
	});

	it('stays finite however long the storm', () => {
		expect(backoffDelay(10_000, throttleBackoff, 1)).toBe(30_000);
	});

	it('keeps the shape when scaled down for tests', () => {
		const rule = scaledBackoff(10);
		expect([1, 2, 3, 9].map(retry => backoffDelay(retry, rule, 1))).toEqual([10, 20, 40, 300]);
	});
});

describe('nextWait', () => {
	it('without a budget, always waits the schedule', () => {
		expect(nextWait(3, 10 * 60_000, throttleBackoff, 1)).toBe(4000);
	});

	it('cuts the last wait to end at the budget, then gives up', () => {
		expect(nextWait(3, 1000, throttleBackoff, 1, 60_000)).toBe(4000);
		expect(nextWait(6, 58_000, throttleBackoff, 1, 60_000)).toBe(2000);
		expect(nextWait(7, 60_000, throttleBackoff, 1, 60_000)).toBeUndefined();
		expect(nextWait(1, 0, throttleBackoff, 1, 0)).toBeUndefined();
	});
});
