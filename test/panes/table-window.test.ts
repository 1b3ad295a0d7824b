import {describe, expect, test} from 'vitest';
import {keepVisible, moveIndex, scrollOffset} from '../../source/lib/table-window.js';
import {commandFor, moveCommands} from '../../source/keymap.js';

const moveFor = (input: string, key: Record<string, boolean>) => commandFor(moveCommands, input, key);

describe('table window', () => {
	test('moveIndex clamps to the list', () => {
		expect(moveIndex(0, 'up', 10, 5)).toBe(0);
		expect(moveIndex(9, 'down', 10, 5)).toBe(9);
		expect(moveIndex(3, 'pageDown', 10, 5)).toBe(8);
		expect(moveIndex(8, 'pageDown', 10, 5)).toBe(9);
		expect(moveIndex(3, 'pageUp', 10, 5)).toBe(0);
		expect(moveIndex(3, 'end', 10, 5)).toBe(9);
		expect(moveIndex(3, 'home', 10, 5)).toBe(0);
		expect(moveIndex(3, 'down', 0, 5)).toBe(0);
	});

	test('keepVisible moves the window as little as possible and never past the end', () => {
		expect(keepVisible(0, 4, 5, 100)).toBe(0);
		expect(keepVisible(0, 5, 5, 100)).toBe(1);
		expect(keepVisible(10, 3, 5, 100)).toBe(3);
		expect(keepVisible(98, 99, 5, 100)).toBe(95);
		expect(keepVisible(7, 2, 5, 3)).toBe(0);
	});

	test('scrollOffset pages by a screen less one line of overlap', () => {
		expect(scrollOffset(0, 'pageDown', 10, 100)).toBe(9);
		expect(scrollOffset(0, 'end', 10, 100)).toBe(90);
		expect(scrollOffset(90, 'down', 10, 100)).toBe(90);
		expect(scrollOffset(5, 'pageUp', 10, 100)).toBe(0);
		expect(scrollOffset(0, 'end', 10, 4)).toBe(0);
	});

	test('the move commands read the keymap', () => {
		expect(moveFor('j', {})).toBe('down');
		expect(moveFor('', {upArrow: true})).toBe('up');
		expect(moveFor('G', {})).toBe('end');
		expect(moveFor('g', {})).toBe('home');
		expect(moveFor('', {pageDown: true})).toBe('pageDown');
		expect(moveFor('x', {})).toBeUndefined();
	});
});
