// The user's file of named queries (`denied = error:AccessDenied*`), read into the map parseQuery
// takes. A mistake on one line costs that line only: it is skipped and reported with its number,
// and the rest of the file still works.
import {parseQuery} from './parse.js';

export type NamedQueriesFile = {
	queries: Map<string, string>;
	/** 1-based line numbers; line 0 for a problem with the file as a whole. */
	problems: Array<{line: number; message: string}>;
};

const namePattern = /^[a-z0-9_-]+$/;

/**
 * Lines of `name = query`, `#` comments and blank lines. Names are lower-case letters, digits,
 * `-` and `_`. Every query must parse, `@name`s included (named queries may use each other and
 * `known` ones, e.g. the built-in set, in any order); a name given twice keeps its first line, and
 * a `known` name cannot be given at all: `@tampering` must mean the same on every machine, and a
 * file written before a built-in of its name existed must not change what that built-in finds.
 */
export function parseNamedQueriesFile(text: string, known: ReadonlyMap<string, string> = new Map()): NamedQueriesFile {
	const problems: NamedQueriesFile['problems'] = [];
	const lines = new Map<string, number>();
	const queries = new Map<string, string>();
	// A file saved by an editor on Windows may start with a byte order mark.
	for (const [index, raw] of text.replace(/^\uFEFF/, '').split(/\r?\n/).entries()) {
		const lineNumber = index + 1;
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		const equals = line.indexOf('=');
		if (equals === -1) {
			problems.push({line: lineNumber, message: 'expected `name = query`'});
			continue;
		}

		const name = line.slice(0, equals).trim();
		const query = line.slice(equals + 1).trim();
		if (!namePattern.test(name)) {
			problems.push({line: lineNumber, message: `"${name}" is not a name: use lower-case letters, digits, - and _`});
		} else if (query === '') {
			problems.push({line: lineNumber, message: `${name} has no query after "="`});
		} else if (known.has(name)) {
			problems.push({line: lineNumber, message: `@${name} is built in; this line is skipped: give it another name`});
		} else if (lines.has(name)) {
			problems.push({line: lineNumber, message: `${name} is already defined on line ${lines.get(name)!}; this line is skipped`});
		} else {
			lines.set(name, lineNumber);
			queries.set(name, query);
		}
	}

	// A query that uses a broken one breaks in turn, so drop broken ones until every rest parses.
	for (let changed = true; changed; ) {
		changed = false;
		const usable = new Map([...known, ...queries]);
		for (const [name, query] of queries) {
			const parsed = parseQuery(query, {named: usable});
			if (!parsed.ok) {
				problems.push({line: lines.get(name)!, message: `${name}: ${parsed.error.message}`});
				queries.delete(name);
				changed = true;
			}
		}
	}

	problems.sort((a, b) => a.line - b.line);
	return {queries, problems};
}
