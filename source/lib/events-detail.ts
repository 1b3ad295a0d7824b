// The event detail as data: a summary a person reads first (who, what, when, from where, outcome)
// and the full record as highlighted JSON lines, or the raw text when the record is not JSON.
import type {TrailEvent} from '../domain/types.js';
import {eventOutcome, formatEventTime, shortEventSource} from './format.js';
import {highlightJson, type JsonLine} from './json-highlight.js';
import {maskKeyId, redactRecord, redactText} from '../domain/redact.js';
import {sanitizeLine, sanitizeMultiline} from './sanitize.js';

export type DetailBody =
	| {kind: 'json'; lines: JsonLine[]; record: unknown}
	/** Lines are already sanitised. */
	| {kind: 'raw'; lines: string[]; note: string}
	| {kind: 'none'; lines: string[]; note: string};

export function detailBody(raw: string | undefined): DetailBody {
	if (raw === undefined || raw === '') {
		return {kind: 'none', lines: [], note: 'The service sent no CloudTrailEvent record for this event.'};
	}

	let record: unknown;
	try {
		record = JSON.parse(raw);
	} catch {
		return {
			kind: 'raw',
			lines: sanitizeMultiline(redactText(raw)).split('\n'),
			note: 'The CloudTrailEvent record is not valid JSON; showing the raw text.',
		};
	}

	const redacted = redactRecord(record);
	return {kind: 'json', lines: highlightJson(redacted), record: redacted};
}

export type SummaryTone = 'ok' | 'error' | 'plain';
export type SummaryRow = {label: string; value: string; tone: SummaryTone};

function field(record: unknown, ...path: string[]): string | undefined {
	let value: unknown = record;
	for (const key of path) {
		if (typeof value !== 'object' || value === null) {
			return undefined;
		}

		value = (value as Record<string, unknown>)[key];
	}

	return typeof value === 'string' && value !== '' ? value : undefined;
}

const join = (...parts: Array<string | undefined>) =>
	parts
		.filter((part): part is string => part !== undefined && part !== '')
		.join(' · ');

/** Six lines; values are sanitised to one line each. `record` is the parsed CloudTrailEvent, if any. */
export function detailSummary(event: TrailEvent, record: unknown): SummaryRow[] {
	const outcome = eventOutcome(event);
	const errorCode = outcome.kind === 'success' ? undefined : outcome.code;
	const errorMessage = outcome.kind === 'success' ? undefined : (outcome.message ?? field(record, 'errorMessage'));
	const rows: SummaryRow[] = [
		{
			label: 'Who',
			value: join(
				event.username ?? field(record, 'userIdentity', 'userName') ?? '(no username)',
				field(record, 'userIdentity', 'type'),
				field(record, 'userIdentity', 'arn'),
			),
			tone: 'plain',
		},
		{label: 'What', value: join(event.name, `${shortEventSource(event.source)} (${event.source})`), tone: 'plain'},
		{
			label: 'When',
			value: `${formatEventTime(event.time, {utc: false})} local · ${formatEventTime(event.time, {utc: true})} UTC`,
			tone: 'plain',
		},
		{
			label: 'From',
			value: join(event.sourceIp ?? field(record, 'sourceIPAddress') ?? '(no source IP)', event.userAgent ?? field(record, 'userAgent')),
			tone: 'plain',
		},
		{
			label: 'Outcome',
			value: errorCode === undefined ? 'success' : join(errorCode, errorMessage),
			tone: errorCode === undefined ? 'ok' : 'error',
		},
		{
			label: 'Event',
			value: join(event.id, event.region ?? field(record, 'awsRegion'), event.accessKeyId ? `key ${maskKeyId(event.accessKeyId)}` : undefined),
			tone: 'plain',
		},
	];
	return rows.map(row => ({...row, value: sanitizeLine(row.value)}));
}
