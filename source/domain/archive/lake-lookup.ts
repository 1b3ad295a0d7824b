// CloudTrail Lake as an events lookup, the same shape archiveLookup gives the events table (so
// the table, detail, pivots, summary and export work on Lake rows unchanged), with the archive's
// default window and row limit: Lake bills the bytes of the days a query's times select.
import type {Query} from '../query/types.js';
import type {LookupOptions} from '../types.js';
import {lakeRowToEvent} from './rows.js';
import {compileLakeQuery} from './lake.js';
import {archiveRowLimit, archiveWindow, type ArchiveLookup} from './lookup.js';
import type {ArchiveProgress, LakeService, LakeStore} from './types.js';

export type LakeLookupOptions = {
	service: LakeService;
	store: LakeStore;
	query: Query;
	writeOnly: boolean;
	onProgress?(progress: ArchiveProgress): void;
	now?: () => Date;
};

export function lakeLookup(options: LakeLookupOptions): ArchiveLookup {
	const {service, store} = options;
	const now = options.now ?? (() => new Date());
	return {
		region: service.region,
		async *lookupEvents(lookup: LookupOptions) {
			const window = archiveWindow(options.query, lookup, now());
			const {statement} = compileLakeQuery(options.query, {store, window, writeOnly: options.writeOnly, limit: archiveRowLimit});
			const pages = service.runQuery(statement, {
				...(lookup.signal ? {signal: lookup.signal} : {}),
				...(options.onProgress ? {onProgress: options.onProgress} : {}),
			});
			for await (const rows of pages) {
				yield rows.flatMap(row => {
					const event = lakeRowToEvent(row);
					return event ? [event] : [];
				});
			}
		},
	};
}
