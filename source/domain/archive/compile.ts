// The query language compiled to Athena SQL over AWS's CloudTrail table (issue 16). The rows a
// compiled query selects are those matchesQuery (query/plan.ts) keeps from the same records read
// through LookupEvents: named fields read what LookupEvents reports (its Username and Resources
// derived from the record as identity.ts and rows.ts say), words the same haystack (match.ts),
// wildcards the same glob, positive terms on one field are alternatives, everything else must
// hold together. Where SQL cannot say it exactly (record paths that may cross arrays) the query
// selects a superset and says so (`exact: false`); the local plan.matches narrows each page.
import {groupKey} from '../query/match.js';
import type {FieldName, FieldTerm, PathTerm, Query, Term, TimeWindow, ValuePattern} from '../query/types.js';
import {hasPartition, selectedColumns, type ArchiveColumn} from './columns.js';
import {usernameCondition} from './identity.js';
import {fieldMatcher, sqlNonEmpty, sqlNotNull, wordMatcher, type Matcher} from './matchers.js';
import {anyOf, exactly, pathCondition, type Bounds} from './paths.js';
import {and, not, or, param, qualifiedName, ref, SqlWriter, type Expr} from './sql.js';
import type {ArchiveTable, CompiledQuery} from './types.js';

export type ArchiveQueryOptions = {
	table: ArchiveTable;
	window: TimeWindow;
	/** As matchesQuery's: drop events whose readOnly is true (unknown ones stay). */
	writeOnly: boolean;
	/** The most rows the query returns: a literal in the SQL, the newest first. */
	limit: number;
};

/** A compiled query, and whether it selects exactly the query's events (else a superset). */
export type ArchiveCompiled = CompiledQuery & {exact: boolean};

export function compileArchiveQuery(query: Query, options: ArchiveQueryOptions): ArchiveCompiled {
	const {where, exact} = archiveCondition(query, options);
	const writer = new SqlWriter();
	const select = selectList(options.table, writer);
	const sql = `SELECT ${select} FROM ${qualifiedName(options.table.database, options.table.name)} WHERE ${writer.render(where)} ORDER BY eventtime DESC LIMIT ${rowLimit(options.limit)}`;
	return {sql, parameters: writer.parameters, exact};
}

/** The SELECT list: every column rows.ts reads, structs as JSON text, and where each row was logged. */
export function selectList(table: ArchiveTable, writer: SqlWriter): string {
	const columns = selectedColumns(table).map(column =>
		column.kind === 'struct' ? `${writer.render({kind: 'json-text', arg: ref(column.column)})} AS ${column.column}` : column.column,
	);
	const origin = ['account', 'region'].filter(name => hasPartition(table, name));
	return [...columns, ...origin].join(', ');
}

export function rowLimit(limit: number): number {
	if (!Number.isSafeInteger(limit) || limit < 1) {
		throw new Error(`not a row limit: ${limit}`);
	}

	return limit;
}

/** The WHERE condition: the time window, the partitions it and the terms touch, and the terms. */
export function archiveCondition(query: Query, options: Omit<ArchiveQueryOptions, 'limit'>): {where: Expr; exact: boolean} {
	const terms = termsCondition(query.terms, selectedColumns(options.table));
	// readOnly 'true' becomes true in rows.ts; anything else is not read-only, as matchesQuery has it.
	const writes: Expr = options.writeOnly ? {kind: 'compare', op: '<>', left: {kind: 'text', arg: ref('readonly')}, right: param('true')} : and();
	return {
		where: and(timeCondition(options.window, options.table), ...partitionConditions(query.terms, options.table), writes, terms.over),
		exact: terms.exact,
	};
}

/** The terms' condition over `columns` (Athena's table or Lake's store: same rules, their schema). */
export function termsCondition(terms: readonly Term[], columns: readonly ArchiveColumn[]): Bounds {
	const groups = new Map<string, Bounds[]>();
	const parts: Expr[] = [];
	let exact = true;
	for (const term of terms) {
		const bounds = term.kind === 'word' ? exactly(wordCondition(term.word)) : termCondition(term, columns);
		exact &&= bounds.exact;
		if (term.kind !== 'word' && !term.negated) {
			const key = groupKey(term);
			groups.set(key, [...(groups.get(key) ?? []), bounds]);
		} else {
			parts.push(term.negated ? not(bounds.under) : bounds.over);
		}
	}

	const where = and(...[...groups.values()].map(group => anyOf(group).over), ...parts);
	return {over: where, under: where, exact};
}

function termCondition(term: FieldTerm | PathTerm, columns: readonly ArchiveColumn[]): Bounds {
	if (term.kind === 'path') {
		return pathCondition(term.path, term.value, columns);
	}

	if ('any' in term.value) {
		// error:any, the one field-wide test: an error code is there.
		return exactly(sqlNonEmpty(ref('errorcode')));
	}

	return exactly(fieldCondition(term.field, fieldMatcher(term.value)));
}

