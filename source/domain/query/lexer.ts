// Splits query text into terms before any of them is given a meaning. Kept apart from parse.ts
// because edit.ts and complete.ts must find terms in text that may not parse (an unknown field, an
// `@name` not defined yet) and change them without disturbing the rest.
import type {QueryError} from './types.js';

/** One whitespace-separated term as typed. */
export type RawTerm = {
	/** UTF-16 offsets into the text, end exclusive. */
	start: number;
	end: number;
	/** The term exactly as typed. */
	source: string;
	/** An unquoted leading `-`. */
	negated: boolean;
	/** `@name`: a named query to expand; `value` holds the name. */
	reference: boolean;
	/** What stands before the first unquoted `:`, or undefined for a bare word. */
	name: string | undefined;
	/** The value after the colon, or the whole word; quotes removed and `\"` `\\` unescaped. */
	value: string;
	/** Where the value starts in the text: just after the `:`, `@` or `-`, on an opening quote if there is one. */
	valueStart: number;
	/** Whether any of the value was quoted: `error:"any"` is the code "any", not any error. */
	quoted: boolean;
};

export type LexResult = {ok: true; terms: RawTerm[]} | {ok: false; error: QueryError};

const space = /\s/;

/** The terms of `text`, or where a quote is left open. Never throws. */
export function lexQuery(text: string): LexResult {
	const terms: RawTerm[] = [];
	let index = 0;
	while (index < text.length) {
		if (space.test(text[index]!)) {
			index++;
			continue;
		}

		const term = lexTerm(text, index);
		if ('error' in term) {
			return {ok: false, error: term.error};
		}

		terms.push(term);
		index = term.end;
	}

	return {ok: true, terms};
}

function lexTerm(text: string, start: number): RawTerm | {error: QueryError} {
	// The term's characters with quotes removed, and for each whether it sat inside quotes, so an
	// unquoted `:`, `-` or `@` can be told from a quoted one.
	let out = '';
	const quotedAt: boolean[] = [];
	/** Offsets in `out` where a quoted section opened (an empty `""` leaves no character behind). */
	const opens: number[] = [];
	/** The offset in `text` of each character of `out`, so the value's start can be reported. */
	const sourceAt: number[] = [];
	let index = start;
	while (index < text.length && !space.test(text[index]!)) {
		const char = text[index]!;
		if (char !== '"') {
			out += char;
			quotedAt.push(false);
			sourceAt.push(index);
			index++;
			continue;
		}

		opens.push(out.length);
		index++;
		let closed = false;
		while (index < text.length) {
			const inner = text[index]!;
			if (inner === '"') {
				closed = true;
				index++;
				break;
			}

			// Only a quote and a backslash are escaped, so any other backslash stays as typed.
			const escaped = inner === '\\' && (text[index + 1] === '"' || text[index + 1] === '\\');
			out += escaped ? text[index + 1]! : inner;
			quotedAt.push(true);
			sourceAt.push(escaped ? index + 1 : index);
			index += escaped ? 2 : 1;
		}

		if (!closed) {
			return {error: {message: 'unterminated quote: add the closing "', start, end: text.length}};
		}
	}

	const end = index;
	let body = 0;
	const negated = out[0] === '-' && quotedAt[0] === false && (out.length > 1 || opens.length > 0);
	if (negated) {
		body = 1;
	}

	const reference = out[body] === '@' && quotedAt[body] === false;
	let colon = -1;
	if (!reference) {
		for (let at = body; at < out.length; at++) {
			if (out[at] === ':' && !quotedAt[at]) {
				colon = at;
				break;
			}
		}
	}

	const valueFrom = reference ? body + 1 : colon === -1 ? body : colon + 1;
	// The separators (`-`, `@`, `:`) are unquoted characters, so their offsets in `text` are known.
	const valueStart = valueFrom === 0 ? start : sourceAt[valueFrom - 1]! + 1;
	return {
		start,
		end,
		source: text.slice(start, end),
		negated,
		reference,
		name: colon === -1 ? undefined : out.slice(body, colon),
		value: out.slice(valueFrom),
		valueStart,
		quoted: opens.some(at => at >= valueFrom),
	};
}

/** `value` as a term's value would have to be typed to read back unchanged: quoted when it must be. */
export function quoteValue(value: string): string {
	if (value !== '' && !/[\s"]/.test(value)) {
		return value;
	}

	return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** A bare word as it must be typed: also quoted when a leading `-` or `@`, or a `:`, would change its meaning. */
export function quoteWord(word: string): string {
	return /^[-@]|:/.test(word) ? `"${word.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : quoteValue(word);
}
