import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {groupAggregates, groupsFromRows} from '../../../source/domain/archive/group-by.js';
import {compileLakeGroupBy, lakeGroupByPlan} from '../../../source/domain/archive/lake.js';
import {lakeRowToEvent} from '../../../source/domain/archive/rows.js';
import type {ArchiveRow} from '../../../source/domain/archive/types.js';
import {matchesQuery} from '../../../source/domain/query/plan.js';
import type {Query} from '../../../source/domain/query/types.js';
import {groupFields, summarize, type GroupField, type Summary} from '../../../source/domain/summary.js';
import {evaluate, keeps, type TypedRow} from '../../helpers/athena-eval.js';
import {typedRow} from '../../helpers/archive-rows.js';
import {parsed, query} from '../../helpers/archive-queries.js';
import {lakeResultRow, lakeTypedRow} from '../../helpers/lake-rows.js';

const window = {start: new Date('2025-09-01T00:00:00Z'), end: new Date('2026-03-01T12:34:56Z')};
const accountLabel = (account: string) => (account === '111111111111' ? 'prod' : undefined);
const lakeRow = typedRow.map(row => lakeTypedRow(row));

/** What Lake returns for the grouped statement; times as to_iso8601 of a zone-less TIMESTAMP spells them. */
function lakeRows(q: Query, field: GroupField, rows: TypedRow[], buckets: number): ArchiveRow[] {
	const plan = lakeGroupByPlan(q, field, {window, writeOnly: true, buckets});
	const groups = new Map<string, {row: ArchiveRow; times: number[]}>();
	for (const row of rows.filter(candidate => keeps(plan.where, candidate))) {
		const values = [...plan.columns.map(column => evaluate(column.expr, row)), evaluate(plan.bucket, row)];
		const key = JSON.stringify(values);
		const group = groups.get(key) ?? {row: Object.fromEntries([...plan.columns.map(column => column.alias), 'bucket'].map((alias, index) => [alias, values[index] === null ? undefined : String(values[index])])), times: []};
		group.times.push(Number(row['eventtime']));
		groups.set(key, group);
	}

	const iso = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '');
	return [...groups.values()].map(({row, times}) => ({...row, [groupAggregates.count]: String(times.length), [groupAggregates.first]: iso(Math.min(...times)), [groupAggregates.last]: iso(Math.max(...times))}));
}

function localSummary(q: Query, field: GroupField, rows: TypedRow[], buckets: number): Summary {
	const matches = matchesQuery(q, {writeOnly: true});
	const events = rows
		.map(row => lakeRowToEvent(lakeResultRow(row), {accountLabel, account: 'unused'})!)
		.filter(event => event.time >= window.start && event.time <= window.end && matches(event));
	return summarize(events, field, {window: {start: window.start.getTime(), end: window.end.getTime()}, slices: buckets, account: 'unused'});
}

describe('Lake GROUP BY', () => {
	it('gives the summary the local view gives for the same events, read by groupsFromRows as Athena\'s rows are', () => {
		fc.assert(
			fc.property(query, fc.constantFrom(...groupFields), fc.array(lakeRow, {maxLength: 40}), fc.integer({min: 1, max: 60}), (q, field, rows, buckets) => {
				const summary = groupsFromRows(lakeRows(q, field, rows, buckets), field, {window: {start: window.start.getTime(), end: window.end.getTime()}, slices: buckets, account: 'unused', accountLabel});
				const local = localSummary(q, field, rows, buckets);
				if (lakeGroupByPlan(q, field, {window, writeOnly: true, buckets}).exact) {
					expect(summary).toEqual(local);
				} else {
					expect(summary.total).toBeGreaterThanOrEqual(local.total);
				}
			}),
			{numRuns: 300},
		);
	});

	it('groups by the columns a key is derived from, with the slice on the TIMESTAMP, counts and ISO times', () => {
		const {statement} = compileLakeGroupBy(parsed('event:Put*'), 'region', {store: {id: 'eds-1'}, window, writeOnly: false, limit: 10_000, buckets: 40});
		const start = window.start.getTime();
		expect(statement).toMatch(/^SELECT awsregion AS awsregion, useridentity\.username AS identity_username, useridentity\.type AS identity_type, useridentity\.arn AS identity_arn, /);
		expect(statement).toContain(`CAST(floor(((to_unixtime(eventtime) * 1000 - ${start}) / ${window.end.getTime() - start}) * 40) AS bigint) AS bucket, count(*) AS events, to_iso8601(min(eventtime)) AS first_time, to_iso8601(max(eventtime)) AS last_time FROM eds-1 WHERE `);
		expect(statement).toMatch(/ GROUP BY 1, 2, 3, 4, 5 LIMIT 10000$/);
	});
});
