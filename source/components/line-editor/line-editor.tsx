// One editable line: a prompt, the text, an inverse block for the cursor, and optionally a span
// marked as wrong (the term a query error points at). Too long for the width, it scrolls so the
// cursor stays in view. The text is keyboard input, possibly pasted: it is drawn sanitised.
import React from 'react';
import {Text} from '../text.js';
import {safe, stripUnsafe, type SafeText} from '../../lib/sanitize.js';
import {displayWidth} from '../../lib/text-width.js';
import type {LineEditorState} from './reducer.js';

export type LineEditorViewProps = {
	state: LineEditorState;
	prompt: SafeText;
	width: number;
	/** Code-point range to underline in red, e.g. the term a parse error names. */
	mark?: {start: number; end: number} | undefined;
	placeholder?: SafeText;
};

type Piece = {text: SafeText; cursor: boolean; marked: boolean};

/** The first code point to draw so that the cursor (and one cell after it) fits in `room` columns. */
export function scrollStart(chars: readonly string[], cursor: number, room: number): number {
	let start = 0;
	let used = 1;
	for (let index = cursor - 1; index >= 0; index--) {
		used += displayWidth(chars[index]!);
		if (used > room) {
			start = index + 1;
			break;
		}
	}

	return start;
}

export function LineEditorView({state, prompt, width, mark, placeholder}: LineEditorViewProps) {
	const room = Math.max(1, width - displayWidth(prompt));
	const start = scrollStart(state.chars, state.cursor, room);
	const pieces: Piece[] = [];
	let used = 0;
	for (let index = start; index <= state.chars.length && used < room; index++) {
		// Each character alone: sanitizeLine would trim a space away. The reducer already stripped
		// anything unsafe from typed and pasted text; stripping again keeps that true for any state.
		const char = index < state.chars.length ? stripUnsafe(state.chars[index]!) : safe` `;
		const charWidth = Math.max(1, displayWidth(char));
		if (used + charWidth > room) {
			break;
		}

		used += charWidth;
		const marked = mark !== undefined && index >= mark.start && index < mark.end;
		const cursor = index === state.cursor;
		const last = pieces.at(-1);
		// Runs of plain characters become one Text, so a long line is a few elements, not one each.
		if (last && !cursor && !last.cursor && last.marked === marked) {
			last.text = safe`${last.text}${char}`;
		} else {
			pieces.push({text: char, cursor, marked});
		}
	}

	return (
		<Text wrap="truncate">
			<Text color="cyan" bold>
				{prompt}
			</Text>
			{state.chars.length === 0 && placeholder ? (
				<>
					<Text inverse>{safe` `}</Text>
					<Text dimColor>{placeholder}</Text>
				</>
			) : (
				pieces.map((piece, index) => (
					// Pieces follow the text left to right; the index is stable for a given line.
					<Text key={index} inverse={piece.cursor} underline={piece.marked} color={piece.marked ? 'red' : undefined}>
						{piece.text}
					</Text>
				))
			)}
		</Text>
	);
}
