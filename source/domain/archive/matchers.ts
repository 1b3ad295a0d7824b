// How one term's value is tested against one text column, in SQL and (for the few constants the
// compiler meets, like Root's user name) here. Each SQL test is two-valued: a NULL column gives
// FALSE, never NULL, so `NOT` over it means what `-field:value` means locally.
import {globMatch} from '../query/glob.js';
import type {ValuePattern} from '../query/types.js';
import {and, FALSE, likePattern, param, TRUE, type Expr} from './sql.js';

export type Matcher = {
	/** Whether `expr` (which may be NULL) holds the value. */
	sql(expr: Expr): Expr;
	/** The same test on a known text. */
	test(text: string): boolean;
};

const text = (arg: Expr): Expr => ({kind: 'text', arg});
const like = (value: Expr, pattern: string): Expr => ({kind: 'like', value, pattern: param(pattern)});
const nonEmpty = (value: Expr): Expr => ({kind: 'compare', op: '<>', left: text(value), right: param('')});
const notNull = (value: Expr): Expr => ({kind: 'is-null', value, negated: true});

/**
 * A named field's value (`user:alice`, `event:Get*`): an empty or absent field has no value at all
 * (fields.ts present()), so it matches nothing, not even `*`.
 */
export function fieldMatcher(pattern: ValuePattern): Matcher {
	const value = pattern.text;
	if (pattern.wildcard) {
		return {
			sql: expr => and(nonEmpty(expr), like(text(expr), likePattern(value))),
			test: candidate => candidate !== '' && globMatch(value, candidate),
		};
	}

	return {
		sql: expr => (value === '' ? FALSE : {kind: 'compare', op: '=', left: text(expr), right: param(value)}),
		test: candidate => candidate !== '' && candidate === value,
	};
}

/** A record path's value (`requestParameters.bucketName:logs`): there an empty string is a value. */
export function pathMatcher(pattern: ValuePattern): Matcher {
	const value = pattern.text;
	return pattern.wildcard
		? {sql: expr => and(notNull(expr), like(expr, likePattern(value))), test: candidate => globMatch(value, candidate)}
		: {sql: expr => and(notNull(expr), {kind: 'compare', op: '=', left: expr, right: param(value)}), test: candidate => candidate === value};
}

/**
 * A bare word: a case-insensitive substring (match.ts wordHolds). SQL's lower() and JavaScript's
 * toLowerCase() agree except for the few letters whose lower case is longer or depends on their
 * place (a capital dotted İ, a final Σ): there Athena may miss a row the local test would keep.
 */
export function wordMatcher(word: string): Matcher {
	const lowered = word.toLowerCase();
	const pattern = `%${likePattern(lowered)}%`;
	// Only a word of stars could match an empty text, which the haystack never holds.
	const onlyStars = lowered.replaceAll('*', '') === '';
	return {
		sql: expr => and(onlyStars ? nonEmpty(expr) : TRUE, like({kind: 'lower', arg: text(expr)}, pattern)),
		test: candidate =>
			candidate !== '' && (lowered.includes('*') ? globMatch(`*${lowered}*`, candidate.toLowerCase()) : candidate.toLowerCase().includes(lowered)),
	};
}

export const sqlText = text;
export const sqlNonEmpty = nonEmpty;
export const sqlNotNull = notNull;
export const sqlLike = like;
