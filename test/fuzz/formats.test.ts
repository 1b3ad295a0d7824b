// Every `--output` format, fuzzed: JSON and JSON Lines parse back to exactly the events (secrets
// redacted, key ids masked), CSV parses back to the cells promised, and nothing printed carries a
// byte a terminal acts on.
import fc from 'fast-check';
import {describe, it} from 'vitest';
import {csvHeader, eventToCsvRow, eventToJsonLine} from '../../source/output/formats.js';
import {runOutput} from '../../source/output/run-output.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {CaptureStream, fakeService, parseCsv} from '../output/helpers.js';
import {events, secretMarker} from './arbitraries.js';
import {fuzz, fuzzAsync, unsafeIn} from './fuzz.js';
import {canonical, csvFields, expectedCsvCells, expectedJson} from './model.js';

function expectPrintable(text: string, what: string): void {
	const unsafe = unsafeIn(text, true);
	if (unsafe !== undefined) {
		throw new Error(`${what} holds ${unsafe}: ${JSON.stringify(text.slice(0, 300))}`);
	}

	if (text.includes(secretMarker)) {
		throw new Error(`${what} prints a secret`);
	}
}

function expectSame(actual: unknown, expected: unknown, what: string): void {
	if (canonical(actual) !== canonical(expected)) {
		throw new Error(`${what} differs:\n${canonical(actual).slice(0, 600)}\n${canonical(expected).slice(0, 600)}`);
	}
}

function expectCsv(text: string, batch: TrailEvent[]): void {
	const rows = parseCsv(text);
	expectSame(rows[0], csvFields, 'CSV header');
	if (rows.length !== batch.length + 1 || text.split('\n').length !== batch.length + 2) {
		throw new Error(`${rows.length} CSV records on ${text.split('\n').length - 1} lines for ${batch.length} events`);
	}

	for (const [index, event] of batch.entries()) {
		expectSame(rows[index + 1], expectedCsvCells(event), `CSV row ${index}`);
	}
}

async function printed(format: 'table' | 'json' | 'jsonl' | 'csv', pages: TrailEvent[][]): Promise<string> {
	const stdout = new CaptureStream();
	const stderr = new CaptureStream();
	const code = await runOutput({format, limit: 0, service: fakeService(pages).service, stdout, stderr});
	if (code !== 0 || stderr.text !== '') {
		throw new Error(`--output ${format} exited ${code}: ${stderr.text}`);
	}

	return stdout.text;
}

describe('script output formats (fuzzed)', () => {
	// 800 runs of 5-7 events: at least 4,000 events.
	it('writes each event as one JSON line that parses back exactly, and one CSV record of the promised cells', () => {
		fuzz(
			fc.property(events(5), batch => {
				for (const [index, event] of batch.entries()) {
					const line = eventToJsonLine(event);
					expectPrintable(line, `JSON line ${index}`);
					if (line.includes('\n')) {
						throw new Error(`JSON line ${index} spans lines`);
					}

					expectSame(JSON.parse(line), expectedJson(event), `JSON line ${index}`);
				}

				const csv = [csvHeader(), ...batch.map(event => eventToCsvRow(event))].join('\n') + '\n';
				expectPrintable(csv, 'CSV');
				expectCsv(csv, batch);
			}),
			800,
		);
	});

	// 150 runs of 5-7 events in one to three pages: at least 750 events, through all four formats.
	it('prints every format from pages of events: safe, complete, and parsing back where it is data', async () => {
		await fuzzAsync(
			fc.asyncProperty(events(5), fc.nat(), fc.nat(), async (batch, cut1, cut2) => {
				const [first, second] = [cut1 % (batch.length + 1), cut2 % (batch.length + 1)].sort((a, b) => a - b) as [number, number];
				const pages = [batch.slice(0, first), batch.slice(first, second), batch.slice(second)];
				const expected = batch.map(event => expectedJson(event));

				const json = await printed('json', pages);
				expectPrintable(json, '--output json');
				expectSame(JSON.parse(json), expected, '--output json');

				const jsonl = await printed('jsonl', pages);
				expectPrintable(jsonl, '--output jsonl');
				expectSame(jsonl.split('\n').slice(0, -1).map(line => JSON.parse(line) as unknown), expected, '--output jsonl');

				const csv = await printed('csv', pages);
				expectPrintable(csv, '--output csv');
				expectCsv(csv, batch);

				const table = await printed('table', pages);
				expectPrintable(table, '--output table');
				if (table.split('\n').length !== batch.length + 2) {
					throw new Error(`--output table printed ${table.split('\n').length - 1} lines for ${batch.length} events`);
				}
			}),
			150,
		);
	});
});
