// The event detail as data: a summary a person reads first (who, what, when, from where, outcome)
// and the full record as highlighted JSON lines, or the raw text when the record is not JSON.
import {eventRecord, recordString as field, type RecordObject} from '../domain/record.js';
import {maskKeyId} from '../domain/redact.js';
import type {TrailEvent} from '../domain/types.js';
import {eventOutcome, formatEventTime, shortEventSource} from './format.js';
import {highlightJson, type JsonLine} from './json-highlight.js';
import {safe, sanitizeLine, sanitizeLines, type SafeText} from './sanitize.js';

export type DetailBody =
	| {kind: 'json'; lines: JsonLine[]}
	| {kind: 'raw'; lines: SafeText[]; note: SafeText}
	| {kind: 'none'; lines: SafeText[]; note: SafeText};

const rawNote = {
	'invalid-json': safe`The CloudTrailEvent record is not valid JSON; showing the raw text.`,
	'not-an-object': safe`The CloudTrailEvent record is not a JSON object; showing the raw text.`,
} as const;

/** The event's record (redacted) as highlighted JSON lines, or its raw text with a note saying why. */
export function detailBody(event: TrailEvent): DetailBody {
	const record = eventRecord(event);
	switch (record.kind) {
		case 'none': {
			return {kind: 'none', lines: [], note: safe`The service sent no CloudTrailEvent record for this event.`};
		}

		case 'text': {
			return {kind: 'raw', lines: sanitizeLines(record.text), note: rawNote[record.reason]};
		}

		case 'json': {
			return {kind: 'json', lines: highlightJson(record.record)};
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
