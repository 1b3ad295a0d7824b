import {describe, expect, it} from 'vitest';
import {mergedLookup} from '../../source/services/merged-lookup.js';
import {type EventSource, type LookupOptions, type SkippedSource, type TrailEvent, TrailviewError} from '../../source/domain/types.js';
import {deferred, fakeService, makeEvent, type Deferred} from '../helpers/fakes.js';

/** An event at minute `minute` after 12:00 (higher is newer). */
const at = (id: string, minute: number, overrides: Partial<TrailEvent> = {}) =>
	makeEvent(0, {id, time: new Date(Date.UTC(2026, 10, 24, 12, minute)), ...overrides});

function source(region: string, pages: TrailEvent[][] | ((options: LookupOptions | undefined, call: number) => AsyncIterable<TrailEvent[]>), account = '111111111111', label = 'prod'): EventSource & {service: ReturnType<typeof fakeService>} {
	return {account, accountLabel: label, region, service: fakeService({region, pages})};
}

function failing(region: string, error: TrailviewError): EventSource {
	return source(region, () =>
		(async function * () {
			throw error;
		})(),
	);
}

async function collect(pages: AsyncIterable<TrailEvent[]>): Promise<TrailEvent[][]> {
	const batches: TrailEvent[][] = [];
	for await (const batch of pages) {
		batches.push(batch);
	}

	return batches;
}

const ids = (events: readonly TrailEvent[]) => events.map(event => event.id);

const denied = () => new TrailviewError('access-denied', 'Access denied to cloudtrail:LookupEvents.', {code: 'AccessDeniedException'});
const notEnabled = () => new TrailviewError('invalid-credentials', 'AWS rejected the credentials (UnrecognizedClientException).', {code: 'UnrecognizedClientException'});

