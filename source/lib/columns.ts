// Column layout shared by the events table and `--output table`: widths fitted once to the data
// and the room there is, then every row rendered to exactly those widths so the table stays
// aligned whatever the data.
import {joinSafe, repeatSafe, safe, sanitizeLine, type SafeText} from './sanitize.js';
import {type Align, displayWidth, padToWidth} from './text-width.js';

export type ColumnSpec = {
	key: string;
	header: string;
	/** Narrowest useful width; below it the column is dropped instead. Absent: never truncated. */
	min?: number;
	/** Worth dropping less important columns for: below this the column is hard to read. */
	ideal?: number;
	/** Grows this far before any less important column grows past its ideal; absent: no such limit. */
	cap?: number;
	/** Lower = more important: grows first and is dropped last. */
	priority: number;
	align?: Align;
};

export type ColumnWidth = {key: string; width: number; align?: Align};
export type ColumnLayout = ColumnWidth[];

function rowWidth(widths: number[], gap: number): number {
	return widths.length === 0 ? 0 : widths.reduce((sum, width) => sum + width, 0) + gap * (widths.length - 1);
}

/** The width a cell takes once rendered: sanitised to one line, in terminal columns. */
export function cellWidth(text: string): number {
	return text === '' ? 0 : displayWidth(sanitizeLine(text));
}

/** The widest cell of each spec's column in `rows` (0 when every cell is empty), headers aside. */
export function measureCells(specs: readonly ColumnSpec[], rows: ReadonlyArray<Record<string, string>>): number[] {
	return specs.map(spec => rows.reduce((widest, row) => Math.max(widest, cellWidth(row[spec.key] ?? '')), 0));
}

type Fitting = {spec: ColumnSpec; index: number; empty: boolean; full: number; width: number};

/** The column to drop first among `candidates`: an empty one, then the least important, the later on ties. */
function victim(candidates: readonly Fitting[]): Fitting | undefined {
	let worst: Fitting | undefined;
	for (const column of candidates) {
		if (worst === undefined || (column.empty === worst.empty ? column.spec.priority >= worst.spec.priority : column.empty)) {
			worst = column;
		}
	}

	return worst;
}

/** Width limits of the three growing rounds; none is past the column's full width. */
const ideal = (column: Fitting) => Math.min(column.full, column.spec.ideal ?? 0);
const capped = (column: Fitting) => Math.min(column.full, column.spec.cap ?? column.full);
const full = (column: Fitting) => column.full;

/**
 * Widths for `specs` given the widest cell of each column (`dataWidths`, 0 for a column with no
 * data). No column is wider than its header or its widest cell. Without `maxWidth` every column
 * gets exactly that. With it:
 * - every column starts at its min (or its full width when smaller, or when it has no min);
 * - while those do not fit, a column is dropped: empty ones first, then the least important
 *   (highest priority number, the later one on ties);
 * - then, most important first, a column that could not reach its ideal has less important
 *   columns dropped (the same way) until it can, unless even dropping all of them would not do;
 * - the width left is handed out in priority order, in three rounds: each column to its ideal,
 *   then to its cap, then to its full width. So the most important column is shown in full
 *   before a less important one grows past its ideal.
 * The row may come out narrower than `maxWidth`; kept columns stay in spec order.
 */
export function fitColumns(
	specs: readonly ColumnSpec[],
	dataWidths: readonly number[],
	options: {maxWidth?: number; gap?: number} = {},
): ColumnLayout {
	const gap = options.gap ?? 1;
	const columns: Fitting[] = specs.map((spec, index) => {
		const data = dataWidths[index] ?? 0;
		const full = Math.max(cellWidth(spec.header), data);
		return {spec, index, empty: data === 0, full, width: Math.min(spec.min ?? full, full)};
	});
	const result = (kept: readonly Fitting[]) =>
		kept.map(({spec, width}) => ({key: spec.key, width, ...(spec.align ? {align: spec.align} : {})}));

	const {maxWidth} = options;
	if (maxWidth === undefined) {
		return result(columns.map(column => ({...column, width: column.full})));
	}

	let kept = [...columns];
	const drop = (column: Fitting) => {
		kept = kept.filter(candidate => candidate !== column);
	};

	const minimum = () => rowWidth(kept.map(column => column.width), gap);
	while (kept.length > 0 && minimum() > maxWidth) {
		drop(victim(kept)!);
	}

	const byPriority = () => [...kept].sort((a, b) => a.spec.priority - b.spec.priority || a.index - b.index);
	let wanted = 0;
	for (const column of byPriority()) {
		const extra = Math.max(0, ideal(column) - column.width);
		if (extra === 0 || !kept.includes(column)) {
			continue;
		}

		const lessImportant = () => kept.filter(other => other.spec.priority > column.spec.priority);
		const droppable = lessImportant().reduce((sum, other) => sum + other.width + gap, 0);
		if (minimum() + wanted + extra - droppable > maxWidth) {
			break;
		}

		while (minimum() + wanted + extra > maxWidth) {
			drop(victim(lessImportant())!);
		}

		wanted += extra;
	}

	let spare = maxWidth - minimum();
	const order = byPriority();
	for (const limit of [ideal, capped, full]) {
		for (const column of order) {
			const grow = Math.max(0, Math.min(spare, limit(column) - column.width));
			column.width += grow;
			spare -= grow;
		}
	}

	return result(kept);
}

/**
 * One table line: each cell sanitised to one line, truncated or padded to its column, joined by
 * `gap` spaces. The result is exactly the layout's width (sum of widths plus gaps) in columns.
 */
export function renderRow(cells: Record<string, string>, layout: ColumnLayout, gap = 1): SafeText {
	return joinSafe(
		layout.map(column => padToWidth(sanitizeLine(cells[column.key] ?? ''), column.width, column.align)),
		repeatSafe(safe` `, gap),
	);
}

/** The header cells of `specs`, keyed like a row, for `renderRow`. */
export function headerCells(specs: readonly ColumnSpec[]): Record<string, string> {
	return Object.fromEntries(specs.map(spec => [spec.key, spec.header]));
}
