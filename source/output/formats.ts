// Pure formatters for `trailview --output ...`: scripts and pipes get the same events as the UI,
// and nothing any of them print can drive a terminal or a spreadsheet.
import {csvPreset, csvPresetWithOrigin, eventColumn, scriptTable, scriptTableWithOrigin} from '../domain/event-columns.js';
import {eventRow, fitEventTable, measureEvents} from '../domain/event-table.js';
import {eventRecord} from '../domain/record.js';
import {maskKeyId} from '../domain/redact.js';
import type {EventResource, TrailEvent} from '../domain/types.js';
import {safeJsonStringify} from '../lib/safe-json.js';
import {sanitizeLine} from '../lib/sanitize.js';

export type {OutputFormat} from './format-names.js';

/**
 * One event for json/jsonl. Every key is always present (null when unknown) so `jq` filters do not
 * have to guess; `record` is the parsed CloudTrailEvent, or null when it is missing or not a JSON
 * object (domain/record.ts). The raw string is left out: `record` carries the same data.
 */
export type EventJson = {
	id: string;
	time: string | null;
	name: string;
	source: string;
	username: string | null;
	accessKeyId: string | null;
	readOnly: boolean | null;
	/** Only when several accounts or regions are open: the profile name (else the id) it was read with. */
	account?: string | null;
	/** Only when several accounts or regions are open: the account id it was read from. */
	accountId?: string | null;
	region: string | null;
	sourceIp: string | null;
	userAgent: string | null;
	resources: Array<{type: string | null; name: string | null}>;
	errorCode: string | null;
	errorMessage: string | null;
	record: Record<string, unknown> | null;
};

function isoTime(date: Date): string | null {
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The redacted record, or null when there is none or it is not a JSON object. */
function jsonRecord(event: TrailEvent): Record<string, unknown> | null {
	const record = eventRecord(event);
	return record.kind === 'json' ? record.record : null;
}

export function eventToJson(event: TrailEvent): EventJson {
	return {
		id: event.id,
		time: isoTime(event.time),
		name: event.name,
		source: event.source,
		username: event.username ?? null,
		accessKeyId: maskKeyId(event.accessKeyId) ?? null,
		readOnly: event.readOnly ?? null,
		region: event.region ?? null,
		sourceIp: event.sourceIp ?? null,
		userAgent: event.userAgent ?? null,
		resources: event.resources.map((resource: EventResource) => ({type: resource.type ?? null, name: resource.name ?? null})),
		errorCode: event.errorCode ?? null,
		errorMessage: event.errorMessage ?? null,
		record: jsonRecord(event),
	};
}

/**
 * One event for json/jsonl when several accounts or regions are open: eventToJson plus `account`
 * (the profile name, else the id) and `accountId`, before `region` (the record's, else where it was read).
 */
export function eventWithOriginToJson(event: TrailEvent): EventJson {
	const {id, time, name, source, username, accessKeyId, readOnly, region, ...rest} = eventToJson(event);
	return {
		id,
		time,
		name,
		source,
		username,
		accessKeyId,
		readOnly,
		account: event.origin?.accountLabel ?? null,
		accountId: event.origin?.account ?? null,
		region: region ?? event.origin?.region ?? null,
		...rest,
	};
}

/**
 * One event as one line of JSON. safeJsonStringify escapes what JSON.stringify leaves raw (C1
 * controls, bidi controls, U+2028/2029), so the data survives exactly but never as raw bytes.
 */
export function eventToJsonLine(event: TrailEvent, origins = false): string {
	return safeJsonStringify(origins ? eventWithOriginToJson(event) : eventToJson(event));
}

// --- CSV -------------------------------------------------------------------------------------
// Rows end in LF, not RFC 4180's CRLF: this output is for pipes, and `grep`, `cut`, `wc -l` and
// `while read` all want LF, while Excel, LibreOffice, Python's csv and csv-parse read LF fine.
// Cells are sanitised to one line (sanitizeLine), so every record is exactly one physical line.

const csvCatalogue = csvPreset.map(id => eventColumn(id));
const csvCatalogueWithOrigin = csvPresetWithOrigin.map(id => eventColumn(id));

/** The CSV header: field names of the catalogue's CSV preset, the same as the JSON keys. */
export const csvColumns: readonly string[] = csvCatalogue.map(column => column.field);

/** Leading characters that make Excel/Sheets/LibreOffice evaluate a cell as a formula. */
const formulaTrigger = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: a cell a spreadsheet would run as a formula gets a leading `'` (OWASP's
 * advice; it also hits negative numbers, which costs little here), then fields holding `"`, `,`,
 * CR or LF are quoted with inner quotes doubled.
 */
export function csvCell(value: string): string {
	const inert = formulaTrigger.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** The header row, without a line end; `origins` (several accounts or regions) adds account and accountId. */
export function csvHeader(origins = false): string {
	return (origins ? csvCatalogueWithOrigin : csvCatalogue).map(column => csvCell(column.field)).join(',');
}

/** One event as a CSV row matching csvHeader(origins), without a line end. Times are ISO 8601 UTC. */
export function eventToCsvRow(event: TrailEvent, origins = false): string {
	return (origins ? csvCatalogueWithOrigin : csvCatalogue).map(column => csvCell(sanitizeLine(column.value(event)))).join(',');
}

// --- Table -----------------------------------------------------------------------------------

/**
 * Aligned columns sized to the data (display-width aware, cells sanitised to one line) under a
 * header line, with the same fitting as the screen (domain/event-table.ts). Without `maxWidth`
 * nothing is truncated; with it (a TTY's columns) the event name keeps its full length before
 * less important columns grow, and the least important drop. `utc` defaults to true: scripts want
 * stable, zone-free times, and the header says `TIME (UTC)`. Ends with a newline; trailing spaces
 * are trimmed from each line. `origins` (several accounts or regions open) adds ACCOUNT and REGION.
 */
export function formatTable(events: TrailEvent[], options: {maxWidth?: number; utc?: boolean; origins?: boolean} = {}): string {
	const utc = options.utc ?? true;
	const measure = measureEvents(options.origins ? scriptTableWithOrigin : scriptTable, events);
	let table = fitEventTable(measure, {utc, ...(options.maxWidth === undefined ? {} : {maxWidth: options.maxWidth})});
	if (table.layout.length === 0) {
		// Narrower than even the time column: better to wrap than to print nothing.
		table = fitEventTable(measure, {utc});
	}

	const lines = [table.header, ...events.map(event => eventRow(table, event))].map(line => line.trimEnd());
	return `${lines.join('\n')}\n`;
}