describe('mergedLookup', () => {
	it('merges every source newest first and tags each row with where it was read', async () => {
		const east = source('us-east-1', [[at('e9', 9), at('e5', 5)], [at('e1', 1)]]);
		const west = source('eu-west-1', [[at('w7', 7), at('w6', 6)], [at('w2', 2)]], '222222222222', 'dev');
		const batches = await collect(mergedLookup([east, west], {}));
		const all = batches.flat();
		expect(ids(all)).toEqual(['e9', 'w7', 'w6', 'e5', 'w2', 'e1']);
		expect(all.map(event => event.origin)).toEqual([
			{account: '111111111111', accountLabel: 'prod', region: 'us-east-1'},
			{account: '222222222222', accountLabel: 'dev', region: 'eu-west-1'},
			{account: '222222222222', accountLabel: 'dev', region: 'eu-west-1'},
			{account: '111111111111', accountLabel: 'prod', region: 'us-east-1'},
			{account: '222222222222', accountLabel: 'dev', region: 'eu-west-1'},
			{account: '111111111111', accountLabel: 'prod', region: 'us-east-1'},
		]);
	});

	it('never changes the events the services returned', async () => {
		const page = [at('e1', 1)];
		await collect(mergedLookup([source('us-east-1', [page]), source('eu-west-1', [[]])], {}));
		expect(page[0]!.origin).toBeUndefined();
	});

	it('shows an event returned by two sources once', async () => {
		const global = at('iam-1', 8, {source: 'iam.amazonaws.com'});
		const batches = await collect(mergedLookup([source('us-east-1', [[global, at('e1', 1)]]), source('eu-west-1', [[global, at('w3', 3)]])], {}));
		expect(ids(batches.flat())).toEqual(['iam-1', 'w3', 'e1']);
		expect(batches.flat()[0]!.origin?.region).toBe('us-east-1');
	});

	it('asks every source at once, with the same query and a signal of its own', async () => {
		const answers: Array<Deferred<TrailEvent[]>> = [];
		const pending = (options: LookupOptions | undefined) => {
			const answer = deferred<TrailEvent[]>();
			answers.push(answer);
			void options;
			return (async function * () {
				yield await answer.promise;
			})();
		};

		const sources = ['us-east-1', 'eu-west-1', 'ap-southeast-2'].map(region => source(region, pending));
		const start = new Date(Date.UTC(2026, 10, 1));
		const iterator = mergedLookup(sources, {start, attribute: {key: 'Username', value: 'alice'}, pageSize: 20})[Symbol.asyncIterator]();
		const first = iterator.next();
		await expect.poll(() => answers.length).toBe(3);
		for (const {service} of sources) {
			expect(service.lookupCalls[0]).toMatchObject({start, attribute: {key: 'Username', value: 'alice'}, pageSize: 20});
			expect(service.lookupCalls[0]!.signal).toBeInstanceOf(AbortSignal);
		}

		answers[2]!.resolve([at('a', 3)]);
		answers[0]!.resolve([at('e', 1)]);
		answers[1]!.resolve([at('w', 2)]);
		const all = [...((await first).value as TrailEvent[])];
		for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
			all.push(...next.value);
		}

		expect(ids(all)).toEqual(['a', 'w', 'e']);
	});

	it('reads a source at most two pages ahead of what the merge has taken', async () => {
		let eastPages = 0;
		const east = source('us-east-1', () =>
			(async function * () {
				for (let page = 0; page < 20; page++) {
					eastPages++;
					yield [at(`e${page}`, 100 - page)];
				}
			})(),
		);
		const slow = deferred<TrailEvent[]>();
		const west = source('eu-west-1', () =>
			(async function * () {
				yield await slow.promise;
			})(),
		);
		const iterator = mergedLookup([east, west], {})[Symbol.asyncIterator]();
		const first = iterator.next();
		// The merge took one page (it cannot emit before eu-west-1 answers), and two wait behind it.
		await expect.poll(() => eastPages).toBe(3);
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		expect(eastPages).toBe(3);
		slow.resolve([at('w', 0)]);
		expect(ids((await first).value as TrailEvent[])).toEqual(['e0']);
		await iterator.return(undefined);
	});

	it('skips a region that denies access or is not enabled, and the rest stay complete', async () => {
		const skipped: SkippedSource[] = [];
		const sources = [source('us-east-1', [[at('e2', 2)], [at('e1', 1)]]), failing('me-south-1', denied()), failing('ap-east-1', notEnabled()), source('eu-west-1', [[at('w3', 3)]])];
		const batches = await collect(mergedLookup(sources, {onSkip: skip => skipped.push(skip)}));
		expect(ids(batches.flat())).toEqual(['w3', 'e2', 'e1']);
		expect(skipped.map(({region, reason, account, accountLabel}) => ({region, reason, account, accountLabel}))).toEqual([
			{region: 'me-south-1', reason: 'access-denied', account: '111111111111', accountLabel: 'prod'},
			{region: 'ap-east-1', reason: 'not-enabled', account: '111111111111', accountLabel: 'prod'},
		]);
		expect(skipped[0]!.error.message).toContain('Access denied');
	});

	it('keeps what a region sent before it failed, and says it failed', async () => {
		const skipped: SkippedSource[] = [];
		const flaky = source('eu-west-1', () =>
			(async function * () {
				yield [at('w5', 5)];
				throw new TrailviewError('network', 'Could not reach the eu-west-1 endpoint: the connection was interrupted.');
			})(),
		);
		const batches = await collect(mergedLookup([source('us-east-1', [[at('e6', 6), at('e1', 1)]]), flaky], {onSkip: skip => skipped.push(skip)}));
		expect(ids(batches.flat())).toEqual(['e6', 'w5', 'e1']);
		expect(skipped.map(skip => [skip.region, skip.reason])).toEqual([['eu-west-1', 'failed']]);
	});

	it('throws only when every source failed, with the error that says most', async () => {
		const skipped: SkippedSource[] = [];
		const run = collect(mergedLookup([failing('af-south-1', notEnabled()), failing('eu-west-1', denied()), failing('us-east-1', denied())], {onSkip: skip => skipped.push(skip)}));
		await expect(run).rejects.toMatchObject({kind: 'access-denied'});
		// The last failure is the thrown error, not a skip.
		expect(skipped).toHaveLength(2);
	});

	it('with one source passes its pages through, tagged, and its failure is the answer', async () => {
		const only = source('eu-west-1', [[at('w1', 1)], [at('w0', 0)]]);
		const batches = await collect(mergedLookup([only], {}));
		expect(batches.map(ids)).toEqual([['w1'], ['w0']]);
		expect(batches[0]![0]!.origin?.region).toBe('eu-west-1');
		const skipped: SkippedSource[] = [];
		await expect(collect(mergedLookup([failing('eu-west-1', denied())], {onSkip: skip => skipped.push(skip)}))).rejects.toMatchObject({kind: 'access-denied'});
		expect(skipped).toEqual([]);
	});

	it('ends quietly when aborted, and stops every source', async () => {
		const closed: string[] = [];
		const endless = (region: string) =>
			source(region, (options) =>
				(async function * () {
					try {
						for (let page = 0; !options?.signal?.aborted; page++) {
							yield [at(`${region}-${page}`, 1000 - page)];
						}
					} finally {
						closed.push(region);
					}
				})(),
			);
		const controller = new AbortController();
		const seen: TrailEvent[] = [];
		for await (const batch of mergedLookup([endless('us-east-1'), endless('eu-west-1')], {signal: controller.signal})) {
			seen.push(...batch);
			if (seen.length >= 4) {
				controller.abort();
			}
		}

		expect(seen.length).toBeGreaterThanOrEqual(4);
		await expect.poll(() => closed.sort()).toEqual(['eu-west-1', 'us-east-1']);
	});

	it('ends when aborted even while a source never answers', async () => {
		const never = source('ap-east-1', () =>
			(async function * () {
				await new Promise(() => undefined);
				yield [];
			})(),
		);
		const controller = new AbortController();
		const run = collect(mergedLookup([source('us-east-1', [[at('e1', 1)]]), never], {signal: controller.signal}));
		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
		controller.abort();
		await expect(run).resolves.toEqual([]);
	});

	it('stops asking every source when the reader stops early', async () => {
		const read = new Map<string, number>();
		const sources = ['us-east-1', 'eu-west-1'].map(region =>
			source(region, () =>
				(async function * () {
					for (let page = 0; page < 50; page++) {
						read.set(region, page + 1);
						yield [at(`${region}-${page}`, 1000 - page)];
					}
				})(),
			),
		);
		for await (const batch of mergedLookup(sources, {})) {
			expect(batch.length).toBeGreaterThan(0);
			break;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
		// Each source read what the merge took and at most two pages more, then stopped.
		expect(read.get('us-east-1')).toBeLessThanOrEqual(4);
		expect(read.get('eu-west-1')).toBeLessThanOrEqual(4);
	});

	it('gives each source its own throttle policy when asked', async () => {
		const sources = [source('us-east-1', [[]]), source('eu-west-1', [[]])];
		const named: string[] = [];
		await collect(mergedLookup(sources, {throttleFor: origin => ({maxWaitMs: 1, onWait: () => named.push(origin.region)})}));
		for (const [index, {service}] of sources.entries()) {
			service.lookupCalls[0]!.throttle?.onWait?.({retry: 1, retryAt: 0, error: denied(), retryNow() {}});
			expect(named[index]).toBe(service.region);
		}
	});
});

