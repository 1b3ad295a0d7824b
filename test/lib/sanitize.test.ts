import {describe, expect, it} from 'vitest';
import {
	isPlainText,
	joinSafe,
	repeatSafe,
	safe,
	sanitize,
	sanitizeJson,
	sanitizeLine,
	sanitizeLines,
	sanitizeMultiline,
	sanitizeProgramLine,
	stripUnsafe,
} from '../../source/lib/sanitize.js';

// Anything a terminal might interpret: C0, DEL, C1, bidi controls, line/paragraph separators.
const dangerous = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;

function allCodePoints(from: number, to: number): string {
	let text = '';
	for (let code = from; code <= to; code++) {
		text += String.fromCodePoint(code);
	}

	return text;
}

describe('sanitize', () => {
	it.each([
		['OSC window title', '\u001B]0;title\u0007', '\\x1b]0;title\\x07'],
		['clear screen', '\u001B[2J', '\\x1b[2J'],
		['8-bit CSI', '\u009B31m', '\\x9b31m'],
		['8-bit OSC with ST', '\u009D0;t\u009C', '\\x9d0;t\\x9c'],
		['carriage return', 'safe\rforged', 'safe\\x0dforged'],
		['backspace', 'ab\bc', 'ab\\x08c'],
		['newline and tab', 'a\nb\tc', 'a\\x0ab\\x09c'],
		['DEL', 'a\u007Fb', 'a\\x7fb'],
		['right-to-left override', 'user\u202Egpj.exe', 'user\\u202egpj.exe'],
		['isolates and marks', '\u2066\u2069\u200E\u200F\u061C', '\\u2066\\u2069\\u200e\\u200f\\u061c'],
		['lone high surrogate', 'a\uD800b', 'a\\ud800b'],
		['lone low surrogate', '\uDC00', '\\udc00'],
		['NUL', '\u0000', '\\x00'],
	])('escapes %s visibly', (_name, input, expected) => {
		expect(sanitize(input)).toBe(expected);
	});

	it('leaves no code point a terminal would act on, across all of C0, DEL and C1', () => {
		const output = sanitize(allCodePoints(0, 0xA0));
		expect(output).not.toMatch(dangerous);
		expect(output.endsWith('\u00A0')).toBe(true);
	});

	it.each([
		['ASCII', 'arn:aws:iam::123456789012:user/alice'],
		['CJK', '管理者ユーザー'],
		['emoji with ZWJ and skin tone', '👩🏽‍💻 deploy 🚀'],
		['combining marks', 'e\u0301te\u0301'],
		['flags', '🇯🇵🇩🇪'],
		['accented Latin-1', 'Zoë café ñ'],
		['a literal backslash', 'C:\\x1b\\path'],
	])('passes %s through unchanged', (_name, text) => {
		expect(sanitize(text)).toBe(text);
	});

	it('is idempotent', () => {
		const once = sanitize('\u001B[31m\u009B\u202E');
		expect(sanitize(once)).toBe(once);
	});
});

describe('sanitizeLine', () => {
	it('folds whitespace runs, newlines and tabs into one space and trims', () => {
		expect(sanitizeLine('  Access\r\n\tdenied   for\n\nuser  ')).toBe('Access denied for user');
	});

	it('still neutralises controls that are not whitespace', () => {
		expect(sanitizeLine('a\u001B[2J  b\u009B')).toBe('a\\x1b[2J b\\x9b');
	});

	it('folds Unicode line separators rather than escaping them', () => {
		expect(sanitizeLine('a\u2028b')).toBe('a b');
	});
});

describe('sanitizeMultiline', () => {
	it('keeps newlines and neutralises the rest, CR included', () => {
		expect(sanitizeMultiline('line 1\r\nline 2\u001B[2J\n\u009D0;x\u0007')).toBe('line 1\\x0d\nline 2\\x1b[2J\n\\x9d0;x\\x07');
	});

	it('passes wide text and emoji through', () => {
		expect(sanitizeMultiline('日本\n🚀')).toBe('日本\n🚀');
	});

	it('leaves nothing dangerous except LF', () => {
		const output = sanitizeMultiline(allCodePoints(0, 0xA0) + '\u202A\u2066\uD800');
		expect(output.replaceAll('\n', '')).not.toMatch(dangerous);
		expect(output).toContain('\n');
	});
});

describe('sanitizeLines', () => {
	it('gives one sanitised line per line, CR and escapes neutralised', () => {
		expect(sanitizeLines('a\r\nb\u001B[2J\n\u202Ec')).toEqual(['a\\x0d', 'b\\x1b[2J', '\\u202ec']);
	});
});

describe('sanitizeProgramLine', () => {
	it('drops colour codes and turns stray controls into spaces, as a person reading the output expects', () => {
		expect(sanitizeProgramLine('\u001B[31mError:\u001B[0m token\u0007expired\n  retry')).toBe('Error: token expired retry');
	});

	it('still escapes what is not a control, such as bidi overrides', () => {
		expect(sanitizeProgramLine('user \u202Eexe.txt')).toBe('user \\u202eexe.txt');
	});
});

describe('sanitizeJson', () => {
	it('escapes what JSON.stringify leaves raw as JSON escapes, keeping the JSON equal and its newlines', () => {
		const value = {s: 'a\u009Bb\u202Ec\u2028'};
		const json = sanitizeJson(JSON.stringify(value, null, 2));
		expect(json).toBe('{\n  "s": "a\\u009bb\\u202ec\\u2028"\n}');
		expect(JSON.parse(json)).toEqual(value);
	});
});

describe('typed input', () => {
	it('isPlainText is true only when there is nothing to escape', () => {
		expect(isPlainText('prod 日本 🚀')).toBe(true);
		for (const text of ['a\tb', '\u001B', '\u009B', '\u202E', '\uD800']) {
			expect(isPlainText(text), JSON.stringify(text)).toBe(false);
		}
	});

	it('stripUnsafe removes controls rather than showing them, since nobody meant to type them', () => {
		expect(stripUnsafe('\u001B[31mpr\u202Eod\n🚀')).toBe('[31mprod🚀');
	});
});

describe('safe`…`', () => {
	it('joins the literal parts with SafeText and numbers', () => {
		expect(safe`Trails in ${sanitizeLine('eu-west-1\u001B')} (${3})`).toBe('Trails in eu-west-1\\x1b (3)');
		expect(safe``).toBe('');
	});

	it('joinSafe and repeatSafe keep to their inputs', () => {
		expect(joinSafe([safe`a`, safe`b`], safe` · `)).toBe('a · b');
		expect(joinSafe([safe`a`, safe`b`])).toBe('ab');
		expect(repeatSafe(safe`─`, 3)).toBe('───');
		expect(repeatSafe(safe`─`, -1)).toBe('');
	});
});
