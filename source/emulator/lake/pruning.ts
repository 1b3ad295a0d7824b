// Which days a CloudTrail Lake statement scans. Lake stores events by time and prunes on
// eventtime, not on account or region (it has no partition columns), so a statement reads every
// event of each day its eventtime conditions can select, and BytesScanned counts those days.
//
// "Can select" is decided from the events themselves: the WHERE clause's top-level AND terms that
// mention eventtime and nothing else (found as Athena's partition pruning finds its terms,
// athena/pruning.ts) are evaluated by DuckDB over the time of every event in the store
// (__lake_times, read from the index without building records), and a day is scanned when at
// least one of its events passes them. So `eventtime >= X AND eventtime < X + 1 day` scans one or
// two days, not the year; a condition on anything else (an OR with another column, a function of
// two columns) cannot prune and the whole store is scanned, as with a real engine's time pruning.
// Over-counting by a day at a window's edge is the honest direction: a file spanning the bound
// would be read whole.
import type {DuckConnection} from '../athena/duckdb.js';
import {partitionFilter, type TableScan} from '../athena/pruning.js';

type Json = Record<string, unknown>;

export const eventTimesList = 'SELECT DISTINCT "timestamp" FROM memory.main.__lake_times';

const timeColumns: ReadonlySet<string> = new Set(['eventtime']);

/**
 * The days (`yyyy/MM/dd`) the scans read, or undefined for every day. `template` is the parsed
 * eventTimesList statement.
 */
export async function scannedDays(connection: DuckConnection, scans: readonly TableScan[], template: Json): Promise<Set<string> | undefined> {
	const days = new Set<string>();
	for (const scan of scans) {
		const filter = partitionFilter(scan, timeColumns, template);
		const select = (filter.statement['statements'] as Json[])[0]!['node'] as Json;
		if (select['where_clause'] === null) {
			return undefined;
		}

		try {
			const text = await connection.runAndReadAll('SELECT json_deserialize_sql($1::JSON)', [JSON.stringify(filter.statement)]);
			const reader = await connection.runAndReadAll(String(text.getRowsJS()[0]?.[0]));
			for (const [day] of reader.getRowsJS()) {
				days.add(String(day));
			}
		} catch {
			// Terms DuckDB cannot evaluate on their own prune nothing; the statement reports its own error.
			return undefined;
		}
	}

	return days;
}
