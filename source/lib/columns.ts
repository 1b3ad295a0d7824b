// Column layout shared by the events table and `--output table`: decide widths once, then render
// every row to exactly the same number of columns so the table stays aligned whatever the data.
import {sanitizeLine} from './sanitize.js';
import {type Align, displayWidth, padToWidth} from './text-width.js';

export type ColumnSpec = {
	key: string;
	header: string;
	/** Narrowest useful width; below this the column is dropped instead. */
	min: number;
	/** Never grows past this; unbounded when absent. */
	max?: number;
	/** Share of the spare width, relative to the other columns; 1 when absent, 0 never grows. */
	weight?: number;
	/** Lower = more important = dropped last when the mins do not fit. */
	priority: number;
	align?: Align;
};

export type ColumnWidth = {key: string; width: number; align?: Align};
export type ColumnLayout = ColumnWidth[];

function rowWidth(widths: number[], gap: number): number {
	return widths.length === 0 ? 0 : widths.reduce((sum, width) => sum + width, 0) + gap * (widths.length - 1);
}

/** Which specs survive: drop the least important (highest priority number, later on ties) until the mins fit. */
function keepFitting(specs: ColumnSpec[], totalWidth: number, gap: number): ColumnSpec[] {
	const kept = [...specs];
	while (kept.length > 0 && rowWidth(kept.map(spec => spec.min), gap) > totalWidth) {
		let victim = 0;
		for (const [index, spec] of kept.entries()) {
			if (spec.priority >= kept[victim]!.priority) {
				victim = index;
			}
		}

		kept.splice(victim, 1);
	}

	return kept;
}

/**
 * Widths for `specs` within `totalWidth` columns (gaps included). Every kept column gets its min;
 * the rest is shared by weight up to each max. Spare width that no column can take is left unused,
 * so the row may be narrower than `totalWidth`. Kept columns stay in spec order.
 */
export function layoutColumns(specs: ColumnSpec[], totalWidth: number, gap = 1): ColumnLayout {
	const kept = keepFitting(specs, totalWidth, gap);
	const widths = kept.map(spec => spec.min);
	let spare = totalWidth - rowWidth(widths, gap);

	const growable = () =>
		kept
			.map((spec, index) => index)
			.filter(index => (kept[index]!.weight ?? 1) > 0 && widths[index]! < (kept[index]!.max ?? Number.POSITIVE_INFINITY));

	let candidates = growable();
	while (spare > 0 && candidates.length > 0) {
		const totalWeight = candidates.reduce((sum, index) => sum + (kept[index]!.weight ?? 1), 0);
		let given = 0;
		for (const index of candidates) {
			const spec = kept[index]!;
			const room = (spec.max ?? Number.POSITIVE_INFINITY) - widths[index]!;
			const share = Math.min(room, Math.floor((spare * (spec.weight ?? 1)) / totalWeight));
			widths[index]! += share;
			given += share;
		}

		if (given === 0) {
			// Rounding left less than one column per candidate: hand out singles, heaviest first.
			const byWeight = [...candidates].sort((a, b) => (kept[b]!.weight ?? 1) - (kept[a]!.weight ?? 1));
			for (const index of byWeight.slice(0, spare)) {
				widths[index]! += 1;
				given += 1;
			}
		}

		spare -= given;
		candidates = growable();
	}

	return kept.map((spec, index) => ({key: spec.key, width: widths[index]!, ...(spec.align ? {align: spec.align} : {})}));
}

/**
 * Widths sized to the data (widest sanitised cell or header per column), for output that should
 * not truncate. With `maxWidth`, the data widths act as each column's max inside `layoutColumns`,
 * so columns shrink and the least important drop only when the terminal is too narrow.
 */
export function fitColumnsToData(
	specs: ColumnSpec[],
	rows: Array<Record<string, string>>,
	options: {maxWidth?: number; gap?: number} = {},
): ColumnLayout {
	const natural = specs.map(spec => {
		let width = displayWidth(sanitizeLine(spec.header));
		for (const row of rows) {
			width = Math.max(width, displayWidth(sanitizeLine(row[spec.key] ?? '')));
		}

		return width;
	});

	if (options.maxWidth === undefined) {
		return specs.map((spec, index) => ({key: spec.key, width: natural[index]!, ...(spec.align ? {align: spec.align} : {})}));
	}

	const capped = specs.map((spec, index) => ({
		...spec,
		min: Math.min(spec.min, natural[index]!),
		max: natural[index]!,
	}));
	return layoutColumns(capped, options.maxWidth, options.gap ?? 1);
}

/**
 * One table line: each cell sanitised to one line, truncated or padded to its column, joined by
 * `gap` spaces. The result is exactly the layout's width (sum of widths plus gaps) in columns.
 */
export function renderRow(cells: Record<string, string>, layout: ColumnLayout, gap = 1): string {
	return layout
		.map(column => padToWidth(sanitizeLine(cells[column.key] ?? ''), column.width, column.align))
		.join(' '.repeat(gap));
}

/** The header cells of `specs`, keyed like a row, for `renderRow`. */
export function headerCells(specs: ColumnSpec[]): Record<string, string> {
	return Object.fromEntries(specs.map(spec => [spec.key, spec.header]));
}
