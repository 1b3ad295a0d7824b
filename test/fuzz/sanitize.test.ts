// The one sanitiser, fuzzed: whatever the text, nothing a terminal acts on gets through, and
// everything else gets through unchanged.
import fc from 'fast-check';
import {describe, it} from 'vitest';
import {sanitize, sanitizeLine, sanitizeMultiline} from '../../source/lib/sanitize.js';
import {fieldText} from './arbitraries.js';
import {fuzz, unsafeIn} from './fuzz.js';

/** Independent of the sanitiser's regex: the code points the README promises are made visible. */
function isUnsafe(code: number): boolean {
	return (
		code <= 0x1f ||
		(code >= 0x7f && code <= 0x9f) ||
		code === 0x61c ||
		code === 0x200e ||
		code === 0x200f ||
		(code >= 0x2028 && code <= 0x202e) ||
		(code >= 0x2066 && code <= 0x2069) ||
		(code >= 0xd800 && code <= 0xdfff)
	);
}

/** What sanitize should give: each unsafe code point as \xHH or \uHHHH, everything else as is. */
function expectedSanitized(text: string, keepNewline: boolean): string {
	let out = '';
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (isUnsafe(code) && !(keepNewline && code === 0x0a)) {
			out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
		} else {
			out += char;
		}
	}

	return out;
}

const check = (condition: boolean, what: string, text: string) => {
	if (!condition) {
		throw new Error(`${what}: ${JSON.stringify(text.slice(0, 200))}`);
	}
};

describe('sanitiser (fuzzed)', () => {
	it('sanitize lets no control, bidi control or lone surrogate through, and changes nothing else', () => {
		fuzz(
			fc.property(fieldText, text => {
				const out = sanitize(text);
				const unsafe = unsafeIn(out);
				check(unsafe === undefined, `unsafe ${unsafe} in output`, out);
				check(out === expectedSanitized(text, false), 'output is not the input with unsafe code points escaped', out);
				check(sanitize(out) === out, 'sanitising twice changes the text', out);
			}),
			2000,
		);
	});

	it('sanitizeLine gives one line: no control at all, whitespace runs folded to one space, no space at the ends', () => {
		fuzz(
			fc.property(fieldText, text => {
				const out = sanitizeLine(text);
				const unsafe = unsafeIn(out);
				check(unsafe === undefined, `unsafe ${unsafe} in output`, out);
				check(!/\s{2}/.test(out) && out === out.trim(), 'whitespace not folded and trimmed', out);
				check(sanitizeLine(out) === out, 'sanitising twice changes the line', out);
			}),
			2000,
		);
	});

	it('sanitizeMultiline keeps exactly the newlines and escapes everything else unsafe', () => {
		fuzz(
			fc.property(fieldText, text => {
				const out = sanitizeMultiline(text);
				const unsafe = unsafeIn(out, true);
				check(unsafe === undefined, `unsafe ${unsafe} in output`, out);
				check(out === expectedSanitized(text, true), 'output is not the input with unsafe code points (but newlines) escaped', out);
				check(out.split('\n').length === text.split('\n').length, 'line count changed', out);
			}),
			2000,
		);
	});
});
