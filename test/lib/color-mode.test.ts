import {describe, expect, it} from 'vitest';
import {colorLevel, forcedColorLevel, levelFromDepth, terminalOnlyEnv} from '../../source/lib/color-mode.js';

describe('colour mode', () => {
	it('follows the terminal when neither NO_COLOR nor FORCE_COLOR is set', () => {
		expect(colorLevel({}, 2)).toBe(2);
		expect(colorLevel({TERM: 'xterm'}, 0)).toBe(0);
	});

	it('turns colour off when NO_COLOR is set and not empty, whatever its value', () => {
		for (const value of ['1', '0', 'false', 'yes']) {
			expect(colorLevel({NO_COLOR: value}, 3), `NO_COLOR=${value}`).toBe(0);
		}
	});

	it('ignores an empty NO_COLOR, as no-color.org asks', () => {
		expect(colorLevel({NO_COLOR: ''}, 2)).toBe(2);
	});

	it('reads FORCE_COLOR as Node does: 1, true or empty is 16 colours, 2 and 3 more, anything else off', () => {
		const cases: Array<[string, number]> = [
			['', 1],
			['1', 1],
			['true', 1],
			['2', 2],
			['3', 3],
			['0', 0],
			['false', 0],
			['4', 0],
			['yes', 0],
		];
		for (const [value, level] of cases) {
			expect(forcedColorLevel({FORCE_COLOR: value}), `FORCE_COLOR=${JSON.stringify(value)}`).toBe(level);
		}

		expect(forcedColorLevel({})).toBeUndefined();
	});

	it('lets FORCE_COLOR turn colour on where the terminal would not, and off where it would', () => {
		expect(colorLevel({FORCE_COLOR: '1'}, 0)).toBe(1);
		expect(colorLevel({FORCE_COLOR: '0'}, 3)).toBe(0);
		expect(colorLevel({FORCE_COLOR: 'false'}, 2)).toBe(0);
	});

	it('lets a supported FORCE_COLOR win over NO_COLOR, as in Node', () => {
		expect(colorLevel({FORCE_COLOR: '1', NO_COLOR: '1'}, 0)).toBe(1);
		expect(colorLevel({FORCE_COLOR: '3', NO_COLOR: '1'}, 0)).toBe(3);
		expect(colorLevel({FORCE_COLOR: '0', NO_COLOR: '1'}, 2)).toBe(0);
	});

	it("maps Node's colour depth in bits to a level", () => {
		expect([1, 4, 8, 24].map(bits => levelFromDepth(bits))).toEqual([0, 1, 2, 3]);
	});

	it("asks Node about the terminal without the variables it reads itself", () => {
		const env = {TERM: 'xterm-256color', NO_COLOR: '', FORCE_COLOR: '0', NODE_DISABLE_COLORS: '1'};
		expect(terminalOnlyEnv(env)).toEqual({TERM: 'xterm-256color', NODE_DISABLE_COLORS: '1'});
		expect(env.NO_COLOR).toBe('');
	});
});
