// What CloudTrail Lake's statements need from the shim: store ids after FROM/JOIN replaced by
// their relations (a pure rewrite), and the Trino functions DuckDB lacks, checked as DuckDB
// evaluates them with the emulator's macros.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DuckConnection, DuckInstance, DuckModule} from '../../source/emulator/athena/duckdb.js';
import {importDuckDb} from '../../source/emulator/athena/duckdb.js';
import {macros} from '../../source/emulator/athena/macros.js';
import {rewrite} from '../../source/emulator/athena/shim.js';

const id = '8c4f2b1e-6a3d-4f7e-9b2c-5d1e0f3a7b64';
const tables = (name: string): string | undefined => (name === id ? `memory.lake."${name}"` : undefined);

describe('store ids after FROM and JOIN', () => {
	it('replaces an id that starts with a digit and holds hyphens, and keeps offsets for errors', () => {
		const sql = `SELECT eventid FROM ${id} WHERE eventname = 'x' AND nosuch = 1`;
		const rewritten = rewrite(sql, 'c', tables);
		expect(rewritten.sql).toBe(`SELECT eventid FROM memory.lake."${id}" WHERE eventname = 'x' AND nosuch = 1`);
		expect(rewritten.tables).toEqual([id]);
		expect(rewritten.original(rewritten.sql.indexOf('nosuch'))).toBe(sql.indexOf('nosuch'));
	});

	it('reports every bare name after FROM or JOIN, replaces only known ids, and leaves the rest alone', () => {
		const sql = `SELECT a.eventid FROM ${id} a JOIN 0000-1111 b ON a.eventid = b.eventid WHERE a.x IS DISTINCT FROM y AND a.z IN (SELECT v FROM w) AND a.t IN (SELECT 1 FROM memory.main.t)`;
		const rewritten = rewrite(sql, 'c', tables);
		expect(rewritten.tables).toEqual([id, '0000-1111', 'w', 'memory']);
		expect(rewritten.sql).toBe(sql.replace(`FROM ${id}`, `FROM memory.lake."${id}"`));
	});

	it('never looks inside strings, quoted names or comments, and does nothing without `tables` (Athena)', () => {
		const sql = `SELECT 'FROM ${id}' AS s FROM "${id}" -- FROM ${id}\n`;
		expect(rewrite(sql, 'c', tables).sql).toBe(sql);
		expect(rewrite(`SELECT 1 FROM ${id}`, 'c').sql).toBe(`SELECT 1 FROM ${id}`);
	});
});

describe('Trino functions as DuckDB evaluates them', () => {
	let instance: DuckInstance;
	let connection: DuckConnection;

	beforeAll(async () => {
		const module = (await importDuckDb()) as DuckModule;
		instance = await module.DuckDBInstance.create(':memory:');
		connection = await instance.connect();
		for (const macro of macros) {
			await connection.run(macro);
		}
	});

	afterAll(() => {
		connection.closeSync();
		instance.closeSync();
	});

	const value = async (expression: string): Promise<unknown> => (await connection.runAndReadAll(`SELECT ${expression}`)).getRowsJS()[0]?.[0];

	it('from_utf8(from_hex(…)) gives back the text, whatever it holds', async () => {
		const text = "o'brien ünï \\ -- ;";
		expect(await value(`from_utf8(from_hex('${Buffer.from(text).toString('hex').toUpperCase()}'))`)).toBe(text);
		expect(await value(`from_utf8(from_hex('${Buffer.from(text).toString('hex')}'))`)).toBe(text);
	});

	it('element_at on a map is the value or NULL; on an array it still counts from the end', async () => {
		expect(await value(rewrite(`element_at(MAP {'a': '1', 'b': '{"c":2}'}, 'b')`, 'c').sql)).toBe('{"c":2}');
		expect(await value(rewrite(`element_at(MAP {'a': '1'}, 'z')`, 'c').sql)).toBeNull();
		expect(await value(rewrite(`element_at(split('a/b/c', '/'), -1)`, 'c').sql)).toBe('c');
	});

	it('to_iso8601 prints a timestamp(3) as Trino does, with Z only when it has a time zone', async () => {
		expect(await value(`to_iso8601(CAST('2025-05-31 11:59:58' AS timestamp))`)).toBe('2025-05-31T11:59:58.000');
		expect(await value(`to_iso8601(TIMESTAMP '2025-05-31 11:59:58.25')`)).toBe('2025-05-31T11:59:58.250');
		expect(await value(`to_iso8601(from_iso8601_timestamp('2025-05-31T11:59:58Z'))`)).toBe('2025-05-31T11:59:58.000Z');
	});

	it('to_unixtime is seconds as a double, and a map or struct casts to JSON by name', async () => {
		expect(await value(`to_unixtime(CAST('2025-01-02 03:04:05' AS timestamp))`)).toBe(1_735_787_045);
		expect(await value(`json_format(CAST(MAP {'k': 'v', 'n': NULL} AS JSON))`)).toBe('{"k":"v","n":null}');
		expect(await value(`json_format(CAST({'type': 'IAMUser', 'arn': NULL} AS JSON))`)).toBe('{"type":"IAMUser","arn":null}');
		expect(await value(`CAST(true AS varchar)`)).toBe('true');
	});
});
