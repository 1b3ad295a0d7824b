// Feeds the events reducer from the service: one async iterator per load, pulled one page at a
// time only when the cursor nears the end, so the 2 requests/s LookupEvents limit is not spent on
// pages nobody looks at. Every load owns an AbortController; a refresh or unmount aborts it and
// answers from an old load are dropped. A throttled page is waited out for as long as the pane is
// open (services/throttle-retry.ts), the rows already loaded staying; r skips the current wait.
// Each page is filtered by the query plan's local terms as it arrives; pages keep coming by
// themselves while the matches do not fill the screen (needsMore), which is the scan.
import {useCallback, useEffect, useReducer, useRef, useState} from 'react';
import type {CloudTrailService, ThrottleWait, TrailEvent} from '../domain/types.js';
import type {QueryPlan} from '../domain/query/types.js';
import {toTrailviewError} from '../services/errors.js';
import {compactEvents} from '../domain/compact-events.js';
import {eventsReducer, initialEventsState, needsMore, type EventsState} from '../lib/events-state.js';
import type {Move} from '../lib/table-window.js';

/**
 * One load. `pulling` while a page is on its way, so a re-render never asks for it twice; `wait`
 * while that page is throttled and waiting for its next try.
 */
type Run = {controller: AbortController; iterator: AsyncIterator<Page> | undefined; pulling: boolean; wait: ThrottleWait | undefined};

/** One page as the table takes it: the events that match, out of how many the service returned. */
type Page = {matches: TrailEvent[]; scanned: number};

/**
 * What to load: a plan (the one API attribute, the window, the local filter) and which query it
 * belongs to. A new `query` starts from an empty table; a new plan for the same query (a refresh,
 * the window sliding to a new "now") keeps the rows and the cursor's event.
 */
export type EventsRun = {
	plan: QueryPlan;
	query: number;
	/**
	 * The query names no since/until: the service's own default window (90 days to now) is asked
	 * for, the same request the start-up prefetch made (services/prefetch.ts), so it can be taken over.
	 */
	defaultWindow?: boolean;
};

export type UseEvents = {
	state: EventsState;
	move(move: Move): void;
	/** While a throttled page waits for its next try, tries it now; false when nothing was waiting. */
	retryNow(): boolean;
	/** Esc: stops fetching further pages by themselves; the matches so far stay. */
	stop(): void;
	/**
	 * Esc on an archive query: ends the run itself, which aborts its request (Athena then gets
	 * StopQueryExecution, so the scan stops being billed); the rows so far stay.
	 */
	cancel(): void;
	/** Follow mode: events that arrived since, put in at their time and marked new. */
	insert(events: TrailEvent[]): void;
};

/** The table's rows for a state: the pane's height less its header and any inline error. */
export type ViewportFor = (state: EventsState) => number;

function close(run: Run): void {
	run.controller.abort();
	// Lets the service's generator run its finally blocks; a rejection here has nowhere useful to go.
	void Promise.resolve()
		.then(async () => run.iterator?.return?.())
		.catch(() => undefined);
}

/**
 * Each page's matches, compacted for the table (domain/compact-events.ts: 100,000 rows must fit).
 * The page itself is let go before the yield: a generator keeps what its frame holds while it
 * waits, and a merged page of thousands of events would stay alive until the next one is asked for.
 */
async function* filtered(pages: AsyncIterable<TrailEvent[]>, matches: (event: TrailEvent) => boolean): AsyncGenerator<Page> {
	const iterator = pages[Symbol.asyncIterator]();
	try {
		for (;;) {
			let next: IteratorResult<TrailEvent[]> | undefined = await iterator.next();
			if (next.done) {
				return;
			}

			const page: Page = {matches: compactEvents(next.value.filter(event => matches(event))), scanned: next.value.length};
			next = undefined;
			yield page;
		}
	} finally {
		await iterator.return?.();
	}
}

