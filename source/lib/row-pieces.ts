// One screen row of the detail view as styled pieces: the part of its line's tokens that the row
// shows (so a string wrapped over three rows is coloured as a string on all three), split where a
// search match starts and ends, and, when lines are not wrapped, cut to the columns on screen.
import type {JsonLine, JsonTokenKind} from './json-highlight.js';
import {repeatSafe, safe, splitSafe, type SafeText} from './sanitize.js';
import {displayWidth, sliceColumns} from './text-width.js';
import type {Row} from './wrap-rows.js';

export type RowMark = 'match' | 'current';
export type RowPiece = {text: SafeText; kind: JsonTokenKind; mark?: RowMark | undefined};
/** A match on the row's line, in UTF-16 offsets into the line's text. */
export type MarkRange = {start: number; end: number; current: boolean};

function markAt(marks: readonly MarkRange[], offset: number): RowMark | undefined {
	const found = marks.find(mark => mark.start <= offset && offset < mark.end);
	return found ? (found.current ? 'current' : 'match') : undefined;
}

/** The pieces of `tokens` (a whole line) that `row` shows, after its indentation, marked where `marks` fall. */
export function rowPieces(tokens: JsonLine, row: Row, marks: readonly MarkRange[] = []): RowPiece[] {
	const pieces: RowPiece[] = row.indent > 0 ? [{text: repeatSafe(safe` `, row.indent), kind: 'punct'}] : [];
	let at = 0;
	for (const token of tokens) {
		const start = at;
		const end = start + token.text.length;
		at = end;
		const low = Math.max(start, row.from);
		const high = Math.min(end, row.to);
		if (low >= high) {
			continue;
		}

		const inner = marks.flatMap(mark => [mark.start, mark.end]).filter(bound => bound > low && bound < high);
		const bounds = [...new Set([low, ...inner, high])].sort((a, b) => a - b);
		// splitSafe gives the text before `low` first and after `high` last: both are left out.
		const parts = splitSafe(token.text, bounds.map(bound => bound - start)).slice(1, -1);
		for (const [index, text] of parts.entries()) {
			if (text !== '') {
				pieces.push({text, kind: token.kind, mark: markAt(marks, bounds[index]!)});
			}
		}
	}

	return pieces;
}

/** The columns `from` to `from + width` of a row's pieces, for sideways scrolling. */
export function cutColumns(pieces: readonly RowPiece[], from: number, width: number): RowPiece[] {
	const cut: RowPiece[] = [];
	const to = from + width;
	let column = 0;
	for (const piece of pieces) {
		if (column >= to) {
			break;
		}

		const pieceWidth = displayWidth(piece.text);
		const end = column + pieceWidth;
		if (end > from) {
			const text = column >= from && end <= to ? piece.text : sliceColumns(piece.text, from - column, to - column);
			if (text !== '') {
				cut.push({...piece, text});
			}
		}

		column = end;
	}

	return cut;
}

/** The text of a line of tokens (what search looks in and rows are offsets into). */
export function lineText(tokens: JsonLine): string {
	let text = '';
	for (const token of tokens) {
		text += token.text;
	}

	return text;
}
