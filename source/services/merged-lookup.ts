// One timeline from several accounts and regions (issue 13). Every source pages its own
// LookupEvents at once: each account+region has its own 2-per-second budget (rate-limiter.ts keys
// them apart), so N regions page about N times as fast as one. lib/merge-pages.ts merges what they
// send, newest first, as soon as no source can still send anything newer. Each source reads at most
// `readAhead` pages beyond what the merge has taken, so a sparse region racing into the past
// stops asking until the busy ones catch up, and memory stays a few pages per source.
import {createPageMerger, type MergeKey} from '../lib/merge-pages.js';
import {
	type EventOrigin,
	type EventSource,
	type LookupOptions,
	type SkippedSource,
	type SkipReason,
	type ThrottlePolicy,
	type TrailEvent,
	TrailviewError,
} from '../domain/types.js';
import {toTrailviewError} from './errors.js';

export type MergedLookupOptions = LookupOptions & {
	/** A source left out (the others carry on); not called for the last one when every source failed. */
	onSkip?(skipped: SkippedSource): void;
	/** The throttle policy for one source, so a note can name its region; default `throttle` for all. */
	throttleFor?(source: EventOrigin): ThrottlePolicy | undefined;
};

/** Pages each source may read beyond what the merge has taken. */
const readAhead = 2;

/** An opt-in region that is not enabled answers as if the credentials were unknown there. */
const notEnabledCodes = new Set(['UnrecognizedClientException', 'InvalidClientTokenId']);

export function skipReason(error: TrailviewError): SkipReason {
	if (error.code !== undefined && notEnabledCodes.has(error.code)) {
		return 'not-enabled';
	}

	return error.kind === 'access-denied' ? 'access-denied' : 'failed';
}

export function originOf(source: EventOrigin): EventOrigin {
	return {account: source.account, accountLabel: source.accountLabel, region: source.region};
}

const eventKey: MergeKey<TrailEvent> = {time: event => event.time.getTime(), id: event => event.id};

/**
 * New objects: the service's events (perhaps shared with a cache) are never changed. Not
 * `{...event, origin}`: V8 gives each object made that way a hidden class of its own (about 500
 * bytes per event, 50 MB over 100,000 rows); Object.assign onto {} shares one.
 */
function tag(page: readonly TrailEvent[], origin: EventOrigin): TrailEvent[] {
	return page.map(event => Object.assign({}, event, {origin}));
}

type Reader = {
	origin: EventOrigin;
	pages: TrailEvent[][];
	state: 'reading' | 'ended' | 'failed';
	error: TrailviewError | undefined;
	/** Wakes the reader when the merge took a page (or everything stops). */
	room: (() => void) | undefined;
};

/**
 * Every source's events matching `options`, merged newest first, each tagged with its `origin`
 * and each EventId once. A source that fails is skipped (onSkip) and the rest go on; only when
 * every source failed does the iteration throw, with the first failure that is not a region left
 * disabled (that one says least about why). Aborting `options.signal` ends it quietly.
 */
