// `trailview --output ...`: page through the events a query asks for (by default the write events
// of the last 90 days) and print the matches for a script or a pipe.
// stdout only ever receives data; every diagnostic goes to stderr as one line (plus a hint line).
// What stdout holds when a run does not finish is part of the contract (README, "Scripts and
// pipes"): json and table print everything or nothing; jsonl and csv keep the complete lines of the
// pages already written, and never half a line.
import {formatDuration} from '../lib/duration.js';
import {safeJsonStringify} from '../lib/safe-json.js';
import {sanitizeLine} from '../lib/sanitize.js';
import {type CloudTrailService, type ThrottlePolicy, type TrailEvent, TrailviewError, writeEventsAttribute} from '../domain/types.js';
import type {QueryPlan} from '../domain/query/types.js';
import {scanPages} from '../domain/query/scan.js';
import {csvHeader, eventToCsvRow, eventToJson, eventToJsonLine, eventWithOriginToJson, formatTable, type OutputFormat} from './formats.js';
import {createWriter, isClosedPipe, report} from './writer.js';
import {summarize, type GroupField} from '../domain/summary.js';
import {groupsText} from './groups.js';

export type OutputStream = NodeJS.WritableStream & {isTTY?: boolean; columns?: number};

export type RunOutputOptions = {
	format: OutputFormat;
	/** Stop after this many matching events; 0 means every match in the window. */
	limit: number;
	/** The query: its one attribute, its window and what is filtered locally. Default: the write events of the last 90 days. */
	plan?: Pick<QueryPlan, 'attribute' | 'window' | 'matches' | 'filtersLocally'>;
	/** What an empty table says was looked for; default "no write events in REGION in the last 90 days". */
	emptyNote?: string;
	/** Where the events come from: one region's service, or several merged (`region` then says "17 regions"). */
	service: EventFeed;
	/** Several accounts or regions: rows gain account (json, csv) and region (table) columns. */
	origins?: boolean;
	stdout: OutputStream;
	stderr: NodeJS.WritableStream;
	signal?: AbortSignal;
	/** Table times in UTC (the default, so script output does not depend on the machine's zone). */
	utc?: boolean;
	/** How long one request may stay throttled (retried with back-off) before the run fails. Default 5 minutes. */
	maxWaitMs?: number;
	/**
	 * --group-by: print the summary view's groups of the matching events instead of the events
	 * (`account`: the account of events with no origin, one account open).
	 */
	groupBy?: {field: GroupField; account: string; accountLabel?: string};
	/** The exit status for a failure (reported on stderr); default 1. The archive answers 2 for a bad --athena-* value. */
	failureExitCode?: (error: unknown) => number;
};

/** What runOutput reads: a service, or a merged lookup with a description of where in `region`. */
export type EventFeed = Pick<CloudTrailService, 'region' | 'lookupEvents'>;

const everything = () => true;

/** The exit status for an interrupted run, as shells report SIGINT. */
export const cancelledExitCode = 130;

export const defaultMaxWaitMs = 5 * 60_000;

/** The service's largest page; asking for less when the limit is smaller fetches only what is printed. */
const maxPageSize = 50;

/**
 * Turns pages into text. `page` returns what to write now (possibly ''), always whole lines; `end`
 * what completes the output, written only when every page is in. Formats that cannot be cut short
 * (a table's widths, a JSON document) keep everything for `end`.
 */
type Sink = {page(events: TrailEvent[]): string; end(): string; streams: boolean};

/** Every matching event kept, and the groups printed once all are in (json, csv, jsonl or a table). */
function groupSink(format: OutputFormat, groupBy: NonNullable<RunOutputOptions['groupBy']>, window: {start: Date; end: Date}): Sink {
	const events: TrailEvent[] = [];
	return {
		page(page) {
			events.push(...page);
			return '';
		},
		end() {
			const summary = summarize(events, groupBy.field, {
				window: {start: window.start.getTime(), end: window.end.getTime()},
				slices: 1,
				account: groupBy.account,
				...(groupBy.accountLabel ? {accountLabel: groupBy.accountLabel} : {}),
			});
			return groupsText(format, summary);
		},
		streams: false,
	};
}

function createSink(format: OutputFormat, stdout: OutputStream, utc: boolean, origins: boolean): Sink {
	switch (format) {
		case 'jsonl': {
			return {
				page: events => events.map(event => `${eventToJsonLine(event, origins)}\n`).join(''),
				end: () => '',
				streams: true,
			};
		}

		case 'json': {
			// One document or nothing: the array is built page by page (byte-identical to
			// JSON.stringify(all, null, 2)) but written only when the last page is in, so a failure or an
			// interrupt never leaves a consumer half an array, nor a closed one that looks complete.
			const elements: string[] = [];
			return {
				page(events) {
					for (const event of events) {
						elements.push(`  ${safeJsonStringify(origins ? eventWithOriginToJson(event) : eventToJson(event), 2).replaceAll('\n', '\n  ')}`);
					}

					return '';
				},
				end: () => (elements.length === 0 ? '[]\n' : `[\n${elements.join(',\n')}\n]\n`),
				streams: false,
			};
		}

		case 'csv': {
			let started = false;
			const header = () => {
				if (started) {
					return '';
				}

				started = true;
				return `${csvHeader(origins)}\n`;
			};

			return {
				page: events => (events.length === 0 ? '' : header() + events.map(event => `${eventToCsvRow(event, origins)}\n`).join('')),
				end: header,
				streams: true,
			};
		}

		case 'table': {
			const events: TrailEvent[] = [];
			return {
				page(page) {
					events.push(...page);
					return '';
				},
				end: () => formatTable(events, {...(stdout.isTTY && stdout.columns ? {maxWidth: stdout.columns} : {}), utc, origins}),
				streams: false,
			};
		}
	}
}

