// Whether an event satisfies a list of terms, as the issue defines it: positive terms on the same
// field (or path) are alternatives, everything else must hold together. plan.ts applies this to
// the terms the service was not sent; tests and highlighting can apply it to all of them.
import type {TrailEvent} from '../types.js';
import {fieldValues, pathValues} from './fields.js';
import {globMatch} from './glob.js';
import type {FieldTerm, PathTerm, Term, ValuePattern, WordTerm} from './types.js';

export {globMatch} from './glob.js';

export function valueMatches(pattern: ValuePattern, text: string): boolean {
	return pattern.wildcard ? globMatch(pattern.text, text) : pattern.text === text;
}

/** The event's own values a field or path term is compared with. */
export function termValues(term: FieldTerm | PathTerm, event: TrailEvent): string[] {
	return term.kind === 'field' ? fieldValues(event, term.field) : pathValues(event, term.path);
}

/** Whether one field or path term holds for the event, ignoring its negation. */
export function termHolds(term: FieldTerm | PathTerm, event: TrailEvent): boolean {
	const values = termValues(term, event);
	const {value} = term;
	return 'any' in value ? values.length > 0 : values.some(text => valueMatches(value, text));
}

/** What a bare word is looked for in, lower-cased: name, user, source, resource names, source IP, error code. */
export function wordHaystack(event: TrailEvent): string[] {
	return [event.name, event.username, event.source, ...event.resources.map(resource => resource.name), event.sourceIp, event.errorCode]
		.filter((text): text is string => text !== undefined && text !== '')
		.map(text => text.toLowerCase());
}

/** Whether a word (case-insensitive, `*` a wildcard inside it) occurs in any of the haystack's texts. */
export function wordHolds(term: WordTerm, haystack: readonly string[]): boolean {
	const word = term.word.toLowerCase();
	return word.includes('*') ? haystack.some(text => globMatch(`*${word}*`, text)) : haystack.some(text => text.includes(word));
}

/** The key positive terms share when they are alternatives: the same field, or the same path. */
export function groupKey(term: FieldTerm | PathTerm): string {
	return term.kind === 'field' ? `field:${term.field}` : `path:${JSON.stringify(term.path)}`;
}

/** A test of every term together; true for every event when there are none. */
export function compileTerms(terms: readonly Term[]): (event: TrailEvent) => boolean {
	const groups = new Map<string, Array<FieldTerm | PathTerm>>();
	const excluded: Array<FieldTerm | PathTerm> = [];
	const words = terms.filter((term): term is WordTerm => term.kind === 'word');
	for (const term of terms) {
		if (term.kind === 'word') {
			continue;
		}

		if (term.negated) {
			excluded.push(term);
		} else {
			const key = groupKey(term);
			groups.set(key, [...(groups.get(key) ?? []), term]);
		}
	}

	const alternatives = [...groups.values()];
	return event => {
		if (!alternatives.every(group => group.some(term => termHolds(term, event)))) {
			return false;
		}

		if (excluded.some(term => termHolds(term, event))) {
			return false;
		}

		if (words.length === 0) {
			return true;
		}

		const haystack = wordHaystack(event);
		return words.every(term => wordHolds(term, haystack) !== term.negated);
	};
}
