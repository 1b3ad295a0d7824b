// The token-level rewrite from trailview's Trino SQL to DuckDB's, and the execution-parameter
// literals: pure functions, checked without DuckDB.
import {describe, expect, it} from 'vitest';
import {parseLiteral} from '../../source/emulator/athena/literals.js';
import {lineColumn, rewrite} from '../../source/emulator/athena/shim.js';

describe('rewrite', () => {
	it('turns any_match with an arrow lambda into DuckDB list functions, however deep', () => {
		const {sql} = rewrite('SELECT 1 WHERE any_match(resources, r -> any_match(tags, (t) -> t = r.arn)) AND x', 'c');
		expect(sql).toBe('SELECT 1 WHERE trino_any_match(list_transform(resources, lambda r: trino_any_match(list_transform(tags, lambda t: t = r.arn)))) AND x');
	});

	it('renames element_at and maps awsdatacatalog and default to the caller\'s catalog', () => {
		expect(rewrite("SELECT element_at(split(a, '/'), -1) FROM AwsDataCatalog.default.t", 'c_1_us_east_1').sql).toBe(
			`SELECT trino_element_at(split(a, '/'), -1) FROM "c_1_us_east_1"."default".t`,
		);
		expect(rewrite('SELECT 1 FROM "awsdatacatalog"."default"."t"', 'c').sql).toBe('SELECT 1 FROM "c"."default"."t"');
	});

	it('leaves strings, quoted names and comments alone, and counts only real placeholders', () => {
		const text = `SELECT "any_match" FROM t WHERE a = 'any_match(x, y -> z) ?' -- element_at(?\n AND b = ?`;
		const rewritten = rewrite(text, 'c');
		expect(rewritten.sql).toBe(text);
		expect(rewritten.placeholders).toBe(1);
	});

	it('maps offsets in the rewritten text back to the caller\'s', () => {
		const text = 'SELECT x FROM t WHERE any_match(r, v -> v = 1) AND nosuch = 2';
		const rewritten = rewrite(text, 'c');
		expect(rewritten.original(rewritten.sql.indexOf('nosuch'))).toBe(text.indexOf('nosuch'));
		expect(rewritten.original(rewritten.sql.indexOf('trino_any_match'))).toBe(text.indexOf('any_match'));
		expect(lineColumn('SELECT\n  x FROM t', 9)).toBe('2:3');
	});
});

describe('execution parameter literals', () => {
	it('reads exactly one literal', () => {
		expect(parseLiteral("'ConsoleLogin'")).toBe('ConsoleLogin');
		expect(parseLiteral("''' OR ''1''=''1'")).toBe("' OR '1'='1");
		expect(parseLiteral("''")).toBe('');
		expect(parseLiteral(' 42 ')).toBe(42n);
		expect(parseLiteral('-7')).toBe(-7n);
		expect(parseLiteral('1.5')).toBe(1.5);
		expect(parseLiteral('2e3')).toBe(2000);
		expect(parseLiteral('TRUE')).toBe(true);
		expect(parseLiteral('false')).toBe(false);
	});

	it('refuses anything else', () => {
		for (const text of ["' OR '1'='1", "'a' OR 'b'", "'a''", 'abc', '1 OR 1=1', "'a' || 'b'", '', 'NULL', "DATE '2025-01-01'", '1;DROP']) {
			expect(parseLiteral(text), text).toBeUndefined();
		}
	});
});
