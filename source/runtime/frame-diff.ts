// The terminal update for one frame: only the lines that differ from what is on screen, each put
// in place by absolute position. Ink 6 either redraws the whole screen when a frame is as tall as
// the terminal, or (incrementalRendering) moves the cursor relative to where it left it, which
// drifts a line per frame once a frame ends in a newline. On the alternate screen the frame always
// starts at the top-left, so a row number is all a line needs, and nothing can drift.

const csi = '\u001B[';
export const controls = {
	/** Synchronized update: the terminal shows the frame whole, never half drawn. */
	beginSync: `${csi}?2026h`,
	endSync: `${csi}?2026l`,
	/**
	 * Autowrap off while drawing: a line that is a cell too wide (the old tree drawn once at a new,
	 * narrower width) is clipped at the margin instead of wrapping onto the next row or scrolling
	 * the screen. Turned back on at the end of every frame, so a killed process leaves it on.
	 */
	wrapOff: `${csi}?7l`,
	wrapOn: `${csi}?7h`,
	hideCursor: `${csi}?25l`,
	clearScreen: `${csi}2J`,
	clearLine: `${csi}2K`,
} as const;

function moveTo(row: number): string {
	return `${csi}${row + 1};1H`;
}

export type FrameUpdate = {
	/** The lines now on screen (the frame's first `rows` lines). */
	screen: string[];
	/** What to write; empty when the frame changes nothing on screen. */
	output: string;
	/** How many lines it rewrites. */
	changed: number;
};

/**
 * `previous` is what is on screen, or undefined when nothing trustworthy is (the first frame, or
 * after a resize): then the screen is cleared and every line drawn. Lines below the terminal's
 * last row are dropped rather than written, since writing there would scroll the screen.
 */
export function frameUpdate(previous: readonly string[] | undefined, frame: string, rows: number): FrameUpdate {
	const screen = frame.split('\n').slice(0, Math.max(1, rows));
	const parts: string[] = [];
	let changed = 0;
	if (previous === undefined) {
		parts.push(controls.clearScreen);
		for (const [row, line] of screen.entries()) {
			if (line !== '') {
				parts.push(moveTo(row), line);
				changed++;
			}
		}
	} else {
		const height = Math.max(previous.length, screen.length);
		for (let row = 0; row < height; row++) {
			const line = screen[row] ?? '';
			if (line !== (previous[row] ?? '')) {
				// Clear first, then write: clearing after a line that fills the last column would
				// erase its last cell (the cursor waits on that cell to wrap).
				parts.push(moveTo(row), controls.clearLine, line);
				changed++;
			}
		}
	}

	if (parts.length === 0) {
		return {screen, output: '', changed: 0};
	}

	const output = controls.beginSync + controls.wrapOff + parts.join('') + controls.wrapOn + controls.endSync;
	return {screen, output, changed: previous === undefined ? screen.length : changed};
}
