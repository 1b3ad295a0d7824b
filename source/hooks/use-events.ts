// Feeds the events reducer from the service: one async iterator per load, pulled one page at a
// time only when the cursor nears the end, so the 2 requests/s LookupEvents limit is not spent on
// pages nobody looks at. Every load owns an AbortController; a refresh or unmount aborts it and
// answers from an old load are dropped. A throttled page is waited out for as long as the pane is
// open (services/throttle-retry.ts), the rows already loaded staying; r skips the current wait.
import {useCallback, useEffect, useReducer, useRef} from 'react';
import {writeEventsAttribute, type CloudTrailService, type ThrottleWait, type TrailEvent} from '../domain/types.js';
import {toTrailviewError} from '../services/errors.js';
import {eventsReducer, initialEventsState, needsMore, type EventsState} from '../lib/events-state.js';
import type {Move} from '../lib/table-window.js';

/**
 * One load. `pulling` while a page is on its way, so a re-render never asks for it twice; `wait`
 * while that page is throttled and waiting for its next try.
 */
type Run = {controller: AbortController; iterator: AsyncIterator<TrailEvent[]> | undefined; pulling: boolean; wait: ThrottleWait | undefined};

export type UseEvents = {
	state: EventsState;
	move(move: Move): void;
	/**
	 * Starts again from the first page; the cursor stays on the same event when it is still there.
	 * While a throttled page waits for its next try, tries it now instead.
	 */
	refresh(): void;
};

/** The table's rows for a state: the pane's height less its header and any inline error. */
export type ViewportFor = (state: EventsState) => number;

function close(run: Run | undefined): void {
	if (!run) {
		return;
	}

	run.controller.abort();
	// Lets the service's generator run its finally blocks; a rejection here has nowhere useful to go.
	void Promise.resolve()
		.then(async () => run.iterator?.return?.())
		.catch(() => undefined);
}

export function useEvents(service: CloudTrailService, viewportFor: ViewportFor): UseEvents {
	const [state, dispatch] = useReducer(eventsReducer, 10, initialEventsState);
	const run = useRef<Run | undefined>(undefined);
	// Derived from this render's state and size; keys and pages read it when they are dispatched.
	const viewport = viewportFor(state);
	const viewportRef = useRef(viewport);
	viewportRef.current = viewport;

	const pull = useCallback((first: boolean) => {
		const current = run.current;
		if (!current?.iterator) {
			return;
		}

		const isStale = () => run.current !== current || current.controller.signal.aborted;
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
						: {type: 'page', events: result.value, first, now: new Date(), rows: viewportRef.current},
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

	const start = useCallback(() => {
		close(run.current);
		const current: Run = {controller: new AbortController(), iterator: undefined, pulling: false, wait: undefined};
		run.current = current;
		dispatch({type: 'load'});
		const onWait = (wait: ThrottleWait) => {
			if (run.current === current && !current.controller.signal.aborted) {
				current.wait = wait;
				dispatch({type: 'throttled', retryAt: wait.retryAt});
			}
		};

		try {
			const pages = service.lookupEvents({attribute: writeEventsAttribute, signal: current.controller.signal, throttle: {onWait}});
			current.iterator = pages[Symbol.asyncIterator]();
		} catch (error: unknown) {
			dispatch({type: 'failed', error: toTrailviewError(error, {operation: 'cloudtrail:LookupEvents', region: service.region})});
			return;
		}

		pull(true);
	}, [service, pull]);

	useEffect(() => {
		start();
		return () => {
			close(run.current);
			run.current = undefined;
		};
	}, [start]);

	// A move near the end marks the state 'more' itself (one frame per key); a page that leaves the
	// table short, or a taller terminal, is noticed here.
	useEffect(() => {
		if (state.loading === 'more') {
			if (run.current && !run.current.pulling) {
				pull(false);
			}
		} else if (needsMore(state, viewport)) {
			dispatch({type: 'more'});
		}
	}, [state, viewport, pull]);

	const move = useCallback((direction: Move) => {
		dispatch({type: 'move', move: direction, rows: viewportRef.current});
	}, []);

	const refresh = useCallback(() => {
		const wait = run.current?.wait;
		// Only a wait still running: once its time is up the retry is already on its way.
		if (wait && wait.retryAt > Date.now()) {
			run.current!.wait = undefined;
			wait.retryNow();
			// The notice now says the try is under way, in the same frame as the key.
			dispatch({type: 'throttled', retryAt: Date.now()});
			return;
		}

		start();
	}, [start]);

	return {state, move, refresh};
}
