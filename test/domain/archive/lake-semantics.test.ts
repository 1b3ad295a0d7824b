// What a Lake query selects, checked against the local matcher on the same records, as
// compile-semantics.test.ts checks Athena's: every event matchesQuery keeps from the rows
// lakeRowToEvent reads (a superset, the local filter narrows each page), exactly those when exact.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lakeCondition} from '../../../source/domain/archive/lake.js';
import {lakeRowToEvent} from '../../../source/domain/archive/rows.js';
import {matchesQuery} from '../../../source/domain/query/plan.js';
import type {Query} from '../../../source/domain/query/types.js';
import {builtInQueries} from '../../../source/domain/query/investigations.js';
import {knownAccountIds} from '../../../source/emulator/accounts.js';
import {EventStore} from '../../../source/emulator/event-store.js';
import {keeps, type TypedRow} from '../../helpers/athena-eval.js';
import {typedRow, typedRowFromRecord} from '../../helpers/archive-rows.js';
import {parsed, query} from '../../helpers/archive-queries.js';
import {lakeResultRow, lakeTypedRow} from '../../helpers/lake-rows.js';

const window = {start: new Date('2025-01-01T00:00:00Z'), end: new Date('2026-12-31T00:00:00Z')};

function both(q: Query, rows: TypedRow[], writeOnly = false) {
	const {where, exact} = lakeCondition(q, {window, writeOnly});
	const local = matchesQuery(q, {writeOnly});
	return {
		exact,
		lake: rows.filter(row => keeps(where, row)).map(row => row['eventid']),
		local: rows.filter(row => local(lakeRowToEvent(lakeResultRow(row))!)).map(row => row['eventid']),
	};
}

const lakeRow = typedRow.map(row => lakeTypedRow(row));

describe('Lake query semantics', () => {
	it('selects every event the local matcher keeps, and only those when exact', () => {
		fc.assert(
			fc.property(query, fc.array(lakeRow, {minLength: 1, maxLength: 25}), fc.boolean(), (q, rows, writeOnly) => {
				const {lake, local, exact} = both(q, rows, writeOnly);
				expect(lake).toEqual(expect.arrayContaining(local));
				if (exact) {
					expect(lake).toEqual(local);
				}
			}),
			{numRuns: 500},
		);
	});

	it('selects what the built-in investigations and record paths find in the emulator\'s records', () => {
		const store = new EventStore(7, new Date('2026-03-01T00:00:00Z'), 400);
		const records = [...knownAccountIds].flatMap(account =>
			['us-east-1', 'eu-west-1'].flatMap(region =>
				store.events(account, region).map(stored => lakeTypedRow(typedRowFromRecord(JSON.parse(stored.cloudTrailEvent()) as Record<string, unknown>, {account, region}))),
			),
		);
		let found = 0;
		const paths = [
			['bucket', 'requestParameters.bucketName:app-assets-*'],
			['items', 'requestParameters.instancesSet.items.instanceId:i-0*'],
			['glob key', 'requestParameters.*Name:app-*'],
			['region', 'region:eu-west-1 -account:111111111111'],
		] as const;
		for (const [name, text] of [...builtInQueries, ['deploy', 'deploy'], ...paths] as const) {
			const {lake, local, exact} = both(parsed(text), records, true);
			expect(lake, name).toEqual(expect.arrayContaining(local));
			if (exact) {
				expect(lake, name).toEqual(local);
			}

			found += local.length;
		}

		expect(found).toBeGreaterThan(50);
	});

	it('is exact where Athena is: named fields, words, struct paths, readOnly', () => {
		for (const text of ['user:alice', '-event:Get* error:any', 'deploy', 'resource:x/y type:a*', 'userIdentity.sessionContext.sessionIssuer.userName:alice', 'resources.ARN:alice readOnly:true', 'region:us-east-1 account:111111111111']) {
			expect(lakeCondition(parsed(text), {window, writeOnly: true}).exact, text).toBe(true);
		}

		expect(lakeCondition(parsed('requestParameters.bucketName:logs'), {window, writeOnly: false}).exact).toBe(false);
	});

	const row = (id: string, fields: Partial<TypedRow>): TypedRow => ({eventid: id, eventtime: Date.parse('2026-01-02T03:04:05Z'), eventname: 'PutObject', readonly: false, ...fields});
	const rows = [
		row('string', {requestparameters: {bucketName: 'logs', policy: 'x'}}),
		row('object', {requestparameters: {bucketName: '{"name":"logs"}'}}),
		row('array', {requestparameters: {bucketName: '["logs","other"]', tags: '[]'}}),
		row('null', {requestparameters: {bucketName: null}}),
		row('none', {requestparameters: null, readonly: null}),
		row('read', {readonly: true, eventtime: Date.parse('2024-12-31T23:59:59Z')}),
	];

	it('reads a map value as the record held it: text, an object or array in JSON text, or null', () => {
		expect(both(parsed('requestParameters.bucketName:logs'), rows)).toMatchObject({lake: ['string', 'array'], local: ['string', 'array']});
		// Into an object's JSON text, as into Athena's column: a superset the local filter narrows.
		expect(both(parsed('requestParameters.bucketName.name:logs'), rows).local).toEqual(['object']);
		expect(both(parsed('requestParameters.bucketName.name:logs'), rows).lake).toContain('object');
		expect(both(parsed('requestParameters.bucketName:null'), rows).local).toEqual(['null']);
		expect(both(parsed('requestParameters.bucketName:null'), rows).lake).toContain('null');
		expect(both(parsed('-requestParameters.bucketName:logs'), rows).lake).toEqual(expect.arrayContaining(['object', 'null', 'none']));
		// An object holds no value, so it is kept when a value is excluded, whatever its text.
		// ('read' lies before the window, which the local matcher does not look at.)
		const excluded = both(parsed('-requestParameters.bucketName:*'), rows);
		expect(excluded.local).toEqual(['object', 'none', 'read']);
		expect(excluded.lake).toEqual(expect.arrayContaining(['object', 'none']));
		// The map itself is an object in the record: it holds no value of its own.
		const whole: Query = {text: 'x', since: undefined, until: undefined, terms: [{kind: 'path', path: ['requestParameters'], value: {text: '*', wildcard: true}, negated: false, start: 0, end: 1, source: 'x'}]};
		expect(both(whole, rows)).toMatchObject({lake: [], local: [], exact: true});
	});

	it('bounds the time as a TIMESTAMP and keeps unknown readOnly when only writes are wanted', () => {
		expect(both(parsed(''), rows, true).lake).toEqual(['string', 'object', 'array', 'null', 'none']);
		expect(both(parsed(''), rows, false).lake).toEqual(['string', 'object', 'array', 'null', 'none']);
	});

	it('finds nothing for an injection attempt rather than everything', () => {
		const injection = parsed(`"' OR '1'='1" user:"alice' OR 'a'='a" requestParameters.bucketName:"' OR '1'='1"`);
		expect(both(injection, rows)).toMatchObject({lake: [], local: []});
	});
});
