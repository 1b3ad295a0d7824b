// `trailview --follow`: like `tail -f`, print each matching event as it arrives, one line each,
// until Ctrl+C (exit 0) or the reader goes away (exit 0). What is already there when following
// starts is never printed as new: its ids are read first (the baseline), so only events that
// arrive afterwards are, late ones included. With --since the window's matches are printed first,
// oldest first (the newest --limit of them), so the output reads top to bottom in time.
import type {TrailEvent} from '../domain/types.js';
import {csvHeader, eventToCsvRow, eventToJsonLine} from './formats.js';
import {describeError} from './run-output.js';
import {createWriter, isClosedPipe, report} from './writer.js';

export type FollowFormat = 'jsonl' | 'csv';

export type RunFollowOptions = {
	format: FollowFormat;
	/** Several accounts or regions: rows gain account columns. */
	origins: boolean;
	/** How many of the --since window's newest matches to print; 0 for all. */
	limit: number;
	matches(event: TrailEvent): boolean;
	/** The events of the trailing window as following starts: known, so never printed as new. */
	baseline(): AsyncIterable<TrailEvent[]>;
	/** --since: that window's pages, newest first. */
	history?: () => AsyncIterable<TrailEvent[]>;
	/** Batches of new events (newest first), forever, given the ids already known (newest first). */
	follow(seen: readonly string[]): AsyncIterable<TrailEvent[]>;
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	signal: AbortSignal;
	/** For an error's hint about throttling. */
	maxWaitMs: number;
};

/** 0 when interrupted, when the reader went away, or (never, in practice) when following ends; 1 on an error before following began. */
export async function runFollow(options: RunFollowOptions): Promise<number> {
	const {format, origins, matches, signal} = options;
	const out = createWriter(options.stdout);
	const line = (event: TrailEvent) => (format === 'csv' ? eventToCsvRow(event, origins) : eventToJsonLine(event, origins));
	// Oldest first: each batch comes newest first, and a log grows downwards.
	const print = async (events: readonly TrailEvent[]) => {
		if (events.length > 0) {
			await out.write(events.map(event => `${line(event)}\n`).reverse().join(''));
		}
	};

	try {
		if (format === 'csv') {
			// The header at once: a reader of a followed csv sees it before the first event arrives.
			await out.write(`${csvHeader(origins)}\n`);
		}

		const known: string[] = [];
		for await (const page of options.baseline()) {
			for (const event of page) {
				if (matches(event)) {
					known.push(event.id);
				}
			}
		}

		if (options.history && !signal.aborted) {
			const newest: TrailEvent[] = [];
			reading: for await (const page of options.history()) {
				for (const event of page) {
					if (matches(event)) {
						newest.push(event);
						if (options.limit > 0 && newest.length >= options.limit) {
							break reading;
						}
					}
				}
			}

			if (!signal.aborted) {
				await print(newest);
				known.push(...newest.map(event => event.id));
			}
		}

		if (!signal.aborted) {
			for await (const batch of options.follow(known)) {
				await print(batch);
			}
		}

		return 0;
	} catch (error) {
		if (isClosedPipe(error) || signal.aborted) {
			return 0;
		}

		await report(options.stderr, describeError(error, options.maxWaitMs));
		return 1;
	} finally {
		out.dispose();
	}
}
