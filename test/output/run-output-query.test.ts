// runOutput with a query plan: the attribute and window go to the service, the local filter is
// applied to each page, --limit counts matches, and pages stay full-size while filtering.
import {describe, expect, it} from 'vitest';
import {runOutput} from '../../source/output/run-output.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {CaptureStream, fakeService, makeEvent} from './helpers.js';

const window = {start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-11-24T13:00:00Z')};
/** Events 0..n-1, those whose index is a multiple of 4 failed. */
const page = (from: number, count: number): TrailEvent[] =>
	Array.from({length: count}, (_, offset) => makeEvent(from + offset, (from + offset) % 4 === 0 ? {errorCode: 'AccessDenied'} : {}));
const failed = (event: TrailEvent) => event.errorCode !== undefined;
const errorPlan = {attribute: {key: 'Username' as const, value: 'alice'}, window, matches: failed, filtersLocally: true};

async function run(pages: TrailEvent[][], options: {limit?: number; plan?: Parameters<typeof runOutput>[0]['plan']; emptyNote?: string; signal?: AbortSignal; abortBeforePage?: number} = {}) {
	const controller = new AbortController();
	const {service, log} = fakeService(pages, {
		beforePage(index) {
			if (index === options.abortBeforePage) {
				controller.abort();
			}
		},
	});
	const stdout = new CaptureStream();
	const stderr = new CaptureStream();
	const code = await runOutput({
		format: 'jsonl',
		limit: options.limit ?? 0,
		service,
		stdout,
		stderr,
		signal: controller.signal,
		...(options.plan ? {plan: options.plan} : {}),
		...(options.emptyNote ? {emptyNote: options.emptyNote} : {}),
	});
	const ids = stdout.text.split('\n').filter(Boolean).map(line => (JSON.parse(line) as {id: string}).id);
	return {code, ids, stderr: stderr.text, log};
}

describe('runOutput with a query plan', () => {
	it('sends the plan\'s attribute and window, and prints only the matches, in order', async () => {
		const {code, ids, log} = await run([page(0, 10), page(10, 10)], {plan: errorPlan});
		expect(code).toBe(0);
		expect(ids).toEqual(['id-0', 'id-4', 'id-8', 'id-12', 'id-16']);
		expect(log.options).toMatchObject({attribute: {key: 'Username', value: 'alice'}, start: window.start, end: window.end});
	});

	it('sends no attribute when the plan has none (all events)', async () => {
		const {log} = await run([page(0, 3)], {plan: {attribute: undefined, window, matches: () => true, filtersLocally: false}});
		expect(log.options).toHaveProperty('attribute', undefined);
		expect(log.options?.start).toEqual(window.start);
	});

	it('counts --limit in matches, reading on past pages without any, and stops once it has them', async () => {
		const quiet = (from: number) => page(from, 10).map(event => ({...event, errorCode: undefined}));
		const {ids, log} = await run([quiet(0), quiet(10), page(20, 10), page(30, 10), page(40, 10)], {plan: errorPlan, limit: 4});
		expect(ids).toEqual(['id-20', 'id-24', 'id-28', 'id-32']);
		expect(log.pagesRequested).toBe(4);
		expect(log.closed).toBe(true);
	});

	it('keeps the service\'s full page size while filtering locally, but asks for small pages when it does not', async () => {
		const filtering = await run([page(0, 10)], {plan: errorPlan, limit: 2});
		expect(filtering.log.options?.pageSize).toBeUndefined();
		const plain = await run([page(0, 10)], {plan: {...errorPlan, matches: () => true, filtersLocally: false}, limit: 2});
		expect(plain.log.options?.pageSize).toBe(2);
	});

	it('an interrupted scan says how many events it printed and how many it read', async () => {
		const {code, ids, stderr} = await run([page(0, 10), page(10, 10), page(20, 10)], {plan: errorPlan, abortBeforePage: 2});
		expect(code).toBe(130);
		expect(ids).toEqual(['id-0', 'id-4', 'id-8', 'id-12', 'id-16']);
		expect(stderr).toBe('trailview: interrupted; 5 events printed (20 events scanned)\n');
	});
});

describe('runOutput table with no match', () => {
	it('says what was looked for, as the caller words it', async () => {
		const stdout = new CaptureStream();
		const stderr = new CaptureStream();
		const {service} = fakeService([page(1, 3)]);
		const code = await runOutput({format: 'table', limit: 0, service, stdout, stderr, plan: errorPlan, emptyNote: 'no events match in eu-west-1 from A to B'});
		expect(code).toBe(0);
		expect(stderr.text).toBe('trailview: no events match in eu-west-1 from A to B\n');
	});
});
