// Trino functions trailview emits that DuckDB lacks or spells differently, as DuckDB macros (so
// DuckDB itself evaluates them). shim.ts renames the two whose Trino names DuckDB already uses.
export const macros: readonly string[] = [
	// Trino writes a key that is not a plain name as $["x-amz-id-2"]; DuckDB as $."x-amz-id-2".
	`CREATE MACRO trino_json_path(p) AS regexp_replace(p, '\\["([^"]*)"\\]', '."\\1"', 'g')`,
	// Trino: the scalar at the path as varchar; NULL for objects, arrays, JSON null and text that
	// is not JSON (DuckDB's json_extract_string returns objects as text and throws on bad JSON).
	`CREATE MACRO json_extract_scalar(j, p) AS CASE
		WHEN j IS NULL OR NOT json_valid(j) THEN NULL
		WHEN json_type(j, trino_json_path(p)) IN ('OBJECT', 'ARRAY') THEN NULL
		ELSE json_extract_string(j, trino_json_path(p)) END`,
	// json_format(CAST(x AS JSON)): DuckDB's JSON cast already writes struct fields by name.
	'CREATE MACRO json_format(j) AS CAST(j AS VARCHAR)',
	'CREATE MACRO from_iso8601_timestamp(x) AS CAST(x AS TIMESTAMPTZ)',
	'CREATE MACRO to_unixtime(t) AS epoch(t)',
	// CloudTrail Lake statements carry every value as from_utf8(from_hex('…')) (no quote can close).
	// DuckDB's from_hex already gives a BLOB; decode reads it as UTF-8 text.
	'CREATE MACRO from_utf8(b) AS decode(b)',
	// Trino prints a timestamp(3) as 2025-01-02T03:04:05.000 and adds Z only for one with a time
	// zone (the emulator's DuckDB runs in UTC, so the cast keeps the instant's UTC fields).
	`CREATE MACRO to_iso8601(t) AS strftime(CAST(t AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%g')
		|| CASE WHEN typeof(t) = 'TIMESTAMP WITH TIME ZONE' THEN 'Z' ELSE '' END`,
	// Negative indexes count from the end and out-of-range ones are NULL, as in Trino; on a MAP it
	// is the key's value or NULL (DuckDB's own element_at gives a list there).
	'CREATE MACRO trino_element_at(xs, i) AS xs[i]',
	// Trino's three-valued any_match over the predicate's results: true if any is true, else NULL
	// if any is NULL, else false (an empty array is false, a NULL array NULL).
	`CREATE MACRO trino_any_match(results) AS CASE
		WHEN results IS NULL THEN NULL
		WHEN list_contains(results, true) THEN true
		WHEN list_count(results) < len(results) THEN NULL
		ELSE false END`,
];
