// Summary mode over the archive (issue 16): the GROUP BY runs in Athena and only counts come back,
// folded here into the very Summary that summary.ts builds from loaded events. Athena groups by
// the columns a group's key and its distinct count are derived from (the user name is derived
// from three identity fields, which SQL without CASE cannot), plus the time slice; every row then
// goes through the same row converter and groupKey as a loaded event would, so the keys, labels,
// slices and order are summary.ts's own.
import {groupKey, sortGroups, type Group, type GroupField, type Summary} from '../summary.js';
import type {Query} from '../query/types.js';
import {hasPartition} from './columns.js';
import {archiveCondition, rowLimit, type ArchiveCompiled, type ArchiveQueryOptions} from './compile.js';
import {usernameColumns} from './identity.js';
import {archiveRowToEvent, parseEventTime, type ArchiveRowOptions} from './rows.js';
import {qualifiedName, ref, SqlWriter, type Expr} from './sql.js';
import type {ArchiveRow} from './types.js';

export type ArchiveGroupOptions = ArchiveQueryOptions & {
	/** Slices of the window for each group's sparkline (summarize's `slices`). */
	buckets: number;
};

/** The grouped query's parts, for the compiler and for tests that evaluate it. */
export type GroupByPlan = {
	/** Grouped on, in this order, each under its alias. */
	columns: Array<{alias: string; expr: Expr}>;
	/** The slice number, grouped on after the columns. */
	bucket: Expr;
	where: Expr;
	exact: boolean;
};

/** The aggregates' aliases: rows hold these beside the grouped columns and `bucket`. */
export const groupAggregates = {count: 'events', first: 'first_time', last: 'last_time'} as const;

export function archiveGroupByPlan(query: Query, field: GroupField, options: Omit<ArchiveGroupOptions, 'limit'>): GroupByPlan {
	const {where, exact} = archiveCondition(query, options);
	const window = {start: options.window.start.getTime(), end: options.window.end.getTime()};
	const {span, slices} = sliceSpec(window, options.buckets);
	return {columns: groupedColumns(field, options.table.partitionKeys), bucket: {kind: 'slice', time: ref('eventtime'), start: window.start, span, slices}, where, exact};
}

/** The columns grouped on for `field`, given the table's partitions (Lake has none). */
export function groupedColumns(field: GroupField, partitionKeys: readonly string[]): GroupByPlan['columns'] {
	// Every grouping needs the user name: as its key, or for its distinct count (principals).
	const names = new Set([...keyColumns(field, {partitionKeys: [...partitionKeys]}), ...(field === 'user' ? ['eventname'] : [])]);
	return [...[...names].map(name => ({alias: name, expr: ref(name)})), ...usernameColumns.map(column => ({alias: column.alias, expr: ref(column.path)}))];
}

/** The GROUP BY query; its rows go to groupsFromRows. `limit` caps the rows (groups × slices). */
export function compileArchiveGroupBy(query: Query, field: GroupField, options: ArchiveGroupOptions): ArchiveCompiled {
	const plan = archiveGroupByPlan(query, field, options);
	const writer = new SqlWriter();
	const grouped = [...plan.columns.map(column => `${writer.render(column.expr)} AS ${column.alias}`), `${writer.render(plan.bucket)} AS bucket`];
	const aggregates = [`count(*) AS ${groupAggregates.count}`, `min(eventtime) AS ${groupAggregates.first}`, `max(eventtime) AS ${groupAggregates.last}`];
	const from = qualifiedName(options.table.database, options.table.name);
	const where = writer.render(plan.where);
	// By position: the slice's parameters would make a repeated expression differ from the selected one.
	const groupBy = grouped.map((_, index) => index + 1).join(', ');
	return {
		sql: `SELECT ${[...grouped, ...aggregates].join(', ')} FROM ${from} WHERE ${where} GROUP BY ${groupBy} LIMIT ${rowLimit(options.limit)}`,
		parameters: writer.parameters,
		exact: plan.exact,
	};
}

/** The columns a group key is read from (rows.ts and summary.ts groupKey read them). */
function keyColumns(field: GroupField, table: Pick<ArchiveQueryOptions['table'], 'partitionKeys'>): string[] {
	switch (field) {
		case 'user': {
			return [];
		}

		case 'event': {
			return ['eventname'];
		}

		case 'source': {
			return ['eventsource'];
		}

		case 'ip': {
			return ['sourceipaddress'];
		}

		case 'error': {
			return ['errorcode'];
		}

		case 'region': {
			return ['awsregion', ...(hasPartition(table, 'region') ? ['region'] : [])];
		}

		case 'account': {
			return [...(hasPartition(table, 'account') ? ['account'] : []), 'recipientaccountid'];
		}
	}
}

/** summarize's normalisation of the window and slice count, shared so Athena slices as it does. */
export function sliceSpec(window: {start: number; end: number}, buckets: number): {span: number; slices: number} {
	return {span: Math.max(1, window.end - window.start), slices: Math.max(1, Math.floor(buckets))};
}

export type GroupRowsOptions = ArchiveRowOptions & {
	window: {start: number; end: number};
	slices: number;
	/** The account events without an origin belong to (summarize's `account`). */
	account: string;
};

type Accumulator = {key: string; label: string; count: number; first: number; last: number; distinct: Set<string>; buckets: number[]};

/** The Summary summarize() gives for the same events, from compileArchiveGroupBy's rows. */
export function groupsFromRows(rows: readonly ArchiveRow[], field: GroupField, options: GroupRowsOptions): Summary {
	const {window} = options;
	const {slices} = sliceSpec(window, options.slices);
	const totals = new Array<number>(slices).fill(0);
	const groups = new Map<string, Accumulator>();
	let total = 0;
	for (const row of rows) {
		const count = Number(row[groupAggregates.count]);
		const first = parseEventTime(row[groupAggregates.first]);
		const last = parseEventTime(row[groupAggregates.last]);
		const event = archiveRowToEvent(groupedRow(row), options);
		if (!Number.isSafeInteger(count) || count <= 0 || Number.isNaN(first) || Number.isNaN(last) || event === undefined) {
			continue;
		}

		const key = groupKey(event, field, options.account);
		let group = groups.get(key);
		if (!group) {
			const label = field === 'account' ? event.origin?.accountLabel ?? key : key;
			group = {key, label, count: 0, first, last, distinct: new Set(), buckets: new Array<number>(slices).fill(0)};
			groups.set(key, group);
		}

		group.count += count;
		group.first = Math.min(group.first, first);
		group.last = Math.max(group.last, last);
		group.distinct.add(field === 'user' ? event.name : event.username ?? '');
		// Athena's slice before clamping; summarize clamps the same way.
		const at = Math.min(slices - 1, Math.max(0, Number(row['bucket'] ?? 0) || 0));
		group.buckets[at]! += count;
		totals[at]! += count;
		total += count;
	}

	const result = [...groups.values()].map(
		(group): Group => ({key: group.key, label: group.label, count: group.count, first: new Date(group.first), last: new Date(group.last), distinct: group.distinct.size, buckets: group.buckets}),
	);
	return {field, groups: sortGroups(result, 'count'), total, buckets: totals, window};
}

/** A grouped row as the row converter reads a full one: the identity fields back in their struct. */
function groupedRow(row: ArchiveRow): ArchiveRow {
	const identity = Object.fromEntries(usernameColumns.map(column => [column.field, row[column.alias] ?? null]));
	return {...row, eventid: 'group', eventtime: row[groupAggregates.first], useridentity: JSON.stringify(identity)};
}
