import {describe, expect, test} from 'vitest';
import {cursorAt, cursorOffset, lineEditorReducer, lineEditorState, lineValue, type LineEditorAction} from '../../source/components/line-editor/reducer.js';
import {scrollStart} from '../../source/components/line-editor/line-editor.js';

function run(value: string, cursor: number | undefined, ...actions: LineEditorAction[]) {
	return actions.reduce(lineEditorReducer, lineEditorState(value, cursor));
}

describe('line editor', () => {
	test('types at the cursor and moves it past what was typed', () => {
		const state = run('user: ', 5, {type: 'insert', text: 'alice'});
		expect(lineValue(state)).toBe('user:alice ');
		expect(state.cursor).toBe(10);
	});

	test('a paste keeps to one line and loses control characters', () => {
		const state = run('', undefined, {type: 'insert', text: 'event:A\nuser:\u001B[31mb\u0007'});
		expect(lineValue(state)).toBe('event:A user:[31mb');
	});

	test('the cursor moves by code points, so an emoji is one step and never split', () => {
		const state = run('a😀b', undefined, {type: 'left'}, {type: 'left'}, {type: 'deleteBack'});
		expect(lineValue(state)).toBe('😀b');
		const emoji = run('a😀b', 2);
		expect(cursorOffset(emoji)).toBe(3);
		expect(cursorAt('a😀b', 3)).toBe(2);
		expect(lineValue(lineEditorReducer(emoji, {type: 'deleteBack'}))).toBe('ab');
	});

	test('Ctrl+W deletes the word before the cursor, Ctrl+U and Ctrl+K the ends of the line', () => {
		expect(lineValue(run('user:alice event:Put  ', undefined, {type: 'deleteWordBack'}))).toBe('user:alice ');
		expect(lineValue(run('user:alice event:Put', 10, {type: 'deleteToStart'}))).toBe(' event:Put');
		expect(lineValue(run('user:alice event:Put', 10, {type: 'deleteToEnd'}))).toBe('user:alice');
	});

	test('home and end, and moves past either end change nothing', () => {
		const start = run('abc', undefined, {type: 'start'});
		expect(start.cursor).toBe(0);
		expect(lineEditorReducer(start, {type: 'left'})).toBe(start);
		expect(lineEditorReducer(start, {type: 'deleteBack'})).toBe(start);
		const end = lineEditorReducer(start, {type: 'end'});
		expect(end.cursor).toBe(3);
		expect(lineEditorReducer(end, {type: 'right'})).toBe(end);
	});

	test('set replaces the line and puts the cursor where asked, else at the end', () => {
		expect(run('x', 0, {type: 'set', value: 'user:bob'}).cursor).toBe(8);
		expect(run('x', 0, {type: 'set', value: 'user:bob', cursor: 5}).cursor).toBe(5);
	});

	test('a long line scrolls so the cursor stays in view', () => {
		const chars = [...'0123456789'];
		expect(scrollStart(chars, 3, 20)).toBe(0);
		// Room for 5 cells: the cursor cell and the four characters before it.
		expect(scrollStart(chars, 10, 5)).toBe(6);
		// Wide characters count twice.
		expect(scrollStart([...'漢字漢字'], 4, 5)).toBe(2);
	});
});
