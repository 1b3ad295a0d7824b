import {describe, expect, it} from 'vitest';
import {highlightJson} from '../../source/lib/json-highlight.js';
import {jsonLinesToText} from '../helpers/json-lines.js';
import {escapeJsonOutput, safeJsonStringify} from '../../source/lib/safe-json.js';

const dangerous = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;

describe('highlightJson', () => {
	it('lays out like JSON.stringify(value, null, 2) with typed tokens', () => {
		const value = {name: 'x', count: 3, ok: true, none: null, list: [1, 'a'], empty: {}, nothing: []};
		const lines = highlightJson(value);
		expect(jsonLinesToText(lines)).toBe(JSON.stringify(value, null, 2));
		expect(lines[0]).toEqual([{text: '{', kind: 'punct'}]);
		expect(lines[1]).toEqual([
			{text: '  ', kind: 'punct'},
			{text: '"name"', kind: 'key'},
			{text: ': ', kind: 'punct'},
			{text: '"x"', kind: 'string'},
			{text: ',', kind: 'punct'},
		]);
		const kinds = new Set(lines.flat().map(token => token.kind));
		expect(kinds).toEqual(new Set(['punct', 'key', 'string', 'number', 'boolean', 'null']));
	});

	it('handles scalars at the top level', () => {
		expect(highlightJson('hi')).toEqual([[{text: '"hi"', kind: 'string'}]]);
		expect(highlightJson(42)).toEqual([[{text: '42', kind: 'number'}]]);
		expect(highlightJson(null)).toEqual([[{text: 'null', kind: 'null'}]]);
		expect(highlightJson(undefined)).toEqual([[{text: 'null', kind: 'null'}]]);
	});

	it('follows JSON.stringify for dates, undefined and non-finite numbers; bigints become strings', () => {
		const value = {when: new Date('2026-01-01T00:00:00Z'), gone: undefined, nan: Number.NaN, big: 10n};
		expect(jsonLinesToText(highlightJson(value))).toBe(
			'{\n  "when": "2026-01-01T00:00:00.000Z",\n  "nan": null,\n  "big": "10"\n}',
		);
	});

	it('does not throw on cycles', () => {
		const cyclic: Record<string, unknown> = {};
		cyclic['self'] = cyclic;
		const [line] = highlightJson(cyclic);
		expect(line?.[0]?.kind).toBe('string');
		expect(line?.[0]?.text).toContain('unserialisable');
	});

	it('leaves no terminal control in any token, keys included, including what JSON.stringify leaves raw', () => {
		const hostile = '\u001B]0;t\u0007 \u009B31m \u009D0;x\u009C \u202Eevil\u2066 \u2028 \u007F \uD800';
		const value = {[hostile]: [hostile, {nested: hostile}]};
		const lines = highlightJson(value);
		for (const token of lines.flat()) {
			expect(token.text).not.toMatch(dangerous);
		}

		// Still valid JSON meaning the same thing as JSON.stringify's own output.
		expect(JSON.parse(jsonLinesToText(lines))).toEqual(JSON.parse(JSON.stringify(value)));
	});

	it('keeps CJK and emoji readable rather than escaped', () => {
		const lines = highlightJson({user: '管理者 🚀'});
		expect(lines[1]?.[3]?.text).toBe('"管理者 🚀"');
	});

	it('handles a 100 KB record with the right number of lines', () => {
		const record: Record<string, unknown> = {
			eventVersion: '1.09',
			requestParameters: {
				items: Array.from({length: 800}, (_, index) => ({id: `i-${index.toString(16).padStart(17, '0')}`, tags: [{key: 'Name', value: `server-${index}`}], size: index})),
			},
		};
		const text = JSON.stringify(record, null, 2);
		expect(text.length).toBeGreaterThan(100_000);
		const lines = highlightJson(record);
		expect(lines).toHaveLength(text.split('\n').length);
		expect(jsonLinesToText(lines)).toBe(text);
	});
});

describe('safeJsonStringify', () => {
	it('escapes C1, DEL, bidi and line separators as \\u escapes and stays equivalent JSON', () => {
		const value = {s: 'a\u009Bb\u007Fc\u202Ed\u2028e\u2029f\u061C'};
		const json = safeJsonStringify(value);
		expect(json).toBe('{"s":"a\\u009bb\\u007fc\\u202ed\\u2028e\\u2029f\\u061c"}');
		expect(JSON.parse(json)).toEqual(value);
	});

	it('escapeJsonOutput leaves ordinary JSON untouched', () => {
		const json = JSON.stringify({a: [1, 'ü日🚀'], b: null}, null, 2);
		expect(escapeJsonOutput(json)).toBe(json);
	});
});
