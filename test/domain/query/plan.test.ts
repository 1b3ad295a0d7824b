import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseQuery} from '../../../source/domain/query/parse.js';
import {apiFields, describePlan, matchesQuery, planQuery} from '../../../source/domain/query/plan.js';
import type {FieldName, Query, QueryPlan} from '../../../source/domain/query/types.js';
import type {TrailEvent} from '../../../source/domain/types.js';
import {fuzz} from '../../fuzz/fuzz.js';
import {makeEvent} from '../../helpers/fakes.js';

const now = new Date('2026-11-24T12:00:00Z');

function query(text: string): Query {
	const result = parseQuery(text);
	if (!result.ok) {
		throw new Error(`${text}: ${result.error.message}`);
	}

	return result.query;
}

const plan = (text: string, writeOnly = true): QueryPlan => planQuery(query(text), {writeOnly, now});

/** The service's order of preference, as the issue states it. */
const order: FieldName[] = ['id', 'key', 'resource', 'user', 'event', 'source', 'type'];
const keys: Record<string, string> = {id: 'EventId', key: 'AccessKeyId', resource: 'ResourceName', user: 'Username', event: 'EventName', source: 'EventSource', type: 'ResourceType'};
const sample: Record<string, string> = {id: 'e-1', key: 'AKIAEXAMPLE', resource: 'logs', user: 'alice', event: 'DeleteBucket', source: 's3.amazonaws.com', type: 'AWS::S3::Bucket'};

describe('planQuery: the one attribute', () => {
	it('lists the supported fields in the issue order', () => {
		expect(apiFields.map(({field}) => field)).toEqual(order);
		expect(Object.fromEntries(apiFields.map(({field, key}) => [field, key]))).toEqual(keys);
	});

	it('sends the first supported field present, for every combination of them, and keeps the rest local', () => {
		// Every subset of the seven fields, in both orders and with local-only terms mixed in.
		for (let mask = 0; mask < 1 << order.length; mask++) {
			const present = order.filter((_, index) => (mask & (1 << index)) !== 0);
			for (const fields of [present, [...present].reverse()]) {
				const terms = fields.map(field => `${field}:${sample[field]!}`);
				const text = ['error:any', ...terms, '-event:Get*', 'ip:10.*'].join(' ');
				const result = plan(text, false);
				const first = order.find(field => present.includes(field));
				expect(result.attribute, text).toEqual(first === undefined ? undefined : {key: keys[first], value: sample[first]});
				expect(result.local, text).toEqual(text.split(' ').filter(term => first === undefined || term !== `${first}:${sample[first]!}`));
			}
		}
	});

	it('sends at most one attribute whatever the query, and ReadOnly=false only when nothing else is sent', () => {
		const term = fc.tuple(fc.boolean(), fc.constantFrom(...order, 'error', 'ip', 'agent'), fc.constantFrom('alice', 'Delete*', 'bob', 'any')).map(([negated, field, value]) => `${negated ? '-' : ''}${field}:${value}`);
		fuzz(
			fc.property(fc.array(term, {maxLength: 8}), fc.boolean(), (terms, writeOnly) => {
				const result = plan(terms.join(' '), writeOnly);
				const attribute = result.attribute;
				if (attribute === undefined) {
					expect(writeOnly).toBe(false);
				} else if (attribute.key === 'ReadOnly') {
					expect(writeOnly).toBe(true);
					expect(result.local).not.toContain('write-only');
				} else {
					expect(result.local.includes('write-only')).toBe(writeOnly);
				}
			}),
			500,
		);
	});

	it('does not send a field given twice with different values, which means either', () => {
		expect(plan('user:alice user:bob event:DeleteBucket').attribute).toEqual({key: 'EventName', value: 'DeleteBucket'});
		expect(plan('user:alice user:bob event:DeleteBucket').local).toEqual(['user:alice', 'user:bob', 'write-only']);
		expect(plan('user:alice user:alice').attribute).toEqual({key: 'Username', value: 'alice'});
		expect(plan('user:alice user:alice', false).local).toEqual([]);
	});

	it('does not send wildcards, negations, or fields the service cannot filter on', () => {
		expect(plan('event:Delete* user:alice', false).attribute).toEqual({key: 'Username', value: 'alice'});
		expect(plan('user:alice user:bob*', false).attribute).toBeUndefined();
		expect(plan('-user:alice event:X', false)).toMatchObject({attribute: {key: 'EventName', value: 'X'}, local: ['-user:alice']});
		expect(plan('error:AccessDenied ip:1.2.3.4 agent:x region:r account:1 a.b:c word', false).attribute).toBeUndefined();
	});

	it('sends the full service name for a short source', () => {
		expect(plan('source:iam', false).attribute).toEqual({key: 'EventSource', value: 'iam.amazonaws.com'});
	});

	it('sends the first attribute a named query brings', () => {
		const result = parseQuery('@who error:any', {named: new Map([['who', 'user:alice']])});
		expect(result.ok && planQuery(result.query, {writeOnly: false, now})).toMatchObject({attribute: {key: 'Username', value: 'alice'}, local: ['error:any']});
	});
});

