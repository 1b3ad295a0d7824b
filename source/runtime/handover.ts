// Lends the terminal to a child process (`aws sso login`) and takes it back: off the alternate
// screen, cooked mode, stdin no longer read by Ink; afterwards the alternate screen again and a
// full redraw, since the child wrote all over the screen.
import {sequences} from './terminal.js';

export type TerminalHandover = {
	/** Runs `task` with the terminal handed over; the UI is back (redrawn) when it settles. */
	run<T>(task: () => Promise<T>): Promise<T>;
	/**
	 * Puts `text` on the clipboard through the terminal (OSC 52, lib/osc52.ts), between frames;
	 * false when it is too long for terminals to take.
	 */
	copy?(text: string): boolean;
};

type Input = Pick<NodeJS.ReadStream, 'listeners' | 'removeAllListeners' | 'on' | 'pause' | 'resume'> & {
	isTTY?: boolean;
	isRaw?: boolean;
	setRawMode?: (mode: boolean) => unknown;
};

export function createTerminalHandover(options: {
	stdin: Input;
	write(text: string): void;
	/** Forces the next frame to be drawn whole, and draws it. */
	redraw(): void;
	holdInterrupts(): () => void;
}): TerminalHandover {
	const {stdin, write} = options;
	return {
		async run(task) {
			const release = options.holdInterrupts();
			// Ink reads stdin through these; without them (and paused) nothing competes with the child.
			const readers = stdin.listeners('readable') as Array<() => void>;
			stdin.removeAllListeners('readable');
			stdin.pause();
			const wasRaw = stdin.isTTY === true && stdin.isRaw === true;
			if (wasRaw) {
				stdin.setRawMode?.(false);
			}

			write(sequences.leaveAltScreen + sequences.showCursor);
			try {
				return await task();
			} finally {
				write(sequences.enterAltScreen + sequences.clearAndHome);
				if (wasRaw) {
					stdin.setRawMode?.(true);
				}

				for (const reader of readers) {
					stdin.on('readable', reader);
				}

				stdin.resume();
				// A Ctrl+C typed for the child is delivered once the loop runs again: released after it.
				setImmediate(release);
				options.redraw();
			}
		},
	};
}