/** One line for the error, one indented line for the fix, both safe for a terminal. */
export function describeError(error: unknown, maxWaitMs: number): string[] {
	if (error instanceof TrailviewError) {
		const lines = [`trailview: ${sanitizeLine(error.message)}`];
		// Athena's TooManyRequestsException and Lake's MaxConcurrentQueriesException are limits on queries
		// at once, not a rate trailview waited out.
		if (error.kind === 'throttled' && error.code !== 'TooManyRequestsException' && error.code !== 'MaxConcurrentQueriesException') {
			lines.push(
				maxWaitMs > 0
					? `  Still throttled after retrying for ${formatDuration(maxWaitMs)} (--max-wait); try again later, or wait longer with a larger --max-wait.`
					: '  With --max-wait 0 trailview does not wait out throttling; try again in a moment, or allow a wait such as --max-wait 5m.',
			);
		} else if (error.hint !== undefined && error.hint !== '') {
			lines.push(`  ${sanitizeLine(error.hint)}`);
		}

		return lines;
	}

	const message = error instanceof Error ? error.message : String(error);
	return [`trailview: ${sanitizeLine(message) || 'unexpected error'}`];
}

/**
 * Asks the service to wait out throttling for up to `maxWaitMs` per request, and says so on stderr
 * the first time, so a script that goes quiet for minutes is not mistaken for a hung one.
 */
export function throttlePolicy(region: string, maxWaitMs: number, stderr: NodeJS.WritableStream): ThrottlePolicy {
	let told = false;
	return {
		maxWaitMs,
		onWait() {
			if (!told) {
				told = true;
				void report(stderr, [`trailview: CloudTrail is throttling LookupEvents in ${sanitizeLine(region)}; retrying for up to ${formatDuration(maxWaitMs)} (--max-wait)`]);
			}
		},
	};
}

/** How far an interrupted run got, for stderr: stdout has only what was complete. */
function interruptedSummary(format: OutputFormat, streams: boolean, read: number, printed: number, scanned: number | undefined): string {
	const events = (count: number) => `${count} event${count === 1 ? '' : 's'}`;
	const progress = scanned === undefined ? '' : ` (${events(scanned)} scanned)`;
	return streams
		? `trailview: interrupted; ${events(printed)} printed${progress}`
		: `trailview: interrupted after reading ${events(read)}${progress}; nothing printed (${format} prints only a complete result)`;
}

/**
 * Prints the write events (newest first) in `format` and resolves to the exit status: 0 on
 * success or when the reader closed the pipe, 1 on an error (reported on stderr), 130 when
 * `signal` aborted the run. Never rejects.
 */
export async function runOutput(options: RunOutputOptions): Promise<number> {
	const {format, limit, service, stdout, stderr, signal} = options;
	const maxWaitMs = options.maxWaitMs ?? defaultMaxWaitMs;
	if (!Number.isSafeInteger(limit) || limit < 0) {
		await report(stderr, [`trailview: --limit must be a whole number of events, 0 for all (got ${sanitizeLine(String(limit))})`]);
		return 1;
	}

	const sink = options.groupBy
		? groupSink(format, options.groupBy, options.plan?.window ?? {start: new Date(0), end: new Date()})
		: createSink(format, stdout, options.utc ?? true, options.origins ?? false);
	const out = createWriter(stdout);
	const plan = options.plan;
	// Matches taken from the pages, of those how many are on stdout, and every event read.
	let read = 0;
	let printed = 0;
	let scanned = 0;
	const interrupted = async () => {
		await report(stderr, [interruptedSummary(format, sink.streams, read, printed, plan?.filtersLocally ? scanned : undefined)]);
		return cancelledExitCode;
	};

	try {
		// Every page the service sends is printed unless filtered here; then a smaller page would only
		// mean more requests for the same matches.
		const pageSize = limit > 0 && limit < maxPageSize && !plan?.filtersLocally ? limit : undefined;
		const pages = service.lookupEvents({
			attribute: plan ? plan.attribute : writeEventsAttribute,
			...(plan ? {start: plan.window.start, end: plan.window.end} : {}),
			...(signal ? {signal} : {}),
			...(pageSize ? {pageSize} : {}),
			throttle: throttlePolicy(service.region, maxWaitMs, stderr),
		});
		for await (const step of scanPages(pages, plan?.filtersLocally ? plan.matches : everything)) {
			if (signal?.aborted) {
				break;
			}

			scanned += step.scanned;
			const page = step.matches;
			const events = limit === 0 ? page : page.slice(0, limit - read);
			read += events.length;
			const chunk = sink.page(events);
			if (chunk !== '') {
				await out.write(chunk);
			}

			if (sink.streams) {
				printed = read;
			}

			// Leaving the loop calls the iterator's return(), so no further page is requested.
			if (limit > 0 && read >= limit) {
				break;
			}
		}

		// An aborted run's pages end quietly; that is not the end of the data, so nothing closes it.
		if (signal?.aborted) {
			return await interrupted();
		}

		const tail = sink.end();
		if (tail !== '') {
			await out.write(tail);
		}

		if (read === 0 && format === 'table') {
			await report(stderr, [`trailview: ${options.emptyNote ?? `no write events in ${sanitizeLine(service.region)} in the last 90 days`}`]);
		}

		return 0;
	} catch (error) {
		if (isClosedPipe(error)) {
			return 0;
		}

		if (signal?.aborted || (error instanceof TrailviewError && error.kind === 'cancelled')) {
			return await interrupted();
		}

		await report(stderr, describeError(error, maxWaitMs));
		return options.failureExitCode?.(error) ?? 1;
	} finally {
		out.dispose();
	}
}
