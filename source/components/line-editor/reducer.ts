// An editable line as a pure state machine: the text and where the cursor is. The cursor counts
// code points, not UTF-16 units, so it never stands inside an emoji. The query line (and any later
// prompt) drives it with key commands; the view only draws it.
import {stripUnsafe} from '../../lib/sanitize.js';

export type LineEditorState = {
	/** Code points of the line; typed or pasted text arrives stripped of anything unsafe. */
	chars: readonly string[];
	/** 0..chars.length: the cursor stands before chars[cursor]. */
	cursor: number;
};

export type LineEditorAction =
	| {type: 'insert'; text: string}
	| {type: 'deleteBack'}
	| {type: 'deleteWordBack'}
	| {type: 'deleteToStart'}
	| {type: 'deleteToEnd'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'start'}
	| {type: 'end'}
	/** Replaces the line (history, completion); the cursor goes to `cursor` or the end. */
	| {type: 'set'; value: string; cursor?: number};

export function lineEditorState(value = '', cursor?: number): LineEditorState {
	const chars = [...stripUnsafe(value)];
	return {chars, cursor: Math.max(0, Math.min(cursor ?? chars.length, chars.length))};
}

export function lineValue(state: LineEditorState): string {
	return state.chars.join('');
}

/** The cursor as a UTF-16 offset into lineValue(state), the unit the query parser reports in. */
export function cursorOffset(state: LineEditorState): number {
	return state.chars.slice(0, state.cursor).join('').length;
}

/** A UTF-16 offset as a cursor position (code points). */
export function cursorAt(value: string, offset: number): number {
	return [...value.slice(0, Math.max(0, offset))].length;
}

function isSpace(char: string | undefined): boolean {
	return char !== undefined && /\s/.test(char);
}

export function lineEditorReducer(state: LineEditorState, action: LineEditorAction): LineEditorState {
	const {chars, cursor} = state;
	switch (action.type) {
		case 'insert': {
			const inserted = [...stripUnsafe(action.text.replaceAll(/[\r\n\t]+/g, ' '))];
			if (inserted.length === 0) {
				return state;
			}

			return {chars: [...chars.slice(0, cursor), ...inserted, ...chars.slice(cursor)], cursor: cursor + inserted.length};
		}

		case 'deleteBack': {
			return cursor === 0 ? state : {chars: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor: cursor - 1};
		}

		case 'deleteWordBack': {
			// Like a shell's Ctrl+W: spaces before the cursor, then the word before them.
			let start = cursor;
			while (start > 0 && isSpace(chars[start - 1])) {
				start--;
			}

			while (start > 0 && !isSpace(chars[start - 1])) {
				start--;
			}

			return start === cursor ? state : {chars: [...chars.slice(0, start), ...chars.slice(cursor)], cursor: start};
		}

		case 'deleteToStart': {
			return cursor === 0 ? state : {chars: chars.slice(cursor), cursor: 0};
		}

		case 'deleteToEnd': {
			return cursor === chars.length ? state : {chars: chars.slice(0, cursor), cursor};
		}

		case 'left': {
			return cursor === 0 ? state : {chars, cursor: cursor - 1};
		}

		case 'right': {
			return cursor === chars.length ? state : {chars, cursor: cursor + 1};
		}

		case 'start': {
			return cursor === 0 ? state : {chars, cursor: 0};
		}

		case 'end': {
			return cursor === chars.length ? state : {chars, cursor: chars.length};
		}

		case 'set': {
			return lineEditorState(action.value, action.cursor);
		}
	}
}
