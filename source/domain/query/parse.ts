// The one parser of the query language (issue 12), shared by the `/` line, `--query`, pivots and
// named queries. It never throws: every problem becomes a QueryError pointing at the term, so the
// UI can keep its results and underline the mistake, and a script can exit 2 with one line.
import {fieldNames, isFieldName, recordKeys, timeFieldNames} from './fields.js';
import {lexQuery, type RawTerm} from './lexer.js';
import {closest} from './suggest.js';
import {boundsInverted, readTimeBound} from './time.js';
import type {ParseOptions, ParseResult, QueryError, Term, TimeBound} from './types.js';

/** Named queries may use others; past this depth it is a mistake (or a cycle too long to name). */
const maxDepth = 8;

const knownNames: readonly string[] = [...fieldNames, ...timeFieldNames, ...recordKeys];

type Bounds = {since?: TimeBound; until?: TimeBound};

type Context = {
	named: ReadonlyMap<string, string>;
	/** The named queries being expanded, outermost first: `@a` inside `@a` is a cycle. */
	chain: readonly string[];
};

export function parseQuery(text: string, options: ParseOptions = {}): ParseResult {
	const terms: Term[] = [];
	const bounds: Bounds = {};
	const error = parseInto(text, terms, bounds, {named: options.named ?? new Map(), chain: []});
	return error === undefined ? {ok: true, query: {text, terms, since: bounds.since, until: bounds.until}} : {ok: false, error};
}

/** Adds the terms and bounds of `text` to what was read so far; the first error, in `text`'s offsets. */
function parseInto(text: string, terms: Term[], bounds: Bounds, context: Context): QueryError | undefined {
	const lexed = lexQuery(text);
	if (!lexed.ok) {
		return lexed.error;
	}

	for (const raw of lexed.terms) {
		const at = {start: raw.start, end: raw.end};
		if (raw.reference) {
			const error = expand(raw, terms, bounds, context);
			if (error !== undefined) {
				return error;
			}

			continue;
		}

		const read = readTerm(raw);
		if ('message' in read) {
			return {...at, message: read.message};
		}

		if ('bound' in read) {
			const error = setBound(read.which, read.bound, bounds);
			if (error !== undefined) {
				return {...at, message: error};
			}
		} else {
			terms.push(read);
		}
	}

	return undefined;
}

/** `@name`: the named query's terms in its place, each pointing at the `@name` that brought it. */
function expand(raw: RawTerm, terms: Term[], bounds: Bounds, context: Context): QueryError | undefined {
	const at = {start: raw.start, end: raw.end};
	const name = raw.value;
	if (name === '') {
		return {...at, message: '"@" needs the name of a named query after it, e.g. @denied'};
	}

	if (raw.negated) {
		return {...at, message: `a named query cannot be negated: remove the "-" before @${name}`};
	}

	const body = context.named.get(name);
	if (body === undefined) {
		const known = [...context.named.keys()];
		const suggestion = closest(name, known);
		const hint = suggestion === undefined ? (known.length === 0 ? '; none are defined' : '') : ` (did you mean "@${suggestion}"?)`;
		return {...at, message: `unknown named query "@${name}"${hint}`};
	}

	if (context.chain.includes(name)) {
		return {...at, message: `@${name} uses itself: ${[...context.chain, name].map(item => `@${item}`).join(' → ')}`};
	}

	if (context.chain.length >= maxDepth) {
		return {...at, message: `named queries nest more than ${maxDepth} deep at @${name}`};
	}

	const inner: Term[] = [];
	const error = parseInto(body, inner, bounds, {named: context.named, chain: [...context.chain, name]});
	if (error !== undefined) {
		return {...at, message: `in @${name}: ${error.message}`};
	}

	// The expanded terms do not sit in the typed text; the `@name` they came from does.
	terms.push(...inner.map(term => ({...term, ...at})));
	return undefined;
}

function setBound(which: 'since' | 'until', bound: TimeBound, bounds: Bounds): string | undefined {
	if (bounds[which] !== undefined) {
		return `${which}: is given twice; keep one`;
	}

	bounds[which] = bound;
	const {since, until} = bounds;
	if (since !== undefined && until !== undefined && boundsInverted(since, until)) {
		return `since:${since.source} is not before until:${until.source}`;
	}

	return undefined;
}

type Read = Term | {which: 'since' | 'until'; bound: TimeBound} | {message: string};

/** The meaning of one term that is not an `@name`. */
function readTerm(raw: RawTerm): Read {
	const base = {negated: raw.negated, start: raw.start, end: raw.end, source: raw.source};
	if (raw.name === undefined) {
		if (raw.value === '' || (raw.value === '-' && !raw.quoted && !raw.negated)) {
			return {message: raw.quoted ? '"" is an empty word: put something between the quotes' : '"-" needs a word or field:value after it'};
		}

		return {...base, kind: 'word', word: raw.value};
	}

	const name = raw.name;
	const lower = name.toLowerCase();
	if (name === '') {
		return {message: `":${raw.value}" has no field name before the colon; quote a word that holds ":"`};
	}

	if (raw.value === '') {
		return {message: `"${name}:" needs a value after the colon`};
	}

	if (lower === 'since' || lower === 'until') {
		if (raw.negated) {
			return {message: `${lower}: cannot be negated: remove the "-"`};
		}

		const read = readTimeBound(raw.value);
		return read.ok ? {which: lower, bound: read.bound} : {message: `bad time for ${lower}: ${read.message}`};
	}

	const wildcard = raw.value.includes('*');
	if (isFieldName(lower)) {
		if (lower === 'error' && raw.value === 'any' && !raw.quoted) {
			return {...base, kind: 'field', field: 'error', value: {any: true}};
		}

		// The service names sources in full; `iam` is what people type. Quoted, a value is taken as
		// it is, which is how a pivot writes a source that really has no dot.
		const text = lower === 'source' && !wildcard && !raw.quoted && !raw.value.includes('.') ? `${raw.value}.amazonaws.com` : raw.value;
		return {...base, kind: 'field', field: lower, value: {text, wildcard}};
	}

	const topLevel = recordKeys.find(key => key.toLowerCase() === lower);
	if (name.includes('.') || topLevel !== undefined) {
		const path = topLevel === undefined ? name.split('.') : [topLevel];
		if (path.includes('')) {
			return {message: `"${name}" is not a record path: a part between dots is empty`};
		}

		return {...base, kind: 'path', path, value: {text: raw.value, wildcard}};
	}

	const suggestion = closest(name, knownNames);
	return {
		message:
			suggestion === undefined
				? `unknown field "${name}": use ${fieldNames.join(', ')}, since, until or a record path like requestParameters.bucketName, or quote a word that holds ":"`
				: `unknown field "${name}" (did you mean "${suggestion}"?)`,
	};
}
