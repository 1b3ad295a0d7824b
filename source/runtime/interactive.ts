// Runs the Ink UI on the alternate screen, drawing through the frame writer. Ink is told not to
// patch the console (the capture log owns console.*) nor to exit on Ctrl+C (the app's forceQuit command
// quits); every way out goes through the lifecycle, which unmounts Ink first and then leaves the
// alternate screen.
import v8 from 'node:v8';
import React, {type ReactElement} from 'react';
import {render} from 'ink';
import chalk from 'chalk';
import {colorLevel, levelFromDepth, terminalOnlyEnv, type ColorLevel} from '../lib/color-mode.js';
import {ColorProvider} from '../components/text.js';
import {ExitOnRenderError} from '../components/exit-on-render-error.js';
import {enterAltScreen} from './terminal.js';
import {FrameWriter} from './frame-writer.js';
import {createTerminalHandover, type TerminalHandover} from './handover.js';
import type {Lifecycle} from './lifecycle.js';
import {osc52, osc52Limit} from '../lib/osc52.js';

export type InteractiveOptions = {
	/** The UI; given the handover when it needs to lend the terminal to a child process. */
	element: ReactElement | ((terminal: TerminalHandover) => ReactElement);
	lifecycle: Lifecycle;
	stdout: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
	stderr: NodeJS.WriteStream;
	/** Read for NO_COLOR and FORCE_COLOR (source/lib/color-mode.ts). */
	env: Readonly<Record<string, string | undefined>>;
};

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in percent.
 * Ink redraws the whole screen on every frame and allocates ~10 MB doing it (an object per terminal
 * cell, per-character tokens, style sets per cell); part of each frame survives a scavenge and is
 * promoted, so the old generation fills with dead frames between full collections. V8's default
 * factor (up to 4x on a 64-bit machine) let that garbage reach ~150 MB while only ~37 MB was live
 * (10,000 events loaded), for a peak RSS of ~230 MB. At 20 % a full collection, incremental and
 * mostly concurrent, comes every few dozen frames and peak RSS stays near 140 MB; key press
 * latency did not change measurably. The flag is read at every full collection, so setting it
 * here, before the first frame, takes effect; the young generation's size cannot be changed this
 * late (but see semiSpaceGrowthFactor). Only the interactive UI draws frames, so script output is unaffected.
 */
export const heapGrowingPercent = 20;

/**
 * How much V8's young generation grows when it fills: 1 keeps it at the size it has when the UI
 * starts (two semi-spaces of 1-2 MB) rather than letting it double up to 2 × 16 MB. The young
 * generation is resident whether it holds anything or not, and V8 lets the old generation grow by
 * its capacity too before the next full collection. The default cost 30 MB of peak RSS with 10,000
 * events loaded (bench figure big-table: 125 MB, now 95) and 40 MB with 100,000 from 34 account
 * regions (peak-rss-100k: 287 MB, then 247, against a 250 MB target). Scavenges come more often,
 * each of a small space; key press latency with 10,000 events stayed within the bench's run-to-run
 * noise. V8 reads the flag whenever the young generation would grow, so setting it here takes
 * effect; scripts keep V8's default.
 */
export const semiSpaceGrowthFactor = 1;

/**
 * Decides colour once, for the whole UI. Ink styles text with chalk's shared instance, whose level
 * gates attributes as well as colours and which ignores NO_COLOR; so chalk is set to at least 16
 * colours (bold and inverse keep the cursor and failures visible, and Ink moves the cursor with
 * escape codes anyway), and the colours themselves are dropped by <ColorProvider value={false}>.
 */
export function applyColorLevel(env: InteractiveOptions['env'], stdout: Pick<NodeJS.WriteStream, 'getColorDepth'>): ColorLevel {
	const level = colorLevel(env, levelFromDepth(stdout.getColorDepth?.(terminalOnlyEnv(env)) ?? 1));
	chalk.level = Math.max(1, level) as ColorLevel;
	return level;
}

export function runInteractive({element, lifecycle, stdout, stdin, stderr, env}: InteractiveOptions): void {
	v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
	v8.setFlagsFromString(`--semi-space-growth-factor=${semiSpaceGrowthFactor}`);
	const color = applyColorLevel(env, stdout) > 0;
	const altScreen = enterAltScreen({stdout, stdin});
	lifecycle.onRestoreTerminal(altScreen.leave);
	const frames = new FrameWriter(stdout);
	lifecycle.onRestoreTerminal(() => {
		frames.dispose();
	});
	// `debug` makes Ink hand every frame whole to the writer, which puts only changed lines on
	// screen (frame-writer.ts); Ink's own redraw clears the screen on every key once a frame fills
	// the terminal. Ink's stdout type is a WriteStream; the writer has every member Ink uses.
	const handover = createTerminalHandover({
		stdin,
		write(text) {
			stdout.write(text);
		},
		redraw() {
			frames.invalidate();
			// Ink redraws on resize; the size is the same, the screen is not.
			frames.emit('resize');
		},
		holdInterrupts: lifecycle.holdInterrupts,
	});
	const terminal: TerminalHandover = {
		...handover,
		copy(text) {
			const sequence = osc52(text, {tmux: (env['TMUX'] ?? '') !== ''});
			if (sequence.length > osc52Limit) {
				return false;
			}

			frames.writeControl(sequence);
			return true;
		},
	};
	const ui = typeof element === 'function' ? element(terminal) : element;
	const tree = React.createElement(ColorProvider, {value: color}, React.createElement(ExitOnRenderError, null, ui));
	const instance = render(tree, {
		stdout: frames as unknown as NodeJS.WriteStream,
		stdin,
		stderr,
		patchConsole: false,
		exitOnCtrlC: false,
		debug: true,
	});
	// Registered last so it runs first: Ink's final frame must land on the alternate screen.
	lifecycle.onRestoreTerminal(() => {
		instance.unmount();
	});
	instance.waitUntilExit().then(
		async () => lifecycle.shutdown(0),
		async (error: unknown) => lifecycle.fail(error),
	);
}
