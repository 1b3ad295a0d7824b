import {describe, expect, it} from 'vitest';
import {
	eventOutcome,
	formatEventTime,
	msUntilRelativeChange,
	formatRelative,
	mainResource,
	outcomeLabel,
	shortEventSource,
	shortenArn,
} from '../../source/lib/format.js';
import type {TrailEvent} from '../../source/domain/types.js';

function event(overrides: Partial<TrailEvent> = {}): TrailEvent {
	return {
		id: 'e1',
		time: new Date('2026-11-24T13:05:09Z'),
		name: 'RunInstances',
		source: 'ec2.amazonaws.com',
		username: 'alice',
		accessKeyId: undefined,
		readOnly: false,
		resources: [],
		errorCode: undefined,
		errorMessage: undefined,
		sourceIp: undefined,
		userAgent: undefined,
		region: 'eu-west-1',
		raw: undefined,
		...overrides,
	};
}

describe('formatEventTime', () => {
	it('formats UTC as YYYY-MM-DD HH:mm:ss', () => {
		expect(formatEventTime(new Date('2026-11-24T13:05:09.987Z'), {utc: true})).toBe('2026-11-24 13:05:09');
		expect(formatEventTime(new Date('2026-01-02T03:04:05Z'), {utc: true})).toBe('2026-01-02 03:04:05');
	});

	it('formats local time from the local fields', () => {
		const date = new Date(2026, 10, 24, 1, 2, 3);
		expect(formatEventTime(date, {utc: false})).toBe('2026-11-24 01:02:03');
	});

	it('does not throw on an invalid date', () => {
		expect(formatEventTime(new Date(Number.NaN), {utc: true})).toBe('invalid date');
	});
});

describe('formatRelative', () => {
	const now = new Date('2026-11-24T12:00:00Z');
	const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

	it.each([
		[0, 'just now'],
		[4.9, 'just now'],
		[5, '5 s ago'],
		[59, '59 s ago'],
		[60, '1 min ago'],
		[3 * 60 + 59, '3 min ago'],
		[3600, '1 h ago'],
		[2 * 3600 + 1800, '2 h ago'],
		[24 * 3600, '1 d ago'],
		[4 * 86_400 + 3600, '4 d ago'],
		[-30, 'just now'],
	])('%d seconds ago is %j', (seconds, expected) => {
		expect(formatRelative(ago(seconds), now)).toBe(expected);
	});
});

describe('mainResource', () => {
	it('is "" without resources or names', () => {
		expect(mainResource(event())).toBe('');
		expect(mainResource(event({resources: [{type: 'AWS::EC2::Instance', name: undefined}]}))).toBe('');
	});

	it('uses the first named resource and shortens ARNs', () => {
		expect(mainResource(event({resources: [{type: 'x', name: ''}, {type: 'AWS::IAM::Role', name: 'arn:aws:iam::123456789012:role/Admin'}]}))).toBe('role/Admin');
		expect(mainResource(event({resources: [{type: 'AWS::S3::Bucket', name: 'arn:aws:s3:::my-bucket'}]}))).toBe('my-bucket');
		expect(mainResource(event({resources: [{type: 'AWS::EC2::Instance', name: 'i-0abc'}]}))).toBe('i-0abc');
	});
});

describe('shortenArn / shortEventSource', () => {
	it('keeps the resource part of ARNs, including colons inside it', () => {
		expect(shortenArn('arn:aws:lambda:us-east-1:123456789012:function:my-fn:3')).toBe('function:my-fn:3');
		expect(shortenArn('arn:aws-cn:s3:::bucket/a/b')).toBe('bucket/a/b');
		expect(shortenArn('not-an-arn')).toBe('not-an-arn');
		expect(shortenArn('arn:aws:iam::123:')).toBe('arn:aws:iam::123:');
	});

	it('drops .amazonaws.com', () => {
		expect(shortEventSource('iam.amazonaws.com')).toBe('iam');
		expect(shortEventSource('custom.example')).toBe('custom.example');
	});
});

describe('eventOutcome', () => {
	it('tells success, denial and other errors apart', () => {
		expect(eventOutcome(event())).toEqual({kind: 'success'});
		expect(eventOutcome(event({errorCode: 'AccessDenied', errorMessage: 'no'}))).toEqual({kind: 'denied', code: 'AccessDenied', message: 'no'});
		expect(eventOutcome(event({errorCode: 'Client.UnauthorizedOperation'})).kind).toBe('denied');
		expect(eventOutcome(event({errorCode: 'AccessDeniedException'})).kind).toBe('denied');
		expect(eventOutcome(event({errorCode: 'ThrottlingException'}))).toEqual({kind: 'error', code: 'ThrottlingException', message: undefined});
		expect(eventOutcome(event({errorMessage: 'odd'}))).toEqual({kind: 'error', code: 'Error', message: 'odd'});
	});

	it('labels the error column with the code', () => {
		expect(outcomeLabel(eventOutcome(event()))).toBe('');
		expect(outcomeLabel(eventOutcome(event({errorCode: 'NoSuchBucket'})))).toBe('NoSuchBucket');
	});
});

describe('msUntilRelativeChange', () => {
	const now = new Date('2026-11-24T12:00:00.000Z');
	const ago = (ms: number) => new Date(now.getTime() - ms);

	it('wakes when the text would change: each second in the first minute, then each minute, hour, day', () => {
		expect(msUntilRelativeChange([ago(12_300)], now)).toBe(700);
		expect(msUntilRelativeChange([ago(3 * 60_000 + 15_000)], now)).toBe(45_000);
		expect(msUntilRelativeChange([ago(2 * 3_600_000 + 600_000)], now)).toBe(3_000_000);
		expect(msUntilRelativeChange([ago(3 * 86_400_000)], now)).toBe(86_400_000);
	});

	it('takes the soonest of several times and skips missing ones', () => {
		expect(msUntilRelativeChange([ago(10 * 60_000 + 1000), undefined, ago(7500)], now)).toBe(500);
		expect(msUntilRelativeChange([ago(2500)], now)).toBe(2500);
		expect(msUntilRelativeChange([undefined], now)).toBeUndefined();
		expect(msUntilRelativeChange([], now)).toBeUndefined();
	});

	it('agrees with formatRelative: the text is the same just before the wake and different at it', () => {
		for (const age of [1200, 4999, 59_500, 61_000, 3_599_000, 7_300_000]) {
			const date = ago(age);
			const wait = msUntilRelativeChange([date], now)!;
			const before = formatRelative(date, new Date(now.getTime() + wait - 1));
			const at = formatRelative(date, new Date(now.getTime() + wait));
			expect(before).toBe(formatRelative(date, now));
			expect(at).not.toBe(before);
		}
	});
});
