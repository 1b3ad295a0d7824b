// What each query field reads from an event. Matching, completion, pivots and highlighting all ask
// here, so a field means the same thing wherever it is used.
import {isSecretField} from '../redact.js';
import {RecentCache} from '../../lib/bounded-cache.js';
import {parseRecord, recordString, type RecordObject} from '../record.js';
import type {TrailEvent} from '../types.js';
import {globMatch} from './glob.js';
import type {FieldName} from './types.js';

/** Every named field, in the order completion offers them (the table). */
export const fieldNames: readonly FieldName[] = ['event', 'user', 'source', 'resource', 'type', 'key', 'id', 'ip', 'error', 'agent', 'region', 'account'];

/** The terms that set the time window rather than match events. */
export const timeFieldNames = ['since', 'until'] as const;

/**
 * Top-level record keys accepted without a dot (`readOnly:true`), spelt as records spell them.
 * The dot is what marks a path; these are common enough to be worth typing without one.
 */
export const recordKeys: readonly string[] = [
	'eventType',
	'eventCategory',
	'recipientAccountId',
	'readOnly',
	'managementEvent',
	'sharedEventID',
	'vpcEndpointId',
	'requestID',
	'eventVersion',
	'sessionCredentialFromConsole',
	'apiVersion',
];

const named = new Set<string>(fieldNames);

export function isFieldName(name: string): name is FieldName {
	return named.has(name);
}

/** The event's values for `field`, empty ones left out: what `field:value` is compared with. */
export function fieldValues(event: TrailEvent, field: FieldName): string[] {
	switch (field) {
		case 'event': {
			return present(event.name);
		}

		case 'user': {
			return present(event.username);
		}

		case 'source': {
			return present(event.source);
		}

		case 'resource': {
			return event.resources.flatMap(resource => present(resource.name));
		}

		case 'type': {
			return [...new Set(event.resources.flatMap(resource => present(resource.type)))];
		}

		case 'key': {
			return present(event.accessKeyId);
		}

		case 'id': {
			return present(event.id);
		}

		case 'ip': {
			return present(event.sourceIp);
		}

		case 'error': {
			return present(event.errorCode);
		}

		case 'agent': {
			return present(event.userAgent);
		}

		case 'region': {
			return present(event.region);
		}

		case 'account': {
			// LookupEvents reports no account; the record's recipient is the account the event is about.
			return present(recordString(recordOf(event), 'recipientAccountId'));
		}
	}
}

// A scan tests every event of every page, often against several path terms: parse each record once.
// Only the last few: a cache per event (even a WeakMap) would keep a parsed copy of every record of
// the 100,000 rows a table can hold once a path query or Tab completion had read them, and the terms
// of one query read one event's record one after another. record.ts's own cache holds the redacted
// copy, whose masked key ids would never equal what a person types, so the plain parse is kept here.
const records = new RecentCache<TrailEvent, RecordObject | null>(256);

function recordOf(event: TrailEvent): RecordObject | undefined {
	let found = records.get(event);
	if (found === undefined) {
		found = parseRecord(event.raw) ?? null;
		records.set(event, found);
	}

	return found ?? undefined;
}

/**
 * The values at `path` in the event's record: arrays fan out (`resources.ARN` reads every
 * resource's ARN; a number picks one, `resources.0.ARN`), numbers, booleans and null compare as
 * their JSON text, objects match nothing. A part holding `*` reads every key it matches
 * (`securityGroupRuleSet.items.cidrIp*` reads cidrIpv4 and cidrIpv6), so one path, and so one
 * group of alternatives, can cover fields that differ only in name. Secret-bearing fields (session
 * tokens, secret keys) read as absent, however they are reached, so a query cannot be used to
 * guess one a character at a time.
 */
export function pathValues(event: TrailEvent, path: readonly string[]): string[] {
	let current: unknown[] = [recordOf(event)];
	for (const segment of path) {
		if (isSecretField(segment)) {
			return [];
		}

		const wildcard = segment.includes('*');
		const next: unknown[] = [];
		for (const value of current.flatMap(item => (Array.isArray(item) && !/^\d+$/.test(segment) ? item : [item]))) {
			if (Array.isArray(value)) {
				// Only reached for an index segment.
				if (Number(segment) < value.length) {
					next.push(value[Number(segment)]);
				}
			} else if (typeof value !== 'object' || value === null) {
				continue;
			} else if (wildcard) {
				// Object.keys: own keys only, as hasOwn below.
				for (const key of Object.keys(value)) {
					if (!isSecretField(key) && globMatch(segment, key)) {
						next.push((value as RecordObject)[key]);
					}
				}
			} else if (Object.hasOwn(value, segment)) {
				// hasOwn: `constructor` or `__proto__` must not reach Object's own members.
				next.push((value as RecordObject)[segment]);
			}
		}

		current = next;
	}

	return current.flatMap(value => scalars(value));
}

function scalars(value: unknown): string[] {
	if (typeof value === 'string') {
		return [value];
	}

	if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
		return [JSON.stringify(value)];
	}

	// A path ending on an array compares each of its items: `eventCategory`-like lists of strings.
	return Array.isArray(value) ? value.flatMap(item => (Array.isArray(item) ? [] : scalars(item))) : [];
}

function present(value: string | undefined): string[] {
	return value === undefined || value === '' ? [] : [value];
}
