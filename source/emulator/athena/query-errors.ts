// How a failed query reads in GetQueryExecution: Trino's error name, `line L:C` in the text the
// caller sent, and Athena's AthenaError (category 2 is a user error; the type numbers follow the
// Athena error catalog as far as the emulator's few failures go: 1301 for a missing table or
// schema, 1000 for the other user errors).
import {lineColumn} from './shim.js';

export type QueryFailure = {reason: string; category: number; type: number};

export class QueryFailed extends Error {
	constructor(readonly failure: QueryFailure) {
		super(failure.reason);
	}
}

export function userError(name: string, sql: string, offset: number | undefined, message: string, type = 1000): QueryFailed {
	const where = offset === undefined ? '' : `line ${lineColumn(sql, offset)}: `;
	return new QueryFailed({reason: `${name}: ${where}${message}`, category: 2, type});
}

export function tableNotFound(sql: string, offset: number | undefined, name: string): QueryFailed {
	return userError('TABLE_NOT_FOUND', sql, offset, `Table '${name}' does not exist`, 1301);
}

export function schemaNotFound(sql: string, offset: number | undefined, name: string): QueryFailed {
	return userError('SCHEMA_NOT_FOUND', sql, offset, `Schema '${name}' does not exist`, 1301);
}

/**
 * The offset DuckDB's error text points at (its `LINE n:` excerpt and caret) in `sql`; DuckDB
 * shortens long lines to a window around the error, which is found again in the line.
 */
function pointedOffset(message: string, sql: string): number | undefined {
	const lines = message.split('\n');
	const at = lines.findIndex(line => /^LINE \d+: /.test(line));
	const caret = lines[at + 1]?.indexOf('^') ?? -1;
	if (at < 0 || caret < 0) {
		return undefined;
	}

	const [, number, shown = ''] = /^LINE (\d+): (.*)$/.exec(lines[at]!) ?? [];
	const prefix = `LINE ${number}: `.length;
	const sqlLines = sql.split('\n');
	const lineIndex = Number(number) - 1;
	const lineText = sqlLines[lineIndex] ?? '';
	const lead = shown.startsWith('...') ? 3 : 0;
	const excerpt = shown.slice(lead).replace(/\.\.\.$/, '');
	const start = Math.max(0, lineText.indexOf(excerpt));
	const lineStart = sqlLines.slice(0, lineIndex).reduce((sum, line) => sum + line.length + 1, 0);
	return lineStart + start + Math.max(0, caret - prefix - lead);
}

const patterns: Array<[RegExp, (match: RegExpExecArray) => [string, string]]> = [
	[/^Parser Error: (.*)$/, match => ['SYNTAX_ERROR', match[1]!]],
	[/^Binder Error: Referenced column "?([^"]*)"? not found/, match => ['COLUMN_NOT_FOUND', `Column '${match[1]}' cannot be resolved or requester is not authorized to access requested resources`]],
	[/^Binder Error: Could not find key "([^"]*)" in struct/, match => ['INVALID_FUNCTION_ARGUMENT', `Field '${match[1]}' not found`]],
	[/^Catalog Error: Scalar Function with name (\S+) does not exist/, match => ['FUNCTION_NOT_FOUND', `Function '${match[1]}' not registered`]],
	[/^Binder Error: No function matches the given name and argument types '([^(]*)/, match => ['FUNCTION_NOT_FOUND', `Unexpected parameters for function ${match[1]}`]],
	[/^Binder Error: (.*)$/, match => ['TYPE_MISMATCH', match[1]!]],
	[/^Conversion Error: (.*)$/, match => ['INVALID_CAST_ARGUMENT', match[1]!]],
	[/^Invalid Input Error: (.*)$/, match => ['INVALID_FUNCTION_ARGUMENT', match[1]!]],
];

/**
 * A DuckDB error as the Trino error Athena would report. `duckSql` is the text DuckDB ran and
 * `original` maps its offsets back to the caller's text.
 */
export function fromDuckDb(error: unknown, duckSql: string, sql: string, original: (offset: number) => number): QueryFailed {
	const message = error instanceof Error ? error.message : String(error);
	const first = message.split('\n')[0] ?? message;
	const pointed = pointedOffset(message, duckSql);
	const offset = pointed === undefined ? undefined : original(pointed);
	for (const [pattern, describe] of patterns) {
		const match = pattern.exec(first);
		if (match) {
			const [name, text] = describe(match);
			return userError(name, sql, offset, text.replace(/!$/, ''));
		}
	}

	return userError('GENERIC_USER_ERROR', sql, offset, first.replace(/^[A-Za-z ]+ Error: /, ''));
}
