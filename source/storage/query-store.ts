// The query store the UI uses (lib/query-store.ts), backed by the XDG files: the built-in
// investigations plus the user's named queries, read once at start, and history read once and
// appended to as queries run. Both files are small and read synchronously before the first frame,
// so ↑ works on the first key.
import {withBuiltIns} from '../domain/query/investigations.js';
import {memoryQueryStore, type QueryStore} from '../lib/query-store.js';
import {loadNamedQueries} from './named-queries.js';
import {appendHistory, loadHistory} from './query-history.js';
import type {Env} from './xdg.js';

export function fileQueryStore(env: Env): QueryStore {
	const named = loadNamedQueries(env);
	const memory = memoryQueryStore({named: withBuiltIns(named.queries), history: loadHistory(env)});
	return {
		named: memory.named,
		problems: named.problems.map(problem => (problem.line > 0 ? `${named.path}:${problem.line}: ${problem.message}` : problem.message)),
		history: memory.history,
		remember(text) {
			memory.remember(text);
			// appendHistory never rejects; the catch keeps that promise true even if it changes.
			appendHistory(env, text).catch(() => undefined);
		},
	};
}
