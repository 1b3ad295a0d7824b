// Record paths (`requestParameters.bucketName:logs`, `userIdentity.sessionContext.sessionIssuer.userName:x`)
// in SQL. The first part names a column; below it, struct fields are named directly where every
// variant of AWS's table has them, other struct fields are read from the struct's JSON text, and
// JSON columns through json_extract_scalar with the path as a parameter.
//
// Locally a path fans out over arrays and reads null as "null" (fields.ts pathValues), which
// json_extract_scalar cannot do: it answers NULL for anything but a scalar. So a path into a JSON
// column compiles to a superset: the scalar test, or the column's JSON text holding the path's last
// key and the value's text. plan.matches, applied to every page, keeps exactly the right rows.
import {isSecretField} from '../redact.js';
import {globMatch} from '../query/glob.js';
import type {ValuePattern} from '../query/types.js';
import type {ArchiveColumn, Field, Shape} from './columns.js';
import {pathMatcher, sqlLike, sqlNotNull, type Matcher} from './matchers.js';
import {and, FALSE, likeLiteral, not, or, param, ref, TRUE, type Expr, type Ref} from './sql.js';

/**
 * What the SQL can say about a term: `over` holds for every row where the term holds (it may hold
 * for more), `under` only where it does (it may miss some). Equal when the SQL is exact. A positive
 * term is sent as `over`, a negated one as NOT `under`: either way the rows kept are a superset.
 */
export type Bounds = {over: Expr; under: Expr; exact: boolean};

export const exactly = (expr: Expr): Bounds => ({over: expr, under: expr, exact: true});