describe('createSourcePool', () => {
	it('asks a region that is not enabled or denied once, and one that failed again next time', async () => {
		const {createSourcePool} = await import('../../source/services/source-pool.js');
		const disabled = failing('ap-east-1', notEnabled());
		const scp = failing('me-south-1', denied());
		let flakyCalls = 0;
		const flaky = source('eu-west-1', () =>
			(async function * () {
				flakyCalls++;
				throw new TrailviewError('network', 'Could not reach the eu-west-1 endpoint: the connection was refused.');
			})(),
		);
		const east = source('us-east-1', [[at('e1', 1)]]);
		const pool = createSourcePool([east, disabled, scp, flaky]);
		const skips: string[] = [];
		for (let run = 0; run < 2; run++) {
			const events = await collect(pool.lookup({onSkip: skip => skips.push(`${skip.region} ${skip.reason}`)}));
			expect(ids(events.flat())).toEqual(['e1']);
		}

		expect(skips.sort()).toEqual(['ap-east-1 not-enabled', 'eu-west-1 failed', 'eu-west-1 failed', 'me-south-1 access-denied']);
		expect(pool.live().map(live => live.region)).toEqual(['us-east-1', 'eu-west-1']);
		expect(pool.skipped().map(skip => skip.region).sort()).toEqual(['ap-east-1', 'eu-west-1', 'me-south-1']);
		expect(flakyCalls).toBe(2);
	});
});
