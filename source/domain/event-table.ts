// A table of events from a preset of the column catalogue: measure the events, fit the columns
// (lib/columns.ts, the same rule on screen and in `--output table`), render header and rows.
import {cellWidth, type ColumnLayout, type ColumnSpec, fitColumns, headerCells, renderRow} from '../lib/columns.js';
import {type CellOptions, eventColumn, type EventColumn, screenPreset, screenTable, type TablePreset} from './event-columns.js';
import type {TrailEvent} from './types.js';
import {repeatSafe, safe, type SafeText} from '../lib/sanitize.js';

/**
 * The widest cell of each of a preset's columns over `events`. Cells are measured in UTC: a time
 * reads as wide in any zone, so switching zones keeps the measure and costs no pass over the events.
 */
export type TableMeasure = {
	readonly preset: TablePreset;
	readonly shortTime: boolean;
	readonly events: readonly TrailEvent[];
	readonly widths: readonly number[];
};

function columnsOf(preset: TablePreset): EventColumn[] {
	return preset.columns.map(id => eventColumn(id));
}

/** Whether `events` is `previous.events` with more appended (the events state only ever concatenates). */
function isExtensionOf(events: readonly TrailEvent[], previous: readonly TrailEvent[]): boolean {
	const last = previous.length - 1;
	return events.length >= previous.length && (last < 0 || (events[0] === previous[0] && events[last] === previous[last]));
}

/**
 * Measures `events` for `preset`. Given the measure of an earlier state of the same list, only the
 * events appended since are measured, so a page costs its own size, not everything loaded.
 */
export function measureEvents(
	preset: TablePreset,
	events: readonly TrailEvent[],
	options: {shortTime?: boolean} = {},
	previous?: TableMeasure,
): TableMeasure {
	const shortTime = options.shortTime ?? false;
	const reuse = previous !== undefined && previous.preset === preset && previous.shortTime === shortTime && isExtensionOf(events, previous.events);
	if (reuse && previous.events.length === events.length) {
		return previous;
	}

	const widths = reuse ? [...previous.widths] : preset.columns.map(() => 0);
	const cellOptions: CellOptions = {utc: true, shortTime};
	for (const [index, column] of columnsOf(preset).entries()) {
		if (column.width !== undefined) {
			widths[index] = column.width;
			continue;
		}

		let widest = widths[index]!;
		for (let position = reuse ? previous.events.length : 0; position < events.length; position++) {
			widest = Math.max(widest, cellWidth(column.cell(events[position]!, cellOptions)));
		}

		widths[index] = widest;
	}

	return {preset, shortTime, events, widths};
}

/** A fitted table: what to render the header and every row of `measure`'s events with. */
export type EventTable = {
	/** The columns that fitted, in order. */
	readonly shown: readonly EventColumn[];
	readonly layout: ColumnLayout;
	readonly options: CellOptions;
	readonly gap: number;
	/** Spaces after each row, so rows fill the screen's width (0 in script output). */
	readonly padding: SafeText;
	readonly header: SafeText;
};

/** Fits `measure` into `maxWidth` columns (unbounded when absent) and renders the header. */
export function fitEventTable(
	measure: TableMeasure,
	options: {utc: boolean; maxWidth?: number; fill?: boolean},
): EventTable {
	const {preset} = measure;
	const columns = columnsOf(preset);
	const cellOptions: CellOptions = {utc: options.utc, shortTime: measure.shortTime};
	const specs: ColumnSpec[] = columns.map(column => {
		const header = column.header(cellOptions);
		return {
			key: column.id,
			header: preset.header ? preset.header(header) : header,
			priority: column.priority,
			...(column.min === undefined ? {} : {min: column.min}),
			...(column.ideal === undefined ? {} : {ideal: column.ideal}),
			...(column.cap === undefined ? {} : {cap: column.cap}),
		};
	});
	const layout = fitColumns(specs, measure.widths, {gap: preset.gap, ...(options.maxWidth === undefined ? {} : {maxWidth: options.maxWidth})});
	const shown = layout.map(width => columns.find(column => column.id === width.key)!);
	const used = layout.reduce((sum, width) => sum + width.width, 0) + preset.gap * Math.max(0, layout.length - 1);
	const padding = options.fill && options.maxWidth !== undefined ? repeatSafe(safe` `, options.maxWidth - used) : safe``;
	const header = safe`${renderRow(headerCells(specs), layout, preset.gap)}${padding}`;
	return {shown, layout, options: cellOptions, gap: preset.gap, padding, header};
}

/** One line for `event`, exactly as wide as the header; every value is sanitised on the way. */
export function eventRow(table: EventTable, event: TrailEvent, isNew = false): SafeText {
	const options = isNew ? {...table.options, isNew} : table.options;
	const cells: Record<string, string> = {};
	for (const column of table.shown) {
		cells[column.id] = column.cell(event, options);
	}

	return safe`${renderRow(cells, table.layout, table.gap)}${table.padding}`;
}

/** Below this width the time column drops the year, so the user column still fits at 40 columns. */
const shortTimeBelow = 64;

/**
 * The events table on screen: one line per event, as wide as the terminal, every column fitted to
 * the loaded events. Pass the previous measure so that a new page measures only itself.
 */
export function screenEventTable(
	events: readonly TrailEvent[],
	options: {width: number; utc: boolean; origin?: {accounts: boolean; regions: boolean}; plain?: boolean},
	previous?: TableMeasure,
): {table: EventTable; measure: TableMeasure} {
	const preset = options.origin || options.plain ? screenPreset(options.origin ?? {accounts: false, regions: false}, options.plain) : screenTable;
	const measure = measureEvents(preset, events, {shortTime: options.width < shortTimeBelow}, previous);
	return {table: fitEventTable(measure, {utc: options.utc, maxWidth: options.width, fill: true}), measure};
}
