// The window the archive reads (domain/archive/lookup.ts): the query's own, or 7 days back from its
// end, never LookupEvents' 90-day default (every byte the archive scans is billed).
import {describe, expect, it} from 'vitest';
import {archiveWindow, archiveWindowQuery} from '../../../source/domain/archive/lookup.js';
import {parseQuery} from '../../../source/domain/query/parse.js';

const now = new Date(Date.UTC(2026, 10, 30, 12));
const day = 24 * 60 * 60 * 1000;

function query(text: string) {
	const parsed = parseQuery(text);
	if (!parsed.ok) {
		throw new Error(parsed.error.message);
	}

	return parsed.query;
}

describe('archiveWindow', () => {
	it('reads the last 7 days when the query names no window', () => {
		expect(archiveWindow(query('user:alice'), {}, now)).toEqual({start: new Date(now.getTime() - 7 * day), end: now});
	});

	it("reads 7 days before until: (not from 90 days before now, which would be empty or inverted for an old until:)", () => {
		const until = new Date(Date.UTC(2026, 2, 1));
		const ninetyDaysBack = new Date(now.getTime() - 90 * day);
		expect(archiveWindow(query('until:2026-03-01'), {start: ninetyDaysBack, end: until}, now)).toEqual({start: new Date(until.getTime() - 7 * day), end: until});
	});

	it("keeps the query's own since:", () => {
		const start = new Date(now.getTime() - 365 * day);
		expect(archiveWindow(query('since:365d'), {start, end: now}, now)).toEqual({start, end: now});
	});

	it('titles say the 7 days when the query names no window, and keep a window it names', () => {
		expect(archiveWindowQuery(query('event:ConsoleLogin')).since).toMatchObject({kind: 'ago', ms: 7 * day});
		expect(archiveWindowQuery(query('since:30d')).since).toMatchObject({kind: 'ago', ms: 30 * day});
	});
});
