// One exit path for every way trailview can end: normal quit, signals, and crashes. The terminal
// is restored first (synchronously, before anything that could hang), then resources such as the
// demo emulator are released with a deadline, the capture log is written, and only then is the
// one-line message printed, so it lands on the normal screen rather than the alternate one.
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {writeCaptureLog, type CaptureLog} from './capture-log.js';

type Env = Readonly<Record<string, string | undefined>>;
type Proc = Pick<NodeJS.Process, 'on' | 'off'>;

export type Lifecycle = {
	/** Synchronous terminal restoration (unmount Ink, leave the alternate screen); runs first, newest first. */
	onRestoreTerminal(restore: () => void): void;
	/** Releasing resources (stop the emulator); runs after the terminal is restored, newest first. */
	onCleanup(cleanup: () => void | Promise<void>): void;
	/** Restores, cleans up, prints `message` (if any) to stderr and exits with `code`. Runs once. */
	shutdown(code: number, message?: string): Promise<void>;
	/** For errors nobody handled: one line, no stack (unless TRAILVIEW_DEBUG=1), exit 1. */
	fail(error: unknown): Promise<void>;
	/** Listens for SIGINT/SIGTERM/SIGHUP, uncaught exceptions and unhandled rejections. */
	install(): void;
	/**
	 * While a child process owns the terminal (`aws sso login`), Ctrl+C is its to handle: SIGINT,
	 * sent to the whole foreground group, must not end trailview too. Returns the release.
	 */
	holdInterrupts(): () => void;
	/**
	 * What Ctrl+C (SIGINT) exits with from now on, instead of 130: `--follow` runs until Ctrl+C,
	 * as `tail -f` does, so for it that is the normal end (0).
	 */
	setInterruptExitCode(code: number): void;
	readonly signal: AbortSignal;
};

const signalNumbers = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1} as const;

// The first line says what went wrong (the rest is usually a stack or a dump), and it reaches a
// terminal, so it goes through the one sanitiser like any other outside text.
function firstLine(text: string): SafeText {
	return sanitizeLine(text.split('\n').find(line => line.trim() !== '') ?? text);
}

export function describeUnexpectedError(error: unknown): SafeText {
	const message = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
	return safe`trailview: unexpected error: ${firstLine(message || (error instanceof Error ? error.name : 'unknown'))}`;
}

export function createLifecycle(options: {
	stderr: Pick<NodeJS.WriteStream, 'write'>;
	env: Env;
	log: CaptureLog;
	exit: (code: number) => void;
	proc?: Proc;
	cleanupTimeoutMs?: number;
}): Lifecycle {
	const proc = options.proc ?? process;
	const restorers: Array<() => void> = [];
	const cleanups: Array<() => void | Promise<void>> = [];
	const controller = new AbortController();
	let shuttingDown = false;
	let interruptsHeld = 0;
	let interruptExitCode = 128 + signalNumbers.SIGINT;

	const writeErr = (text: string) => {
		try {
			options.stderr.write(text);
		} catch {
			// stderr may be gone (closed terminal); exiting is all that is left.
		}
	};

	const restoreTerminal = () => {
		for (const restore of restorers.splice(0).reverse()) {
			try {
				restore();
			} catch {
				// Keep restoring the rest.
			}
		}
	};

	const shutdown = async (code: number, message?: string) => {
		if (shuttingDown) {
			return;
		}

		shuttingDown = true;
		controller.abort();
		restoreTerminal();
		const pending = cleanups.splice(0).reverse().map(async cleanup => {
			try {
				await cleanup();
			} catch {
				// A failed cleanup must not turn a clean exit into a crash.
			}
		});
		await Promise.race([
			Promise.all(pending),
			new Promise(resolve => {
				setTimeout(resolve, options.cleanupTimeoutMs ?? 2000).unref();
			}),
		]);
		const logProblem = writeCaptureLog(options.log, options.env['TRAILVIEW_LOG']);
		if (message) {
			writeErr(`${message}\n`);
		}

		if (logProblem) {
			writeErr(`trailview: ${logProblem}\n`);
		}

		options.exit(code);
	};

	const fail = async (error: unknown) => {
		if (shuttingDown) {
			// A crash while shutting down: the terminal is already restored; do not hang.
			options.exit(1);
			return;
		}

		const debug = options.env['TRAILVIEW_DEBUG'] === '1' && error instanceof Error && error.stack;
		await shutdown(1, debug ? `${describeUnexpectedError(error)}\n${error.stack}` : describeUnexpectedError(error));
	};

	const install = () => {
		for (const [name, number] of Object.entries(signalNumbers)) {
			proc.on(name as NodeJS.Signals, () => {
				if (name === 'SIGINT' && interruptsHeld > 0 && !shuttingDown) {
					return;
				}

				if (shuttingDown) {
					// Second Ctrl+C / signal: the user means it.
					options.exit(128 + number);
					return;
				}

				void shutdown(name === 'SIGINT' ? interruptExitCode : 128 + number);
			});
		}

		proc.on('uncaughtException', error => {
			void fail(error);
		});
		proc.on('unhandledRejection', reason => {
			void fail(reason);
		});
	};

	return {
		onRestoreTerminal(restore) {
			restorers.push(restore);
		},
		onCleanup(cleanup) {
			cleanups.push(cleanup);
		},
		shutdown,
		fail,
		install,
		holdInterrupts() {
			interruptsHeld++;
			let released = false;
			return () => {
				if (!released) {
					released = true;
					interruptsHeld--;
				}
			};
		},
		setInterruptExitCode(code) {
			interruptExitCode = code;
		},
		signal: controller.signal,
	};
}