export async function* mergedLookup(sources: readonly EventSource[], options: MergedLookupOptions): AsyncGenerator<TrailEvent[], void, undefined> {
	const {onSkip, throttleFor, ...lookup} = options;
	const throttleOf = (origin: EventOrigin) => throttleFor?.(origin) ?? lookup.throttle;
	if (sources.length === 0) {
		return;
	}

	if (sources.length === 1) {
		// Nothing to merge: pages pass through, tagged, and a failure is the whole answer.
		const source = sources[0]!;
		const origin = originOf(source);
		for await (const page of source.service.lookupEvents({...lookup, throttle: throttleOf(origin)})) {
			yield tag(page, origin);
		}

		return;
	}

	let wake: (() => void) | undefined;
	const notify = () => {
		const waiting = wake;
		wake = undefined;
		waiting?.();
	};

	const inner = new AbortController();
	// Wakes the merge too: it must not wait for a source whose request ignores the abort.
	const stop = () => {
		inner.abort();
		notify();
	};

	lookup.signal?.addEventListener('abort', stop, {once: true});
	if (lookup.signal?.aborted) {
		return;
	}

	const readers = sources.map((source): Reader => {
		const reader: Reader = {origin: originOf(source), pages: [], state: 'reading', error: undefined, room: undefined};
		void readSource(source, reader, {...lookup, signal: inner.signal, throttle: throttleOf(reader.origin)}, inner.signal, notify);
		return reader;
	});
	const merger = createPageMerger(sources.length, eventKey);
	const failed: Array<{index: number; error: TrailviewError}> = [];
	try {
		while (!merger.done && !inner.signal.aborted) {
			const out: TrailEvent[] = [];
			let moved = false;
			const waiting = merger.waitingOn();
			for (const index of waiting) {
				const reader = readers[index]!;
				const page = reader.pages.shift();
				if (page !== undefined) {
					out.push(...merger.push(index, page));
					reader.room?.();
					moved = true;
				} else if (reader.state === 'ended') {
					out.push(...merger.close(index));
					moved = true;
				} else if (reader.state === 'failed') {
					const error = reader.error!;
					failed.push({index, error});
					if (failed.length === sources.length) {
						throw (failed.find(entry => skipReason(entry.error) !== 'not-enabled') ?? failed.sort((a, b) => a.index - b.index)[0]!).error;
					}

					onSkip?.({...reader.origin, reason: skipReason(error), error});
					out.push(...merger.close(index));
					moved = true;
				}
			}

			if (out.length > 0) {
				// splice: the generator's frame keeps `out` while it waits for the next pull, and a merged
				// page can hold thousands of events the consumer has long since taken.
				yield out.splice(0);
			}

			if (waiting.length === 0) {
				// Cannot happen while the merge is not done; never spin if it somehow does.
				break;
			}

			if (!moved && !inner.signal.aborted) {
				await new Promise<void>(resolve => {
					wake = resolve;
				});
			}
		}
	} finally {
		lookup.signal?.removeEventListener('abort', stop);
		inner.abort();
		notify();
		// Readers end on their own once their request sees the abort; a consumer that stopped (a
		// --limit reached) does not wait for them.
		for (const reader of readers) {
			reader.room?.();
		}
	}
}

async function readSource(source: EventSource, reader: Reader, lookup: LookupOptions, signal: AbortSignal, notify: () => void): Promise<void> {
	const onAbort = () => {
		reader.room?.();
	};

	signal.addEventListener('abort', onAbort, {once: true});
	let iterator: AsyncIterator<TrailEvent[]> | undefined;
	let finished = false;
	try {
		iterator = source.service.lookupEvents(lookup)[Symbol.asyncIterator]();
		for (;;) {
			while (reader.pages.length >= readAhead && !signal.aborted) {
				await new Promise<void>(resolve => {
					reader.room = resolve;
				});
				reader.room = undefined;
			}

			if (signal.aborted) {
				return;
			}

			let next: IteratorResult<TrailEvent[]> | undefined = await iterator.next();
			if (next.done) {
				finished = true;
				reader.state = 'ended';
				return;
			}

			if (!signal.aborted) {
				reader.pages.push(tag(next.value, reader.origin));
			}

			// Not kept while waiting for room: the page was copied (tagged), and 34 sources each holding
			// one more page was megabytes of records.
			next = undefined;
			notify();
		}
	} catch (error) {
		finished = true;
		if (!signal.aborted) {
			reader.state = 'failed';
			reader.error = toTrailviewError(error, {region: source.region, operation: 'cloudtrail:LookupEvents'});
		}
	} finally {
		signal.removeEventListener('abort', onAbort);
		if (!finished) {
			// Paused between pages (the merge stopped): let the service's generator run its cleanup.
			await iterator?.return?.().catch(() => undefined);
		}

		notify();
	}
}
