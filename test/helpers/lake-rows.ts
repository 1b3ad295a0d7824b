// Rows of a CloudTrail Lake event data store for tests, made from the archive's typed rows
// (archive-rows.ts) so both sources are checked on the same events: typed as Lake holds them (for
// the evaluator: maps as objects of strings, eventtime as epoch milliseconds, readonly BOOLEAN) and
// as GetQueryResults returns lake.ts's SELECT (maps and structs as JSON text, to_iso8601 times).
import {lakeColumns} from '../../source/domain/archive/columns.js';
import type {ArchiveRow} from '../../source/domain/archive/types.js';
import type {TypedRow} from './athena-eval.js';

const mapColumns = new Set(lakeColumns.filter(column => column.kind === 'map').map(column => column.column));

/** The same event in Lake's schema; no partitions (account and region are plain columns there). */
export function lakeTypedRow(row: TypedRow): TypedRow {
	const {account: _account, region: _region, timestamp: _timestamp, ...rest} = row;
	const lake: TypedRow = {...rest};
	lake['eventtime'] = Date.parse(String(row['eventtime']));
	lake['readonly'] = row['readonly'] === 'true' ? true : row['readonly'] === 'false' ? false : null;
	for (const column of mapColumns) {
		lake[column] = lakeMap(row[column]);
	}

	return lake;
}

/**
 * A JSON object as Lake's MAP<VARCHAR,VARCHAR>: strings as they are, numbers and booleans as their
 * JSON text, objects and arrays as JSON text, null as NULL. Anything but an object has no map.
 */
function lakeMap(text: unknown): Record<string, string | null> | null {
	if (typeof text !== 'string') {
		return null;
	}

	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}

	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return null;
	}

	return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item === null ? null : typeof item === 'string' ? item : JSON.stringify(item)]));
}

/**
 * The row as GetQueryResults returns lake.ts's SELECT. `zone` says how to_iso8601 spells the time:
 * Trino leaves the zone out for a TIMESTAMP without one, which the converter must read as UTC.
 */
export function lakeResultRow(row: TypedRow, zone: 'Z' | '' = 'Z'): ArchiveRow {
	const result: ArchiveRow = {};
	for (const column of lakeColumns) {
		const value = row[column.column];
		if (value === null || value === undefined) {
			result[column.column] = undefined;
		} else if (column.kind === 'struct' || column.kind === 'map') {
			result[column.column] = JSON.stringify(value);
		} else if (column.kind === 'time') {
			result[column.column] = new Date(Number(value)).toISOString().replace(/Z$/, zone);
		} else {
			result[column.column] = String(value);
		}
	}

	return result;
}
