import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {archiveGroupByPlan, compileArchiveGroupBy, groupAggregates, groupsFromRows} from '../../../source/domain/archive/group-by.js';
import {archiveRowToEvent} from '../../../source/domain/archive/rows.js';
import type {ArchiveRow} from '../../../source/domain/archive/types.js';
import {matchesQuery} from '../../../source/domain/query/plan.js';
import type {Query} from '../../../source/domain/query/types.js';
import {groupFields, summarize, type GroupField, type Summary} from '../../../source/domain/summary.js';
import {evaluate, keeps, type TypedRow} from '../../helpers/athena-eval.js';
import {orgTable, resultRow, typedRow} from '../../helpers/archive-rows.js';
import {parsed, query} from '../../helpers/archive-queries.js';

const window = {start: new Date('2025-09-01T00:00:00Z'), end: new Date('2026-03-01T12:34:56Z')};
const accountLabel = (account: string) => (account === '111111111111' ? 'prod' : undefined);

/** What Athena returns for the grouped query: one row per group and slice, with the aggregates. */
function athenaRows(q: Query, field: GroupField, rows: TypedRow[], buckets: number): ArchiveRow[] {
	const plan = archiveGroupByPlan(q, field, {table: orgTable, window, writeOnly: true, buckets});
	const groups = new Map<string, {row: ArchiveRow; times: string[]}>();
	for (const row of rows.filter(candidate => keeps(plan.where, candidate))) {
		const values = [...plan.columns.map(column => evaluate(column.expr, row)), evaluate(plan.bucket, row)];
		const key = JSON.stringify(values);
		const group = groups.get(key) ?? {row: Object.fromEntries([...plan.columns.map(column => column.alias), 'bucket'].map((alias, index) => [alias, values[index] === null ? undefined : String(values[index])])), times: []};
		group.times.push(String(row['eventtime']));
		groups.set(key, group);
	}

	return [...groups.values()].map(({row, times}) => ({...row, [groupAggregates.count]: String(times.length), [groupAggregates.first]: times.sort()[0], [groupAggregates.last]: times.at(-1)}));
}

/** The local summary of the same events, read one by one. */
function localSummary(q: Query, field: GroupField, rows: TypedRow[], buckets: number): Summary {
	const matches = matchesQuery(q, {writeOnly: true});
	const events = rows
		.map(row => archiveRowToEvent(resultRow(row), {accountLabel})!)
		.filter(event => event.time >= window.start && event.time <= window.end && matches(event));
	return summarize(events, field, {window: {start: window.start.getTime(), end: window.end.getTime()}, slices: buckets, account: 'unused'});
}

const plain = (summary: Summary) => ({...summary, groups: summary.groups.map(group => ({...group, distinct: group.distinct}))});

describe('archive GROUP BY', () => {
	it('gives the summary the local view gives for the same events', () => {
		fc.assert(
			fc.property(query, fc.constantFrom(...groupFields), fc.array(typedRow, {maxLength: 40}), fc.integer({min: 1, max: 60}), (q, field, rows, buckets) => {
				const summary = groupsFromRows(athenaRows(q, field, rows, buckets), field, {window: {start: window.start.getTime(), end: window.end.getTime()}, slices: buckets, account: 'unused', accountLabel});
				const {exact} = archiveGroupByPlan(q, field, {table: orgTable, window, writeOnly: true, buckets});
				if (exact) {
					expect(plain(summary)).toEqual(plain(localSummary(q, field, rows, buckets)));
				} else {
					expect(summary.total).toBeGreaterThanOrEqual(localSummary(q, field, rows, buckets).total);
				}
			}),
			{numRuns: 300},
		);
	});

	it('groups by the columns a key is derived from, with the slice, counts and times', () => {
		const {sql, parameters} = compileArchiveGroupBy(parsed('event:Put*'), 'user', {table: orgTable, window, writeOnly: false, limit: 10_000, buckets: 40});
		expect(sql).toMatch(
			/^SELECT eventname AS eventname, useridentity\.username AS identity_username, useridentity\.type AS identity_type, useridentity\.arn AS identity_arn, CAST\(floor\(\(\(to_unixtime\(from_iso8601_timestamp\(eventtime\)\) \* \? - \?\) \/ \?\) \* \?\) AS bigint\) AS bucket, count\(\*\) AS events, min\(eventtime\) AS first_time, max\(eventtime\) AS last_time FROM "default"\."cloudtrail_logs" WHERE .* GROUP BY 1, 2, 3, 4, 5 LIMIT 10000$/,
		);
		expect(parameters.slice(0, 4)).toEqual(['1000', String(window.start.getTime()), String(window.end.getTime() - window.start.getTime()), '40']);
		expect(sql.split('?').length - 1).toBe(parameters.length);
	});

	it('labels accounts and merges the root users of several accounts into one "root"', () => {
		const rows: ArchiveRow[] = [
			{account: '111111111111', identity_type: 'Root', identity_arn: 'arn:aws:iam::111111111111:root', eventname: 'A', bucket: '0', events: '2', first_time: '2025-09-01T00:00:00Z', last_time: '2025-09-02T00:00:00Z'},
			{account: '222222222222', identity_type: 'Root', identity_arn: 'arn:aws:iam::222222222222:root', eventname: 'B', bucket: '99', events: '3', first_time: '2026-01-01T00:00:00Z', last_time: '2026-03-01T00:00:00Z'},
		];
		const options = {window: {start: window.start.getTime(), end: window.end.getTime()}, slices: 4, account: 'unused', accountLabel};
		const byUser = groupsFromRows(rows, 'user', options);
		expect(plain(byUser).groups).toEqual([
			{key: 'root', label: 'root', count: 5, first: new Date('2025-09-01T00:00:00Z'), last: new Date('2026-03-01T00:00:00Z'), distinct: 2, buckets: [2, 0, 0, 3]},
		]);
		expect(groupsFromRows(rows, 'account', options).groups.map(group => [group.key, group.label])).toEqual([
			['222222222222', '222222222222'],
			['111111111111', 'prod'],
		]);
	});

	it('skips rows it cannot read instead of failing', () => {
		const summary = groupsFromRows([{events: 'x', first_time: 'never'}, {}], 'event', {window: {start: 0, end: 1}, slices: 3, account: 'a'});
		expect(summary).toMatchObject({total: 0, groups: [], buckets: [0, 0, 0]});
	});
});
