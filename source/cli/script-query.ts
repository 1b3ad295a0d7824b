// What a script asked for (--query, --since, --until, --all-events), turned into the plan the
// output runs: the query line's own parser and planner, so a script prints the events the UI
// would show. Every mistake is one line naming the flag and the term, for exit status 2.
import {describePlan, planQuery} from '../domain/query/plan.js';
import {parseQuery} from '../domain/query/parse.js';
import {boundsInverted, resolveBound} from '../domain/query/time.js';
import {quoteValue} from '../domain/query/lexer.js';
import type {Query, QueryError, QueryPlan, TimeBound} from '../domain/query/types.js';
import {archiveDefaultWindowMs} from '../domain/archive/lookup.js';
import type {CliOptions} from './args.js';

export type ScriptQueryOptions = Pick<CliOptions, 'query' | 'since' | 'until' | 'allEvents'>;

export type ScriptQuery =
	| {
			ok: true;
			plan: QueryPlan;
			/** Whether anything narrows or widens the default (write events, last 90 days). */
			custom: boolean;
			/** The start and end as given (by flag or in the query); undefined where the default applies. */
			since: TimeBound | undefined;
			until: TimeBound | undefined;
			/** `API Username=alice · local: error:any`, for a person watching stderr. */
			description: string;
			/** The query the plan was made from, with the window it reads (the archive compiles it to SQL). */
			query: Query;
			/** The archive's own default window applies (no start given): a script says so, since it is not 90 days. */
			archiveDefault: boolean;
	  }
	| {ok: false; message: string};

/** `unknown field "usr" (did you mean "user"?) at "usr:alice"`: the parser's sentence, then the part it points at. */
export function describeQueryError(text: string, error: QueryError): string {
	const part = text.slice(error.start, error.end);
	if (part.trim() !== '') {
		return `${error.message} at ${JSON.stringify(part)}`;
	}

	return error.start >= text.length ? `${error.message} at the end of the query` : error.message;
}

function conflict(flag: 'since' | 'until', fromFlag: TimeBound | undefined, inQuery: TimeBound | undefined): string | undefined {
	return fromFlag && inQuery
		? `--${flag} ${fromFlag.source} and ${flag}:${inQuery.source} in --query both set the ${flag === 'since' ? 'start' : 'end'}; give one`
		: undefined;
}

/**
 * The archive reads 7 days by default, not 90 (Athena bills every byte it scans): the 7 days up
 * to the end asked for, or up to now.
 */
function archiveSince(until: TimeBound | undefined, now: Date): TimeBound {
	if (until === undefined) {
		return {kind: 'ago', ms: archiveDefaultWindowMs, source: '7d'};
	}

	const end = resolveBound(until, now).getTime();
	return {kind: 'at', at: new Date(end - archiveDefaultWindowMs), source: `7 days before ${until.source}`};
}

export function scriptQuery(options: ScriptQueryOptions, named: ReadonlyMap<string, string>, now: Date, source: {archive?: boolean} = {}): ScriptQuery {
	let query: Query = {text: '', terms: [], since: undefined, until: undefined};
	if (options.query !== undefined) {
		const parsed = parseQuery(options.query, {named});
		if (!parsed.ok) {
			return {ok: false, message: `--query: ${describeQueryError(options.query, parsed.error)}`};
		}

		query = parsed.query;
	}

	const clash = conflict('since', options.since, query.since) ?? conflict('until', options.until, query.until);
	if (clash) {
		return {ok: false, message: clash};
	}

	const since = query.since ?? options.since;
	const until = query.until ?? options.until;
	// One from a flag and one from the query: the parser could not compare them.
	if (since && until && boundsInverted(since, until)) {
		return {ok: false, message: `the start (${since.source}) must be before the end (${until.source})`};
	}

	const archiveDefault = source.archive === true && since === undefined;
	const windowed: Query = {...query, since: archiveDefault ? archiveSince(until, now) : since, until};
	const plan = planQuery(windowed, {writeOnly: !options.allEvents, now});
	// A duration and a date can still cross once "now" is known; the service would refuse the window.
	if (plan.window.start.getTime() > plan.window.end.getTime()) {
		return {ok: false, message: `the start (${since?.source ?? '90 days ago'}) is after the end (${until?.source ?? 'now'})`};
	}

	return {
		ok: true,
		plan,
		custom: query.terms.length > 0 || since !== undefined || until !== undefined || options.allEvents,
		since,
		until,
		description: describePlan(plan),
		query: windowed,
		archiveDefault,
	};
}

/**
 * What the UI opens with for the same flags: the query text with --since/--until written into it
 * as since:/until: terms (a window is part of the query there), after the same checks as a script.
 */
export function interactiveQuery(
	options: ScriptQueryOptions,
	named: ReadonlyMap<string, string>,
	now: Date,
): {ok: true; initial: {text: string; writeOnly: boolean} | undefined} | {ok: false; message: string} {
	const checked = scriptQuery(options, named, now);
	if (!checked.ok) {
		return checked;
	}

	if (!checked.custom) {
		return {ok: true, initial: undefined};
	}

	const terms = [options.query ?? '', options.since ? `since:${quoteValue(options.since.source)}` : '', options.until ? `until:${quoteValue(options.until.source)}` : ''];
	return {ok: true, initial: {text: terms.filter(term => term !== '').join(' '), writeOnly: !options.allEvents}};
}
