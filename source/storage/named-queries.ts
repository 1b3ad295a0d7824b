// The user's named queries file, $XDG_CONFIG_HOME/trailview/queries. Read once at start; a file
// that is missing is no named queries, and one that cannot be read is a problem to show, never a
// reason not to start.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {builtInQueries} from '../domain/query/investigations.js';
import {parseNamedQueriesFile, type NamedQueriesFile} from '../domain/query/named.js';
import {configDir, type Env} from './xdg.js';

export type LoadedNamedQueries = NamedQueriesFile & {path: string};

export function namedQueriesPath(env: Env): string {
	return path.join(configDir(env), 'queries');
}

/**
 * The user's named queries (only theirs: withBuiltIns adds the built-in set), `known` ones usable
 * inside them and not redefinable. Never throws.
 */
export function loadNamedQueries(env: Env, known: ReadonlyMap<string, string> = builtInQueries): LoadedNamedQueries {
	let file = '';
	let text: string;
	try {
		file = namedQueriesPath(env);
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			return {queries: new Map(), problems: [], path: file};
		}

		return {queries: new Map(), problems: [{line: 0, message: `cannot read ${file}: ${code ?? 'unknown error'}`}], path: file};
	}

	return {...parseNamedQueriesFile(text, known), path: file};
}
