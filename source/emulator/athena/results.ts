// Query results the way GetQueryResults returns them: every value a string in VarCharValue, as
// Trino prints it (doubles in Java's notation, rows as {name=value}, timestamps with their zone),
// NULL as a Data item without VarCharValue, and ColumnInfo with Trino's type names.

export type ResultColumn = {name: string; type: string};
export type ResultTable = {columns: ResultColumn[]; rows: Array<Array<string | undefined>>};

/** Java's Double.toString, which Trino uses for doubles: 3.0, 0.5, 1.7672688E9. */
export function javaDouble(value: number): string {
	if (Number.isNaN(value)) {
		return 'NaN';
	}

	if (!Number.isFinite(value)) {
		return value > 0 ? 'Infinity' : '-Infinity';
	}

	const magnitude = Math.abs(value);
	if (magnitude === 0 || (magnitude >= 1e-3 && magnitude < 1e7)) {
		const text = Object.is(value, -0) ? '-0' : String(value);
		return text.includes('.') ? text : `${text}.0`;
	}

	const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
	return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** DuckDB's type as Trino names it in ColumnInfo.Type. */
export function trinoType(duckType: string): string {
	const type = duckType.toUpperCase();
	if (type.endsWith('[]')) {
		return 'array';
	}

	const simple: Record<string, string> = {
		VARCHAR: 'varchar',
		BIGINT: 'bigint',
		HUGEINT: 'bigint',
		INTEGER: 'integer',
		SMALLINT: 'smallint',
		TINYINT: 'tinyint',
		DOUBLE: 'double',
		FLOAT: 'real',
		BOOLEAN: 'boolean',
		DATE: 'date',
		JSON: 'json',
		'TIMESTAMP WITH TIME ZONE': 'timestamp with time zone',
		TIMESTAMP: 'timestamp',
	};
	const known = simple[type];
	if (known) {
		return known;
	}

	for (const [prefix, name] of [['STRUCT', 'row'], ['MAP', 'map'], ['DECIMAL', 'decimal']] as const) {
		if (type.startsWith(prefix)) {
			return name;
		}
	}

	return type.toLowerCase();
}

function timestampText(value: string): string {
	// DuckDB's JSON form: 2025-01-02 03:04:05+00 or with fractions; Trino: 2025-01-02 03:04:05.000 UTC.
	const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:[+-]00(?::00)?)?$/.exec(value);
	if (!match) {
		return value;
	}

	return `${match[1]} ${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)} UTC`;
}

function nested(value: unknown): string {
	if (value === null || value === undefined) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return `[${value.map(item => nested(item)).join(', ')}]`;
	}

	if (typeof value === 'object') {
		// DuckDB's JSON form of a MAP is [{key, value}]; of a STRUCT an object.
		return `{${Object.entries(value as Record<string, unknown>)
			.map(([key, item]) => `${key}=${nested(item)}`)
			.join(', ')}}`;
	}

	return typeof value === 'number' && !Number.isInteger(value) ? javaDouble(value) : String(value);
}

/** One value (DuckDB's JSON form) as Trino prints a value of `trino` type; undefined for NULL. */
export function cellText(value: unknown, trino: string): string | undefined {
	if (value === null || value === undefined) {
		return undefined;
	}

	if (trino === 'double' || trino === 'real') {
		return typeof value === 'number' ? javaDouble(value) : String(value);
	}

	if (trino === 'timestamp with time zone' && typeof value === 'string') {
		return timestampText(value);
	}

	return typeof value === 'object' ? nested(value) : String(value);
}

/** ColumnInfo entries, as Athena describes result columns. */
export function columnInfo(columns: readonly ResultColumn[]): Array<Record<string, unknown>> {
	const precision: Record<string, number> = {varchar: 2_147_483_647, bigint: 19, integer: 10, double: 17, real: 7, boolean: 0, date: 0};
	return columns.map(column => ({
		CatalogName: 'hive',
		SchemaName: '',
		TableName: '',
		Name: column.name,
		Label: column.name,
		Type: column.type,
		Precision: precision[column.type] ?? 0,
		Scale: 0,
		Nullable: 'UNKNOWN',
		CaseSensitive: column.type === 'varchar',
	}));
}