export function anyOf(bounds: Bounds[]): Bounds {
	return {over: or(...bounds.map(bound => bound.over)), under: or(...bounds.map(bound => bound.under)), exact: bounds.every(bound => bound.exact)};
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Text JSON writes as it is: printable ASCII but the quote and the backslash it escapes.
const verbatim = /^[\u0020\u0021\u0023-\u005B\u005D-\u007E]+$/;

export function pathCondition(path: readonly string[], pattern: ValuePattern, columns: readonly ArchiveColumn[]): Bounds {
	// Secret-bearing fields read as absent however they are reached (fields.ts).
	if (path.some(segment => isSecretField(segment))) {
		return exactly(FALSE);
	}

	const [first = '', ...rest] = path;
	const matcher = pathMatcher(pattern);
	const named = columns.filter(column => (first.includes('*') ? globMatch(first, column.key) : column.key === first));
	// A key no selected column holds is absent from the rows' records too.
	return anyOf(named.map(column => columnCondition(column, rest, pattern, matcher)));
}

function columnCondition(column: ArchiveColumn, rest: readonly string[], pattern: ValuePattern, matcher: Matcher): Bounds {
	const value = ref(column.column);
	if (column.kind === 'json') {
		return jsonCondition(value, rest, pattern, matcher);
	}

	if (column.kind === 'map') {
		return mapCondition(value, rest, pattern, matcher);
	}

	if (column.kind === 'time') {
		// Lake's TIMESTAMP has no function in the dialect that spells CloudTrail's text for it.
		return rest.length === 0 ? {over: sqlNotNull(value), under: FALSE, exact: false} : exactly(FALSE);
	}

	if (column.boolean) {
		return exactly(rest.length === 0 ? matcher.sql({kind: 'varchar', arg: value}) : FALSE);
	}

	if (column.kind === 'struct' && column.shape) {
		return column.array ? arrayCondition(value, column.shape, rest, matcher) : structCondition(value, column.shape, rest, matcher);
	}

	// A string (or a flag, which reads as "true"/"false" either way) has nothing below it.
	return exactly(rest.length === 0 ? matcher.sql(value) : FALSE);
}

function jsonCondition(column: Expr, rest: readonly string[], pattern: ValuePattern, matcher: Matcher): Bounds {
	const plainPath = rest.every(segment => identifier.test(segment));
	const scalar: Expr = {kind: 'json-scalar', json: column, path: param(`$${rest.map(segment => `.${segment}`).join('')}`)};
	// Every part of the key and of the value that JSON text must hold verbatim where the term holds.
	const keys = rest.filter(segment => !/^\d+$/.test(segment)).flatMap(segment => (segment.includes('*') ? segment.split('*') : [`"${segment}"`]));
	const needed = verbatimParts(keys, pattern);
	// Where json_extract_scalar finds a scalar, the scalar test alone decides (JSON numbers aside,
	// which Athena reads as written and JavaScript in its own shortest form); the loose test is for
	// paths it cannot follow: through arrays, to arrays, to null.
	const unread: Expr = plainPath ? {kind: 'is-null', value: scalar, negated: false} : TRUE;
	const loose = and(sqlNotNull(column), unread, ...needed.map(part => sqlLike(column, `%${likeLiteral(part)}%`)));
	if (!plainPath) {
		return {over: loose, under: FALSE, exact: false};
	}

	const holds = matcher.sql(scalar);
	return {over: or(holds, loose), under: holds, exact: false};
}

function verbatimParts(keys: readonly string[], pattern: ValuePattern): string[] {
	const values = pattern.wildcard ? pattern.text.split('*') : [pattern.text];
	return [...keys, ...values].filter(part => part !== '' && verbatim.test(part));
}

const looksLikeJson = (value: Expr): Expr => or(sqlLike(value, '[%'), sqlLike(value, '{%'));

/**
 * A path into a Lake MAP column (requestparameters there): the first key picks the map's value,
 * which is the value's text, or JSON text for an object or array (lake-rows.ts parses those back,
 * so locally they are objects and arrays). Deeper keys go into that text as into Athena's column.
 */
function mapCondition(map: Ref, rest: readonly string[], pattern: ValuePattern, matcher: Matcher): Bounds {
	const [key, ...deeper] = rest;
	if (key === undefined) {
		// The map itself is an object locally, and an object matches nothing.
		return exactly(FALSE);
	}

	if (key.includes('*')) {
		// No key to look up: the map's JSON text must hold the parts. Keys below the first are
		// escaped inside it (\"key\"), so every key part is looked for without its quotes.
		const keys = rest.filter(segment => !/^\d+$/.test(segment)).flatMap(segment => segment.split('*'));
		const text: Expr = {kind: 'json-text', arg: map};
		return {over: and(sqlNotNull(map), ...verbatimParts(keys, pattern).map(part => sqlLike(text, `%${likeLiteral(part)}%`))), under: FALSE, exact: false};
	}

	const value: Expr = {kind: 'map-get', map, key: param(key)};
	if (deeper.length > 0) {
		return jsonCondition(value, deeper, pattern, matcher);
	}

	const holds = matcher.sql(value);
	const json = looksLikeJson(value);
	// An array matches by its items, an object not at all; a JSON null is NULL in the map, or the
	// key is absent, which SQL cannot tell apart: both are kept where "null" would match.
	const items = and(sqlLike(value, '[%'), ...verbatimParts([], pattern).map(part => sqlLike(value, `%${likeLiteral(part)}%`)));
	const nulls = matcher.test('null') ? and(sqlNotNull(map), {kind: 'is-null', value, negated: false}) : FALSE;
	return {over: or(holds, items, nulls), under: and(holds, not(json)), exact: false};
}

/** A resolved struct path: a field named directly, or a JSON path into the struct's text. */
type Resolved = {direct: string[]} | {json: string[]} | 'unknown';

function structCondition(column: Ref, shape: Shape, rest: readonly string[], matcher: Matcher): Bounds {
	return anyOf(
		resolve(shape, rest, []).map((resolved): Bounds => {
			if (resolved === 'unknown') {
				return {over: sqlNotNull(column), under: FALSE, exact: false};
			}

			if ('direct' in resolved) {
				return exactly(matcher.sql(ref([column.path, ...resolved.direct].join('.'))));
			}

			const text: Expr = {kind: 'json-text', arg: column};
			return exactly(matcher.sql({kind: 'json-scalar', json: text, path: param(`$${resolved.json.map(segment => `.${segment}`).join('')}`)}));
		}),
	);
}

/**
 * The struct fields `segments` reach from `shape`, each ending on a scalar (a path ending on a
 * struct matches nothing, as an object does locally). Names are the record's spelling, exactly: a
 * differently cased name is absent from the rows' records. A `*` part expands over the known fields.
 */
function resolve(shape: Shape, segments: readonly string[], above: string[], direct = true): Resolved[] {
	const [segment, ...rest] = segments;
	if (segment === undefined) {
		return [];
	}

	const entries = Object.entries(shape);
	if (segment.includes('*')) {
		return entries.filter(([, field]) => globMatch(segment, field.key) && !isSecretField(field.key)).flatMap(([name, field]) => resolveField(name, field, rest, above, direct));
	}

	const found = entries.find(([, field]) => field.key === segment);
	if (found) {
		return resolveField(found[0], found[1], rest, above, direct);
	}

	if (entries.some(([name, field]) => name === segment.toLowerCase() || field.key.toLowerCase() === segment.toLowerCase())) {
		return [];
	}

	// A field outside AWS's schema: only a table that has it can hold it, under its own (lower-case) name.
	return [jsonPath([...above, ...segments])];
}

function resolveField(name: string, field: Field, rest: readonly string[], above: string[], direct: boolean): Resolved[] {
	const here = [...above, name];
	if (field.map) {
		const [key, ...deeper] = rest;
		return key === undefined || deeper.length > 0 ? [] : [jsonPath([...here, key])];
	}

	if (field.fields) {
		return resolve(field.fields, rest, here, direct);
	}

	if (rest.length > 0) {
		return [];
	}

	return [direct && field.direct ? {direct: here} : {json: here}];
}

function jsonPath(segments: string[]): Resolved {
	return segments.every(segment => identifier.test(segment)) ? {json: segments} : 'unknown';
}

/** `resources.ARN`: any element's field; `resources.0.ARN` is read as any element (a superset). */
function arrayCondition(column: Ref, shape: Shape, rest: readonly string[], matcher: Matcher): Bounds {
	const indexed = rest.length > 0 && /^\d+$/.test(rest[0]!);
	const fields = resolve(shape, indexed ? rest.slice(1) : rest, []).filter((resolved): resolved is {direct: string[]} => resolved !== 'unknown' && 'direct' in resolved);
	const over = fields.length === 0 ? FALSE : and(sqlNotNull(column), {kind: 'any', array: column, body: or(...fields.map(field => matcher.sql(ref(['r', ...field.direct].join('.')))))});
	return indexed ? {over, under: FALSE, exact: false} : exactly(over);
}
