// Feeds the events reducer from the service: one async iterator per load, pulled one page at a
// time only when the cursor nears the end, so the 2 requests/s LookupEvents limit is not spent on
// pages nobody looks at. Every load owns an AbortController; a refresh or unmount aborts it and
// answers from an old load are dropped.
import {useCallback, useEffect, useReducer, useRef} from 'react';
import type {CloudTrailService, TrailEvent} from '../services/types.js';
import {toTrailviewError} from '../services/errors.js';
import {eventsReducer, initialEventsState, needsMore, type EventsState} from '../lib/events-state.js';
import type {Move} from '../lib/table-window.js';

type Run = {controller: AbortController; iterator: AsyncIterator<TrailEvent[]> | undefined; generation: number};

export type UseEvents = {
	state: EventsState;
	move(move: Move): void;
	/** Starts again from the first page; the cursor stays on the same event when it is still there. */
	refresh(): void;
	setViewport(rows: number): void;
};

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

export function useEvents(service: CloudTrailService, initialViewport = 10): UseEvents {
	const [state, dispatch] = useReducer(eventsReducer, initialViewport, initialEventsState);
	const run = useRef<Run | undefined>(undefined);
	const generation = useRef(0);

	const pull = useCallback((first: boolean) => {
		const current = run.current;
		if (!current?.iterator) {
			return;
		}

		const isStale = () => run.current !== current || current.controller.signal.aborted;
		current.iterator.next().then(
			result => {
				if (isStale()) {
					return;
				}

				dispatch(result.done ? {type: 'end', now: new Date()} : {type: 'page', events: result.value, first, now: new Date()});
			},
			(error: unknown) => {
				if (!isStale()) {
					dispatch({type: 'failed', error: toTrailviewError(error, {operation: 'cloudtrail:LookupEvents', region: service.region})});
				}
			},
		);
	}, [service]);

	const start = useCallback(() => {
		close(run.current);
		generation.current += 1;
		const current: Run = {controller: new AbortController(), iterator: undefined, generation: generation.current};
		run.current = current;
		dispatch({type: 'load'});
		try {
			current.iterator = service.lookupWriteEvents({signal: current.controller.signal})[Symbol.asyncIterator]();
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

	useEffect(() => {
		if (needsMore(state)) {
			dispatch({type: 'more'});
			pull(false);
		}
	}, [state, pull]);

	const move = useCallback((direction: Move) => {
		dispatch({type: 'move', move: direction});
	}, []);
	const setViewport = useCallback((rows: number) => {
		dispatch({type: 'viewport', rows});
	}, []);

	return {state, move, refresh: start, setViewport};
}
