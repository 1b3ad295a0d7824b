// What an archive query selects, checked against the local matcher on the same records: Athena's
// answer must hold every event matchesQuery keeps (a superset, so the local filter that runs on
// every page loses nothing), and exactly those when the compiler says it is exact.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {archiveCondition} from '../../../source/domain/archive/compile.js';
import {archiveRowToEvent} from '../../../source/domain/archive/rows.js';
import {matchesQuery} from '../../../source/domain/query/plan.js';
import type {Query} from '../../../source/domain/query/types.js';
import {keeps, type TypedRow} from '../../helpers/athena-eval.js';
import {orgTable, resultRow, typedRow, typedRowFromRecord} from '../../helpers/archive-rows.js';
import {parsed, query} from '../../helpers/archive-queries.js';
import {builtInQueries} from '../../../source/domain/query/investigations.js';
import {knownAccountIds} from '../../../source/emulator/accounts.js';
import {EventStore} from '../../../source/emulator/event-store.js';

const window = {start: new Date('2025-01-01T00:00:00Z'), end: new Date('2026-12-31T00:00:00Z')};

function both(q: Query, rows: TypedRow[], writeOnly = false) {
	const {where, exact} = archiveCondition(q, {table: orgTable, window, writeOnly});
	const local = matchesQuery(q, {writeOnly});
	return {
		exact,
		athena: rows.filter(row => keeps(where, row)).map(row => row['eventid']),
		local: rows.filter(row => local(archiveRowToEvent(resultRow(row))!)).map(row => row['eventid']),
	};
}

describe('archive query semantics', () => {
	it('selects every event the local matcher keeps, and only those when exact', () => {
		fc.assert(
			fc.property(query, fc.array(typedRow, {minLength: 1, maxLength: 25}), fc.boolean(), (q, rows, writeOnly) => {
				const {athena, local, exact} = both(q, rows, writeOnly);
				expect(athena).toEqual(expect.arrayContaining(local));
				if (exact) {
					expect(athena).toEqual(local);
				}
			}),
			{numRuns: 500},
		);
	});

	it('selects what the built-in investigations find in the emulator\'s records', () => {
		const store = new EventStore(7, new Date('2026-03-01T00:00:00Z'), 400);
		const records = [...knownAccountIds].flatMap(account =>
			['us-east-1', 'eu-west-1'].flatMap(region =>
				store.events(account, region).map(stored => typedRowFromRecord(JSON.parse(stored.cloudTrailEvent()) as Record<string, unknown>, {account, region})),
			),
		);
		let found = 0;
		for (const [name, text] of [...builtInQueries, ['deploy', 'deploy'], ['bucket', 'requestParameters.bucketName:app-assets-*'], ['items', 'requestParameters.instancesSet.items.instanceId:i-0*']] as const) {
			const {athena, local, exact} = both(parsed(text), records, true);
			expect(athena, name).toEqual(expect.arrayContaining(local));
			if (exact) {
				expect(athena, name).toEqual(local);
			}

			found += local.length;
		}

		expect(found).toBeGreaterThan(50);
	});

	it('is exact for the named fields, words and the common record paths', () => {
		for (const text of ['user:alice', '-event:Get* error:any', 'deploy', 'resource:x/y type:a*', 'userIdentity.sessionContext.sessionIssuer.userName:alice', 'resources.ARN:alice readOnly:true', 'region:us-east-1 account:111111111111']) {
			expect(archiveCondition(parsed(text), {table: orgTable, window, writeOnly: true}).exact, text).toBe(true);
		}
	});

	it('says when a record path into JSON text is only narrowed, not matched', () => {
		expect(archiveCondition(parsed('requestParameters.bucketName:logs'), {table: orgTable, window, writeOnly: false}).exact).toBe(false);
		expect(archiveCondition(parsed('resources.0.ARN:x'), {table: orgTable, window, writeOnly: false}).exact).toBe(false);
	});

	const identity = (fields: Record<string, unknown>) => ({type: null, principalid: null, arn: null, accountid: null, invokedby: null, accesskeyid: null, username: null, onbehalfof: null, sessioncontext: null, ...fields});
	const row = (id: string, fields: Partial<TypedRow>): TypedRow => ({eventid: id, eventtime: '2026-01-02T03:04:05Z', eventname: 'GetObject', readonly: 'false', account: '111111111111', region: 'us-east-1', timestamp: '2026/01/02', ...fields});
	const rows = [
		row('iam-user', {useridentity: identity({type: 'IAMUser', username: 'alice', arn: 'arn:aws:iam::111111111111:user/alice'})}),
		row('role-session', {useridentity: identity({type: 'AssumedRole', arn: 'arn:aws:sts::111111111111:assumed-role/deploy-role/jane.doe@example.com'})}),
		row('root', {useridentity: identity({type: 'Root', arn: 'arn:aws:iam::111111111111:root'})}),
		row('service', {useridentity: identity({type: 'AWSService', invokedby: 'lambda.amazonaws.com'}), readonly: 'true'}),
		row('no-identity', {useridentity: null, readonly: null}),
	];

	it('reads the user name as LookupEvents reports it', () => {
		expect(both(parsed('user:alice'), rows).athena).toEqual(['iam-user']);
		expect(both(parsed('user:jane.doe@example.com'), rows).athena).toEqual(['role-session']);
		expect(both(parsed('user:root'), rows).athena).toEqual(['root']);
		expect(both(parsed('-user:*'), rows).athena).toEqual(['service', 'no-identity']);
		expect(both(parsed('roo'), rows).athena).toEqual(['root']);
	});

	it('keeps events whose readOnly is unknown when only writes are wanted, as the local view does', () => {
		expect(both(parsed(''), rows, true).athena).toEqual(['iam-user', 'role-session', 'root', 'no-identity']);
	});

	it('finds nothing for an injection attempt rather than everything', () => {
		const injection = parsed(`"' OR '1'='1" user:"alice' OR 'a'='a"`);
		expect(both(injection, rows)).toMatchObject({athena: [], local: []});
	});
});
