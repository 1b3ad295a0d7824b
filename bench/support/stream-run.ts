// The built CLI outside a terminal, watched while it runs: when each stdout line arrived (for a
// rate over the steady part of a run) and when a given text first appeared (for a latency). Stdout
// is counted, not kept, so a run printing tens of megabytes costs the emulator's process little.
import {spawn, type ChildProcess} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {baseEnv, root} from './env.js';

/** Lines of stdout seen by `ms` after spawn. */
export type Mark = {ms: number; lines: number};

export type StreamRun = {
	child: ChildProcess;
	startedAt: number;
	/** One mark per stdout chunk, in order. */
	marks: Mark[];
	stderr(): string;
	/** Resolves with performance.now() when stdout first contains `text` (sought from now on). */
	whenText(text: string, timeoutMs: number): Promise<number>;
	/** Exit code (-1 when killed by a signal). */
	done: Promise<number>;
};

export function spawnStream(args: string[], env: Record<string, string>): StreamRun {
	const startedAt = performance.now();
	const child = spawn(args[0]!, args.slice(1), {cwd: root, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe']});
	const marks: Mark[] = [];
	let lines = 0;
	let stderr = '';
	// The end of the previous chunk, so a text split across two chunks is still found.
	let tail = '';
	let watchers: Array<(chunk: string, at: number) => void> = [];
	child.stdout!.setEncoding('utf8');
	child.stdout!.on('data', (chunk: string) => {
		const at = performance.now();
		for (let index = chunk.indexOf('\n'); index !== -1; index = chunk.indexOf('\n', index + 1)) {
			lines++;
		}

		marks.push({ms: at - startedAt, lines});
		const text = tail + chunk;
		for (const watcher of watchers) {
			watcher(text, at);
		}

		tail = chunk.slice(-200);
	});
	child.stderr!.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const done = new Promise<number>(resolve => {
		child.on('close', code => resolve(code ?? -1));
	});
	return {
		child,
		startedAt,
		marks,
		stderr: () => stderr,
		async whenText(text, timeoutMs) {
			return new Promise<number>((resolve, reject) => {
				const watcher = (chunk: string, at: number) => {
					if (chunk.includes(text)) {
						finish();
						resolve(at);
					}
				};

				const finish = () => {
					clearTimeout(timer);
					watchers = watchers.filter(each => each !== watcher);
				};

				const timer = setTimeout(() => {
					finish();
					reject(new Error(`timed out after ${timeoutMs} ms waiting for ${text} on stdout; stderr: ${stderr.slice(-500)}`));
				}, timeoutMs);
				watchers.push(watcher);
			});
		},
		done,
	};
}

/**
 * Lines per second from the first mark at least `skipMs` after the first output to the last mark:
 * the steady part of a run, without start-up or the burst of first pages that arrive together.
 */
export function steadyRate(marks: readonly Mark[], skipMs: number): {rate: number; lines: number; seconds: number} {
	const first = marks[0];
	const last = marks.at(-1);
	if (!first || !last) {
		return {rate: Number.NaN, lines: 0, seconds: 0};
	}

	const from = marks.find(mark => mark.ms >= first.ms + skipMs) ?? first;
	const seconds = (last.ms - from.ms) / 1000;
	const lines = last.lines - from.lines;
	return {rate: seconds > 0 ? lines / seconds : Number.NaN, lines, seconds};
}
