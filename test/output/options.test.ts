import {describe, expect, it} from 'vitest';
import {chooseRunMode, defaultLimit, isOutputFormat, parseLimit} from '../../source/output/options.js';

describe('chooseRunMode', () => {
	it('runs the UI only with a TTY on both stdin and stdout', () => {
		expect(chooseRunMode({output: undefined, stdinIsTTY: true, stdoutIsTTY: true})).toEqual({kind: 'ui'});
		expect(chooseRunMode({output: undefined, stdinIsTTY: true, stdoutIsTTY: false})).toEqual({kind: 'output', format: 'table'});
		expect(chooseRunMode({output: undefined, stdinIsTTY: false, stdoutIsTTY: true})).toEqual({kind: 'output', format: 'table'});
		expect(chooseRunMode({output: undefined, stdinIsTTY: false, stdoutIsTTY: false})).toEqual({kind: 'output', format: 'table'});
	});

	it('honours --output even on a TTY and refuses unknown formats', () => {
		expect(chooseRunMode({output: 'jsonl', stdinIsTTY: true, stdoutIsTTY: true})).toEqual({kind: 'output', format: 'jsonl'});
		const refused = chooseRunMode({output: 'xml\u001B[2J', stdinIsTTY: true, stdoutIsTTY: true});
		expect(refused).toEqual({kind: 'error', message: '--output must be one of table, json, jsonl, csv (got "xml\\x1b[2J")'});
		expect(isOutputFormat('csv')).toBe(true);
		expect(isOutputFormat('CSV')).toBe(false);
	});
});

describe('parseLimit', () => {
	it('defaults to 50 and accepts 0 for everything', () => {
		expect(parseLimit(undefined)).toEqual({ok: true, limit: defaultLimit});
		expect(defaultLimit).toBe(50);
		expect(parseLimit(0)).toEqual({ok: true, limit: 0});
		expect(parseLimit('250')).toEqual({ok: true, limit: 250});
	});

	it.each([-1, 1.5, Number.NaN, '', 'ten', '-3', '1e3', Number.POSITIVE_INFINITY])('refuses %j', value => {
		const result = parseLimit(value);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.message).toMatch(/^--limit must be a whole number/);
		}
	});
});
