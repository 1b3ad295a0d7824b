import {describe, expect, it} from 'vitest';
import stringWidth from 'string-width';
import {renderRow} from '../../source/lib/columns.js';
import {displayWidth, padToWidth, truncateToWidth} from '../../source/lib/text-width.js';

describe('displayWidth', () => {
	it.each([
		['', 0],
		['abc', 3],
		['日本語', 6],
		['🚀', 2],
		['👩🏽‍💻', 2],
		['e\u0301', 1],
		['…', 1],
	])('%j is %d columns', (text, width) => {
		expect(displayWidth(text)).toBe(width);
	});
});

describe('truncateToWidth', () => {
	it('returns text that fits unchanged', () => {
		expect(truncateToWidth('abc', 3)).toBe('abc');
		expect(truncateToWidth('日本', 4)).toBe('日本');
	});

	it('cuts ASCII with an ellipsis to exactly the width', () => {
		expect(truncateToWidth('abcdef', 4)).toBe('abc…');
	});

	it('never splits a wide character; pads the gap instead', () => {
		const result = truncateToWidth('日本語テキスト', 6);
		expect(result).toBe('日本… ');
		expect(displayWidth(result)).toBe(6);
	});

	it('keeps emoji ZWJ sequences whole', () => {
		const result = truncateToWidth('👩🏽‍💻👩🏽‍💻👩🏽‍💻', 4);
		expect(result).toBe('👩🏽‍💻… ');
		expect(displayWidth(result)).toBe(4);
	});

	it('never exceeds the width for any width', () => {
		const samples = ['hello world', '日本語テキスト', 'a日b本c', '🚀x🚀y🚀', 'e\u0301e\u0301e\u0301e\u0301'];
		for (const text of samples) {
			for (let width = 0; width <= displayWidth(text) + 1; width++) {
				const result = truncateToWidth(text, width);
				expect(displayWidth(result)).toBeLessThanOrEqual(width);
				if (displayWidth(text) > width) {
					expect(displayWidth(result)).toBe(width);
				}
			}
		}
	});

	it('supports a custom or empty ellipsis and drops it when it cannot fit', () => {
		expect(truncateToWidth('abcdef', 5, '...')).toBe('ab...');
		expect(truncateToWidth('abcdef', 3, '')).toBe('abc');
		expect(truncateToWidth('abcdef', 2, '...')).toBe('ab');
		expect(truncateToWidth('abcdef', 1)).toBe('…');
		expect(truncateToWidth('abcdef', 0)).toBe('');
	});
});

describe('padToWidth', () => {
	it('pads left-aligned by default and right-aligned on request', () => {
		expect(padToWidth('ab', 5)).toBe('ab   ');
		expect(padToWidth('ab', 5, 'right')).toBe('   ab');
	});

	it('pads by display width, not string length', () => {
		expect(padToWidth('日本', 6)).toBe('日本  ');
		expect(displayWidth(padToWidth('🚀', 5, 'right'))).toBe(5);
	});

	it('truncates text that is too long', () => {
		expect(padToWidth('abcdefgh', 5)).toBe('abcd…');
		expect(displayWidth(padToWidth('日本語', 5))).toBe(5);
	});

	// Found by test/fuzz: a user name ending in U+0D4E (Malayalam dot reph, which attaches to the
	// character after it) or starting with an emoji skin tone (which attaches to the one before)
	// formed one grapheme with the space next to it, and the row came out narrower than the header.
	it('keeps a cell from forming a grapheme with the spaces around it', () => {
		for (const name of ['\u0D4E', 'abc\u0600', 'x\u{11F02}', '\u{1F3FD}', '\u0E33ab', '\u0301x', '日\u0D4E']) {
			const row = renderRow({user: name, ip: '10.0.0.1'}, [{key: 'user', width: 6}, {key: 'ip', width: 8, align: 'right'}]);
			expect(stringWidth(row), JSON.stringify(name)).toBe(15);
			expect(stringWidth(`z${padToWidth(name, 5, 'right')}z`), JSON.stringify(name)).toBe(7);
		}
	});
});
