// The event detail's view model, fuzzed: the summary and the record as the detail screen shows
// them, from records that are missing, cut short, not objects, or full of wrong types.
import fc from 'fast-check';
import {describe, it} from 'vitest';
import {detailBody, detailSummary} from '../../source/lib/events-detail.js';
import {safeJsonStringify} from '../../source/lib/safe-json.js';
import {events, secretMarker} from './arbitraries.js';
import {fuzz, unsafeIn} from './fuzz.js';
import {canonical, expectedRecord} from './model.js';

function expectShown(text: string, what: string): void {
	const unsafe = unsafeIn(text);
	if (unsafe !== undefined) {
		throw new Error(`${what} holds ${unsafe}: ${JSON.stringify(text.slice(0, 300))}`);
	}

	if (text.includes(secretMarker)) {
		throw new Error(`${what} shows a secret: ${JSON.stringify(text.slice(0, 300))}`);
	}
}

describe('event detail (fuzzed)', () => {
	// 700 runs of 5-7 events: at least 3,500 events.
	it('summarises every event in six safe one-line rows and shows its record safely, whole and redacted', () => {
		fuzz(
			fc.property(events(5), batch => {
				for (const event of batch) {
					const summary = detailSummary(event);
					if (summary.map(row => row.label).join() !== 'Who,What,When,From,Outcome,Event') {
						throw new Error(`summary rows ${summary.map(row => row.label).join()}`);
					}

					for (const row of summary) {
						expectShown(row.value, `summary ${row.label}`);
					}

					const body = detailBody(event);
					const record = expectedRecord(event.raw);
					if ((body.kind === 'none') !== (event.raw === undefined || event.raw === '') || (body.kind === 'json') !== (record !== null)) {
						throw new Error(`a ${body.kind} body for raw ${JSON.stringify(event.raw?.slice(0, 300))}`);
					}

					if (body.kind !== 'json') {
						for (const [index, line] of body.lines.entries()) {
							expectShown(line, `raw line ${index}`);
						}

						continue;
					}

					const lines = body.lines.map(tokens => tokens.map(token => token.text).join(''));
					for (const [index, line] of lines.entries()) {
						expectShown(line, `JSON line ${index}`);
					}

					// What a person sees is what --output json prints, and holds every field of the record.
					const text = lines.join('\n');
					if (text !== safeJsonStringify(JSON.parse(text), 2)) {
						throw new Error('the highlighted lines are not the record as --output json prints it');
					}

					if (canonical(JSON.parse(text)) !== canonical(record)) {
						throw new Error(`the record shown differs from the one sent:\n${canonical(JSON.parse(text)).slice(0, 500)}\n${canonical(record).slice(0, 500)}`);
					}
				}
			}),
			700,
		);
	});
});