describe('planQuery: write-only', () => {
	const events: TrailEvent[] = [makeEvent(0, {id: 'w', readOnly: false, username: 'alice'}), makeEvent(1, {id: 'r', readOnly: true, username: 'alice'}), makeEvent(2, {id: 'u', readOnly: undefined, username: 'alice'})];
	const kept = (result: QueryPlan) => events.filter(event => result.matches(event)).map(event => event.id);

	it('asks the service for ReadOnly=false when no other attribute is sent', () => {
		const result = plan('error:any');
		expect(result.attribute).toEqual({key: 'ReadOnly', value: 'false'});
		expect(result.local).toEqual(['error:any']);
		expect(plan('').attribute).toEqual({key: 'ReadOnly', value: 'false'});
		expect(plan('').filtersLocally).toBe(false);
	});

	it('filters read-only events locally when another attribute is sent, keeping events whose kind is unknown', () => {
		const result = plan('user:alice');
		expect(result.attribute).toEqual({key: 'Username', value: 'alice'});
		expect(result.local).toEqual(['write-only']);
		expect(result.filtersLocally).toBe(true);
		expect(kept(result)).toEqual(['w', 'u']);
	});

	it('sends nothing and keeps every kind when write-only is off', () => {
		const result = plan('', false);
		expect(result).toMatchObject({attribute: undefined, local: [], filtersLocally: false});
		expect(kept(result)).toEqual(['w', 'r', 'u']);
		expect(kept(plan('user:alice', false))).toEqual(['w', 'r', 'u']);
	});
});

describe('planQuery: local matching and the window', () => {
	const events = [
		makeEvent(0, {id: 'a', username: 'alice', name: 'GetObject', errorCode: 'AccessDenied'}),
		makeEvent(1, {id: 'b', username: 'alice', name: 'PutObject', errorCode: 'AccessDenied'}),
		makeEvent(2, {id: 'c', username: 'alice', name: 'PutObject'}),
		makeEvent(3, {id: 'd', username: 'bob', name: 'PutObject', errorCode: 'AccessDenied'}),
	];

	it('applies every term but the sent one, so the pages the service returns narrow to the query', () => {
		const result = plan('user:alice error:any -event:Get*', false);
		// The service only returns alice's events; of those, the local terms keep b.
		expect(events.filter(event => event.username === 'alice' && result.matches(event)).map(event => event.id)).toEqual(['b']);
		// The sent term is not tested again locally.
		expect(result.matches(events[3]!)).toBe(true);
		expect(events.filter(matchesQuery(query('user:alice error:any -event:Get*'), {writeOnly: false})).map(event => event.id)).toEqual(['b']);
	});

	it('resolves the window once, from the start of the query, and does not filter by it locally', () => {
		const result = plan('since:1h', false);
		expect(result.window).toEqual({start: new Date('2026-11-24T11:00:00Z'), end: now});
		expect(result.matches(makeEvent(0, {time: new Date('2020-01-01T00:00:00Z')}))).toBe(true);
		expect(plan('', false).window.start).toEqual(new Date('2026-08-26T12:00:00Z'));
	});
});

describe('describePlan', () => {
	it('says what goes to the service and what is applied locally', () => {
		expect(describePlan(plan('user:alice error:any -event:Get*', false))).toBe('API Username=alice · local: error:any -event:Get*');
		expect(describePlan(plan('user:alice error:any -event:Get*'))).toBe('API Username=alice · local: error:any -event:Get* write-only');
		expect(describePlan(plan('error:any'))).toBe('API ReadOnly=false · local: error:any');
		expect(describePlan(plan(''))).toBe('API ReadOnly=false');
		expect(describePlan(plan('', false))).toBe('API none');
		expect(describePlan(plan('ip:10.* denied', false))).toBe('API none · local: ip:10.* denied');
		expect(describePlan(plan('user:"jane doe"', false))).toBe('API Username="jane doe"');
	});
});
