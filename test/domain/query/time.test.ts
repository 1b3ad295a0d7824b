import {describe, expect, it} from 'vitest';
import {parseQuery} from '../../../source/domain/query/parse.js';
import {parseTimeBound, readTimeBound, resolveWindow} from '../../../source/domain/query/time.js';
import type {Query} from '../../../source/domain/query/types.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('time bounds', () => {
	it.each([
		['30s', 30_000],
		['15m', 15 * minute],
		['2h', 2 * hour],
		['7d', 7 * day],
		['1w', 7 * day],
		['1h30m', 90 * minute],
		['0m', 0],
	])('%s is a duration of %d ms back from now', (text, ms) => {
		expect(parseTimeBound(text)).toEqual({kind: 'ago', ms, source: text});
	});

	it.each([
		['2026-11-01', '2026-11-01T00:00:00.000Z'],
		['2026-11-01T09:30', '2026-11-01T09:30:00.000Z'],
		['2026-11-01T09:30:15', '2026-11-01T09:30:15.000Z'],
		['2026-11-01T09:30:15.250', '2026-11-01T09:30:15.250Z'],
		['2026-11-01T09:30Z', '2026-11-01T09:30:00.000Z'],
		['2026-11-01T09:30:00+02:00', '2026-11-01T07:30:00.000Z'],
		['2026-11-01T09:30-0530', '2026-11-01T15:00:00.000Z'],
		['2026-11-01T01:00+02', '2026-10-31T23:00:00.000Z'],
		['2026-11-01 09:30', '2026-11-01T09:30:00.000Z'],
		['2024-02-29', '2024-02-29T00:00:00.000Z'],
		['0050-06-01', '0050-06-01T00:00:00.000Z'],
	])('%s is the instant %s (UTC unless it has an offset)', (text, iso) => {
		const bound = parseTimeBound(text);
		expect(bound?.kind === 'at' ? bound.at.toISOString() : bound).toBe(iso);
	});

	it.each(['', 'now', '15', '15min', '-1h', '1.5h', '15M', '2026-11', '2026-13-01', '2026-02-29', '2026-11-31', '2026-11-01T24:00', '2026-11-01T10:60', '2026-11-01T10:00+24:00', '2026-11-01Z', '26-11-01'])(
		'%j is not a time, and says what is',
		text => {
			expect(parseTimeBound(text)).toBeUndefined();
			const read = readTimeBound(text);
			expect(read.ok).toBe(false);
			expect(read.ok ? '' : read.message).toMatch(/not a time: use a duration|not a real date/);
		},
	);

	it('refuses a duration reaching past what a date can hold', () => {
		expect(readTimeBound('999999999999d')).toEqual({ok: false, message: '"999999999999d" is too far back'});
		expect(readTimeBound('9999999999999999999999w')).toEqual({ok: false, message: '"9999999999999999999999w" is too far back'});
	});
});

describe('resolveWindow', () => {
	const now = new Date('2026-11-24T12:00:00Z');
	const window = (text: string) => {
		const result = parseQuery(text);
		if (!result.ok) {
			throw new Error(result.error.message);
		}

		const {start, end} = resolveWindow(result.query, now);
		return [start.toISOString(), end.toISOString()];
	};

	it('defaults to the 90 days CloudTrail keeps, up to now', () => {
		expect(window('user:alice')).toEqual(['2026-08-26T12:00:00.000Z', '2026-11-24T12:00:00.000Z']);
	});

	it('counts relative bounds back from the moment the query starts', () => {
		expect(window('since:15m')).toEqual(['2026-11-24T11:45:00.000Z', '2026-11-24T12:00:00.000Z']);
		expect(window('since:7d until:1d')).toEqual(['2026-11-17T12:00:00.000Z', '2026-11-23T12:00:00.000Z']);
	});

	it('takes absolute bounds as they are, and clamps nothing', () => {
		expect(window('since:2026-11-01 until:2026-11-02T06:00+02:00')).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-02T04:00:00.000Z']);
		expect(window('since:2020-01-01')).toEqual(['2020-01-01T00:00:00.000Z', '2026-11-24T12:00:00.000Z']);
		expect(window('until:2026-11-01')[0]).toBe('2026-08-26T12:00:00.000Z');
	});

	it('hands out new Dates, so a caller cannot move `now`', () => {
		const query: Query = {text: '', terms: [], since: undefined, until: undefined};
		const {end} = resolveWindow(query, now);
		end.setTime(0);
		expect(now.toISOString()).toBe('2026-11-24T12:00:00.000Z');
	});
});
