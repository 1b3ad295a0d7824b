import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compileArchiveQuery} from '../../../source/domain/archive/compile.js';
import {compileLakeQuery, lakeStatementLimit, type LakeQueryOptions} from '../../../source/domain/archive/lake.js';
import type {ArchiveTable} from '../../../source/domain/archive/types.js';
import type {Query, Term} from '../../../source/domain/query/types.js';
import {TrailviewError} from '../../../source/domain/types.js';
import {hostileQuery, parsed, query} from '../../helpers/archive-queries.js';
import {orgTable} from '../../helpers/archive-rows.js';

const window = {start: new Date('2026-01-01T00:00:00.250Z'), end: new Date('2026-01-31T10:00:00.900Z')};
const store = {id: 'EXAMPLEf852-4e8f-8bd1-bcf6cEXAMPLE'};
const options: LakeQueryOptions = {store, window, writeOnly: true, limit: 500};
// Athena's table with Lake's columns and no partitions: the same conditions but for the dialect.
const athenaTable: ArchiveTable = {...orgTable, partitionKeys: []};

const hexLiteral = /from_utf8\(from_hex\('([0-9A-F]*)'\)\)/g;
const decode = (hex: string) => Buffer.from(hex, 'hex').toString('utf8');

/** The statement with each hex value shown as a quoted string, to read what Lake runs. */
function readable(text: string, writeOnly = true): string {
	return compileLakeQuery(parsed(text), {...options, writeOnly}).statement.replaceAll(hexLiteral, (_, hex: string) => `'${decode(hex)}'`);
}

/** The hex values in order, decoded. */
function values(statement: string): string[] {
	return [...statement.matchAll(hexLiteral)].map(match => decode(match[1]!));
}

/** Athena's parameters as the values they stand for. */
const unquote = (literal: string) => (literal.startsWith("'") ? literal.slice(1, -1).replaceAll("''", "'") : literal);

/** The dialect's own literals: the LIKE escape and the ARN separator. */
const fixedLiterals = /ESCAPE '\\'|split\(useridentity\.arn, '\/'\)/g;

/** Terms both schemas hold the same way: not maps, not Lake's time or its extra columns and fields. */
function sameSchema(term: Term): boolean {
	if (term.kind !== 'path') {
		return true;
	}

	const [first = ''] = term.path;
	return !first.includes('*') && !/^(?:requestParameters|responseElements|additionalEventData|eventTime|managementEvent|addendum|sessionCredentialFromConsole)$/.test(first) && !(first === 'resources' && term.path.some(segment => segment.includes('*')));
}

