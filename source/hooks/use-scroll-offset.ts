// Scroll position of a read-only view (trails pane, event detail). The first visible line is
// derived from the stored offset on every render, so a refresh or a taller terminal that leaves the
// offset past the end needs no correcting state update, and a move starts from what is on screen.
import {useCallback, useState} from 'react';
import {type Move, scrollOffset} from '../lib/table-window.js';

export function useScrollOffset(total: number, viewport: number): {start: number; scroll(move: Move): void} {
	const [offset, setOffset] = useState(0);
	const maxOffset = Math.max(0, total - Math.max(1, viewport));
	const scroll = useCallback(
		(move: Move) => {
			setOffset(current => scrollOffset(Math.min(current, maxOffset), move, viewport, total));
		},
		[maxOffset, viewport, total],
	);
	return {start: Math.min(offset, maxOffset), scroll};
}
