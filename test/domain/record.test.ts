import {describe, expect, it} from 'vitest';
import {eventRecord, parseRecord, recordString} from '../../source/domain/record.js';
import {makeEvent} from '../helpers/fakes.js';

describe('parseRecord', () => {
	it('returns the object, or undefined for anything that is not a JSON object', () => {
		expect(parseRecord('{"a":1}')).toEqual({a: 1});
		for (const raw of [undefined, '', 'not json', '{truncated', '"a string"', 'null', '[1,2]', '42']) {
			expect(parseRecord(raw)).toBeUndefined();
		}
	});
});

describe('eventRecord', () => {
	const assumeRole = {
		eventName: 'AssumeRole',
		userIdentity: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE'},
		responseElements: {credentials: {sessionToken: 'IQoJb3JpZ2luX2VjEJr', accessKeyId: 'ASIAQWERTYUIOPASDFGH'}},
	};

	it('is the redacted record, parsed once per event', () => {
		const event = makeEvent(0, {raw: JSON.stringify(assumeRole)});
		const first = eventRecord(event);
		expect(first.kind).toBe('json');
		const text = JSON.stringify(first);
		expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
		expect(text).not.toContain('IQoJb3JpZ2luX2VjEJr');
		expect(text).toContain('AKIA…MPLE');
		expect(eventRecord(event)).toBe(first);
	});

	it('keeps text that is not a JSON object, redacted, and says why', () => {
		const broken = `${JSON.stringify(assumeRole).slice(0, -2)}`;
		const record = eventRecord(makeEvent(0, {raw: broken}));
		expect(record).toMatchObject({kind: 'text', reason: 'invalid-json'});
		expect(record.kind === 'text' ? record.text : '').not.toContain('IQoJb3JpZ2luX2VjEJr');
		expect(eventRecord(makeEvent(0, {raw: '[1]'}))).toEqual({kind: 'text', text: '[1]', reason: 'not-an-object'});
		expect(eventRecord(makeEvent(0, {raw: undefined}))).toEqual({kind: 'none'});
	});
});

describe('recordString', () => {
	it('reads nested string fields and nothing else', () => {
		const record = {userIdentity: {type: 'IAMUser', arn: ''}, count: 3};
		expect(recordString(record, 'userIdentity', 'type')).toBe('IAMUser');
		expect(recordString(record, 'userIdentity', 'arn')).toBeUndefined();
		expect(recordString(record, 'count')).toBeUndefined();
		expect(recordString(record, 'count', 'deeper')).toBeUndefined();
		expect(recordString(undefined, 'a')).toBeUndefined();
	});
});
