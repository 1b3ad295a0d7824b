// The column layout, fuzzed through both tables built on it: the events table on screen and
// `--output table`. Whatever the events hold, every line is one line, safe, and as wide as the rest.
import fc from 'fast-check';
import {describe, it} from 'vitest';
import {scriptTable} from '../../source/domain/event-columns.js';
import {eventRow, fitEventTable, measureEvents, screenEventTable, type TableMeasure} from '../../source/domain/event-table.js';
import {formatTable} from '../../source/output/formats.js';
import {events} from './arbitraries.js';
import {columns, fuzz, unsafeIn} from './fuzz.js';

function expectLine(line: string, width: number | undefined, what: string): void {
	const unsafe = unsafeIn(line);
	if (unsafe !== undefined) {
		throw new Error(`${what} holds ${unsafe}: ${JSON.stringify(line)}`);
	}

	if (width !== undefined && columns(line) !== width) {
		throw new Error(`${what} is ${columns(line)} columns, not ${width}: ${JSON.stringify(line)}`);
	}
}

// Terminal widths from the 40-column minimum up, two per batch.
const widths = fc.array(fc.integer({min: 40, max: 200}), {minLength: 2, maxLength: 2});

describe('events table on screen (fuzzed)', () => {
	// 80 runs of 10-12 events: at least 800 events, each laid out at two widths.
	it('renders the header and every row at exactly the terminal width, with nothing a terminal acts on', () => {
		fuzz(
			fc.property(events(10), widths, fc.boolean(), fc.nat(), (batch, sizes, utc, newMask) => {
				// The measure carries over between widths, as it does when the terminal is resized.
				let measure: TableMeasure | undefined;
				for (const width of sizes) {
					const fitted = screenEventTable(batch, {width, utc}, measure);
					const {table} = fitted;
					measure = fitted.measure;
					expectLine(table.header, width, `header at ${width}`);
					for (const [index, event] of batch.entries()) {
						expectLine(eventRow(table, event, ((newMask >> index) & 1) === 1), width, `row ${index} at ${width}`);
					}
				}
			}),
			80,
		);
	});

	// 60 runs of 5-7 events: at least 300 more.
	it('measures a page added to loaded events as it measures the whole list', () => {
		fuzz(
			fc.property(events(5), fc.nat(), fc.integer({min: 40, max: 200}), (batch, cut, width) => {
				const loaded = batch.slice(0, cut % (batch.length + 1));
				const previous = screenEventTable(loaded, {width, utc: true}).measure;
				const grown = screenEventTable(batch, {width, utc: true}, previous);
				const fresh = screenEventTable(batch, {width, utc: true});
				if (JSON.stringify(grown.measure.widths) !== JSON.stringify(fresh.measure.widths) || grown.table.header !== fresh.table.header) {
					throw new Error(`incremental widths ${JSON.stringify(grown.measure.widths)} differ from ${JSON.stringify(fresh.measure.widths)}`);
				}
			}),
			60,
		);
	});
});

describe('--output table (fuzzed)', () => {
	// 100 runs of 5-7 events: at least 500 events.
	it('prints a header and one line per event, never wider than the terminal, with nothing a terminal acts on', () => {
		fuzz(
			fc.property(events(5), fc.option(fc.integer({min: 40, max: 200}), {nil: undefined}), fc.boolean(), (batch, maxWidth, utc) => {
				const text = formatTable(batch, {utc, ...(maxWidth === undefined ? {} : {maxWidth})});
				if (!text.endsWith('\n')) {
					throw new Error('the table does not end with a newline');
				}

				const lines = text.slice(0, -1).split('\n');
				if (lines.length !== batch.length + 1) {
					throw new Error(`${lines.length} lines for ${batch.length} events`);
				}

				for (const [index, line] of lines.entries()) {
					expectLine(line, undefined, `line ${index}`);
					if (maxWidth !== undefined && columns(line) > maxWidth) {
						throw new Error(`line ${index} is ${columns(line)} columns, wider than ${maxWidth}`);
					}
				}
			}),
			100,
		);
	});

	// 60 runs of 5-7 events: at least 300 more.
	it('lays out every row (before trailing spaces are trimmed) as wide as the header', () => {
		fuzz(
			fc.property(events(5), (batch) => {
				const table = fitEventTable(measureEvents(scriptTable, batch), {utc: true});
				const width = columns(table.header);
				for (const [index, event] of batch.entries()) {
					expectLine(eventRow(table, event), width, `row ${index}`);
				}
			}),
			60,
		);
	});
});
