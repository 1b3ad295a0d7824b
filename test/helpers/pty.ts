// Runs the built CLI in a real pseudo-terminal and keeps a headless xterm in sync with it, so
// end-to-end tests see exactly the screen a person would (alt screen, cursor moves, wrapping).
// Waits poll the screen; there are no fixed sleeps.
import {fileURLToPath} from 'node:url';
import * as pty from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';

const {Terminal} = xtermHeadless;

/** TRAILVIEW_CLI points the tests at another build (e.g. one made with different bundler settings). */
export const cliPath = process.env['TRAILVIEW_CLI'] ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export {keys as ptyKeys} from './keys.js';

export type PtyOptions = {
	args?: string[];
	cols?: number;
	rows?: number;
	/** Added to a minimal environment (PATH, HOME, TERM); nothing else leaks in from the test runner. */
	env?: Record<string, string>;
	cwd?: string;
};

export type PtySession = {
	screen(): string;
	/** Everything the program wrote, escape sequences included. */
	raw(): string;
	waitForText(match: string | RegExp, timeoutMs?: number): Promise<string>;
	/** Waits until the screen satisfies `predicate`. */
	waitForScreen(predicate: (screen: string) => boolean, timeoutMs?: number, what?: string): Promise<string>;
	/** How the first on-screen occurrence of `text` is drawn (its first cell), or undefined when absent. */
	styleOf(text: string): CellStyle | undefined;
	/** Waits until `match` is no longer on screen. */
	waitForNoText(match: string | RegExp, timeoutMs?: number): Promise<string>;
	press(...keys: string[]): Promise<void>;
	resize(cols: number, rows: number): void;
	kill(signal?: string): void;
	readonly exitCode: Promise<number>;
	/** Set when the process has exited (signal number, if killed by one). */
	readonly exited: {code: number; signal: number | undefined} | undefined;
	readonly startedAt: number;
};

export type CellStyle = {bold: boolean; dim: boolean; inverse: boolean; underline: boolean; colored: boolean};

function baseEnv(extra: Record<string, string>): Record<string, string> {
	// Deliberately no CI: Ink only paints the final frame when it thinks it runs in CI.
	const env: Record<string, string> = {
		PATH: process.env['PATH'] ?? '/usr/bin:/bin',
		HOME: process.env['HOME'] ?? '/tmp',
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		// Keep the developer's real AWS setup out of the tests.
		AWS_CONFIG_FILE: '/nonexistent/aws-config',
		AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
		AWS_EC2_METADATA_DISABLED: 'true',
	};
	return {...env, ...extra};
}

function matches(text: string, match: string | RegExp): boolean {
	return typeof match === 'string' ? text.includes(match) : match.test(text);
}

export function spawnCli(options: PtyOptions = {}): PtySession {
	const cols = options.cols ?? 100;
	const rows = options.rows ?? 30;
	const terminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	const startedAt = performance.now();
	const child = pty.spawn(process.execPath, [cliPath, ...(options.args ?? [])], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: baseEnv(options.env ?? {}),
	});

	let raw = '';
	let exited: PtySession['exited'];
	let pendingWrites = Promise.resolve();
	child.onData(data => {
		raw += data;
		// xterm parses asynchronously; chain writes so screen() can wait for them to be applied.
		pendingWrites = pendingWrites.then(
			async () =>
				new Promise<void>(resolve => {
					terminal.write(data, resolve);
				}),
		);
	});
	const exitCode = new Promise<number>(resolve => {
		child.onExit(({exitCode: code, signal}) => {
			exited = {code, signal: signal || undefined};
			resolve(code);
		});
	});

	const screen = () => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	};

	const styleOf = (text: string): CellStyle | undefined => {
		const buffer = terminal.buffer.active;
		for (let row = 0; row < terminal.rows; row++) {
			const line = buffer.getLine(buffer.viewportY + row);
			if (!line) {
				continue;
			}

			// Cell by cell, so a wide character (two cells, one string) cannot shift the column.
			let joined = '';
			const cellAt: number[] = [];
			for (let x = 0; x < terminal.cols; x++) {
				const cell = line.getCell(x);
				// The second cell of a wide character is empty and 0 wide; a never-written cell is a space.
				const chars = !cell || cell.getWidth() === 0 ? '' : cell.getChars() || ' ';
				for (let index = 0; index < chars.length; index++) {
					cellAt.push(x);
				}

				joined += chars;
			}

			const offset = joined.indexOf(text);
			const cell = offset === -1 ? undefined : line.getCell(cellAt[offset]!);
			if (cell) {
				return {
					bold: cell.isBold() !== 0,
					dim: cell.isDim() !== 0,
					inverse: cell.isInverse() !== 0,
					underline: cell.isUnderline() !== 0,
					colored: !cell.isFgDefault() || !cell.isBgDefault(),
				};
			}
		}

		return undefined;
	};

	// Ink wraps each frame in a synchronized update (ESC[?2026h … ESC[?2026l); a screen read between
	// the two is half old frame, half new, so waits only judge whole frames.
	const midFrame = () => raw.lastIndexOf('\u001B[?2026h') > raw.lastIndexOf('\u001B[?2026l');

	const poll = async (done: (text: string) => boolean, what: string, timeoutMs: number): Promise<string> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			// Until xterm has parsed everything received: output can arrive while a wait is pending, and
			// a screen read then would show a frame's first rows new and its last rows (the footer) old,
			// with both of the frame's sync markers already in `raw`.
			for (let applied: Promise<void> | undefined; applied !== pendingWrites; ) {
				applied = pendingWrites;
				await applied;
			}

			const text = screen();
			if (!midFrame() && done(text)) {
				return text;
			}

			if (Date.now() > deadline) {
				const status = exited ? ` (process exited with ${exited.code})` : '';
				throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${status}. Screen:\n${text}`);
			}

			await new Promise(resolve => {
				setTimeout(resolve, 25);
			});
		}
	};

	return {
		screen,
		raw: () => raw,
		styleOf,
		waitForText: async (match, timeoutMs = 15_000) => poll(text => matches(text, match), String(match), timeoutMs),
		waitForScreen: async (predicate, timeoutMs = 15_000, what = 'the screen to change') => poll(predicate, what, timeoutMs),
		waitForNoText: async (match, timeoutMs = 15_000) => poll(text => !matches(text, match), `${String(match)} to go away`, timeoutMs),
		async press(...keys) {
			for (const key of keys) {
				child.write(key);
				// Ink tells a lone Esc from an escape sequence by timing, so keys go one at a time.
				await new Promise(resolve => {
					setTimeout(resolve, 30);
				});
			}
		},
		resize(newCols, newRows) {
			terminal.resize(newCols, newRows);
			child.resize(newCols, newRows);
		},
		kill(signal) {
			if (!exited) {
				child.kill(signal);
			}
		},
		exitCode,
		get exited() {
			return exited;
		},
		startedAt,
	};
}