/** Columns holding each named field as LookupEvents reports it (services/events.ts, fields.ts). */
const fieldColumns: Partial<Record<FieldName, string>> = {
	event: 'eventname',
	source: 'eventsource',
	key: 'useridentity.accesskeyid',
	id: 'eventid',
	ip: 'sourceipaddress',
	error: 'errorcode',
	agent: 'useragent',
	region: 'awsregion',
	// LookupEvents reports no account; the record's recipient is the account the event is about.
	account: 'recipientaccountid',
};

function fieldCondition(field: FieldName, matcher: Matcher): Expr {
	switch (field) {
		case 'user': {
			return usernameCondition(matcher);
		}

		case 'resource':
		case 'type': {
			// LookupEvents' Resources, as rows.ts reads them from the record: each element's ARN and type.
			return resourcesCondition(field === 'resource' ? 'r.arn' : 'r.type', matcher);
		}

		default: {
			return matcher.sql(ref(fieldColumns[field]!));
		}
	}
}

function resourcesCondition(path: string, matcher: Matcher): Expr {
	const resources = ref('resources');
	return and(sqlNotNull(resources), {kind: 'any', array: resources, body: matcher.sql(ref(path))});
}

/** A bare word: in the event name, user, source, resource names, source IP or error code. */
function wordCondition(word: string): Expr {
	const matcher = wordMatcher(word);
	return or(
		matcher.sql(ref('eventname')),
		usernameCondition(matcher),
		matcher.sql(ref('eventsource')),
		resourcesCondition('r.arn', matcher),
		matcher.sql(ref('sourceipaddress')),
		matcher.sql(ref('errorcode')),
	);
}

// Dates Athena's ISO strings can spell: a window reaching past them is clamped.
const earliest = new Date('0001-01-01T00:00:00Z').getTime();
const latest = new Date('9999-12-31T23:59:59Z').getTime();

/** eventtime as CloudTrail writes it (`2026-01-01T12:00:00Z`), so strings compare as times do. */
export function eventTimeText(ms: number): string {
	return new Date(Math.min(latest, Math.max(earliest, ms))).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The `timestamp` partition's value for the day holding `ms` (yyyy/MM/dd). */
export function partitionDay(ms: number): string {
	return eventTimeText(ms).slice(0, 10).replaceAll('-', '/');
}

/** The first and last whole second of the window: event times are whole seconds. */
export function windowSeconds(window: TimeWindow): {start: number; end: number} {
	const start = Math.ceil(window.start.getTime() / 1000) * 1000;
	const end = Math.floor(window.end.getTime() / 1000) * 1000;
	if (Number.isNaN(start) || Number.isNaN(end)) {
		throw new Error('the archive query window is not a time');
	}

	return {start, end};
}

/**
 * Events from the window's start to its end, both included (LookupEvents' range is inclusive;
 * event times are whole seconds), and only the days' partitions that can hold them.
 */
function timeCondition(window: TimeWindow, table: ArchiveTable): Expr {
	const {start, end} = windowSeconds(window);

	const eventtime = ref('eventtime');
	return and(
		{kind: 'compare', op: '>=', left: eventtime, right: param(eventTimeText(start))},
		{kind: 'compare', op: '<', left: eventtime, right: param(eventTimeText(end + 1000))},
		dayPartitioned(table) ? {kind: 'between', value: ref('"timestamp"'), low: param(partitionDay(start)), high: param(partitionDay(end))} : and(),
	);
}

/** Whether `timestamp` holds days as AWS's table projects them; another format would prune wrongly. */
function dayPartitioned(table: ArchiveTable): boolean {
	const format = table.parameters['projection.timestamp.format'];
	return hasPartition(table, 'timestamp') && (format === undefined || format === 'yyyy/MM/dd');
}

/**
 * `region IN (…)` / `account IN (…)` from positive region:/account: terms, so Athena reads only
 * those partitions. Only when every such term names one value: a wildcard could match any. The
 * partition is where the log file lies, which CloudTrail names after the event's region and
 * recipient account, the same values the terms are checked against.
 */
function partitionConditions(terms: readonly Term[], table: ArchiveTable): Expr[] {
	return (['region', 'account'] as const).flatMap(field => {
		const values = terms.filter((term): term is FieldTerm => term.kind === 'field' && term.field === field && !term.negated).map(term => term.value);
		const exact = values.filter((value): value is ValuePattern => !('any' in value) && !value.wildcard);
		if (!hasPartition(table, field) || values.length === 0 || exact.length !== values.length) {
			return [];
		}

		return [{kind: 'in', value: ref(field), items: [...new Set(exact.map(value => value.text))].map(text => param(text))} satisfies Expr];
	});
}
