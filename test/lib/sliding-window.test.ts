import {describe, expect, it} from 'vitest';
import {earliestStart, lookupEventsQuota, type WindowRule} from '../../source/lib/sliding-window.js';
import {lookupEventsCases} from '../helpers/pacing-cases.js';

/** Judges arrivals one by one, keeping only the admitted ones, as a service would. */
function judge(arrivals: number[], rule: WindowRule): boolean[] {
	const started: number[] = [];
	return arrivals.map(at => {
		const admitted = earliestStart(started, at, rule) === at;
		if (admitted) {
			started.push(at);
		}

		return admitted;
	});
}

describe('earliestStart', () => {
	it.each(lookupEventsCases)('$name', ({arrivals, admitted}) => {
		expect(judge(arrivals, lookupEventsQuota)).toEqual(admitted);
	});

	it('names the moment the oldest call in the way leaves the window', () => {
		expect(earliestStart([], 0, lookupEventsQuota)).toBe(0);
		expect(earliestStart([0], 10, lookupEventsQuota)).toBe(10);
		expect(earliestStart([0, 400], 500, lookupEventsQuota)).toBe(1000);
		expect(earliestStart([0, 400, 1000], 1000, lookupEventsQuota)).toBe(1400);
		expect(earliestStart([0, 400], 5000, lookupEventsQuota)).toBe(5000);
	});

	it('holds bursts up to the limit, then one per freed place', () => {
		const rule = {limit: 5, windowMs: 1000};
		const starts: number[] = [];
		for (let call = 0; call < 12; call++) {
			starts.push(earliestStart(starts, 0, rule));
		}

		expect(starts).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000]);
	});
});
