// The table's compact events (issue 13) read exactly like the service's: every field, and the
// record byte for byte, whatever it holds, however many pages were packed since.
import {describe, expect, it} from 'vitest';
import {compactEvents} from '../../source/domain/compact-events.js';
import {eventRecord} from '../../source/domain/record.js';
import {pathValues} from '../../source/domain/query/fields.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {makeEvent} from '../helpers/fakes.js';

const fields = (event: TrailEvent) => ({
	id: event.id,
	time: event.time,
	name: event.name,
	source: event.source,
	username: event.username,
	accessKeyId: event.accessKeyId,
	readOnly: event.readOnly,
	resources: event.resources,
	errorCode: event.errorCode,
	errorMessage: event.errorMessage,
	sourceIp: event.sourceIp,
	userAgent: event.userAgent,
	region: event.region,
	raw: event.raw,
	origin: event.origin,
});

const records = [
	JSON.stringify({eventName: 'PutObject', userAgent: 'aws-cli/2.15.0', requestParameters: {bucketName: 'logs'}}),
	'{"eventName":"Ünïcödé ✓ 日本語 🚀","note":"\\u0000 and \\u001b[31m escaped"}',
	'not json at all',
	'',
	undefined,
	`{"big":"${'x'.repeat(200_000)}"}`,
	// A lone surrogate, which UTF-8 cannot carry.
	`{"eventName":"half \uD83D pair"}`,
	'\uFEFF{"eventName":"after a byte order mark"}',
];

describe('compactEvents', () => {
	it('keeps every field and the record exactly', () => {
		const origin = {account: '111111111111', accountLabel: 'prod', region: 'eu-west-1'};
		const events = records.map((raw, index) =>
			makeEvent(index, {raw, origin, errorCode: index === 2 ? 'AccessDenied' : undefined, errorMessage: index === 2 ? 'no' : undefined, resources: index === 3 ? [] : [{type: 'AWS::S3::Bucket', name: undefined}]}),
		);
		const compact = compactEvents(events);
		expect(compact.map(event => fields(event))).toEqual(events.map(event => fields(event)));
		expect(compact.map(event => event.raw)).toEqual(records);
		expect(compactEvents([])).toEqual([]);
	});

	it('reads records right after many other pages were packed and read', () => {
		const pages = Array.from({length: 30}, (_, page) =>
			compactEvents(Array.from({length: 20}, (_, index) => makeEvent(page * 20 + index, {raw: JSON.stringify({page, index, pad: 'é'.repeat(index)})}))),
		);
		for (const page of pages) {
			expect(page[7]!.raw).toBe(JSON.stringify({page: pages.indexOf(page), index: 7, pad: 'é'.repeat(7)}));
		}

		// Backwards and in a scattered order too, so no block is read only from a warm cache.
		for (let page = 29; page >= 0; page -= 7) {
			expect(JSON.parse(pages[page]![19]!.raw!)).toEqual({page, index: 19, pad: 'é'.repeat(19)});
		}
	});

	it('serves the detail view and path queries from the packed record', () => {
		const raw = JSON.stringify({eventName: 'CreateUser', requestParameters: {userName: 'mallory'}, userIdentity: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE'}});
		const [event] = compactEvents([makeEvent(1, {raw})]);
		expect(pathValues(event!, ['requestParameters', 'userName'])).toEqual(['mallory']);
		const record = eventRecord(event!);
		expect(record.kind).toBe('json');
		// Redacted as ever: the key id is masked in what is shown.
		expect(JSON.stringify(record)).not.toContain('AKIAIOSFODNN7EXAMPLE');
	});

	it('shares equal resource lists between events instead of copying them', () => {
		const resources = () => [{type: 'AWS::IAM::Role', name: 'arn:aws:iam::111111111111:role/deployer'}];
		const [a, b, c] = compactEvents([makeEvent(1, {resources: resources()}), makeEvent(2, {resources: resources()}), makeEvent(3, {resources: []})]);
		expect(a!.resources).toBe(b!.resources);
		expect(a!.resources).toEqual(resources());
		expect(c!.resources).toEqual([]);
	});
});
