// Loads the region's trails (with their logging status) when the screen opens and on refresh.
// Independent of the events table: a failure here stays in the trails pane.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {CloudTrailService, Trail, TrailviewError} from '../domain/types.js';
import {toTrailviewError} from '../services/errors.js';

export type TrailsState = {
	/** undefined until the first answer; kept on screen while a refresh is under way. */
	trails: Trail[] | undefined;
	error: TrailviewError | undefined;
	loading: boolean;
	loadedAt: Date | undefined;
};

export type UseTrails = {state: TrailsState; reload(): void};

export function useTrails(service: CloudTrailService): UseTrails {
	const [state, setState] = useState<TrailsState>({trails: undefined, error: undefined, loading: true, loadedAt: undefined});
	const controller = useRef<AbortController | undefined>(undefined);

	const reload = useCallback(() => {
		controller.current?.abort();
		const current = new AbortController();
		controller.current = current;
		setState(previous => ({...previous, loading: true, error: undefined}));
		const settle = (update: (previous: TrailsState) => TrailsState) => {
			if (controller.current === current && !current.signal.aborted) {
				setState(update);
			}
		};

		let request: Promise<Trail[]>;
		try {
			request = service.listTrails({signal: current.signal});
		} catch (error: unknown) {
			request = Promise.reject(error);
		}

		request.then(
			trails => {
				settle(() => ({trails, error: undefined, loading: false, loadedAt: new Date()}));
			},
			(error: unknown) => {
				settle(previous => ({
					...previous,
					loading: false,
					error: toTrailviewError(error, {operation: 'cloudtrail:DescribeTrails', region: service.region}),
				}));
			},
		);
	}, [service]);

	useEffect(() => {
		reload();
		return () => {
			controller.current?.abort();
			controller.current = undefined;
		};
	}, [reload]);

	return {state, reload};
}
