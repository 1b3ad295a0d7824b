// An in-memory log for everything that would otherwise print over the UI: process warnings (the
// AWS SDK warns about Node 20) and console output from any library. Bounded, so a chatty library
// cannot grow memory without limit; TRAILVIEW_LOG writes it out on exit.
import {format} from 'node:util';
import {writeFileSync} from 'node:fs';

export type CaptureLog = {
	append(source: string, text: string): void;
	lines(): string[];
	/** Entries dropped because the log was full. */
	dropped(): number;
};

export function createCaptureLog(options: {maxEntries?: number; maxEntryLength?: number; now?: () => Date} = {}): CaptureLog {
	const maxEntries = options.maxEntries ?? 1000;
	const maxEntryLength = options.maxEntryLength ?? 4000;
	const now = options.now ?? (() => new Date());
	const entries: string[] = [];
	let dropped = 0;
	return {
		append(source, text) {
			const clipped = text.length > maxEntryLength ? `${text.slice(0, maxEntryLength)}…` : text;
			entries.push(`${now().toISOString()} ${source}: ${clipped}`);
			if (entries.length > maxEntries) {
				entries.shift();
				dropped++;
			}
		},
		lines: () => [...entries],
		dropped: () => dropped,
	};
}

type ConsoleLike = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
type WarningEmitter = Pick<NodeJS.Process, 'on' | 'off' | 'removeAllListeners' | 'listeners'>;

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Routes console.* and process warnings into the log. Returns a function that puts the original
 * console methods and warning listeners back.
 */
export function captureConsoleAndWarnings(log: CaptureLog, target: ConsoleLike = console, proc: WarningEmitter = process): () => void {
	const originals = consoleMethods.map(method => [method, target[method]] as const);
	for (const method of consoleMethods) {
		target[method] = (...args: unknown[]) => {
			log.append(`console.${method}`, format(...args));
		};
	}

	const previousWarningListeners = proc.listeners('warning') as Array<(warning: Error) => void>;
	proc.removeAllListeners('warning');
	const onWarning = (warning: Error) => {
		log.append('warning', `${warning.name}: ${warning.message}`);
	};

	proc.on('warning', onWarning);
	return () => {
		for (const [method, original] of originals) {
			target[method] = original;
		}

		proc.off('warning', onWarning);
		for (const listener of previousWarningListeners) {
			proc.on('warning', listener);
		}
	};
}

/** Writes the log where TRAILVIEW_LOG points. Returns an error message, or undefined on success. */
export function writeCaptureLog(log: CaptureLog, path: string | undefined): string | undefined {
	if (!path) {
		return undefined;
	}

	const dropped = log.dropped();
	const header = dropped > 0 ? [`(${dropped} earlier entries dropped)`] : [];
	try {
		writeFileSync(path, [...header, ...log.lines(), ''].join('\n'), {mode: 0o600});
		return undefined;
	} catch (error) {
		return `could not write TRAILVIEW_LOG ${path}: ${error instanceof Error ? error.message : String(error)}`;
	}
}
