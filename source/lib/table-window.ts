// Windowing for every scrollable list on the main screen (events table, trails pane, event detail):
// only the rows on screen are rendered, so these functions work on indexes and never on the data.

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** A cursor index after `move`, within 0..count-1 (0 when the list is empty). */
export function moveIndex(index: number, move: Move, count: number, page: number): number {
	if (count <= 0) {
		return 0;
	}

	const step = Math.max(1, page);
	switch (move) {
		case 'up': {
			return clamp(index - 1, 0, count - 1);
		}

		case 'down': {
			return clamp(index + 1, 0, count - 1);
		}

		case 'pageUp': {
			return clamp(index - step, 0, count - 1);
		}

		case 'pageDown': {
			return clamp(index + step, 0, count - 1);
		}

		case 'home': {
			return 0;
		}

		case 'end': {
			return count - 1;
		}
	}
}

/**
 * The first visible row so that `index` is on screen, moving the window as little as possible.
 * `total` may exceed the item count (e.g. a trailing "loading more…" row), and the window never
 * scrolls past its end, so a shrinking list or a taller terminal does not leave blank rows.
 */
export function keepVisible(top: number, index: number, viewport: number, total: number): number {
	const rows = Math.max(1, viewport);
	let next = top;
	if (index < next) {
		next = index;
	} else if (index >= next + rows) {
		next = index - rows + 1;
	}

	return clamp(next, 0, Math.max(0, total - rows));
}

/** A scroll offset after `move`, for views without a cursor (text that is read, not selected). */
export function scrollOffset(offset: number, move: Move, viewport: number, total: number): number {
	const max = Math.max(0, total - Math.max(1, viewport));
	const page = Math.max(1, viewport - 1);
	switch (move) {
		case 'up': {
			return clamp(offset - 1, 0, max);
		}

		case 'down': {
			return clamp(offset + 1, 0, max);
		}

		case 'pageUp': {
			return clamp(offset - page, 0, max);
		}

		case 'pageDown': {
			return clamp(offset + page, 0, max);
		}

		case 'home': {
			return 0;
		}

		case 'end': {
			return max;
		}
	}
}
