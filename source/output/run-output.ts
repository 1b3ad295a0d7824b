// `trailview --output ...`: page through the write events and print them for a script or a pipe.
// stdout only ever receives data; every diagnostic goes to stderr as one line (plus a hint line).
import {safeJsonStringify} from '../lib/safe-json.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {type CloudTrailService, type TrailEvent, TrailviewError} from '../domain/types.js';
import {csvHeader, eventToCsvRow, eventToJson, eventToJsonLine, formatTable, type OutputFormat} from './formats.js';

export type OutputStream = NodeJS.WritableStream & {isTTY?: boolean; columns?: number};

export type RunOutputOptions = {
	format: OutputFormat;
	/** Stop after this many events; 0 means every event CloudTrail keeps (90 days). */
	limit: number;
	service: CloudTrailService;
	stdout: OutputStream;
	stderr: NodeJS.WritableStream;
	signal?: AbortSignal;
	/** Table times in UTC (the default, so script output does not depend on the machine's zone). */
	utc?: boolean;
};

/** The exit status for an interrupted run, as shells report SIGINT. */
export const cancelledExitCode = 130;

/** The service's largest page; asking for less when the limit is smaller fetches only what is printed. */
const maxPageSize = 50;

/**
 * Turns pages into text. `page` returns what to write now (possibly ''), `end` what closes the
 * output. Formats that need every event first (table widths) buffer and write everything in `end`.
 */
type Sink = {page(events: TrailEvent[]): string; end(): string};

function createSink(format: OutputFormat, stdout: OutputStream, utc: boolean): Sink {
	switch (format) {
		case 'jsonl': {
			return {
				page: events => events.map(event => `${eventToJsonLine(event)}\n`).join(''),
				end: () => '',
			};
		}

		case 'json': {
			// Streamed as `[`, elements joined by `,\n`, `]`: byte-identical to
			// JSON.stringify(all, null, 2) without holding every event. The `[` waits for the first
			// event so a failure before any data leaves stdout empty.
			let started = false;
			return {
				page(events) {
					if (events.length === 0) {
						return '';
					}

					const elements = events.map(event => `  ${safeJsonStringify(eventToJson(event), 2).replaceAll('\n', '\n  ')}`).join(',\n');
					const prefix = started ? ',\n' : '[\n';
					started = true;
					return prefix + elements;
				},
				end: () => (started ? '\n]\n' : '[]\n'),
			};
		}

		case 'csv': {
			let started = false;
			const header = () => {
				if (started) {
					return '';
				}

				started = true;
				return `${csvHeader()}\n`;
			};

			return {
				page: events => (events.length === 0 ? '' : header() + events.map(event => `${eventToCsvRow(event)}\n`).join('')),
				end: header,
			};
		}

		case 'table': {
			const events: TrailEvent[] = [];
			return {
				page(page) {
					events.push(...page);
					return '';
				},
				end: () => formatTable(events, {...(stdout.isTTY && stdout.columns ? {maxWidth: stdout.columns} : {}), utc}),
			};
		}
	}
}

function errorCode(error: unknown): unknown {
	return typeof error === 'object' && error !== null ? (error as {code?: unknown}).code : undefined;
}

/** The reader went away (`| head`, a closed pager): not a failure of ours. */
function isClosedPipe(error: unknown): boolean {
	const code = errorCode(error);
	return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/**
 * Writes that resolve once the stream has taken the chunk (which is also backpressure), and reject
 * when it fails, whether the failure comes through the callback or an 'error' event.
 */
function createWriter(stream: NodeJS.WritableStream) {
	let failure: unknown;
	const onError = (error: unknown) => {
		failure ??= error;
	};

	stream.on('error', onError);

	return {
		async write(chunk: string): Promise<void> {
			if (failure !== undefined) {
				throw failure;
			}

			await new Promise<void>((resolve, reject) => {
				const onFail = (error: unknown) => {
					reject(error);
				};

				stream.once('error', onFail);
				stream.write(chunk, (error?: Error | null) => {
					stream.off('error', onFail);
					if (error) {
						reject(error);
					} else {
						resolve();
					}
				});
			});
		},
		dispose(): void {
			// After a broken pipe the stream may still emit 'error' on a later tick; keep swallowing it
			// then, since an unhandled 'error' would crash a run that has already succeeded.
			if (failure === undefined) {
				stream.off('error', onError);
			}
		},
	};
}

async function report(stderr: NodeJS.WritableStream, lines: readonly SafeText[]): Promise<void> {
	const writer = createWriter(stderr);
	try {
		await writer.write(lines.map(line => `${line}\n`).join(''));
	} catch {
		// Nowhere left to say it.
	} finally {
		writer.dispose();
	}
}

/** One line for the error, one indented line for the fix, both safe for a terminal. */
function describeError(error: unknown): SafeText[] {
	if (error instanceof TrailviewError) {
		const lines = [safe`trailview: ${sanitizeLine(error.message)}`];
		if (error.hint !== undefined && error.hint !== '') {
			lines.push(safe`  ${sanitizeLine(error.hint)}`);
		}

		return lines;
	}

	const message = error instanceof Error ? error.message : String(error);
	return [safe`trailview: ${sanitizeLine(message) || safe`unexpected error`}`];
}

/**
 * Prints the write events (newest first) in `format` and resolves to the exit status: 0 on
 * success or when the reader closed the pipe, 1 on an error (reported on stderr), 130 when
 * `signal` aborted the run. Never rejects.
 */
export async function runOutput(options: RunOutputOptions): Promise<number> {
	const {format, limit, service, stdout, stderr, signal} = options;
	if (!Number.isSafeInteger(limit) || limit < 0) {
		await report(stderr, [safe`trailview: --limit must be a whole number of events, 0 for all (got ${sanitizeLine(String(limit))})`]);
		return 1;
	}

	const sink = createSink(format, stdout, options.utc ?? true);
	const out = createWriter(stdout);
	let printed = 0;

	try {
		const pageSize = limit > 0 && limit < maxPageSize ? limit : undefined;
		const pages = service.lookupWriteEvents({...(signal ? {signal} : {}), ...(pageSize ? {pageSize} : {})});
		for await (const page of pages) {
			const events = limit === 0 ? page : page.slice(0, limit - printed);
			printed += events.length;
			const chunk = sink.page(events);
			if (chunk !== '') {
				await out.write(chunk);
			}

			// Leaving the loop calls the iterator's return(), so no further page is requested.
			if (limit > 0 && printed >= limit) {
				break;
			}
		}

		const tail = sink.end();
		if (tail !== '') {
			await out.write(tail);
		}

		if (printed === 0 && format === 'table') {
			await report(stderr, [safe`trailview: no write events in ${sanitizeLine(service.region)} in the last 90 days`]);
		}

		return 0;
	} catch (error) {
		if (isClosedPipe(error)) {
			return 0;
		}

		if (signal?.aborted || (error instanceof TrailviewError && error.kind === 'cancelled')) {
			await report(stderr, [safe`trailview: cancelled`]);
			return cancelledExitCode;
		}

		await report(stderr, describeError(error));
		return 1;
	} finally {
		out.dispose();
	}
}
