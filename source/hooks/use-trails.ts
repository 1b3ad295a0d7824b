// Loads the region's trails (with their logging status) when the screen opens and on refresh.
// Independent of the events table: a failure here stays in the trails pane. Throttled requests are
// waited out for as long as the pane is open (services/throttle-retry.ts); r skips the waits.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {CloudTrailService, ThrottleWait, Trail, TrailviewError} from '../domain/types.js';
import {toTrailviewError} from '../services/errors.js';

export type TrailsState = {
	/** undefined until the first answer; kept on screen while a refresh is under way. */
	trails: Trail[] | undefined;
	error: TrailviewError | undefined;
	loading: boolean;
	loadedAt: Date | undefined;
	/** While CloudTrail throttles the load: when the next try starts (Date.now() ms). */
	waiting: {retryAt: number} | undefined;
};

export type UseTrails = {
	state: TrailsState;
	/** Loads again; while throttled requests wait for their next try, tries them now instead. */
	reload(): void;
};

/** One load: its controller, and the waits of its requests that are throttled (one per trail at most). */
type Load = {controller: AbortController; waits: Set<ThrottleWait>};

export function useTrails(service: CloudTrailService): UseTrails {
	const [state, setState] = useState<TrailsState>({trails: undefined, error: undefined, loading: true, loadedAt: undefined, waiting: undefined});
	const load = useRef<Load | undefined>(undefined);

	const start = useCallback(() => {
		load.current?.controller.abort();
		const current: Load = {controller: new AbortController(), waits: new Set()};
		load.current = current;
		setState(previous => ({...previous, loading: true, error: undefined, waiting: undefined}));
		const settle = (update: (previous: TrailsState) => TrailsState) => {
			if (load.current === current && !current.controller.signal.aborted) {
				setState(update);
			}
		};

		const onWait = (wait: ThrottleWait) => {
			current.waits.add(wait);
			settle(previous => ({...previous, waiting: {retryAt: wait.retryAt}}));
		};

		let request: Promise<Trail[]>;
		try {
			request = service.listTrails({signal: current.controller.signal, throttle: {onWait}});
		} catch (error: unknown) {
			request = Promise.reject(error);
		}

		request.then(
			trails => {
				current.waits.clear();
				settle(() => ({trails, error: undefined, loading: false, loadedAt: new Date(), waiting: undefined}));
			},
			(error: unknown) => {
				current.waits.clear();
				settle(previous => ({
					...previous,
					loading: false,
					waiting: undefined,
					error: toTrailviewError(error, {operation: 'cloudtrail:DescribeTrails', region: service.region}),
				}));
			},
		);
	}, [service]);

	const reload = useCallback(() => {
		const now = Date.now();
		const pending = [...(load.current?.waits ?? [])].filter(wait => wait.retryAt > now);
		if (pending.length === 0) {
			start();
			return;
		}

		load.current?.waits.clear();
		for (const wait of pending) {
			wait.retryNow();
		}

		setState(previous => ({...previous, waiting: {retryAt: now}}));
	}, [start]);

	useEffect(() => {
		start();
		return () => {
			load.current?.controller.abort();
			load.current = undefined;
		};
	}, [start]);

	return {state, reload};
}
