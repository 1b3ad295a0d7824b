import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {layoutRows, rowAt, wrapText} from '../../source/lib/wrap-rows.js';
import {cutColumns, lineText, rowPieces} from '../../source/lib/row-pieces.js';
import {graphemes, sliceColumns} from '../../source/lib/text-width.js';
import {highlightJson} from '../../source/lib/json-highlight.js';
import {safe} from '../../source/lib/sanitize.js';

/** Each row's text as the screen shows it: its indentation, then its part of the line. */
function shown(text: string, width: number): string[] {
	return wrapText(text, width).map(row => ' '.repeat(row.indent) + text.slice(row.from, row.to));
}

describe('wrapText', () => {
	it('keeps a line that fits as one row', () => {
		expect(wrapText('short', 10)).toEqual([{from: 0, to: 5, indent: 0}]);
		expect(wrapText('exactly 10', 10)).toEqual([{from: 0, to: 10, indent: 0}]);
	});

	it('breaks after a space when the row stays at least half full, and hangs continuations under the indentation', () => {
		const line = '    "errorMessage": "User alice is not authorized to perform s3:GetObject on resource assets"';
		const rows = shown(line, 40);
		expect(rows).toEqual([
			'    "errorMessage": "User alice is not ',
			'      authorized to perform ',
			'      s3:GetObject on resource assets"',
		]);
		// Nothing is lost or repeated: the rows put back together are the line.
		expect(wrapText(line, 40).map(row => line.slice(row.from, row.to)).join('')).toBe(line);
	});

	it('cuts a word longer than the row at the width', () => {
		const line = `"${'a'.repeat(25)}"`;
		const rows = shown(line, 10);
		expect(rows.every(row => row.length <= 10)).toBe(true);
		expect(rows.map(row => row.trimStart()).join('')).toBe(line);
		expect(rows[1]).toBe(`  ${'a'.repeat(8)}`);
	});

	it.each([7, 8, 9, 10, 13])('never splits a wide character or lets one hang over the edge (width %i)', width => {
		const line = `"名前": "${'東京都千代田区🇯🇵👩‍👩‍👧あいう'.repeat(4)}"`;
		const rows = wrapText(line, width);
		expect(rows.length).toBeGreaterThan(1);
		expect(rows.map(row => line.slice(row.from, row.to)).join('')).toBe(line);
		for (const row of rows) {
			const text = line.slice(row.from, row.to);
			expect(row.indent + stringWidth(text)).toBeLessThanOrEqual(width);
			// Cut at grapheme boundaries only: the flag and the family emoji stay whole.
			expect([...new Intl.Segmenter().segment(text)].map(part => part.segment).join('')).toBe(text);
			expect(text).not.toMatch(/^\u200D|\u200D$|^[\u{1F1E6}-\u{1F1FF}]$/u);
		}
	});

	it('handles degenerate widths without looping or losing text', () => {
		expect(wrapText('abc', 0)).toEqual([{from: 0, to: 3, indent: 0}]);
		const rows = wrapText('漢字', 1);
		expect(rows.map(row => '漢字'.slice(row.from, row.to))).toEqual(['漢', '字']);
	});
});

describe('layoutRows', () => {
	const texts = ['{', `  "long": "${'word '.repeat(30)}",`, '  "cjk": "漢字漢字漢字漢字漢字漢字"', '}'];

	it('wraps only the lines wider than the screen, and knows each line\'s first row', () => {
		const layout = layoutRows(texts, 40, true);
		expect(layout.rows.filter(row => row.line === 1).length).toBeGreaterThan(2);
		expect(layout.rows.filter(row => row.line === 0)).toHaveLength(1);
		expect(layout.firstRow[2]).toBe(layout.rows.findIndex(row => row.line === 2));
		expect(layout.widest).toBe(stringWidth(texts[1]!));
		expect(rowAt(layout, 1, texts[1]!.length - 1)).toBe(layout.firstRow[2]! - 1);
	});

	it('without wrapping, one row per line', () => {
		const layout = layoutRows(texts, 40, false);
		expect(layout.rows).toEqual(texts.map((text, line) => ({line, from: 0, to: text.length, indent: 0})));
	});
});

describe('rows of coloured tokens', () => {
	const lines = highlightJson({message: `${'a long value '.repeat(8)}end`, count: 12});

	it('keeps each piece\'s colour on every row a token is wrapped over', () => {
		const line = lines[1]!;
		const rows = wrapText(lineText(line), 30);
		expect(rows.length).toBeGreaterThan(2);
		const value = line.find(token => token.kind === 'string')!;
		let valueShown = '';
		for (const [index, row] of rows.entries()) {
			const pieces = rowPieces(line, {line: 1, ...row});
			// Rows after the first hold only the string (and the comma after it), still typed a string.
			if (index > 0) {
				expect(pieces.map(piece => piece.kind).filter(kind => kind !== 'punct')).toEqual(['string']);
			}

			valueShown += pieces.filter(piece => piece.kind === 'string').map(piece => piece.text).join('');
		}

		expect(valueShown).toBe(value.text);
		expect(rowPieces(line, {line: 1, ...rows[0]!}).map(piece => piece.kind)).toEqual(['punct', 'key', 'punct', 'string']);
	});

	it('splits pieces where search matches start and end, marking the current one', () => {
		const line = lines[1]!;
		const text = lineText(line);
		const first = text.indexOf('value');
		const second = text.indexOf('value', first + 1);
		const pieces = rowPieces(line, {line: 1, from: 0, to: text.length, indent: 0}, [
			{start: first, end: first + 5, current: false},
			{start: second, end: second + 5, current: true},
		]);
		expect(pieces.filter(piece => piece.mark).map(piece => [piece.text, piece.kind, piece.mark])).toEqual([
			['value', 'string', 'match'],
			['value', 'string', 'current'],
		]);
		expect(pieces.map(piece => piece.text).join('')).toBe(text);
	});

	it('cuts columns for sideways scrolling, wide characters at an edge becoming spaces', () => {
		const pieces = [
			{text: safe`ab`, kind: 'key' as const},
			{text: safe`漢字漢`, kind: 'string' as const},
			{text: safe`cd`, kind: 'number' as const},
		];
		// Columns: a b 漢漢 字字 漢漢 c d
		expect(cutColumns(pieces, 3, 4).map(piece => [piece.text, piece.kind])).toEqual([[' 字 ', 'string']]);
		expect(cutColumns(pieces, 1, 4).map(piece => piece.text)).toEqual(['b', '漢 ']);
		expect(cutColumns(pieces, 6, 10).map(piece => piece.text)).toEqual(['漢', 'cd']);
		expect(cutColumns(pieces, 10, 5)).toEqual([]);
	});
});

describe('graphemes and sliceColumns', () => {
	it('match Intl.Segmenter and string-width on long mixed text, across window boundaries', () => {
		const text = 'café 漢字 👩‍👩‍👧 e\u0301 🇯🇵 '.repeat(80);
		const expected = [...new Intl.Segmenter().segment(text)].map(({segment, index}) => ({index, segment, width: stringWidth(segment)}));
		expect([...graphemes(text)]).toEqual(expected);
	});

	it('slices by columns', () => {
		expect(sliceColumns('hello world', 6, 11)).toBe('world');
		expect(sliceColumns('漢字', 1, 3)).toBe('  ');
		expect(sliceColumns('a漢b', 0, 2)).toBe('a ');
		expect(sliceColumns('a漢b', 1, 4)).toBe('漢b');
	});
});
