// An archive result row -> the TrailEvent LookupEvents would have given for the same record, so
// the table, detail view, pivots, summary and export work on archive results unchanged. The row's
// columns (columns.ts, the list the compiler selects) are put back into a CloudTrail record with
// CloudTrail's own keys; Username and Resources are derived from it as LookupEvents derives them.
import {archiveColumns, lakeColumns, type ArchiveColumn, type Shape} from './columns.js';
import {lookupUsername, type IdentityFields} from './identity.js';
import type {ArchiveRow} from './types.js';
import type {EventResource, TrailEvent} from '../types.js';

export type ArchiveRowOptions = {
	/** The account of rows with neither an `account` partition nor a recipient account. */
	account?: string;
	/** What the UI calls an account (its profile name where known); the id otherwise. */
	accountLabel?: (account: string) => string | undefined;
	/** The columns the row holds: Athena's table (the default) or Lake's store (lakeColumns). */
	columns?: readonly ArchiveColumn[];
};

/** The event, or undefined for a row without an event id or a readable time (nothing can key or sort it). */
export function archiveRowToEvent(row: ArchiveRow, options: ArchiveRowOptions = {}): TrailEvent | undefined {
	const id = row['eventid'];
	const time = parseEventTime(row['eventtime']);
	if (id === undefined || id === '' || Number.isNaN(time)) {
		return undefined;
	}

	const identity = parseJson(row['useridentity'])?.value;
	const fields = isObject(identity) ? (identity as IdentityFields & Record<string, unknown>) : undefined;
	const account = present(row['account']) ?? present(row['recipientaccountid']) ?? options.account ?? '';
	return {
		id,
		time: new Date(time),
		name: row['eventname'] ?? '',
		source: row['eventsource'] ?? '',
		username: lookupUsername(fields),
		accessKeyId: typeof fields?.['accesskeyid'] === 'string' ? present(fields['accesskeyid']) : undefined,
		readOnly: row['readonly'] === 'true' ? true : row['readonly'] === 'false' ? false : undefined,
		resources: archiveResources(row['resources']),
		errorCode: present(row['errorcode']),
		errorMessage: present(row['errormessage']),
		sourceIp: present(row['sourceipaddress']),
		userAgent: present(row['useragent']),
		region: present(row['awsregion']),
		raw: JSON.stringify(archiveRecord(row, options.columns)),
		origin: {account, accountLabel: options.accountLabel?.(account) ?? account, region: present(row['region']) ?? present(row['awsregion']) ?? ''},
	};
}

/** A CloudTrail Lake result row (lake.ts's SELECT) as the event LookupEvents would give. */
export function lakeRowToEvent(row: ArchiveRow, options: ArchiveRowOptions = {}): TrailEvent | undefined {
	const time = row['eventtime'];
	return archiveRowToEvent({...row, eventtime: time === undefined ? undefined : cloudTrailTime(time)}, {...options, columns: lakeColumns});
}

/**
 * An event time as milliseconds (NaN when unreadable). ISO text without a zone is UTC, as
 * CloudTrail's times are: Date.parse would read it as local time (Lake's to_iso8601 of a
 * TIMESTAMP may leave the zone out).
 */
export function parseEventTime(text: string | undefined): number {
	if (text === undefined) {
		return Number.NaN;
	}

	return Date.parse(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text) ? `${text}Z` : text);
}

/**
 * LookupEvents' Resources as the archive can give them: the record's `resources` (each ARN and
 * type). CloudTrail derives Event history's list from the request for many more events than the
 * record names resources for; that list is not in the log files, so it cannot be read here.
 */
function archiveResources(text: string | undefined): EventResource[] {
	const parsed = parseJson(text)?.value;
	return Array.isArray(parsed)
		? parsed.filter(isObject).map(item => ({type: typeof item['type'] === 'string' ? item['type'] : undefined, name: typeof item['arn'] === 'string' ? item['arn'] : undefined}))
		: [];
}

/** The row as a CloudTrail record: camelCase keys, JSON text parsed, structs' NULL fields left out. */
export function archiveRecord(row: ArchiveRow, columns: readonly ArchiveColumn[] = archiveColumns): Record<string, unknown> {
	const entries: Array<[string, unknown]> = [];
	const seen = new Set<string>();
	for (const column of columns) {
		const value = row[column.column];
		if (value === undefined || seen.has(column.key)) {
			continue;
		}

		const read = readColumn(column, value);
		// A struct whose every field is NULL says nothing; a record's own `{}` (requestParameters) stays.
		if (read !== undefined && !(column.kind === 'struct' && isEmptyObject(read))) {
			seen.add(column.key);
			entries.push([column.key, read]);
		}
	}

	// fromEntries, so a `__proto__` key is the record's own field, never its prototype.
	return Object.fromEntries(entries);
}

function readColumn(column: ArchiveColumn, value: string): unknown {
	switch (column.kind) {
		case 'text': {
			return value;
		}

		case 'flag': {
			return value === 'true' ? true : value === 'false' ? false : value;
		}

		case 'json': {
			const parsed = parseJson(value);
			return parsed === undefined ? value : parsed.value;
		}

		case 'struct': {
			const parsed = parseJson(value);
			return parsed === undefined || parsed.value === null ? undefined : recordKeys(parsed.value, column.shape);
		}

		case 'map': {
			const parsed = parseJson(value)?.value;
			return isObject(parsed) ? Object.fromEntries(Object.entries(parsed).map(([key, item]) => [key, mapValue(item)])) : undefined;
		}

		case 'time': {
			return cloudTrailTime(value);
		}
	}
}

/**
 * A Lake map's value as the record held it: Lake keeps an object or array as its JSON text, which
 * is parsed back (a string that merely looks like JSON is indistinguishable, and is parsed too).
 */
function mapValue(item: unknown): unknown {
	if (typeof item !== 'string' || !/^[[{]/.test(item)) {
		return item;
	}

	const parsed = parseJson(item)?.value;
	return typeof parsed === 'object' && parsed !== null ? parsed : item;
}

/** CloudTrail's spelling of a time (`2026-01-01T12:00:00Z`), from Lake's to_iso8601 (`…:00.000Z`). */
export function cloudTrailTime(text: string): string {
	const ms = parseEventTime(text);
	if (Number.isNaN(ms)) {
		return text;
	}

	const iso = new Date(ms).toISOString();
	return ms % 1000 === 0 ? iso.replace(/\.000Z$/, 'Z') : iso;
}

/** A struct's JSON with the record's spelling of each known field; NULL fields and then-empty structs dropped. */
function recordKeys(value: unknown, shape: Shape | undefined): unknown {
	if (Array.isArray(value)) {
		// A NULL element (a resource with no fields) would read as the text "null" locally.
		return value.filter(item => item !== null).map(item => recordKeys(item, shape));
	}

	if (!isObject(value)) {
		return value;
	}

	const entries: Array<[string, unknown]> = [];
	for (const [name, item] of Object.entries(value)) {
		const field = shape?.[name];
		const read = item === null ? undefined : field?.map ? item : recordKeys(item, field?.fields);
		if (read !== undefined && !isEmptyObject(read)) {
			entries.push([field?.key ?? name, read]);
		}
	}

	return Object.fromEntries(entries);
}

function parseJson(text: string | undefined): {value: unknown} | undefined {
	if (text === undefined || text === '') {
		return undefined;
	}

	try {
		return {value: JSON.parse(text) as unknown};
	} catch {
		return undefined;
	}
}

function isEmptyObject(value: unknown): boolean {
	return isObject(value) && Object.keys(value).length === 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function present(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}
