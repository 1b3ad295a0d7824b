// The stream Ink draws into. Ink runs with `debug: true`, which hands over every frame whole, as
// one write, with no erasing of its own; this stream keeps what is on the terminal and writes only
// the lines a frame changes (frame-diff.ts). A key press that moves the cursor rewrites two rows,
// not the screen. After a resize nothing on screen can be trusted, so the next frame is drawn whole.
// That frame is the one React renders at the new size: Ink answers a resize by redrawing the tree
// it already has, laid out for the old size (the top of a 40-row layout on a 20-row screen), so
// the frame drawn inside the resize event is held back and dropped when the new one follows.
import {EventEmitter} from 'node:events';
import {controls, frameUpdate} from './frame-diff.js';

/** How long the frame drawn inside a resize event waits for the one React renders at the new size. */
const heldFrameMs = 50;

/** The real terminal: where frames go, its size, and its resize events. */
export type Terminal = {
	write(text: string): unknown;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
	columns?: number;
	rows?: number;
};

export class FrameWriter extends EventEmitter {
	/** Ink and useStdout read these; the writer stands in for a terminal. */
	readonly isTTY = true;
	private screen: string[] | undefined;
	private cursorHidden = false;
	private resizing = false;
	private held: string | undefined;
	private heldTimer: NodeJS.Timeout | undefined;

	constructor(private readonly terminal: Terminal) {
		super();
		// Registered before Ink's own listener (Ink subscribes to this emitter, later), so the
		// screen is marked stale before the first frame at the new size is drawn.
		terminal.on('resize', this.onResize);
	}

	get columns(): number {
		return this.terminal.columns ?? 80;
	}

	get rows(): number {
		return this.terminal.rows ?? 24;
	}

	write(frame: string | Uint8Array): boolean {
		const text = typeof frame === 'string' ? frame : Buffer.from(frame).toString('utf8');
		if (this.resizing) {
			this.held = text;
			return true;
		}

		this.dropHeld();
		this.draw(text);
		return true;
	}

	private draw(text: string): void {
		const update = frameUpdate(this.screen, text, this.rows);
		this.screen = update.screen;
		if (update.output !== '') {
			this.terminal.write((this.cursorHidden ? '' : controls.hideCursor) + update.output);
			this.cursorHidden = true;
		}
	}

	/**
	 * A control sequence that draws nothing (OSC 52, the clipboard), written between frames: the
	 * screen it leaves is the one this writer knows, so no redraw is needed.
	 */
	writeControl(sequence: string): void {
		this.terminal.write(sequence);
	}

	/** Draws the next frame whole (after something else wrote to the screen, or on resize). */
	invalidate(): void {
		this.screen = undefined;
	}

	dispose(): void {
		this.dropHeld();
		this.terminal.off('resize', this.onResize);
	}

	private dropHeld(): void {
		clearTimeout(this.heldTimer);
		this.heldTimer = undefined;
		this.held = undefined;
	}

	private readonly onResize = (): void => {
		this.invalidate();
		this.resizing = true;
		try {
			this.emit('resize');
		} finally {
			this.resizing = false;
		}

		if (this.held !== undefined) {
			// Drawn after all if nothing renders at the new size (a screen that does not size itself).
			clearTimeout(this.heldTimer);
			this.heldTimer = setTimeout(() => {
				const held = this.held;
				this.dropHeld();
				if (held !== undefined) {
					this.draw(held);
				}
			}, heldFrameMs);
			this.heldTimer.unref();
		}
	};
}
