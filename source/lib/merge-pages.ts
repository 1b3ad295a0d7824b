// The incremental k-way merge behind the all-regions and several-accounts view (issue 13). Each
// source (an account+region) sends pages newest first; the merge emits one timeline, newest first,
// as soon as it is safe: an item waits only until every source still open has sent something at
// least as old, so nothing newer can still come from it. Each pushed item costs O(log k) (a heap of
// the sources' heads), never a sort of everything read so far, and each source holds at most the
// page it sent last that is not out yet.
//
// Order: time descending; equal times by source order, then in the order the source sent them (a
// source's own order for one second is the service's, which is as good as any id order). An id
// already emitted is dropped: global events and a source listed twice must never show twice.

export type MergeKey<T> = {
	/** Milliseconds; NaN sorts as the oldest possible. */
	time(item: T): number;
	id(item: T): string;
};

export type PageMerger<T> = {
	/** Source `source` sent its next page (newest first). Returns what is now safe to emit, newest first. */
	push(source: number, page: readonly T[]): T[];
	/** Source `source` has no more pages (ended, failed or left out): it holds nothing back any more. */
	close(source: number): T[];
	/** Open sources with nothing buffered: until each sends a page or closes, the merge may be stuck. */
	waitingOn(): number[];
	/** Items received and not emitted yet. */
	readonly buffered: number;
	/** Every source closed and every item emitted. */
	readonly done: boolean;
};

type Lane<T> = {
	queue: T[];
	/** Index of the next item of `queue` to emit. */
	head: number;
	/** The oldest time this source has sent; +Infinity before its first item. */
	lastSeen: number;
	open: boolean;
};

const timeOf = <T>(key: MergeKey<T>, item: T): number => {
	const time = key.time(item);
	return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

export function createPageMerger<T>(sourceCount: number, key: MergeKey<T>): PageMerger<T> {
	const lanes: Array<Lane<T>> = Array.from({length: sourceCount}, () => ({queue: [], head: 0, lastSeen: Number.POSITIVE_INFINITY, open: true}));
	const emitted = new Set<string>();
	// Sources whose queue is not empty, as a binary heap ordered by their head item.
	const heap: number[] = [];
	let buffered = 0;
	let openCount = sourceCount;

	const headTime = (source: number): number => {
		const lane = lanes[source]!;
		return timeOf(key, lane.queue[lane.head]!);
	};

	/** Whether source a's head comes out before source b's. */
	const before = (a: number, b: number): boolean => {
		const ta = headTime(a);
		const tb = headTime(b);
		return ta > tb || (ta === tb && a < b);
	};

	const swap = (i: number, j: number) => {
		const held = heap[i]!;
		heap[i] = heap[j]!;
		heap[j] = held;
	};

	const siftUp = (start: number) => {
		let index = start;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!before(heap[index]!, heap[parent]!)) {
				return;
			}

			swap(index, parent);
			index = parent;
		}
	};

	const siftDown = (start: number) => {
		let index = start;
		for (;;) {
			const left = index * 2 + 1;
			const right = left + 1;
			let first = index;
			if (left < heap.length && before(heap[left]!, heap[first]!)) {
				first = left;
			}

			if (right < heap.length && before(heap[right]!, heap[first]!)) {
				first = right;
			}

			if (first === index) {
				return;
			}

			swap(index, first);
			index = first;
		}
	};

	const isStarving = (lane: Lane<T>) => lane.open && lane.head === lane.queue.length;

	/**
	 * The open source with nothing buffered that holds back the most: the one whose next item could
	 * come out first (latest lastSeen, then lowest index). Undefined when none holds anything back.
	 */
	const strictest = (a: number | undefined, b: number): number => {
		if (a === undefined) {
			return b;
		}

		const la = lanes[a]!.lastSeen;
		const lb = lanes[b]!.lastSeen;
		return lb > la || (lb === la && b < a) ? b : a;
	};

	const emit = (): T[] => {
		const out: T[] = [];
		let bound: number | undefined;
		for (const [source, lane] of lanes.entries()) {
			if (isStarving(lane)) {
				bound = strictest(bound, source);
			}
		}

		while (heap.length > 0) {
			const top = heap[0]!;
			const lane = lanes[top]!;
			const item = lane.queue[lane.head]!;
			if (bound !== undefined) {
				// Safe only if it comes out before anything the holding-back source could still send.
				const time = timeOf(key, item);
				const limit = lanes[bound]!.lastSeen;
				if (!(time > limit || (time === limit && top < bound))) {
					break;
				}
			}

			lane.head++;
			buffered--;
			const id = key.id(item);
			if (!emitted.has(id)) {
				emitted.add(id);
				out.push(item);
			}

			if (lane.head < lane.queue.length) {
				siftDown(0);
				continue;
			}

			// The queue is empty: drop it from the heap, and, if the source is still open, it now holds back too.
			lane.queue = [];
			lane.head = 0;
			const last = heap.pop()!;
			if (heap.length > 0) {
				heap[0] = last;
				siftDown(0);
			}

			if (lane.open) {
				bound = strictest(bound, top);
			}
		}

		return out;
	};

	return {
		push(source, page) {
			const lane = lanes[source];
			if (lane === undefined || !lane.open) {
				return [];
			}

			if (page.length > 0) {
				const wasEmpty = lane.head === lane.queue.length;
				for (const item of page) {
					lane.queue.push(item);
					// Min, not the last item: a source that breaks its order must still not let anything out early.
					lane.lastSeen = Math.min(lane.lastSeen, timeOf(key, item));
				}

				buffered += page.length;
				if (wasEmpty) {
					heap.push(source);
					siftUp(heap.length - 1);
				}
			}

			return emit();
		},

		close(source) {
			const lane = lanes[source];
			if (lane === undefined || !lane.open) {
				return [];
			}

			lane.open = false;
			openCount--;
			return emit();
		},

		waitingOn() {
			const waiting: number[] = [];
			for (const [source, lane] of lanes.entries()) {
				if (isStarving(lane)) {
					waiting.push(source);
				}
			}

			return waiting;
		},

		get buffered() {
			return buffered;
		},

		get done() {
			return openCount === 0 && buffered === 0;
		},
	};
}
