// Tab completion on the query line: field names, values seen in the loaded events, and the
// window presets. Pure, so the line's input hook only keeps the state described on applyCompletion.
import {fieldNames, isFieldName, recordKeys, timeFieldNames} from './fields.js';
import {lexQuery, quoteValue} from './lexer.js';
import type {FieldName} from './types.js';

/** The presets `since:`/`until:` offer, shortest first (the same as the `t` picker). */
export const windowPresets: readonly string[] = ['15m', '1h', '6h', '24h', '7d', '30d', '90d'];

export type Completion = {
	/** The range of the text a candidate replaces: the term up to the cursor, which is at its end. */
	start: number;
	end: number;
	/** Whole replacement terms (`user:alice`, `-event:DeleteBucket`, `since:15m`, `@denied`). */
	candidates: string[];
};

const allNames: readonly string[] = [...fieldNames, ...timeFieldNames, ...recordKeys];

/**
 * What the term under the cursor could become. Values compare case-insensitively by prefix, so
 * `event:delete` offers `event:DeleteBucket`, and come sorted and without repeats.
 */
export function completeAt(text: string, cursor: number, valuesFor: (field: FieldName) => string[], options: {named?: Iterable<string>} = {}): Completion {
	const at = Math.max(0, Math.min(cursor, text.length));
	const start = termStart(text, at);
	const end = at;
	const typed = text.slice(start, at);
	const negation = typed.startsWith('-') ? '-' : '';
	const body = typed.slice(negation.length);
	const none = {start, end, candidates: []};
	// Inside a term (`us|er:alice`) a candidate would either swallow or repeat what follows.
	if (runsOn(text, start, at)) {
		return none;
	}

	if (body.startsWith('@')) {
		const prefix = body.slice(1).toLowerCase();
		const names = [...new Set(options.named ?? [])].filter(name => name.toLowerCase().startsWith(prefix)).sort();
		return negation === '' ? {start, end, candidates: names.map(name => `@${name}`)} : none;
	}

	const colon = body.indexOf(':');
	if (colon === -1) {
		// Quoted text is a word being typed, not a field name.
		if (body.includes('"')) {
			return none;
		}

		const names = allNames.filter(name => name.toLowerCase().startsWith(body.toLowerCase()) && !(negation !== '' && isTimeField(name)));
		return {start, end, candidates: names.map(name => `${negation}${name}:`)};
	}

	const name = body.slice(0, colon).toLowerCase();
	const prefix = unquote(body.slice(colon + 1)).toLowerCase();
	let values: string[];
	if (isTimeField(name)) {
		values = negation === '' ? windowPresets.filter(preset => preset.startsWith(prefix)) : [];
	} else if (isFieldName(name)) {
		const seen = [...new Set(valuesFor(name))].filter(value => value !== '' && value.toLowerCase().startsWith(prefix)).sort();
		values = name === 'error' && 'any'.startsWith(prefix) ? ['any', ...seen.filter(value => value !== 'any')] : seen;
	} else {
		return none;
	}

	return {start, end, candidates: values.map(value => `${negation}${name}:${quoteValue(value)}`)};
}

function isTimeField(name: string): boolean {
	return (timeFieldNames as readonly string[]).includes(name);
}

/** Where the term holding the cursor begins; a quote left open belongs to it, spaces and all. */
function termStart(text: string, cursor: number): number {
	const lexed = lexQuery(text.slice(0, cursor));
	if (!lexed.ok) {
		return lexed.error.start;
	}

	const last = lexed.terms.at(-1);
	return last !== undefined && last.end === cursor ? last.start : cursor;
}

/** Whether the term starting at `start` goes on past the cursor. */
function runsOn(text: string, start: number, cursor: number): boolean {
	const lexed = lexQuery(text.slice(start));
	const first = lexed.ok ? lexed.terms[0] : undefined;
	// A quote left open runs to the end of the text, so only an end beyond it counts.
	return lexed.ok ? first !== undefined && first.start === 0 && start + first.end > cursor : cursor < text.length && !/\s/.test(text[cursor]!);
}

/** A value as typed so far, quotes and escapes undone, an unclosed quote allowed. */
function unquote(typed: string): string {
	return typed.replaceAll(/\\(["\\])|"/g, (_match, escaped: string | undefined) => escaped ?? '');
}

/** The longest text every candidate starts with. */
export function commonPrefix(candidates: readonly string[]): string {
	let prefix = candidates[0] ?? '';
	for (const candidate of candidates.slice(1)) {
		let length = 0;
		while (length < prefix.length && length < candidate.length && prefix[length] === candidate[length]) {
			length++;
		}

		prefix = prefix.slice(0, length);
	}

	return prefix;
}

export type Applied = {text: string; cursor: number};

/**
 * What Tab does with a completion: inserts the candidates' longest common prefix (the whole
 * candidate when there is one, plus a space after a finished value). When that changes nothing
 * and there are several candidates, the line keeps this completion and the text it was made for,
 * and each further Tab shows the next one in full with applyCandidate(text, completion, n++);
 * any other key drops it. Never shortens what was typed (candidates can differ in case).
 */
export function applyCompletion(text: string, completion: Completion): Applied {
	const {start, end, candidates} = completion;
	const typed = text.slice(start, end);
	if (candidates.length === 1) {
		return applyCandidate(text, completion, 0);
	}

	const prefix = commonPrefix(candidates);
	if (candidates.length === 0 || prefix.length < typed.length) {
		return {text, cursor: end};
	}

	return {text: text.slice(0, start) + prefix + text.slice(end), cursor: start + prefix.length};
}

/** Candidate `index` (wrapping round) in place of the term, as Tab shows when cycling. */
export function applyCandidate(text: string, completion: Completion, index: number): Applied {
	const {start, end, candidates} = completion;
	if (candidates.length === 0) {
		return {text, cursor: end};
	}

	const count = candidates.length;
	const candidate = candidates[((index % count) + count) % count]!;
	// A finished value gets a space, so the next term can follow; a field name waits for its value.
	const after = text.slice(end);
	const space = candidate.endsWith(':') || /^\s/.test(after) ? '' : ' ';
	return {text: text.slice(0, start) + candidate + space + after, cursor: start + candidate.length + space.length};
}
