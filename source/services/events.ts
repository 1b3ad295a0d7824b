// SDK Event -> TrailEvent, and the CloudTrailEvent JSON helpers. Only type imports from the SDK,
// so the detail view and the JSON output can use parseRecord without loading the SDK.
import type {Event} from '@aws-sdk/client-cloudtrail';
import type {LookupAttributeKey, TrailEvent} from '../domain/types.js';

/**
 * The CloudTrailEvent string as an object, or undefined when it is missing, not JSON, or not a JSON
 * object. Records come from many services and versions, so nothing here assumes any field exists.
 */
export function parseRecord(raw: string | undefined): Record<string, unknown> | undefined {
	if (typeof raw !== 'string' || raw === '') {
		return undefined;
	}

	try {
		const value: unknown = JSON.parse(raw);
		return isObject(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

export function toTrailEvent(event: Event): TrailEvent | undefined {
	// An event without id or time cannot be keyed or sorted; the service always sends both.
	if (!event.EventId || !(event.EventTime instanceof Date)) {
		return undefined;
	}

	const record = parseRecord(event.CloudTrailEvent);
	return {
		id: event.EventId,
		time: event.EventTime,
		name: event.EventName ?? stringField(record, 'eventName') ?? '',
		source: event.EventSource ?? stringField(record, 'eventSource') ?? '',
		username: event.Username ?? undefined,
		accessKeyId: event.AccessKeyId ?? undefined,
		readOnly: event.ReadOnly === 'true' ? true : event.ReadOnly === 'false' ? false : undefined,
		resources: (event.Resources ?? []).map((resource) => ({
			type: resource.ResourceType ?? undefined,
			name: resource.ResourceName ?? undefined,
		})),
		errorCode: stringField(record, 'errorCode'),
		errorMessage: stringField(record, 'errorMessage'),
		sourceIp: stringField(record, 'sourceIPAddress'),
		userAgent: stringField(record, 'userAgent'),
		region: stringField(record, 'awsRegion'),
		raw: event.CloudTrailEvent ?? undefined,
	};
}

/** The service filters on one attribute (ReadOnly); any other is applied here, exact and case-sensitive as the service does. */
export function matchesAttribute(event: TrailEvent, attribute: {key: LookupAttributeKey; value: string} | undefined): boolean {
	if (attribute === undefined) {
		return true;
	}

	const {key, value} = attribute;
	switch (key) {
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
			return event.resources.some((resource) => resource.type === value);
		}

		case 'ResourceName': {
			return event.resources.some((resource) => resource.name === value);
		}

		case 'EventSource': {
			return event.source === value;
		}

		case 'AccessKeyId': {
			return event.accessKeyId === value;
		}
	}
}

function stringField(record: Record<string, unknown> | undefined, key: string): string | undefined {
	const value = record?.[key];
	return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
