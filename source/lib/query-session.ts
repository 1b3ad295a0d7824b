// Which query the events table runs, as a pure state machine: the query text, write-only or all
// events, the moment the window was fixed, and the way back through earlier queries (Backspace
// undoes a pivot). Texts reach it already parsed and valid: a bad query never replaces a good one,
// so the results on screen stay until the query is valid.

export type QuerySessionState = {
	/** The active query as typed; '' is the default (write events of the last 90 days). */
	text: string;
	writeOnly: boolean;
	/** Earlier texts, newest last, for Backspace. */
	back: readonly string[];
	/** Bumps when what is asked changes (text, write-only): the table starts empty. */
	query: number;
	/** The "now" the time window counts back from; a refresh moves it, keeping the query. */
	startedAt: Date;
};

export type QuerySessionAction =
	/** A new query text (typed), or an edit of the current one (a pivot, a time window: pure). */
	| {type: 'set'; text: string | ((current: string) => string); now: Date}
	/** Back to the text before the last change. */
	| {type: 'back'; now: Date}
	| {type: 'toggleWriteOnly'; now: Date}
	/** The same query again, its window counted back from `now`. */
	| {type: 'refresh'; now: Date};

/** How far back Backspace can go. */
const backKept = 50;

export function initialQuerySession(options: {text?: string; writeOnly?: boolean; now: Date}): QuerySessionState {
	return {text: options.text ?? '', writeOnly: options.writeOnly ?? true, back: [], query: 0, startedAt: options.now};
}

export function querySessionReducer(state: QuerySessionState, action: QuerySessionAction): QuerySessionState {
	switch (action.type) {
		case 'set': {
			// An edit applies to the text as of every earlier action, not the one last rendered.
			const text = (typeof action.text === 'function' ? action.text(state.text) : action.text).trim();
			if (text === state.text) {
				return state;
			}

			return {...state, text, back: [...state.back, state.text].slice(-backKept), query: state.query + 1, startedAt: action.now};
		}

		case 'back': {
			const previous = state.back.at(-1);
			if (previous === undefined) {
				return state;
			}

			return {...state, text: previous, back: state.back.slice(0, -1), query: state.query + 1, startedAt: action.now};
		}

		case 'toggleWriteOnly': {
			return {...state, writeOnly: !state.writeOnly, query: state.query + 1, startedAt: action.now};
		}

		case 'refresh': {
			return {...state, startedAt: action.now};
		}
	}
}

/** Whether Backspace has something to undo. */
export function canGoBack(state: QuerySessionState): boolean {
	return state.back.length > 0;
}