export function useEvents(service: Pick<CloudTrailService, 'region' | 'lookupEvents'>, viewportFor: ViewportFor, run: EventsRun): UseEvents {
	const [state, dispatch] = useReducer(eventsReducer, 10, initialEventsState);
	const active = useRef<Run | undefined>(undefined);
	// A new plan shows as loading in the same render that brings it (the key's one frame), not from
	// the effect that starts its requests, which would draw a second frame.
	// Other accounts or regions (a new lookup) are a new table too: their rows are not "new" events.
	const [seen, setSeen] = useState({run, service});
	if (seen.run.plan !== run.plan || seen.service !== service) {
		setSeen({run, service});
		if (seen.run.query !== run.query || seen.service !== service) {
			dispatch({type: 'reset'});
		}

		dispatch({type: 'load'});
	}
	// Derived from this render's state and size; keys and pages read it when they are dispatched.
	const viewport = viewportFor(state);
	const viewportRef = useRef(viewport);
	viewportRef.current = viewport;

	const pull = useCallback((first: boolean) => {
		const current = active.current;
		if (!current?.iterator) {
			return;
		}

		const isStale = () => active.current !== current || current.controller.signal.aborted;
		current.pulling = true;
		current.iterator.next().then(
			result => {
				current.pulling = false;
				current.wait = undefined;
				if (isStale()) {
					return;
				}

				dispatch(
					result.done
						? {type: 'end', now: new Date()}
						: {type: 'page', events: result.value.matches, scanned: result.value.scanned, first, now: new Date(), rows: viewportRef.current},
				);
			},
			(error: unknown) => {
				current.pulling = false;
				current.wait = undefined;
				if (!isStale()) {
					dispatch({type: 'failed', error: toTrailviewError(error, {operation: 'cloudtrail:LookupEvents', region: service.region})});
				}
			},
		);
	}, [service]);

	const {plan, defaultWindow} = run;
	useEffect(() => {
		const current: Run = {controller: new AbortController(), iterator: undefined, pulling: false, wait: undefined};
		active.current = current;
		const onWait = (wait: ThrottleWait) => {
			if (active.current === current && !current.controller.signal.aborted) {
				current.wait = wait;
				dispatch({type: 'throttled', retryAt: wait.retryAt});
			}
		};

		try {
			const pages = service.lookupEvents({
				attribute: plan.attribute,
				...(defaultWindow ? {} : {start: plan.window.start, end: plan.window.end}),
				signal: current.controller.signal,
				throttle: {onWait},
			});
			current.iterator = filtered(pages, plan.matches)[Symbol.asyncIterator]();
		} catch (error: unknown) {
			dispatch({type: 'failed', error: toTrailviewError(error, {operation: 'cloudtrail:LookupEvents', region: service.region})});
			return;
		}

		pull(true);
		return () => {
			close(current);
			if (active.current === current) {
				active.current = undefined;
			}
		};
	}, [service, plan, defaultWindow, pull]);

	// A move near the end marks the state 'more' itself (one frame per key); a page that leaves the
	// table short, or a taller terminal, is noticed here.
	useEffect(() => {
		if (state.loading === 'more') {
			if (active.current && !active.current.pulling) {
				pull(false);
			}
		} else if (needsMore(state, viewport)) {
			dispatch({type: 'more'});
		}
	}, [state, viewport, pull]);

	const move = useCallback((direction: Move) => {
		dispatch({type: 'move', move: direction, rows: viewportRef.current});
	}, []);

	const retryNow = useCallback(() => {
		const wait = active.current?.wait;
		// Only a wait still running: once its time is up the retry is already on its way.
		if (!wait || wait.retryAt <= Date.now()) {
			return false;
		}

		active.current!.wait = undefined;
		wait.retryNow();
		// The notice now says the try is under way, in the same frame as the key.
		dispatch({type: 'throttled', retryAt: Date.now()});
		return true;
	}, []);

	const stop = useCallback(() => {
		dispatch({type: 'stop'});
	}, []);

	const cancel = useCallback(() => {
		const current = active.current;
		if (current) {
			close(current);
			active.current = undefined;
		}

		// What is loaded is all this run will bring.
		dispatch({type: 'end', now: new Date()});
	}, []);

	const insert = useCallback((events: TrailEvent[]) => {
		dispatch({type: 'insert', events: compactEvents(events), now: new Date()});
	}, []);

	return {state, move, retryNow, stop, cancel, insert};
}
