// The archive as an events lookup: the same shape the events table reads LookupEvents through, so
// the table, the detail, pivots, the summary and export work on archive rows unchanged. The whole
// query is compiled to SQL (the LookupEvents attribute the table's plan picked is not needed);
// the plan's local filter still runs on every page, which keeps the two sources' answers equal
// where SQL can only approximate.
import type {Query} from '../query/types.js';
import type {LookupOptions, TrailEvent} from '../types.js';
import {compileArchiveQuery} from './compile.js';
import {archiveRowToEvent} from './rows.js';
import type {ArchiveProgress, ArchiveService, ArchiveTable} from './types.js';

/** Without since:, the archive reads this far back: every byte scanned is billed, so start small. */
export const archiveDefaultWindowMs = 7 * 24 * 60 * 60 * 1000;

/** More rows than the table keeps (100,000) is never useful; Athena sorts them all either way. */
export const archiveRowLimit = 100_000;

/**
 * The window the archive reads: the query's, except that without since: it starts 7 days before
 * its end (now, or until:), never at LookupEvents' 90-day default.
 */
export function archiveWindow(query: Pick<Query, 'since'>, window: {start?: Date | undefined; end?: Date | undefined}, now: Date): {start: Date; end: Date} {
	const end = window.end ?? now;
	const start = query.since === undefined || window.start === undefined ? new Date(end.getTime() - archiveDefaultWindowMs) : window.start;
	return {start, end};
}

/** `query` with the window the archive reads when it names none, for titles to say so. */
export function archiveWindowQuery(query: Query): Query {
	return query.since === undefined && query.until === undefined ? {...query, since: {kind: 'ago', ms: archiveDefaultWindowMs, source: '7d'}} : query;
}

export type ArchiveLookupOptions = {
	service: ArchiveService;
	table: ArchiveTable;
	query: Query;
	writeOnly: boolean;
	workgroup: string;
	outputLocation?: string | undefined;
	onProgress?(progress: ArchiveProgress): void;
	now?: () => Date;
};

export type ArchiveLookup = {
	readonly region: string;
	lookupEvents(options: LookupOptions): AsyncIterable<TrailEvent[]>;
};

export function archiveLookup(options: ArchiveLookupOptions): ArchiveLookup {
	const {service, table} = options;
	const now = options.now ?? (() => new Date());
	return {
		region: service.region,
		async *lookupEvents(lookup: LookupOptions) {
			const window = archiveWindow(options.query, lookup, now());
			const compiled = compileArchiveQuery(options.query, {table, window, writeOnly: options.writeOnly, limit: archiveRowLimit});
			const pages = service.runQuery(compiled, {
				database: table.database,
				workgroup: options.workgroup,
				outputLocation: options.outputLocation,
				signal: lookup.signal,
				onProgress: options.onProgress,
			});
			for await (const rows of pages) {
				yield rows.flatMap(row => {
					const event = archiveRowToEvent(row);
					return event ? [event] : [];
				});
			}
		},
	};
}
