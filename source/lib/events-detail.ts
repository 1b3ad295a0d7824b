// The event detail as data: a summary a person reads first (who, what, when, from where, outcome)
// and the full record as highlighted JSON lines, or the raw text when the record is not JSON.
import {eventRecord, recordString as field, type RecordObject} from '../domain/record.js';
import {maskKeyId, redactRecord} from '../domain/redact.js';
import type {TrailEvent} from '../domain/types.js';
import {eventOutcome, formatEventTime, shortEventSource} from './format.js';
import {decodeEmbedded, type Embedded} from './embedded-json.js';
import {highlightJson, type JsonLine} from './json-highlight.js';
import {safe, sanitizeLine, sanitizeLines, type SafeText} from './sanitize.js';

export type DetailBody =
	/** `decoded`: how many strings are shown as the JSON document they hold. */
	| {kind: 'json'; lines: JsonLine[]; decoded: number}
	| {kind: 'raw'; lines: SafeText[]; note: SafeText}
	| {kind: 'none'; lines: SafeText[]; note: SafeText};

const rawNote = {
	'invalid-json': safe`The CloudTrailEvent record is not valid JSON; showing the raw text.`,
	'not-an-object': safe`The CloudTrailEvent record is not a JSON object; showing the raw text.`,
} as const;

/**
 * A decoded document is redacted like the record around it: a policy or configuration carried as a
 * string was never seen by the record's redaction, which only walks the record's own fields.
 */
function decodeRedacted(text: string): Embedded | undefined {
	const embedded = decodeEmbedded(text);
	return embedded && {...embedded, value: redactRecord(embedded.value)};
}

/**
 * The record with every string that holds a JSON document carrying a secret replaced by that
 * document redacted (compact JSON, re-encoded if it came URL-encoded): the raw view (`d`) shows
 * strings as they are, and a session token inside a policy-like string must not show there either.
 * Strings without secrets stay exactly as sent.
 */
export function redactEmbeddedStrings(value: unknown, depth = 0): unknown {
	if (depth > 64) {
		return value;
	}

	if (typeof value === 'string') {
		const embedded = decodeEmbedded(value);
		if (!embedded) {
			return value;
		}

		const before = JSON.stringify(embedded.value);
		const redacted = JSON.stringify(redactRecord(embedded.value));
		if (before === redacted) {
			return value;
		}

		return embedded.encoding === 'url' ? encodeURIComponent(redacted) : redacted;
	}

	if (Array.isArray(value)) {
		return value.map(item => redactEmbeddedStrings(item, depth + 1));
	}

	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactEmbeddedStrings(item, depth + 1)]));
	}

	return value;
}

/**
 * The event's record (redacted) as highlighted JSON lines, or its raw text with a note saying why.
 * With `decode`, strings holding JSON documents are shown as those documents (json-highlight.ts).
 */
export function detailBody(event: TrailEvent, options: {decode?: boolean} = {}): DetailBody {
	const record = eventRecord(event);
	switch (record.kind) {
		case 'none': {
			return {kind: 'none', lines: [], note: safe`The service sent no CloudTrailEvent record for this event.`};
		}

		case 'text': {
			return {kind: 'raw', lines: sanitizeLines(record.text), note: rawNote[record.reason]};
		}

		case 'json': {
			const lines = options.decode ? highlightJson(record.record, {decode: decodeRedacted}) : highlightJson(redactEmbeddedStrings(record.record));
			const decoded = options.decode ? lines.filter(line => line.some(token => token.kind === 'note')).length : 0;
			return {kind: 'json', lines, decoded};
		}
	}
}

export type SummaryTone = 'ok' | 'error' | 'plain';
export type SummaryRow = {label: SafeText; value: SafeText; tone: SummaryTone};

const join = (...parts: Array<string | undefined>) =>
	parts
		.filter((part): part is string => part !== undefined && part !== '')
		.join(' · ');

/** Six lines; values are sanitised to one line each. Fields the event lacks come from its (redacted) record. */
export function detailSummary(event: TrailEvent): SummaryRow[] {
	const parsed = eventRecord(event);
	const record: RecordObject | undefined = parsed.kind === 'json' ? parsed.record : undefined;
	const outcome = eventOutcome(event);
	const errorCode = outcome.kind === 'success' ? undefined : outcome.code;
	const errorMessage = outcome.kind === 'success' ? undefined : (outcome.message ?? field(record, 'errorMessage'));
	const rows: Array<{label: SafeText; value: string; tone: SummaryTone}> = [
		{
			label: safe`Who`,
			value: join(
				event.username ?? field(record, 'userIdentity', 'userName') ?? '(no username)',
				field(record, 'userIdentity', 'type'),
				field(record, 'userIdentity', 'arn'),
			),
			tone: 'plain',
		},
		{label: safe`What`, value: join(event.name, `${shortEventSource(event.source)} (${event.source})`), tone: 'plain'},
		{
			label: safe`When`,
			value: `${formatEventTime(event.time, {utc: false})} local · ${formatEventTime(event.time, {utc: true})} UTC`,
			tone: 'plain',
		},
		{
			label: safe`From`,
			value: join(event.sourceIp ?? field(record, 'sourceIPAddress') ?? '(no source IP)', event.userAgent ?? field(record, 'userAgent')),
			tone: 'plain',
		},
		{
			label: safe`Outcome`,
			value: errorCode === undefined ? 'success' : join(errorCode, errorMessage),
			tone: errorCode === undefined ? 'ok' : 'error',
		},
		{
			label: safe`Event`,
			value: join(event.id, event.region ?? field(record, 'awsRegion'), event.accessKeyId ? `key ${maskKeyId(event.accessKeyId)}` : undefined),
			tone: 'plain',
		},
	];
	return rows.map(row => ({...row, value: sanitizeLine(row.value)}));
}
