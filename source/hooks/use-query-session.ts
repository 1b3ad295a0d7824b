// The events table's query: what was typed, pivoted or picked, parsed once and planned into the one
// LookupEvents attribute plus the local filter (domain/query). Every change arrives from a key
// handler and is taken in the same render, so a query key draws one frame.
import {useCallback, useMemo, useReducer} from 'react';
import {parseQuery} from '../domain/query/parse.js';
import {planQuery} from '../domain/query/plan.js';
import {withTerm, withWindow} from '../domain/query/edit.js';
import type {FieldName, Query, QueryError, QueryPlan} from '../domain/query/types.js';
import {canGoBack, initialQuerySession, querySessionReducer, type QuerySessionState} from '../lib/query-session.js';
import type {EventsRun} from './use-events.js';

export type QuerySession = {
	state: QuerySessionState;
	query: Query;
	plan: QueryPlan;
	/** What the events hook loads; a new object only when the plan changes. */
	run: EventsRun;
	/** Runs `text` when it parses; otherwise returns why, and the current query stays. */
	submit(text: string): QueryError | undefined;
	/** Narrows the query to `field:value` (replacing that field's positive terms). */
	pivot(field: FieldName, value: string): void;
	/**
	 * Narrows to one group of the summary: a pivot to `field:value`, or, for the group of events
	 * without an error code, successes only (`-error:any`). Events without a user cannot be asked for.
	 */
	narrow(field: FieldName, value: string): void;
	/** `since` as in since: (15m, 24h, 7d…); undefined drops since/until (the default 90 days). */
	setWindow(since: string | undefined): void;
	/** Backspace: the query before the last change; false when there is none. */
	back(): boolean;
	toggleWriteOnly(): void;
	/** The same query with its window counted back from now. */
	refresh(): void;
};

const emptyQuery: Query = {text: '', terms: [], since: undefined, until: undefined};

export function useQuerySession(named: ReadonlyMap<string, string>, initial?: {text: string; writeOnly: boolean}): QuerySession {
	const [state, dispatch] = useReducer(querySessionReducer, initial, start =>
		initialQuerySession({text: start?.text, writeOnly: start?.writeOnly, now: new Date()}),
	);
	// Only texts that parsed reach the state; the fallback covers a named query file read differently.
	const query = useMemo(() => {
		const parsed = parseQuery(state.text, {named});
		return parsed.ok ? parsed.query : emptyQuery;
	}, [state.text, named]);
	const plan = useMemo(() => planQuery(query, {writeOnly: state.writeOnly, now: state.startedAt}), [query, state.writeOnly, state.startedAt]);
	const run = useMemo<EventsRun>(
		() => ({plan, query: state.query, defaultWindow: query.since === undefined && query.until === undefined}),
		[plan, state.query, query],
	);

	const submit = useCallback(
		(text: string) => {
			const parsed = parseQuery(text, {named});
			if (!parsed.ok) {
				return parsed.error;
			}

			dispatch({type: 'set', text, now: new Date()});
			return undefined;
		},
		[named],
	);
	const pivot = useCallback(
		(field: FieldName, value: string) => {
			dispatch({type: 'set', text: current => withTerm(current, field, value), now: new Date()});
		},
		[],
	);
	const narrow = useCallback((field: FieldName, value: string) => {
		if (value !== '') {
			dispatch({type: 'set', text: current => withTerm(current, field, value), now: new Date()});
		} else if (field === 'error') {
			dispatch({type: 'set', text: current => `${current} -error:any`, now: new Date()});
		}
	}, []);
	const setWindow = useCallback(
		(since: string | undefined) => {
			dispatch({type: 'set', text: current => withWindow(current, since), now: new Date()});
		},
		[],
	);
	const back = useCallback(() => {
		if (!canGoBack(state)) {
			return false;
		}

		dispatch({type: 'back', now: new Date()});
		return true;
	}, [state]);
	const toggleWriteOnly = useCallback(() => {
		dispatch({type: 'toggleWriteOnly', now: new Date()});
	}, []);
	const refresh = useCallback(() => {
		dispatch({type: 'refresh', now: new Date()});
	}, []);

	return {state, query, plan, run, submit, pivot, narrow, setWindow, back, toggleWriteOnly, refresh};
}
