// The archive compiler's SQL, as a small expression tree rendered to text in one place. Building a
// tree rather than strings keeps the rule "every value is a `?`" structural: the only way a value
// reaches the statement is a `param` node, whose text goes to ExecutionParameters, never into the
// SQL. It also lets tests evaluate the very conditions that are sent (test/helpers/athena-eval.ts).
// Only the dialect of docs/issue16-design.md is emitted; the emulator shims exactly that on DuckDB.
import {TrailviewError} from '../types.js';

/**
 * A fixed identifier path from the CloudTrail table's schema (`eventname`, `useridentity.arn`,
 * `"timestamp"`) or a lambda's element (`r.arn`). Never built from input: see `ref`.
 */
export type Ref = {kind: 'ref'; path: string};

export type Expr =
	| Ref
	| {kind: 'param'; value: string | number}
	| {kind: 'bool'; value: boolean}
	/** lower(x) */
	| {kind: 'lower'; arg: Expr}
	/** coalesce(x, '') with the '' a parameter: absent and empty read alike, as present() does. */
	| {kind: 'text'; arg: Expr}
	/** json_extract_scalar(json, path) */
	| {kind: 'json-scalar'; json: Expr; path: Expr}
	/** json_format(CAST(x AS JSON)): a struct or array column as JSON text, lower-case keys. */
	| {kind: 'json-text'; arg: Ref}
	/** element_at(split(x, '/'), -1): what follows the last slash. */
	| {kind: 'last-segment'; arg: Expr}
	| {kind: 'compare'; op: '=' | '<>' | '<' | '<=' | '>' | '>='; left: Expr; right: Expr}
	/** x LIKE ? ESCAPE '\' */
	| {kind: 'like'; value: Expr; pattern: Expr}
	| {kind: 'between'; value: Expr; low: Expr; high: Expr}
	| {kind: 'in'; value: Expr; items: Expr[]}
	| {kind: 'is-null'; value: Expr; negated: boolean}
	| {kind: 'and' | 'or'; items: Expr[]}
	| {kind: 'not'; item: Expr}
	/** any_match(array, r -> body) */
	| {kind: 'any'; array: Ref; body: Expr}
	/**
	 * The slice of a window an event time falls in, as summary.ts computes it (before clamping):
	 * CAST(floor(((to_unixtime(from_iso8601_timestamp(t)) * 1000 - start) / span) * slices) AS bigint),
	 * the same operations in the same order on doubles, so the same slice at every edge.
	 */
	| {kind: 'slice'; time: Ref; start: number; span: number; slices: number}
	/** element_at(map, key): a MAP column's value (CloudTrail Lake), NULL where the key is absent. */
	| {kind: 'map-get'; map: Ref; key: Expr}
	/** CAST(x AS timestamp): Lake's eventtime is a TIMESTAMP, compared with one. */
	| {kind: 'timestamp'; arg: Expr}
	/** CAST(x AS varchar): Lake's BOOLEAN columns read as 'true'/'false', as Athena's strings do. */
	| {kind: 'varchar'; arg: Expr};

const identifierPath = /^(?:"[a-z_]+"|[a-z_][a-z0-9_]*)(?:\.[a-z_][a-z0-9_]*)*$/;

/** A schema identifier; throws on anything else, so a slip can never put input into the text. */
export function ref(path: string): Ref {
	if (!identifierPath.test(path)) {
		throw new Error(`not a schema identifier: ${path}`);
	}

	return {kind: 'ref', path};
}

export const param = (value: string | number): Expr => ({kind: 'param', value});
export const TRUE: Expr = {kind: 'bool', value: true};
export const FALSE: Expr = {kind: 'bool', value: false};

/** AND with constants folded away, so dropped or impossible terms leave no trace in the text. */
export function and(...items: Expr[]): Expr {
	const kept = items.flatMap(item => (item.kind === 'and' ? item.items : [item])).filter(item => !isConstant(item, true));
	if (kept.some(item => isConstant(item, false))) {
		return FALSE;
	}

	return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0]! : {kind: 'and', items: kept};
}

export function or(...items: Expr[]): Expr {
	const kept = items.flatMap(item => (item.kind === 'or' ? item.items : [item])).filter(item => !isConstant(item, false));
	if (kept.some(item => isConstant(item, true))) {
		return TRUE;
	}

	return kept.length === 0 ? FALSE : kept.length === 1 ? kept[0]! : {kind: 'or', items: kept};
}

export function not(item: Expr): Expr {
	return item.kind === 'bool' ? {kind: 'bool', value: !item.value} : {kind: 'not', item};
}

export function isConstant(expr: Expr, value: boolean): boolean {
	return expr.kind === 'bool' && expr.value === value;
}

/** `\`, `%` and `_` stand for themselves; `*` (the query language's one wildcard) becomes `%`. */
export function likePattern(glob: string): string {
	return glob.replaceAll(/[\\%_]/g, character => `\\${character}`).replaceAll('*', '%');
}

/** The same escaping without the wildcard: `text` must occur as it is. */
export function likeLiteral(text: string): string {
	return text.replaceAll(/[\\%_]/g, character => `\\${character}`);
}

/** Athena's documented maximum length of one ExecutionParameters entry. */
const maxParameterLength = 1024;

