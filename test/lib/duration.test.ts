import {describe, expect, it} from 'vitest';
import {formatDuration, parseDuration} from '../../source/lib/duration.js';

describe('parseDuration', () => {
	it.each([
		['90s', 90_000],
		['5m', 300_000],
		['1h', 3_600_000],
		['250ms', 250],
		['300', 300_000],
		['1.5', 1500],
		['0', 0],
		[' 2m ', 120_000],
	])('%j is %d ms', (text, ms) => {
		expect(parseDuration(text)).toBe(ms);
	});

	it.each(['', 'abc', '-5s', '5 m', '5min', '1e3', '1.', '.5s', '5m30s', '99999999999999999h'])('%j is not a duration', text => {
		expect(parseDuration(text)).toBeUndefined();
	});
});

describe('formatDuration', () => {
	it.each([
		[300_000, '5m'],
		[90_000, '1m 30s'],
		[3_600_000, '1h'],
		[3_690_000, '1h 1m 30s'],
		[1500, '1.5s'],
		[30_000, '30s'],
		[250, '250ms'],
		[0, '0ms'],
	])('%d ms is %j', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});
});
