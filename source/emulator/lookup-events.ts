// LookupEvents with CloudTrail's rules: one lookup attribute, exact case-sensitive match,
// inclusive time range within the last 90 days, 1..50 per page, newest first, and NextTokens that
// only work with the parameters that produced them.
//
// A NextToken is a position, not an offset: it holds the last event sent (time, then arrival
// order) and the next page starts just past it. CloudTrail does not document its token's contents,
// but its advice for late delivery (events reach Event history minutes after their event time, so
// re-query a trailing window and de-duplicate by EventId) is what a position gives: an event
// delivered while a run is paging sorts into place, so one older than the position appears once on
// a later page of that run, and one newer than it (or at its second: late arrivals sort first
// there) only in the next run. Nothing repeats within a run and nothing is lost from the next.
import {ApiError} from './errors.js';
import {positionAfter, type EventStore} from './event-store.js';
import type {RequestContext} from './request-context.js';
import {openToken, sealToken} from './tokens.js';
import type {StoredEvent} from './types.js';

const attributeKeys = new Set(['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId']);
const insightKeys = new Set(['EventId', 'EventName', 'EventSource']);
const ninetyDays = 90 * 86_400_000;

/** Seconds since the epoch (what the SDK and the CLI send) or an ISO string; undefined when absent. */
function timeParameter(value: unknown, name: string): number | undefined {
	if (value === undefined || value === null) {
		return undefined;
	}

	const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
	if (!Number.isFinite(ms)) {
		throw new ApiError('SerializationException', `Could not parse ${name} as a timestamp`);
	}

	return ms;
}

type Attribute = {key: string; value: string};

function attributeParameter(value: unknown, insight: boolean): Attribute | undefined {
	if (value === undefined || value === null) {
		return undefined;
	}

	if (!Array.isArray(value)) {
		throw new ApiError('SerializationException', 'LookupAttributes must be a list');
	}

	if (value.length === 0) {
		return undefined;
	}

	if (value.length > 1) {
		throw new ApiError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
	}

	const [first] = value as unknown[];
	const entry = typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
	const key = entry['AttributeKey'];
	const attributeValue = entry['AttributeValue'];
	if (typeof key !== 'string' || !(insight ? insightKeys : attributeKeys).has(key)) {
		throw new ApiError('InvalidLookupAttributesException', `The attribute key ${String(key)} is not valid.`);
	}

	if (typeof attributeValue !== 'string' || attributeValue.length === 0 || attributeValue.length > 2000) {
		throw new ApiError('InvalidLookupAttributesException', 'The attribute value must be between 1 and 2000 characters.');
	}

	return {key, value: attributeValue};
}

function matches(event: StoredEvent, attribute: Attribute | undefined): boolean {
	if (!attribute) {
		return true;
	}

	const {value} = attribute;
	switch (attribute.key) {
		case 'EventId': {
			return event.id === value;
		}

		case 'EventName': {
			return event.name === value;
		}

		case 'ReadOnly': {
			return String(event.readOnly) === value;
		}

		case 'Username': {
			return event.username === value;
		}

		case 'ResourceType': {
			return event.resources.some(resource => resource.type === value);
		}

		case 'ResourceName': {
			return event.resources.some(resource => resource.name === value);
		}

		case 'EventSource': {
			return event.source === value;
		}

		case 'AccessKeyId': {
			return event.accessKeyId === value;
		}

		default: {
			return false;
		}
	}
}

function toWire(event: StoredEvent): Record<string, unknown> {
	return {
		EventId: event.id,
		EventName: event.name,
		ReadOnly: String(event.readOnly),
		...(event.accessKeyId === undefined ? {} : {AccessKeyId: event.accessKeyId}),
		EventTime: event.timeMs / 1000,
		EventSource: event.source,
		...(event.username === undefined ? {} : {Username: event.username}),
		Resources: event.resources.map(resource => ({ResourceType: resource.type, ResourceName: resource.name})),
		CloudTrailEvent: event.cloudTrailEvent(),
	};
}

export function lookupEvents(context: RequestContext, input: Record<string, unknown>, store: EventStore): Record<string, unknown> {
	const maxResults = input['MaxResults'] ?? 50;
	if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 50) {
		throw new ApiError('InvalidMaxResultsException', 'Value for MaxResults is invalid. It must be between 1 and 50.');
	}

	const category = input['EventCategory'];
	if (category !== undefined && category !== null && category !== 'insight') {
		throw new ApiError('InvalidEventCategoryException', `Event category ${String(category)} is not valid.`);
	}

	const insight = category === 'insight';
	const attribute = attributeParameter(input['LookupAttributes'], insight);
	const start = timeParameter(input['StartTime'], 'StartTime');
	const end = timeParameter(input['EndTime'], 'EndTime');
	if (start !== undefined && end !== undefined && start > end) {
		throw new ApiError('InvalidTimeRangeException', 'Start time must be before end time.');
	}

	// MaxResults is left out of the binding: a client may change its page size between pages.
	const binding = JSON.stringify(['LookupEvents', context.principal.accountId, context.region, attribute, start, end, insight]);
	const events = insight ? [] : store.events(context.principal.accountId, context.region);
	let index = 0;
	if (input['NextToken'] !== undefined && input['NextToken'] !== null) {
		const position = typeof input['NextToken'] === 'string' ? openToken(input['NextToken'], binding) : undefined;
		if (typeof position?.['t'] !== 'number' || typeof position['s'] !== 'number') {
			throw new ApiError('InvalidNextTokenException', 'Invalid NextToken');
		}

		index = positionAfter(events, position['t'], position['s']);
	}

	const oldest = Math.max(context.now.getTime() - ninetyDays, start ?? Number.NEGATIVE_INFINITY);
	const page: StoredEvent[] = [];
	let more = false;
	for (; index < events.length; index++) {
		const event = events[index]!;
		if (event.timeMs < oldest) {
			break;
		}

		if ((end !== undefined && event.timeMs > end) || !matches(event, attribute)) {
			continue;
		}

		if (page.length === maxResults) {
			more = true;
			break;
		}

		page.push(event);
	}

	const last = page.at(-1);
	return {
		Events: page.map(event => toWire(event)),
		...(more && last ? {NextToken: sealToken({t: last.timeMs, s: last.seq}, binding)} : {}),
	};
}
