// The built CLI (or a baseline) in a real pseudo-terminal, with waits on its plain-text output
// and timing from a key press to the frame it causes.
import {performance} from 'node:perf_hooks';
import * as pty from '@lydell/node-pty';
import {baseEnv, root} from './env.js';

/** Strips escape sequences so the accumulated output can be searched as text. */
export function plain(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(\u0007|\u001B\\)|\u001B[()][0-9A-B]|\u001B[=>78]/g, '');
}

export type PtyRun = {
	child: pty.IPty;
	startedAt: number;
	/** Resolves with ms from spawn when the (plain) output matches. */
	when(match: RegExp, timeoutMs?: number): Promise<number>;
	output(): string;
	/**
	 * Writes `data` and resolves with ms until a complete frame arrives whose selected (inverse)
	 * row differs from the one before: a redraw for another reason (the "loaded 12 s ago" clock)
	 * does not count as the key's frame.
	 */
	keyToFrame(data: string, timeoutMs?: number): Promise<number>;
	done: Promise<number>;
};

export function spawnPty(args: string[], env: Record<string, string>, size = {cols: 120, rows: 40}): PtyRun {
	const startedAt = performance.now();
	const child = pty.spawn(args[0]!, args.slice(1), {name: 'xterm-256color', ...size, cwd: root, env: baseEnv(env)});
	let out = '';
	let waiters: Array<() => void> = [];
	let chunkListener: (() => void) | undefined;
	child.onData(data => {
		out += data;
		chunkListener?.();
		const current = waiters;
		waiters = [];
		for (const waiter of current) {
			waiter();
		}
	});
	const done = new Promise<number>(resolve => {
		child.onExit(({exitCode}) => {
			resolve(exitCode);
		});
	});
	return {
		child,
		startedAt,
		output: () => out,
		async when(match, timeoutMs = 30_000) {
			const deadline = performance.now() + timeoutMs;
			for (;;) {
				if (match.test(plain(out))) {
					return performance.now() - startedAt;
				}

				if (performance.now() > deadline) {
					throw new Error(`timed out waiting for ${match}; output:\n${plain(out).slice(-2000)}`);
				}

				await new Promise<void>(resolve => {
					waiters.push(resolve);
					setTimeout(resolve, 50);
				});
			}
		},
		async keyToFrame(data, timeoutMs = 5000) {
			const before = selectedRow(out);
			const from = out.length;
			return new Promise<number>((resolve, reject) => {
				const timer = setTimeout(() => {
					chunkListener = undefined;
					reject(new Error('no frame with a moved cursor after key press'));
				}, timeoutMs);
				const sentAt = performance.now();
				chunkListener = () => {
					const after = selectedRow(out.slice(from));
					if (after === undefined || after === before) {
						return;
					}

					chunkListener = undefined;
					clearTimeout(timer);
					resolve(performance.now() - sentAt);
				};

				child.write(data);
			});
		},
		done,
	};
}

/** The text of the inverse-video (selected) row in the last complete frame of `output`. */
export function selectedRow(output: string): string | undefined {
	// Ink wraps each frame in a synchronized update; only a finished frame counts.
	const end = output.lastIndexOf('\u001B[?2026l');
	const start = output.lastIndexOf('\u001B[?2026h', end);
	if (end === -1 || start === -1) {
		return undefined;
	}

	const frame = output.slice(start, end);
	const inverse = frame.lastIndexOf('\u001B[7m');
	return inverse === -1 ? undefined : plain(frame.slice(inverse, frame.indexOf('\n', inverse) === -1 ? undefined : frame.indexOf('\n', inverse)));
}

export async function kill(run: PtyRun): Promise<void> {
	run.child.kill('SIGTERM');
	await Promise.race([run.done, new Promise(resolve => setTimeout(resolve, 3000))]);
}

