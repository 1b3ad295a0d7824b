import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compileArchiveQuery, type ArchiveQueryOptions} from '../../../source/domain/archive/compile.js';
import type {ArchiveTable} from '../../../source/domain/archive/types.js';
import {TrailviewError} from '../../../source/domain/types.js';
import {hostileQuery, parsed, query} from '../../helpers/archive-queries.js';
import {orgTable} from '../../helpers/archive-rows.js';

const window = {start: new Date('2026-01-01T00:00:00.250Z'), end: new Date('2026-01-31T10:00:00.900Z')};
const options: ArchiveQueryOptions = {table: orgTable, window, writeOnly: true, limit: 500};
const singleAccount: ArchiveTable = {...orgTable, partitionKeys: ['region', 'timestamp']};
const unpartitioned: ArchiveTable = {...orgTable, partitionKeys: [], columns: undefined};

/** The SQL with each `?` replaced by its parameter, to read what Athena runs. */
function bound(text: string, table: ArchiveTable = orgTable, writeOnly = true): string {
	const {sql, parameters} = compileArchiveQuery(parsed(text), {...options, table, writeOnly});
	let index = 0;
	return sql.replaceAll('?', () => parameters[index++]!);
}

/** The two string literals the dialect itself writes: the LIKE escape and the ARN separator. */
const fixedLiterals = /ESCAPE '\\'|split\(useridentity\.arn, '\/'\)/g;

