// Changes to query text the UI makes for a person: pivots, the time window picker, and the pane
// title. They work on the text as typed (through the lexer, not the parser), so they keep the
// person's own terms, `@name`s and quoting, and still work on text that does not parse.
import {lexQuery, quoteValue, type RawTerm} from './lexer.js';
import {parseQuery} from './parse.js';
import type {FieldName, Query, TimeBound} from './types.js';

/** A query with the field's positive terms replaced by `field:value`, so a pivot narrows rather than ORs. */
export function withTerm(text: string, field: FieldName, value: string, options: {named?: ReadonlyMap<string, string>} = {}): string {
	const lexed = lexQuery(inlineNamedWith(text, field, options.named));
	// Text with a quote left open cannot be split into terms: leave it whole, the pivot after it.
	const kept = lexed.ok ? lexed.terms.filter(term => !replaces(term, field, value)).map(term => term.source) : [text.trim()];
	return [...kept.filter(source => source !== ''), `${field}:${valueText(field, value)}`].join(' ');
}

/** How a pivot writes a value so it reads back as exactly that value. */
function valueText(field: FieldName, value: string): string {
	// Quoted, `any` is the error code "any" and a dotless source is not given `.amazonaws.com`.
	const literal = (field === 'error' && value === 'any') || (field === 'source' && !value.includes('.'));
	return literal ? `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : quoteValue(value);
}

/** Whether a pivot to field:value drops this term: the field's other values, and its own exclusion. */
function replaces(term: RawTerm, field: string, value: string): boolean {
	return !term.reference && term.name?.toLowerCase() === field && (!term.negated || term.value === value);
}

/**
 * The text with every `@name` that brings a positive term of `field` written out in its place, so
 * that term can be replaced too. Without this, pivoting `@mine` (user:me) to user:alice would
 * mean "me or alice". Named queries nest, so this repeats, a few times at most.
 */
function inlineNamedWith(text: string, field: FieldName, named: ReadonlyMap<string, string> | undefined): string {
	let current = text;
	for (let round = 0; named !== undefined && round < 8; round++) {
		const lexed = lexQuery(current);
		if (!lexed.ok) {
			return current;
		}

		const bringing = lexed.terms.filter(term => {
			const body = term.reference && !term.negated ? named.get(term.value) : undefined;
			const parsed = body === undefined ? undefined : parseQuery(term.source, {named});
			return parsed?.ok === true && parsed.query.terms.some(inner => inner.kind === 'field' && inner.field === field && !inner.negated);
		});
		if (bringing.length === 0) {
			return current;
		}

		current = lexed.terms.map(term => (bringing.includes(term) ? named.get(term.value)! : term.source)).join(' ');
	}

	return current;
}

/** The text with its since:/until: terms replaced by these (undefined: none, the default window). */
export function withWindow(text: string, since: string | undefined, until?: string): string {
	const rest = termsOnly(text);
	const bounds = [since === undefined ? '' : `since:${quoteValue(since)}`, until === undefined ? '' : `until:${quoteValue(until)}`];
	return [rest, ...bounds].filter(part => part !== '').join(' ');
}

/** The query without its time bounds, for the pane title (which shows the window on its own). */
export function termsOnly(query: Query | string): string {
	const text = typeof query === 'string' ? query : query.text;
	const lexed = lexQuery(text);
	if (!lexed.ok) {
		return text.trim();
	}

	return lexed.terms
		.filter(term => !/^(since|until)$/i.test(term.name ?? ''))
		.map(term => term.source)
		.join(' ');
}

/**
 * The window in words for the pane title: `last 90 days` (the default), `last 24 h`,
 * `last 15 min`, `since 2026-11-01 00:00 UTC`, `2026-11-01 → 2026-11-02`.
 */
export function windowLabel(query: Pick<Query, 'since' | 'until'>): string {
	const {since, until} = query;
	if (until === undefined) {
		if (since === undefined) {
			return 'last 90 days';
		}

		return since.kind === 'ago' ? `last ${spanLabel(since.ms)}` : `since ${formatDate(since.at, true)}`;
	}

	if (since === undefined) {
		return `until ${boundLabel(until, true)}`;
	}

	// Two whole days need no clock or zone; anything else says both.
	const dates = since.kind === 'at' && until.kind === 'at' && isMidnight(since.at) && isMidnight(until.at);
	return dates ? `${formatDate(since.at, false)} → ${formatDate(until.at, false)}` : `${boundLabel(since, false)} → ${boundLabel(until, true)}`;
}

function boundLabel(bound: TimeBound, zone: boolean): string {
	return bound.kind === 'ago' ? `${spanLabel(bound.ms)} ago` : formatDate(bound.at, true, zone);
}

/** `2026-11-01`, or `2026-11-01 09:30 UTC` (seconds only when there are some): bounds are typed in UTC. */
function formatDate(date: Date, time: boolean, zone = true): string {
	const iso = date.toISOString();
	if (!time) {
		return iso.slice(0, 10);
	}

	const clock = iso.slice(17, 19) === '00' && iso.slice(20, 23) === '000' ? iso.slice(11, 16) : iso.slice(11, 19);
	return `${iso.slice(0, 10)} ${clock}${zone ? ' UTC' : ''}`;
}

function isMidnight(date: Date): boolean {
	return date.getTime() % 86_400_000 === 0;
}

/** 15 min, 24 h, 7 days: the largest unit the span is a whole number of (a day only from two). */
export function spanLabel(ms: number): string {
	const day = 86_400_000;
	if (ms >= 2 * day && ms % day === 0) {
		return `${ms / day} days`;
	}

	if (ms >= 3_600_000 && ms % 3_600_000 === 0) {
		return `${ms / 3_600_000} h`;
	}

	return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}
