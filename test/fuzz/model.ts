// What the outputs promise, written out independently of the code that keeps the promise: the
// record as parsed from the raw text with secrets replaced and key ids masked, each event as JSON,
// each event as CSV cells.
import {REDACTED} from '../../source/domain/redact.js';
import {maskAccessKeyId} from '../../source/domain/mask.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {sanitizeLine} from '../../source/lib/sanitize.js';

const secretKeys = new Set(['sessiontoken', 'secretaccesskey', 'secretkey', 'password', 'token']);

/** A copy of parsed JSON with secrets replaced and key ids masked; own keys kept as own keys, `__proto__` too. */
export function redactedCopy(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => redactedCopy(item));
	}

	if (typeof value !== 'object' || value === null) {
		return value;
	}

	const copy: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		const lower = key.toLowerCase();
		const shown = typeof field === 'string' && secretKeys.has(lower) ? REDACTED : typeof field === 'string' && lower === 'accesskeyid' ? maskAccessKeyId(field) : redactedCopy(field);
		Object.defineProperty(copy, key, {value: shown, enumerable: true, writable: true, configurable: true});
	}

	return copy;
}

/** The record as the outputs must show it, or null when the raw text is not a JSON object. */
export function expectedRecord(raw: string | undefined): unknown {
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw ?? '');
	} catch {
		return null;
	}

	return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? redactedCopy(parsed) : null;
}

const isoTime = (date: Date) => (Number.isNaN(date.getTime()) ? null : date.toISOString());
const maskedKey = (id: string | undefined) => (id === undefined || id === '' ? null : maskAccessKeyId(id));

/** One event of `--output json`/`jsonl`: every field exactly as the event holds it (no sanitising: JSON escapes). */
export function expectedJson(event: TrailEvent): unknown {
	return {
		id: event.id,
		time: isoTime(event.time),
		name: event.name,
		source: event.source,
		username: event.username ?? null,
		accessKeyId: maskedKey(event.accessKeyId),
		readOnly: event.readOnly ?? null,
		region: event.region ?? null,
		sourceIp: event.sourceIp ?? null,
		userAgent: event.userAgent ?? null,
		resources: event.resources.map(resource => ({type: resource.type ?? null, name: resource.name ?? null})),
		errorCode: event.errorCode ?? null,
		errorMessage: event.errorMessage ?? null,
		record: expectedRecord(event.raw),
	};
}

export const csvFields = ['time', 'id', 'name', 'source', 'username', 'accessKeyId', 'region', 'sourceIp', 'userAgent', 'resources', 'errorCode', 'errorMessage'];

/**
 * One event's CSV cells once parsed back: each value on one line (whitespace runs folded, controls
 * escaped: sanitizeLine), and a leading `'` on a cell a spreadsheet would run as a formula.
 */
export function expectedCsvCells(event: TrailEvent): string[] {
	const values = [
		isoTime(event.time) ?? '',
		event.id,
		event.name,
		event.source,
		event.username ?? '',
		maskedKey(event.accessKeyId) ?? '',
		event.region ?? '',
		event.sourceIp ?? '',
		event.userAgent ?? '',
		event.resources.map(resource => resource.name ?? '').filter(name => name !== '').join('; '),
		event.errorCode ?? '',
		event.errorMessage ?? '',
	];
	return values.map(value => {
		const line = sanitizeLine(value);
		return /^[=+\-@]/.test(line) ? `'${line}` : line;
	});
}

/** Stable text for comparing parsed JSON: own keys in order, `__proto__` included. */
export const canonical = (value: unknown) => JSON.stringify(value);
