// The query language's shapes (issue 12): one parser (parse.ts) feeds the `/` line, `--query`,
// pivots and named queries; the plan (plan.ts) splits a query into the one LookupEvents attribute
// and the terms applied locally. Nothing here knows about React, the SDK or the terminal.
import type {LookupAttributeKey, TrailEvent} from '../types.js';

/** Fields with a name of their own; anything with a dot is a path into the full record. */
export type FieldName = 'event' | 'user' | 'source' | 'resource' | 'type' | 'key' | 'id' | 'ip' | 'error' | 'agent' | 'region' | 'account';

/** A value as typed: exact and case-sensitive, as the service matches, unless it holds a `*`. */
export type ValuePattern = {
	/** The value with quotes removed (and `source:iam` already expanded to `iam.amazonaws.com`). */
	text: string;
	wildcard: boolean;
};

type TermBase = {
	/** `-field:value` / `-word`. */
	negated: boolean;
	/** Where the term sits in the query text (UTF-16 offsets, end exclusive), for messages and edits. */
	start: number;
	end: number;
	/** The term as typed, e.g. `-event:Get*` or `user:"jane doe"`. */
	source: string;
};

export type FieldTerm = TermBase & {
	kind: 'field';
	field: FieldName;
	/** `error:any` is {any: true}; every other value is a pattern. */
	value: ValuePattern | {any: true};
};

export type PathTerm = TermBase & {
	kind: 'path';
	/** `requestParameters.bucketName` -> ['requestParameters', 'bucketName']. */
	path: string[];
	value: ValuePattern;
};

/** A bare word: a case-insensitive substring of event name, user, source, resource names, source IP or error code. */
export type WordTerm = TermBase & {kind: 'word'; word: string};

export type Term = FieldTerm | PathTerm | WordTerm;

/** `since:`/`until:` as typed: a duration back from now, or a point in time. */
export type TimeBound = {kind: 'ago'; ms: number; source: string} | {kind: 'at'; at: Date; source: string};

export type Query = {
	/** The text as typed (before `@name` expansion). */
	text: string;
	/** After `@name` expansion, in order; since/until are not terms. */
	terms: Term[];
	since: TimeBound | undefined;
	until: TimeBound | undefined;
};

export type QueryError = {
	/** One sentence for a person, naming the term: `unknown field "usr" (did you mean "user"?)`. */
	message: string;
	/** The offending part of the query text (UTF-16 offsets, end exclusive). */
	start: number;
	end: number;
};

export type ParseResult = {ok: true; query: Query} | {ok: false; error: QueryError};

export type ParseOptions = {
	/** Named queries usable as `@name` (built-in and the user's file); expanded where they stand. */
	named?: ReadonlyMap<string, string>;
};

/** The absolute window a run uses: fixed once when the query starts, so NextToken sees identical parameters. */
export type TimeWindow = {start: Date; end: Date};

export type QueryPlan = {
	/** The one LookupEvents attribute sent, if any (ReadOnly=false when nothing better and write-only is on). */
	attribute: {key: LookupAttributeKey; value: string} | undefined;
	window: TimeWindow;
	/** Every other condition, applied to each page as it arrives (write-only included when not sent). */
	matches(event: TrailEvent): boolean;
	/** The terms applied locally, as typed, e.g. ['error:any', '-event:Get*']; 'write-only' when that is local. */
	local: string[];
	/** Whether anything is applied locally (the scan may then read pages without a match). */
	filtersLocally: boolean;
};

export type PlanOptions = {
	/** Write events only (the default; `w` / `--all-events` turn it off). */
	writeOnly: boolean;
	/** The moment the query starts; durations count back from it. */
	now: Date;
};
