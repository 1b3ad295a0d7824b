import {describe, expect, it} from 'vitest';
import {findMatches, firstMatchFrom, matchesOnLine, stepMatch} from '../../source/lib/text-search.js';
import {reveal, scrollRows, scrollSideways, startOfRecord, topRow} from '../../source/lib/detail-reading.js';
import {layoutRows} from '../../source/lib/wrap-rows.js';

const lines = ['{', '  "Action": "s3:GetObject",', '  "Resource": "arn:aws:s3:::a/*", "action": "s3:getobject s3:GetObject"', '}'];

describe('findMatches', () => {
	it('finds every occurrence with its line and offsets, in reading order', () => {
		const {list, capped} = findMatches(lines, 'getobject');
		expect(capped).toBe(false);
		expect(list).toEqual([
			{line: 1, start: 16, end: 25},
			{line: 2, start: 48, end: 57},
			{line: 2, start: 61, end: 70},
		]);
		for (const match of list) {
			expect(lines[match.line]!.slice(match.start, match.end).toLowerCase()).toBe('getobject');
		}
	});

	it('ignores case unless the needle has a capital letter', () => {
		expect(findMatches(lines, 'action').list).toHaveLength(2);
		expect(findMatches(lines, 'Action').list).toEqual([{line: 1, start: 3, end: 9}]);
	});

	it('takes the needle literally', () => {
		expect(findMatches(lines, 'a/*').list).toEqual([{line: 2, start: 28, end: 31}]);
		expect(findMatches(lines, '.').list).toEqual([]);
		expect(findMatches(lines, '').list).toEqual([]);
	});

	it('keeps offsets right where folding case changes a string\'s length', () => {
		const text = ['İstanbul istanbul 漢字👩‍👩‍👧 ISTANBUL'];
		const {list} = findMatches(text, 'istanbul');
		expect(list.map(match => text[0]!.slice(match.start, match.end))).toEqual(['istanbul', 'ISTANBUL']);
		expect(findMatches(text, '👩‍👩‍👧').list).toEqual([{line: 0, start: 20, end: 28}]);
	});

	it('stops at the limit and says so', () => {
		const many = Array.from({length: 50}, () => 'a a a');
		expect(findMatches(many, 'a', 120)).toMatchObject({capped: true, list: {length: 120}});
	});
});

describe('moving between matches', () => {
	const {list} = findMatches(lines, 'getobject');

	it('starts from the first match at or after the line on top, wrapping round to the first', () => {
		expect(firstMatchFrom(list, 0)).toBe(0);
		expect(firstMatchFrom(list, 2)).toBe(1);
		expect(firstMatchFrom(list, 3)).toBe(0);
		expect(firstMatchFrom([], 0)).toBe(-1);
	});

	it('n after the last goes to the first, N before the first to the last', () => {
		expect(stepMatch(3, 0, 1)).toBe(1);
		expect(stepMatch(3, 2, 1)).toBe(0);
		expect(stepMatch(3, 0, -1)).toBe(2);
		expect(stepMatch(3, 1, -1)).toBe(0);
		expect(stepMatch(3, -1, 1)).toBe(0);
		expect(stepMatch(3, -1, -1)).toBe(2);
		expect(stepMatch(0, 0, 1)).toBe(-1);
	});

	it('finds the matches of one line', () => {
		expect(matchesOnLine(list, 2)).toEqual({from: 1, to: 3});
		expect(matchesOnLine(list, 1)).toEqual({from: 0, to: 1});
		expect(matchesOnLine(list, 0)).toEqual({from: 0, to: 0});
		expect(matchesOnLine(list, 3)).toEqual({from: 3, to: 3});
	});
});

describe('reading position', () => {
	const texts = Array.from({length: 100}, (_, index) => (index === 60 ? `line ${index} ${'x'.repeat(150)} needle` : `line ${index}`));

	it('brings a match off screen a third of the way down, and leaves one on screen where it is', () => {
		const layout = layoutRows(texts, 40, true);
		const match = findMatches(texts, 'needle').list[0]!;
		const moved = reveal(startOfRecord, layout, texts[60]!, match, {viewport: 12, width: 40});
		const top = topRow(layout, moved.top, 12);
		const row = layout.rows.findIndex(candidate => candidate.line === 60 && candidate.to > match.start && candidate.from <= match.start);
		expect(row - top).toBe(4);
		expect(reveal(moved, layout, texts[60]!, match, {viewport: 12, width: 40})).toEqual(moved);
	});

	it('scrolls sideways to a match when lines are not wrapped', () => {
		const layout = layoutRows(texts, 40, false);
		const match = findMatches(texts, 'needle').list[0]!;
		const moved = reveal(startOfRecord, layout, texts[60]!, match, {viewport: 12, width: 40});
		expect(moved.x).toBeGreaterThan(0);
		expect(match.start - moved.x).toBeGreaterThanOrEqual(0);
		expect(match.end - moved.x).toBeLessThanOrEqual(40);
	});

	it('keeps the same line on top when wrapping is switched', () => {
		const wrapped = layoutRows(texts, 40, true);
		let reading = startOfRecord;
		for (let press = 0; press < 70; press++) {
			reading = scrollRows(reading, wrapped, 'down', 10);
		}

		const line = wrapped.rows[topRow(wrapped, reading.top, 10)]!.line;
		expect(line).toBeGreaterThan(60);
		const unwrapped = layoutRows(texts, 40, false);
		expect(unwrapped.rows[topRow(unwrapped, reading.top, 10)]!.line).toBe(line);
	});

	it('goes sideways half a screen at a time, never past the widest line', () => {
		const layout = layoutRows(texts, 40, false);
		let reading = scrollSideways(startOfRecord, layout, 1, 40);
		expect(reading.x).toBe(20);
		for (let press = 0; press < 20; press++) {
			reading = scrollSideways(reading, layout, 1, 40);
		}

		expect(reading.x).toBe(texts[60]!.length - 40);
		expect(scrollSideways(startOfRecord, layout, -1, 40).x).toBe(0);
		expect(scrollSideways(startOfRecord, layoutRows(texts, 40, true), 1, 40).x).toBe(0);
	});
});
