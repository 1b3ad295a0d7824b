// The CloudTrailEvent record: the one parser every part of the app uses. Records come from many
// services and versions, so nothing here assumes any field exists, and what the UI or a script
// shows of a record is always the redacted copy (redact.ts).
import {RecentCache} from '../lib/bounded-cache.js';
import {redactRecord, redactText} from './redact.js';
import type {TrailEvent} from './types.js';

export type RecordObject = Record<string, unknown>;

/**
 * The record as an object, or undefined when it is missing, not JSON, or JSON but not an object.
 * Not redacted: for reading fields (services/events.ts fills TrailEvent from it), never for display.
 */
export function parseRecord(raw: string | undefined): RecordObject | undefined {
	const parsed = parseJson(raw);
	return parsed !== undefined && isObject(parsed.value) ? parsed.value : undefined;
}

export type EventRecord =
	| {kind: 'json'; record: RecordObject}
	/** The service sent text that is not a JSON object; `text` is redacted but not sanitised. */
	| {kind: 'text'; text: string; reason: 'invalid-json' | 'not-an-object'}
	| {kind: 'none'};

// Parsing and redacting a large record costs far more than looking it up, and the detail view,
// its summary and the JSON output all ask for the same one. Only the last few: one per event would
// hold a parsed copy of every record a person opened among 100,000 loaded rows.
const cache = new RecentCache<TrailEvent, EventRecord>(64);

/** The event's record, redacted, parsed the first time anything asks for it. */
export function eventRecord(event: TrailEvent): EventRecord {
	let found = cache.get(event);
	if (found === undefined) {
		found = readRecord(event.raw);
		cache.set(event, found);
	}

	return found;
}

function readRecord(raw: string | undefined): EventRecord {
	if (raw === undefined || raw === '') {
		return {kind: 'none'};
	}

	const parsed = parseJson(raw);
	if (parsed !== undefined && isObject(parsed.value)) {
		return {kind: 'json', record: redactRecord(parsed.value) as RecordObject};
	}

	return {kind: 'text', text: redactText(raw), reason: parsed === undefined ? 'invalid-json' : 'not-an-object'};
}

/** A string field of the record (`path` into nested objects), or undefined when absent, empty or not a string. */
export function recordString(record: RecordObject | undefined, ...path: string[]): string | undefined {
	let value: unknown = record;
	for (const key of path) {
		if (!isObject(value)) {
			return undefined;
		}

		value = value[key];
	}

	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `{value}` for any JSON text (`null` included), undefined for no text or text that is not JSON. */
function parseJson(raw: string | undefined): {value: unknown} | undefined {
	if (typeof raw !== 'string' || raw === '') {
		return undefined;
	}

	try {
		return {value: JSON.parse(raw) as unknown};
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is RecordObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
