// SDK Event -> TrailEvent. Fields LookupEvents does not return
// (error, source IP, user agent, region) are read from the record with the domain's one parser.
import type {Event} from '@aws-sdk/client-cloudtrail';
import {parseRecord, recordString} from '../domain/record.js';
import type {TrailEvent} from '../domain/types.js';

export function toTrailEvent(event: Event): TrailEvent | undefined {
	// An event without id or time cannot be keyed or sorted; the service always sends both.
	if (!event.EventId || !(event.EventTime instanceof Date)) {
		return undefined;
	}

	const record = parseRecord(event.CloudTrailEvent);
	return {
		id: event.EventId,
		time: event.EventTime,
		name: event.EventName ?? recordString(record, 'eventName') ?? '',
		source: event.EventSource ?? recordString(record, 'eventSource') ?? '',
		username: event.Username ?? undefined,
		accessKeyId: event.AccessKeyId ?? undefined,
		readOnly: event.ReadOnly === 'true' ? true : event.ReadOnly === 'false' ? false : undefined,
		resources: (event.Resources ?? []).map((resource) => ({
			type: resource.ResourceType ?? undefined,
			name: resource.ResourceName ?? undefined,
		})),
		errorCode: recordString(record, 'errorCode'),
		errorMessage: recordString(record, 'errorMessage'),
		sourceIp: recordString(record, 'sourceIPAddress'),
		userAgent: recordString(record, 'userAgent'),
		region: recordString(record, 'awsRegion'),
		raw: event.CloudTrailEvent ?? undefined,
	};
}
