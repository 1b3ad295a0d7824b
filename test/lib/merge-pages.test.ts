import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createPageMerger, type MergeKey} from '../../source/lib/merge-pages.js';

type Item = {id: string; time: number};

const key: MergeKey<Item> = {time: item => item.time, id: item => item.id};

const item = (id: string, time: number): Item => ({id, time});

const ids = (items: readonly Item[]) => items.map(entry => entry.id);

describe('createPageMerger', () => {
	it('holds an item back until every open source has sent something as old', () => {
		const merger = createPageMerger(2, key);
		expect(merger.push(0, [item('a10', 10), item('a8', 8)])).toEqual([]);
		expect(merger.waitingOn()).toEqual([1]);
		// Source 1 can now only send items at 9 or older: 10 and 9 are safe, 8 is not yet.
		expect(ids(merger.push(1, [item('b9', 9)]))).toEqual(['a10', 'b9']);
		expect(merger.waitingOn()).toEqual([1]);
		expect(merger.buffered).toBe(1);
		expect(ids(merger.push(1, [item('b5', 5)]))).toEqual(['a8']);
		expect(merger.waitingOn()).toEqual([0]);
		expect(ids(merger.close(0))).toEqual(['b5']);
		expect(merger.done).toBe(false);
		expect(merger.close(1)).toEqual([]);
		expect(merger.done).toBe(true);
	});

	it('lets a closed or failed source hold nothing back, and keeps what it sent', () => {
		const merger = createPageMerger(3, key);
		merger.push(0, [item('a', 5)]);
		merger.push(2, [item('c', 7)]);
		expect(merger.waitingOn()).toEqual([1]);
		// Source 2 may still send something between 7 and 5.
		expect(ids(merger.close(1))).toEqual(['c']);
		expect(merger.waitingOn()).toEqual([2]);
		expect(ids(merger.close(2))).toEqual(['a']);
		expect(merger.waitingOn()).toEqual([0]);
	});

	it('an empty page says nothing about how old the next items are', () => {
		const merger = createPageMerger(2, key);
		merger.push(0, [item('a', 5)]);
		expect(merger.push(1, [])).toEqual([]);
		expect(merger.waitingOn()).toEqual([1]);
		expect(ids(merger.push(1, [item('b', 6)]))).toEqual(['b']);
		expect(ids(merger.close(1))).toEqual(['a']);
	});

	it('orders equal times by source, and a later source cannot slip in before an earlier one', () => {
		const merger = createPageMerger(2, key);
		// Source 0 might still send more at time 5, which would come before source 1's.
		expect(merger.push(1, [item('b', 5)])).toEqual([]);
		expect(ids(merger.push(0, [item('a', 5)]))).toEqual(['a']);
		expect(ids(merger.push(0, [item('a2', 4)]))).toEqual(['b']);
	});

	it('emits an id once, whichever sources send it', () => {
		const merger = createPageMerger(2, key);
		merger.push(0, [item('global', 9), item('x', 3)]);
		const out = [...merger.push(1, [item('global', 9), item('y', 2)]), ...merger.close(0), ...merger.close(1)];
		expect(ids(out)).toEqual(['global', 'x', 'y']);
	});

	it('sorts invalid times last instead of stalling the merge', () => {
		const merger = createPageMerger(1, key);
		expect(ids(merger.push(0, [item('a', 4), item('bad', Number.NaN)]))).toEqual(['a', 'bad']);
	});

	it('ignores pages from a source it does not have or already closed', () => {
		const merger = createPageMerger(1, key);
		merger.close(0);
		expect(merger.push(0, [item('late', 1)])).toEqual([]);
		expect(merger.push(5, [item('nowhere', 1)])).toEqual([]);
		expect(merger.done).toBe(true);
	});

	// The contract as a property: whatever the pages and whichever order the sources answer in,
	// the output is the sorted union (newest first, ties by source then the source's own order),
	// each id once, and at every moment what is out is a prefix of it (nothing left too early).
	it('merges any per-source descending pages into the sorted union, each id once', () => {
		const pool = fc.uniqueArray(fc.record({id: fc.string({minLength: 1, maxLength: 3}), time: fc.integer({min: 0, max: 12})}), {
			selector: entry => entry.id,
			maxLength: 40,
		});
		const scenario = pool.chain(events =>
			fc.record({
				sources: fc.array(
					fc.record({
						picks: fc.subarray(events),
						// Page sizes (0 included: the service sends empty pages), cycled.
						sizes: fc.array(fc.integer({min: 0, max: 5}), {minLength: 1, maxLength: 6}),
					}),
					{minLength: 1, maxLength: 5},
				),
				schedule: fc.array(fc.nat(), {maxLength: 80}),
			}),
		);

		fc.assert(
			fc.property(scenario, ({sources, schedule}) => {
				// Each source's events newest first; equal times keep their (arbitrary) pool order.
				const streams = sources.map(source => [...source.picks].sort((a, b) => b.time - a.time));
				const pages = streams.map((stream, index) => {
					const {sizes} = sources[index]!;
					const result: Item[][] = [];
					let at = 0;
					for (let step = 0; at < stream.length || step === 0; step++) {
						const size = sizes[step % sizes.length]!;
						result.push(stream.slice(at, at + size));
						at += size;
						if (step > 4 * stream.length + 10) {
							result.push(stream.slice(at));
							break;
						}
					}

					return result;
				});
				const expected: Item[] = [];
				const kept = new Set<string>();
				const all = streams.flatMap((stream, source) => stream.map((entry, position) => ({entry, source, position})));
				all.sort((a, b) => b.entry.time - a.entry.time || a.source - b.source || a.position - b.position);
				for (const {entry} of all) {
					if (!kept.has(entry.id)) {
						kept.add(entry.id);
						expected.push(entry);
					}
				}

				const merger = createPageMerger(streams.length, key);
				const out: Item[] = [];
				const next = pages.map(() => 0);
				const open = new Set(pages.keys());
				const step = (source: number) => {
					if (next[source]! < pages[source]!.length) {
						out.push(...merger.push(source, pages[source]![next[source]!++]!));
					} else {
						out.push(...merger.close(source));
						open.delete(source);
					}

					expect(ids(out)).toEqual(ids(expected.slice(0, out.length)));
				};

				for (const choice of schedule) {
					if (open.size === 0) {
						break;
					}

					step([...open][choice % open.size]!);
				}

				while (open.size > 0) {
					step([...open][0]!);
				}

				expect(ids(out)).toEqual(ids(expected));
				expect(merger.done).toBe(true);
				expect(merger.buffered).toBe(0);
			}),
			{numRuns: 400},
		);
	});
});