/** An ExecutionParameters entry: an Athena literal, strings quoted with `'` doubled. */
export function athenaLiteral(value: string | number): string {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) {
			throw new Error(`not an integer parameter: ${value}`);
		}

		return String(value);
	}

	const literal = `'${value.replaceAll("'", "''")}'`;
	if (literal.length > maxParameterLength) {
		throw new TrailviewError('invalid-input', `A value in the query is too long for Athena (${value.length} characters; a query parameter holds at most ${maxParameterLength - 2}).`, {
			hint: 'Shorten the value, or use a wildcard: `field:start*`.',
		});
	}

	return literal;
}

/**
 * A Lake value: its UTF-8 bytes in hex. Lake's StartQuery has no parameters for a free statement,
 * and [0-9A-F] cannot close a quote, so the value cannot change the statement's shape.
 */
export function lakeLiteral(value: string | number): string {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) {
			throw new Error(`not an integer value: ${value}`);
		}

		return String(value);
	}

	return `from_utf8(from_hex('${Buffer.from(value, 'utf8').toString('hex').toUpperCase()}'))`;
}

/**
 * Where the statement runs: Athena (values as `?` with ExecutionParameters, eventtime an ISO
 * string) or CloudTrail Lake (values in hex in the text, eventtime a TIMESTAMP).
 */
export type SqlDialect = 'athena' | 'lake';

/**
 * Renders expressions left to right. For Athena it collects each parameter in the order its `?`
 * appears; for Lake `parameters` stays empty and values are hex literals in place.
 */
export class SqlWriter {
	readonly parameters: string[] = [];

	constructor(readonly dialect: SqlDialect = 'athena') {}

	render(expr: Expr): string {
		switch (expr.kind) {
			case 'ref': {
				return expr.path;
			}

			case 'param': {
				if (this.dialect === 'lake') {
					return lakeLiteral(expr.value);
				}

				this.parameters.push(athenaLiteral(expr.value));
				return '?';
			}

			case 'bool': {
				// No boolean literals in the dialect; a comparison of two numbers is as plain.
				return expr.value ? '(1 = 1)' : '(1 = 0)';
			}

			case 'lower': {
				return `lower(${this.render(expr.arg)})`;
			}

			case 'text': {
				return `coalesce(${this.render(expr.arg)}, ${this.render(param(''))})`;
			}

			case 'json-scalar': {
				return `json_extract_scalar(${this.render(expr.json)}, ${this.render(expr.path)})`;
			}

			case 'json-text': {
				return `json_format(CAST(${this.render(expr.arg)} AS JSON))`;
			}

			case 'last-segment': {
				return `element_at(split(${this.render(expr.arg)}, '/'), -1)`;
			}

			case 'compare': {
				return `${this.render(expr.left)} ${expr.op} ${this.render(expr.right)}`;
			}

			case 'like': {
				return `${this.render(expr.value)} LIKE ${this.render(expr.pattern)} ESCAPE '\\'`;
			}

			case 'between': {
				return `${this.render(expr.value)} BETWEEN ${this.render(expr.low)} AND ${this.render(expr.high)}`;
			}

			case 'in': {
				return `${this.render(expr.value)} IN (${expr.items.map(item => this.render(item)).join(', ')})`;
			}

			case 'is-null': {
				return `${this.render(expr.value)} IS ${expr.negated ? 'NOT ' : ''}NULL`;
			}

			case 'and':
			case 'or': {
				return `(${expr.items.map(item => this.render(item)).join(expr.kind === 'and' ? ' AND ' : ' OR ')})`;
			}

			case 'not': {
				return `NOT ${this.wrap(expr.item)}`;
			}

			case 'any': {
				return `any_match(${this.render(expr.array)}, r -> ${this.render(expr.body)})`;
			}

			case 'slice': {
				// Lake's eventtime is already a TIMESTAMP; Athena's is CloudTrail's ISO text.
				const seconds = this.dialect === 'lake' ? `to_unixtime(${this.render(expr.time)})` : `to_unixtime(from_iso8601_timestamp(${this.render(expr.time)}))`;
				const [ms, start, span, slices] = [1000, expr.start, expr.span, expr.slices].map(value => this.render(param(value)));
				return `CAST(floor(((${seconds} * ${ms} - ${start}) / ${span}) * ${slices}) AS bigint)`;
			}

			case 'map-get': {
				return `element_at(${this.render(expr.map)}, ${this.render(expr.key)})`;
			}

			case 'timestamp': {
				return `CAST(${this.render(expr.arg)} AS timestamp)`;
			}

			case 'varchar': {
				return `CAST(${this.render(expr.arg)} AS varchar)`;
			}
		}
	}

	/** Parenthesised unless already atomic, so NOT binds to the whole condition. */
	private wrap(expr: Expr): string {
		const text = this.render(expr);
		return expr.kind === 'and' || expr.kind === 'or' || expr.kind === 'bool' ? text : `(${text})`;
	}
}

const namePattern = /^[a-z0-9_]+$/i;

/** A Glue database or table name, checked before it goes into the text; `"db"."table"`. */
export function qualifiedName(database: string, table: string): string {
	for (const [what, name] of [
		['database', database],
		['table', table],
	] as const) {
		if (!namePattern.test(name) || name.length > 255) {
			throw new TrailviewError('invalid-input', `The Athena ${what} name ${JSON.stringify(name)} is not one trailview can use: only letters, digits and underscores.`, {
				hint: 'Name the table as DATABASE.TABLE with --athena-table, e.g. --athena-table default.cloudtrail_logs.',
			});
		}
	}

	return `"${database.toLowerCase()}"."${table.toLowerCase()}"`;
}
