import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import fastStringWidth, {singleColumnText} from '../../source/lib/fast-string-width.js';

describe('fastStringWidth', () => {
	it('agrees with string-width on every character its fast path accepts', () => {
		const disagreements: string[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			const char = String.fromCodePoint(code);
			if (singleColumnText.test(char) && stringWidth(char) !== 1) {
				disagreements.push(`U+${code.toString(16).padStart(4, '0')}`);
			}
		}

		expect(disagreements).toEqual([]);
	});

	it('measures UI text, wide text, emoji, marks and escape codes like string-width', () => {
		for (const text of [
			'› demo  Local sample data — no AWS account needed',
			'↑↓ move · Enter choose ▏ …',
			'山田太郎',
			'👩‍💻 ok',
			'e\u0301',
			'soft\u00ADhyphen',
			'\u001B[31mred\u001B[39m',
			'\u001B[1m\u001B[36mtrailview\u001B[39m\u001B[22m · \u001B[7m› prod\u001B[27m',
			'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007',
			'',
		]) {
			expect(fastStringWidth(text)).toBe(stringWidth(text));
		}
	});

	it('leaves options it does not model to string-width', () => {
		expect(fastStringWidth('·', {ambiguousIsNarrow: false})).toBe(stringWidth('·', {ambiguousIsNarrow: false}));
		expect(fastStringWidth('\u001B[31mx', {countAnsiEscapeCodes: true})).toBe(stringWidth('\u001B[31mx', {countAnsiEscapeCodes: true}));
	});
});
