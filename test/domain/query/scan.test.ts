import {describe, expect, it} from 'vitest';
import {scanPages} from '../../../source/domain/query/scan.js';
import type {TrailEvent} from '../../../source/domain/types.js';
import {makeEvent} from '../../helpers/fakes.js';

async function* pages(...list: TrailEvent[][]): AsyncGenerator<TrailEvent[]> {
	for (const page of list) {
		yield page;
	}
}

describe('scanPages', () => {
	it("gives each page's matches in order and how many events it held, empty pages included", async () => {
		const events = Array.from({length: 7}, (_, index) => makeEvent(index));
		const steps = [];
		for await (const step of scanPages(pages(events.slice(0, 3), [], events.slice(3)), event => Number(event.id.slice(-1)) % 2 === 0)) {
			steps.push({ids: step.matches.map(event => event.id), scanned: step.scanned});
		}

		expect(steps).toEqual([
			{ids: ['evt-00000', 'evt-00002'], scanned: 3},
			{ids: [], scanned: 0},
			{ids: ['evt-00004', 'evt-00006'], scanned: 4},
		]);
	});

	it('reads no further than its consumer asks, so Esc stops a scan', async () => {
		let served = 0;
		async function* counting(): AsyncGenerator<TrailEvent[]> {
			for (let page = 0; page < 10; page++) {
				served++;
				yield [makeEvent(page)];
			}
		}

		for await (const step of scanPages(counting(), () => true)) {
			expect(step.scanned).toBe(1);
			break;
		}

		expect(served).toBe(1);
	});

	it('passes on a failing page source', async () => {
		async function* failing(): AsyncGenerator<TrailEvent[]> {
			yield [makeEvent(0)];
			throw new Error('throttled');
		}

		const seen: number[] = [];
		await expect(async () => {
			for await (const step of scanPages(failing(), () => true)) {
				seen.push(step.scanned);
			}
		}).rejects.toThrow('throttled');
		expect(seen).toEqual([1]);
	});
});
