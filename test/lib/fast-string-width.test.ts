import stringWidth from 'string-width';
import {describe, expect, it, vi} from 'vitest';
import fastStringWidth, {singleColumnText} from '../../source/lib/fast-string-width.js';

// Wrapped so a test can see what string-width is handed; every call still goes to the real one.
vi.mock('string-width', async importOriginal => {
	const real = await importOriginal<typeof import('string-width')>();
	return {default: vi.fn(real.default)};
});

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

	// Found by test/fuzz: string-width walks a text with one grapheme iterator whose steps cost more
	// the further in they are, so a 100 KB field took over ten seconds to measure. Long text is
	// measured in pieces cut at grapheme boundaries; the answer must not change.
	it('measures long text in pieces exactly as string-width measures it whole', () => {
		const units = ['é', '漢字', 'e\u0301\u0302', '👩‍👩‍👧', '🇬🇧🇬', '\u1100\u1161\u11A8', '\u0D4Ea', 'ｶﾞ', 'a\u0903'];
		for (const unit of [...units, units.join(''), '\u0301'.repeat(700) + 'x', `x${'\u200D👩'.repeat(300)}`]) {
			for (const length of [511, 513, 1500, 3000]) {
				const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
				expect(fastStringWidth(text), `${JSON.stringify(unit)} x ${length}`).toBe(stringWidth(text));
			}
		}
	});

	it('never hands string-width a long text whole, whose cost grows with the square of its length', () => {
		const text = 'a漢e\u0301👩‍👩‍👧 '.repeat(10_000);
		vi.mocked(stringWidth).mockClear();
		fastStringWidth(text);
		const longest = Math.max(...vi.mocked(stringWidth).mock.calls.map(([input]) => input.length));
		expect(longest).toBeLessThanOrEqual(512);
	});
});
