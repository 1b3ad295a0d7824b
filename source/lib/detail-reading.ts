// Where a person is in the detail view: the first row on screen, how far it is scrolled sideways
// and the search. The top is held as a line and a row within it rather than a row number, so
// toggling wrapping, decoding or resizing the terminal keeps the same line at the top.
import {displayWidth} from './text-width.js';
import {scrollOffset, type Move} from './table-window.js';
import type {Match} from './text-search.js';
import {rowAt, type RowLayout} from './wrap-rows.js';

export type Anchor = {line: number; sub: number};

export type Search = {
	needle: string;
	/** The current match, an index into the matches of `needle`; -1 when there are none. */
	index: number;
};

export type Reading = {
	top: Anchor;
	/** Columns scrolled sideways (only when lines are not wrapped). */
	x: number;
	search: Search | undefined;
};

export const startOfRecord: Reading = {top: {line: 0, sub: 0}, x: 0, search: undefined};

/** The row `anchor` stands for in `layout`, kept so the last screen is full. */
export function topRow(layout: RowLayout, anchor: Anchor, viewport: number): number {
	const total = layout.rows.length;
	const max = Math.max(0, total - Math.max(1, viewport));
	if (total === 0) {
		return 0;
	}

	const line = Math.min(anchor.line, layout.firstRow.length - 1);
	const first = layout.firstRow[line] ?? 0;
	const next = layout.firstRow[line + 1] ?? total;
	return Math.min(max, first + Math.min(anchor.sub, next - first - 1));
}

function anchorOf(layout: RowLayout, row: number): Anchor {
	const line = layout.rows[row]?.line ?? 0;
	return {line, sub: row - (layout.firstRow[line] ?? 0)};
}

/** How far sideways the widest line lets the view go. */
function maxX(layout: RowLayout, width: number): number {
	return layout.wrap ? 0 : Math.max(0, layout.widest - width);
}

/** `x` as the layout allows it: none when wrapping, never past the widest line. */
export function clampX(layout: RowLayout, x: number, width: number): number {
	return Math.max(0, Math.min(x, maxX(layout, width)));
}

export function scrollRows(reading: Reading, layout: RowLayout, move: Move, viewport: number): Reading {
	const row = scrollOffset(topRow(layout, reading.top, viewport), move, viewport, layout.rows.length);
	return {...reading, top: anchorOf(layout, row)};
}

/** Half a screen sideways, as less does: long values are read in large steps. */
export function scrollSideways(reading: Reading, layout: RowLayout, direction: -1 | 1, width: number): Reading {
	const step = Math.max(1, Math.floor(width / 2));
	return {...reading, x: clampX(layout, clampX(layout, reading.x, width) + direction * step, width)};
}

/**
 * `reading` moved just enough to show `match`: rows untouched when it is already on screen, else
 * the match a third of the way down; sideways, the same for its columns when lines are not wrapped.
 */
export function reveal(reading: Reading, layout: RowLayout, text: string, match: Match, view: {viewport: number; width: number}): Reading {
	const {viewport, width} = view;
	const top = topRow(layout, reading.top, viewport);
	const row = rowAt(layout, match.line, match.start);
	const lastRow = rowAt(layout, match.line, Math.max(match.start, match.end - 1));
	const shown = row >= top && lastRow < top + viewport;
	const newTop = shown ? top : Math.max(0, Math.min(row - Math.floor(viewport / 3), layout.rows.length - viewport));
	let {x} = reading;
	if (!layout.wrap) {
		const start = displayWidth(text.slice(0, match.start));
		const end = displayWidth(text.slice(0, match.end));
		const current = clampX(layout, x, width);
		x = start >= current && end <= current + width ? current : clampX(layout, start - Math.floor(width / 3), width);
	}

	return {...reading, top: anchorOf(layout, Math.max(0, newTop)), x};
}