describe('compileLakeQuery', () => {
	it('bounds the time as TIMESTAMPs, both ends included, and reads the store by its id', () => {
		const sql = readable('');
		expect(sql).toContain(`FROM EXAMPLEf852-4e8f-8bd1-bcf6cEXAMPLE WHERE (eventtime >= CAST('2026-01-01 00:00:01' AS timestamp) AND eventtime < CAST('2026-01-31 10:00:01' AS timestamp)`);
		expect(sql).toMatch(/ ORDER BY eventtime DESC LIMIT 500$/);
		expect(sql).not.toMatch(/"timestamp"|region IN|account IN/);
	});

	it('selects maps and structs as JSON text, the time as ISO text, readonly as text', () => {
		const {statement} = compileLakeQuery(parsed(''), options);
		expect(statement).toMatch(/^SELECT eventversion, json_format\(CAST\(useridentity AS JSON\)\) AS useridentity, to_iso8601\(eventtime\) AS eventtime, /);
		expect(statement).toContain('json_format(CAST(requestparameters AS JSON)) AS requestparameters');
		expect(statement).toContain('CAST(readonly AS varchar) AS readonly');
		expect(statement).toContain('CAST(managementevent AS varchar) AS managementevent');
		expect(statement).not.toMatch(/serviceeventdata|vpcendpointaccountid|edgedevicedetails/);
	});

	it('reads record paths through the maps, and region:/account: as plain conditions', () => {
		expect(readable('requestParameters.bucketName:logs')).toContain(`(element_at(requestparameters, 'bucketName') IS NOT NULL AND element_at(requestparameters, 'bucketName') = 'logs')`);
		expect(readable('requestParameters.instancesSet.items.instanceId:i-1')).toContain(`json_extract_scalar(element_at(requestparameters, 'instancesSet'), '$.items.instanceId') = 'i-1'`);
		expect(readable('readOnly:true', false)).toContain(`CAST(readonly AS varchar) IS NOT NULL AND CAST(readonly AS varchar) = 'true'`);
		expect(readable('')).toContain(`coalesce(CAST(readonly AS varchar), '') <> 'true'`);
		expect(readable('region:eu-west-1 account:111111111111')).toContain(`coalesce(awsregion, '') = 'eu-west-1' AND coalesce(recipientaccountid, '') = '111111111111'`);
	});

	it('writes no value as text: only hex, which decodes to Athena\'s parameters in the same order', () => {
		fc.assert(
			fc.property(fc.oneof(hostileQuery, query), fc.boolean(), (q, writeOnly) => {
				const {statement} = compileLakeQuery(q, {...options, writeOnly});
				// Take out the hex values and the dialect's two literals: no quote is left to open or close.
				expect(statement.replaceAll(hexLiteral, '').replaceAll(fixedLiterals, '')).not.toContain("'");
				const shared: Query = {...q, terms: q.terms.filter(term => sameSchema(term))};
				const lake = values(compileLakeQuery(shared, {...options, writeOnly}).statement);
				const athena = compileArchiveQuery(shared, {table: athenaTable, window, writeOnly, limit: 500}).parameters.map(parameter => unquote(parameter));
				// The time bounds are spelt for each dialect; everything after them is the same values.
				expect(lake.slice(0, 2)).toEqual(athena.slice(0, 2).map(text => text.replace('T', ' ').replace('Z', '')));
				expect(lake.slice(2)).toEqual(athena.slice(2));
			}),
			{numRuns: 400},
		);
	});

	it('gives an injection the statement shape a harmless value gets', () => {
		const shape = (text: string) => compileLakeQuery(parsed(text), options).statement.replaceAll(hexLiteral, 'V');
		for (const [hostile, harmless] of [
			[`user:"' OR '1'='1"`, 'user:abcdefghijk'],
			[`"' OR '1'='1"`, 'abcdefghijk'],
			[`requestParameters.bucketName:"' OR '1'='1"`, 'requestParameters.bucketName:abcdefghijk'],
			[`event:"x') OR 1=1 --*"`, 'event:abcdefghijkl*'],
		]) {
			expect(shape(hostile!)).toBe(shape(harmless!));
		}

		expect(values(compileLakeQuery(parsed(`user:"' OR '1'='1"`), options).statement)).toContain(`' OR '1'='1`);
	});

	it('keeps the statement\'s shape for any value of a field or a word', () => {
		const harmless = (term: Term): Term =>
			term.kind === 'word' ? {...term, word: term.word.replaceAll(/[^*]/g, 'a')} : term.kind === 'field' && 'text' in term.value ? {...term, value: {...term.value, text: term.value.text.replaceAll(/[^*]/g, 'a')}} : term;
		const shape = (q: Query) => compileLakeQuery(q, options).statement.replaceAll(hexLiteral, 'V');
		fc.assert(
			fc.property(hostileQuery, q => {
				const plain = {...q, terms: q.terms.filter(term => term.kind !== 'path')};
				expect(shape(plain)).toBe(shape({...plain, terms: plain.terms.map(term => harmless(term))}));
			}),
			{numRuns: 300},
		);
	});

	it('refuses a store id that is not letters, digits and hyphens, and a statement too long for Lake', () => {
		for (const id of ['', 'a b', 'x; DROP', 'abc/def', '"quoted"', 'a'.repeat(65)]) {
			expect(() => compileLakeQuery(parsed(''), {...options, store: {id}})).toThrow(TrailviewError);
		}

		let caught: unknown;
		try {
			compileLakeQuery(parsed(`user:${'a'.repeat(lakeStatementLimit)}`), options);
		} catch (error) {
			caught = error;
		}

		expect(caught).toBeInstanceOf(TrailviewError);
		expect((caught as TrailviewError).hint).toMatch(/wildcard/);
		expect(() => compileLakeQuery(parsed(''), {...options, limit: 0})).toThrow();
	});
});
