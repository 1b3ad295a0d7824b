import {describe, expect, it} from 'vitest';
import {compileTerms, globMatch} from '../../../source/domain/query/match.js';
import {parseQuery} from '../../../source/domain/query/parse.js';
import type {TrailEvent} from '../../../source/domain/types.js';
import {makeEvent} from '../../helpers/fakes.js';

function matcher(text: string): (event: TrailEvent) => boolean {
	const result = parseQuery(text);
	if (!result.ok) {
		throw new Error(result.error.message);
	}

	return compileTerms(result.query.terms);
}

const events = [
	makeEvent(0, {id: 'a', name: 'DeleteBucket', username: 'alice', source: 's3.amazonaws.com', sourceIp: '10.0.0.5', errorCode: undefined, raw: JSON.stringify({recipientAccountId: '111122223333', requestParameters: {bucketName: 'logs'}, additionalEventData: {MFAUsed: 'No'}})}),
	makeEvent(1, {id: 'b', name: 'CreateUser', username: 'bob', source: 'iam.amazonaws.com', sourceIp: '192.168.1.10', errorCode: 'AccessDenied', resources: [{type: 'AWS::IAM::User', name: 'mallory'}], raw: JSON.stringify({recipientAccountId: '444455556666', additionalEventData: {MFAUsed: 'Yes'}})}),
	makeEvent(2, {id: 'c', name: 'StopLogging', username: 'jane doe', source: 'cloudtrail.amazonaws.com', sourceIp: '100.1.1.1', errorCode: undefined, userAgent: 'console.amazonaws.com', region: 'eu-west-1', raw: undefined}),
	makeEvent(3, {id: 'd', name: 'DeleteTrail', username: undefined, source: 'cloudtrail.amazonaws.com', sourceIp: undefined, errorCode: 'TrailNotFoundException', resources: []}),
];

/** The ids of the events the query keeps, in order. */
const kept = (text: string) => events.filter(matcher(text)).map(event => event.id);

describe('globMatch', () => {
	it.each([
		['Delete*', 'DeleteBucket', true],
		['Delete*', 'delete', false],
		['*Bucket', 'DeleteBucket', true],
		['Put*Policy', 'PutBucketPolicy', true],
		['Put*Policy', 'PutBucketPolicyX', false],
		['*', '', true],
		['a*b*c', 'aXbYc', true],
		['a*b*c', 'acb', false],
		['10.*', '10.0.0.5', true],
		['10.*', '100.1.1.1', false],
		['exact', 'exact', true],
		['**x', 'x', true],
	])('%s against %s is %s', (pattern, text, expected) => {
		expect(globMatch(pattern, text)).toBe(expected);
	});

	it('answers quickly on patterns that make a backtracking regex hang', () => {
		const text = 'a'.repeat(20_000);
		expect(globMatch('*a*a*a*a*a*a*a*a*a*a*b', text)).toBe(false);
	});
});

describe('compileTerms', () => {
	it('matches exact values case-sensitively, as the service does', () => {
		expect(kept('user:alice')).toEqual(['a']);
		expect(kept('user:Alice')).toEqual([]);
		expect(kept('user:"jane doe"')).toEqual(['c']);
		expect(kept('event:Delete')).toEqual([]);
	});

	it('matches wildcards anywhere in the value', () => {
		expect(kept('event:Delete*')).toEqual(['a', 'd']);
		expect(kept('ip:10.*')).toEqual(['a']);
		expect(kept('source:*trail*')).toEqual(['c', 'd']);
		expect(kept('resource:*')).toEqual(['a', 'b', 'c']);
	});

	it('reads each field from its own place', () => {
		expect(kept('source:iam')).toEqual(['b']);
		expect(kept('type:AWS::IAM::User')).toEqual(['b']);
		expect(kept('resource:mallory')).toEqual(['b']);
		expect(kept('id:c')).toEqual(['c']);
		expect(kept('key:AKIAIOSFODNN7EXAMPLE')).toEqual(['a', 'b', 'c', 'd']);
		expect(kept('agent:console.amazonaws.com')).toEqual(['c']);
		expect(kept('region:eu-west-1')).toEqual(['c']);
		expect(kept('account:444455556666')).toEqual(['b']);
		expect(kept('error:AccessDenied')).toEqual(['b']);
	});

	it('keeps any error for error:any, and only successes for -error:any', () => {
		expect(kept('error:any')).toEqual(['b', 'd']);
		expect(kept('-error:any')).toEqual(['a', 'c']);
	});

	it('reads a repeated field as either value, and different fields as both', () => {
		expect(kept('event:StopLogging event:DeleteTrail')).toEqual(['c', 'd']);
		expect(kept('event:StopLogging event:DeleteTrail error:any')).toEqual(['d']);
		expect(kept('event:Delete* event:CreateUser -user:alice')).toEqual(['b', 'd']);
	});

	it('excludes with each negated term, an absent value counting as no match', () => {
		expect(kept('-user:alice')).toEqual(['b', 'c', 'd']);
		expect(kept('-user:alice -user:bob')).toEqual(['c', 'd']);
		expect(kept('-ip:10.*')).toEqual(['b', 'c', 'd']);
	});

	it('matches record paths, repeated paths as either', () => {
		expect(kept('additionalEventData.MFAUsed:No')).toEqual(['a']);
		expect(kept('requestParameters.bucketName:logs')).toEqual(['a']);
		expect(kept('additionalEventData.MFAUsed:No additionalEventData.MFAUsed:Yes')).toEqual(['a', 'b']);
		expect(kept('-additionalEventData.MFAUsed:No')).toEqual(['b', 'c', 'd']);
		expect(kept('recipientAccountId:1111*')).toEqual(['a']);
	});

	it('finds bare words case-insensitively in name, user, source, resources, IP and error code only', () => {
		expect(kept('delete')).toEqual(['a', 'd']);
		expect(kept('ALICE')).toEqual(['a']);
		expect(kept('iam.amazon')).toEqual(['b']);
		expect(kept('mallory')).toEqual(['b']);
		expect(kept('192.168')).toEqual(['b']);
		expect(kept('notfound')).toEqual(['d']);
		expect(kept('us-east-1')).toEqual([]);
		expect(kept('console.amazonaws')).toEqual([]);
		expect(kept('delete trail')).toEqual(['d']);
		expect(kept('-delete')).toEqual(['b', 'c']);
		expect(kept('del*bucket')).toEqual(['a']);
	});

	it('keeps everything with no terms', () => {
		expect(kept('')).toEqual(['a', 'b', 'c', 'd']);
	});
});
