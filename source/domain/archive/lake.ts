// The query language compiled for CloudTrail Lake, the third source, with the archive's compile
// rules (compile.ts): the same terms give the same expression tree, over Lake's schema (maps for
// requestparameters and the like, a TIMESTAMP eventtime, BOOLEAN readonly, no partitions), and the
// writer renders it in Lake's dialect. Lake's StartQuery takes no parameters for a free statement,
// so every value goes into the text as its UTF-8 bytes in hex (sql.ts lakeLiteral): nothing typed
// can close a quote. Integers we produce ourselves (LIMIT, slice arithmetic) are plain literals.
import type {GroupField} from '../summary.js';
import type {Query, TimeWindow} from '../query/types.js';
import {TrailviewError} from '../types.js';
import {lakeColumns} from './columns.js';
import {eventTimeText, rowLimit, termsCondition, windowSeconds} from './compile.js';
import {groupAggregates, groupedColumns, sliceSpec, type GroupByPlan} from './group-by.js';
import {and, param, ref, SqlWriter, type Expr} from './sql.js';
import type {LakeStore} from './types.js';

export type LakeQueryOptions = {
	store: Pick<LakeStore, 'id'>;
	window: TimeWindow;
	/** As matchesQuery's: drop events whose readOnly is true (unknown ones stay). */
	writeOnly: boolean;
	/** The most rows the query returns, the newest first. */
	limit: number;
};

export type LakeGroupOptions = LakeQueryOptions & {
	/** Slices of the window for each group's sparkline (summarize's `slices`). */
	buckets: number;
};

/** StartQuery's QueryStatement holds at most this many characters. */
export const lakeStatementLimit = 10_000;

const storeIdPattern = /^[A-Za-z0-9-]{1,64}$/;

/** The store's id, checked before it goes into the text: FROM names it unquoted, as AWS documents. */
export function lakeStoreId(store: Pick<LakeStore, 'id'>): string {
	if (!storeIdPattern.test(store.id)) {
		throw new TrailviewError('invalid-input', `The event data store id ${JSON.stringify(store.id)} is not one trailview can use: only letters, digits and hyphens.`, {
			hint: 'Name the store by its ARN, id or name with --lake-store; `aws cloudtrail list-event-data-stores` lists them.',
		});
	}

	return store.id;
}

/** The WHERE condition: the time window, writes only when asked, and the terms. */
export function lakeCondition(query: Query, options: Pick<LakeQueryOptions, 'window' | 'writeOnly'>): {where: Expr; exact: boolean} {
	const terms = termsCondition(query.terms, lakeColumns);
	// readonly is BOOLEAN in Lake: NULL (unknown) stays, as matchesQuery keeps unknown events.
	const writes: Expr = options.writeOnly ? {kind: 'compare', op: '<>', left: {kind: 'text', arg: {kind: 'varchar', arg: ref('readonly')}}, right: param('true')} : and();
	return {where: and(lakeTimeCondition(options.window), writes, terms.over), exact: terms.exact};
}

/** `yyyy-MM-dd HH:mm:ss`, what CAST(… AS timestamp) reads, for the window's whole seconds. */
export function lakeTimeText(ms: number): string {
	return eventTimeText(ms).replace('T', ' ').replace(/Z$/, '');
}

/** The window, both ends included; Lake bills only the days these bounds select. */
function lakeTimeCondition(window: TimeWindow): Expr {
	const {start, end} = windowSeconds(window);
	const eventtime = ref('eventtime');
	const at = (ms: number): Expr => ({kind: 'timestamp', arg: param(lakeTimeText(ms))});
	return and({kind: 'compare', op: '>=', left: eventtime, right: at(start)}, {kind: 'compare', op: '<', left: eventtime, right: at(end + 1000)});
}

/** Every column lake-rows.ts reads: maps and structs as JSON text, the time as ISO text, booleans as text. */
export function lakeSelectList(writer: SqlWriter): string {
	return lakeColumns
		.map(column => {
			const value = ref(column.column);
			if (column.kind === 'struct' || column.kind === 'map') {
				return `${writer.render({kind: 'json-text', arg: value})} AS ${column.column}`;
			}

			if (column.kind === 'time') {
				return `to_iso8601(${column.column}) AS ${column.column}`;
			}

			return column.boolean ? `${writer.render({kind: 'varchar', arg: value})} AS ${column.column}` : column.column;
		})
		.join(', ');
}

export function compileLakeQuery(query: Query, options: LakeQueryOptions): {statement: string; exact: boolean} {
	const {where, exact} = lakeCondition(query, options);
	const writer = new SqlWriter('lake');
	const statement = `SELECT ${lakeSelectList(writer)} FROM ${lakeStoreId(options.store)} WHERE ${writer.render(where)} ORDER BY eventtime DESC LIMIT ${rowLimit(options.limit)}`;
	return {statement: withinLimit(statement), exact};
}

/** The grouped query's parts (no partitions to group on), for the compiler and for tests that evaluate it. */
export function lakeGroupByPlan(query: Query, field: GroupField, options: Omit<LakeGroupOptions, 'limit' | 'store'>): GroupByPlan {
	const {where, exact} = lakeCondition(query, options);
	const window = {start: options.window.start.getTime(), end: options.window.end.getTime()};
	const {span, slices} = sliceSpec(window, options.buckets);
	return {columns: groupedColumns(field, []), bucket: {kind: 'slice', time: ref('eventtime'), start: window.start, span, slices}, where, exact};
}

/** The GROUP BY statement; its rows go to groupsFromRows (group-by.ts) as Athena's do. */
export function compileLakeGroupBy(query: Query, field: GroupField, options: LakeGroupOptions): {statement: string} {
	const plan = lakeGroupByPlan(query, field, options);
	const writer = new SqlWriter('lake');
	const grouped = [...plan.columns.map(column => `${writer.render(column.expr)} AS ${column.alias}`), `${writer.render(plan.bucket)} AS bucket`];
	// ISO text, as Athena's eventtime is, for groupsFromRows to read the same way.
	const aggregates = [`count(*) AS ${groupAggregates.count}`, `to_iso8601(min(eventtime)) AS ${groupAggregates.first}`, `to_iso8601(max(eventtime)) AS ${groupAggregates.last}`];
	const groupBy = grouped.map((_, index) => index + 1).join(', ');
	const statement = `SELECT ${[...grouped, ...aggregates].join(', ')} FROM ${lakeStoreId(options.store)} WHERE ${writer.render(plan.where)} GROUP BY ${groupBy} LIMIT ${rowLimit(options.limit)}`;
	return {statement: withinLimit(statement)};
}

/** Hex doubles each value's length: a statement past Lake's limit is refused here, with the fix. */
function withinLimit(statement: string): string {
	if (statement.length > lakeStatementLimit) {
		throw new TrailviewError('invalid-input', `The query is too long for CloudTrail Lake (${statement.length} characters of SQL; a statement holds at most ${lakeStatementLimit}).`, {
			hint: 'Use fewer or shorter values, or a wildcard: `field:start*`.',
		});
	}

	return statement;
}
