// The detail view's lines laid out as screen rows: wrapped at the screen width, or one row per line
// for sideways scrolling. A row is a range of its line's text, so colours, search matches and the
// line it belongs to are looked up from the line, and only the rows on screen are ever cut out.
// Widths are display columns (text-width.ts): a CJK character or an emoji is never split or
// allowed to hang over the edge.
import {displayWidth, graphemes} from './text-width.js';

export type Row = {
	/** The line (index into the texts laid out) this row shows part of. */
	line: number;
	/** UTF-16 offsets into the line's text: the row shows text[from, to). */
	from: number;
	to: number;
	/** Columns of blank space before the text: a continuation row hangs under its line's indentation. */
	indent: number;
};

export type RowLayout = {
	rows: Row[];
	/** The first row of each line. */
	firstRow: number[];
	/** The widest line, in columns (how far sideways scrolling can go). */
	widest: number;
	wrap: boolean;
	width: number;
};

/** A break after a space is taken only when it keeps the row at least this full. */
const minBreakFill = 0.5;

/**
 * Where `text` breaks into rows of at most `width` columns: after the last space that keeps a row
 * at least half full, else at the last character that fits. Continuation rows are indented two
 * past the line's own indentation (at most half the width), so wrapped text reads as one value.
 */
export function wrapText(text: string, width: number): Array<Omit<Row, 'line'>> {
	if (width <= 0 || displayWidth(text) <= width) {
		return [{from: 0, to: text.length, indent: 0}];
	}

	const hanging = Math.min(text.length - text.trimStart().length + 2, Math.floor(width / 2));
	const rows: Array<Omit<Row, 'line'>> = [];
	let from = 0;
	let used = 0;
	let room = width;
	// After the last space seen in this row: its offset and the columns used up to it.
	let spaceEnd = -1;
	let spaceUsed = 0;
	const endRow = (to: number) => {
		rows.push({from, to, indent: rows.length === 0 ? 0 : hanging});
		from = to;
		room = width - hanging;
		spaceEnd = -1;
	};

	for (const {index, segment, width: columns} of graphemes(text)) {
		// A loop: what moves down after a space may not fit a continuation row's narrower room.
		while (used + columns > room && index > from) {
			// Break after the space when that keeps the row full enough; the rest moves down.
			const at = spaceEnd > from && spaceUsed >= room * minBreakFill ? spaceEnd : index;
			used = at === index ? 0 : used - spaceUsed;
			endRow(at);
		}

		used += columns;
		if (segment === ' ') {
			spaceEnd = index + 1;
			spaceUsed = used;
		}
	}

	endRow(text.length);
	return rows;
}

/** Every line's rows at `width`: wrapped, or (wrap off) each line one row, cut sideways when shown. */
export function layoutRows(texts: readonly string[], width: number, wrap: boolean): RowLayout {
	const rows: Row[] = [];
	const firstRow: number[] = [];
	let widest = 0;
	for (const [line, text] of texts.entries()) {
		firstRow.push(rows.length);
		const columns = displayWidth(text);
		widest = Math.max(widest, columns);
		if (!wrap || columns <= width) {
			rows.push({line, from: 0, to: text.length, indent: 0});
			continue;
		}

		for (const row of wrapText(text, width)) {
			rows.push({line, ...row});
		}
	}

	return {rows, firstRow, widest, wrap, width};
}

/** The row showing offset `offset` of line `line`. */
export function rowAt(layout: RowLayout, line: number, offset: number): number {
	const first = layout.firstRow[line] ?? 0;
	let row = first;
	while (row + 1 < layout.rows.length && layout.rows[row + 1]!.line === line && layout.rows[row + 1]!.from <= offset) {
		row++;
	}

	return row;
}