describe('compileArchiveQuery', () => {
	it('always bounds the time, by eventtime and by the day partitions, inclusive of both ends', () => {
		const sql = bound('');
		expect(sql).toContain(`eventtime >= '2026-01-01T00:00:01Z' AND eventtime < '2026-01-31T10:00:01Z'`);
		expect(sql).toContain(`"timestamp" BETWEEN '2026/01/01' AND '2026/01/31'`);
		expect(bound('', unpartitioned)).not.toContain('"timestamp"');
		expect(bound('', unpartitioned)).toContain('eventtime >= ');
		expect(bound('', {...orgTable, parameters: {'projection.timestamp.format': 'yyyy/MM/dd/HH'}})).not.toContain('"timestamp"');
	});

	it('prunes region and account partitions from exact region:/account: terms, where the table has them', () => {
		expect(bound('region:eu-west-1 region:us-east-1 account:111111111111')).toContain(`region IN ('eu-west-1', 'us-east-1') AND account IN ('111111111111')`);
		expect(bound('account:111111111111', singleAccount)).not.toContain('account IN');
		expect(bound('region:eu-*')).not.toContain('region IN');
		expect(bound('-region:eu-west-1')).not.toContain('region IN');
		expect(bound('region:us-east-1', unpartitioned)).not.toContain('region IN');
	});

	it('asks for writes only as the local view does, and the newest first up to the limit', () => {
		expect(bound('')).toContain(`coalesce(readonly, '') <> 'true'`);
		expect(bound('', orgTable, false).split(' WHERE ')[1]).not.toContain('readonly');
		expect(compileArchiveQuery(parsed(''), {...options, limit: 250}).sql).toMatch(/ ORDER BY eventtime DESC LIMIT 250$/);
		expect(() => compileArchiveQuery(parsed(''), {...options, limit: 0})).toThrow();
		expect(() => compileArchiveQuery(parsed(''), {...options, limit: 1.5})).toThrow();
	});

	it('selects structs as JSON text, the optional columns only when Glue lists them, and where rows were logged', () => {
		const {sql} = compileArchiveQuery(parsed(''), options);
		expect(sql).toMatch(/^SELECT eventversion, json_format\(CAST\(useridentity AS JSON\)\) AS useridentity, eventtime, /);
		expect(sql).toContain('json_format(CAST(resources AS JSON)) AS resources');
		expect(sql).toContain('serviceeventdetails');
		expect(sql).toContain(', account, region FROM "default"."cloudtrail_logs" WHERE');
		const bare = compileArchiveQuery(parsed(''), {...options, table: unpartitioned}).sql;
		expect(bare).not.toMatch(/serviceeventdetails|eventcategory|tlsdetails|, account|, region /);
	});

	it('compiles wildcards to LIKE with the user\'s own %, _ and \\ escaped', () => {
		expect(bound('event:Get*_%\\*')).toContain(`coalesce(eventname, '') LIKE 'Get%\\_\\%\\\\%' ESCAPE '\\'`);
		expect(bound('requestParameters.bucketName:logs')).toContain(`json_extract_scalar(requestparameters, '$.bucketName') = 'logs'`);
		expect(bound('resources.ARN:arn:aws:kms*')).toContain(`any_match(resources, r -> (r.arn IS NOT NULL AND r.arn LIKE 'arn:aws:kms%' ESCAPE '\\'))`);
		expect(bound('userIdentity.sessionContext.sessionIssuer.userName:admin')).toContain(`useridentity.sessioncontext.sessionissuer.username = 'admin'`);
		expect(bound('userIdentity.sessionContext.sourceIdentity:me')).toContain(`json_extract_scalar(json_format(CAST(useridentity AS JSON)), '$.sessioncontext.sourceidentity') = 'me'`);
	});

	it('puts every value in a parameter, never in the text, with as many parameters as placeholders', () => {
		fc.assert(
			fc.property(fc.oneof(hostileQuery, query), fc.boolean(), (q, writeOnly) => {
				const {sql, parameters} = compileArchiveQuery(q, {...options, writeOnly});
				expect(sql.split('?').length - 1).toBe(parameters.length);
				const text = sql.replaceAll(fixedLiterals, '');
				// No string literal but the dialect's own two: nothing typed can open or close one.
				expect(text).not.toContain("'");
				for (const parameter of parameters) {
					expect(text.includes(parameter)).toBe(false);
					expect(parameter).toMatch(/^'(?:[^']|'')*'$|^\d+$/);
				}
			}),
			{numRuns: 400},
		);
	});

	it('writes values as Athena string literals, quotes doubled', () => {
		const {parameters} = compileArchiveQuery(parsed(`user:"o'brien' OR '1'='1"`), options);
		expect(parameters).toContain(`'o''brien'' OR ''1''=''1'`);
	});

	it('refuses table and database names that are not plain identifiers', () => {
		for (const [database, name] of [['default', 'logs"; DROP TABLE x; --'], ['de fault', 'logs'], ['', 'logs'], ['db', 'ta.ble']]) {
			expect(() => compileArchiveQuery(parsed(''), {...options, table: {...orgTable, database: database!, name: name!}})).toThrow(TrailviewError);
		}

		expect(compileArchiveQuery(parsed(''), {...options, table: {...orgTable, database: 'Audit_DB', name: 'Trail1'}}).sql).toContain('FROM "audit_db"."trail1"');
	});

	it('refuses a value longer than Athena takes as a parameter, with the fix', () => {
		const error = (() => {
			try {
				compileArchiveQuery(parsed(`user:${'a'.repeat(1100)}`), options);
			} catch (caught) {
				return caught;
			}
		})();
		expect(error).toBeInstanceOf(TrailviewError);
		expect((error as TrailviewError).hint).toMatch(/wildcard/);
	});

	it('clamps a window past what an ISO date can spell', () => {
		const sql = compileArchiveQuery(parsed(''), {...options, window: {start: new Date(-8.64e15), end: new Date(8.64e15)}}).parameters.join(' ');
		expect(sql).toContain(`'0001-01-01T00:00:00Z'`);
		expect(sql).toContain(`'9999/12/31'`);
	});

	it('leaves nothing of an impossible term but a condition that is false', () => {
		expect(bound('userIdentity.sessionToken:abc')).toContain('(1 = 0)');
		expect(bound('-userIdentity.sessionToken:abc')).not.toContain('sessiontoken');
	});
});
