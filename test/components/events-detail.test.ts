import {describe, expect, test} from 'vitest';
import {detailBody, detailSummary} from '../../source/lib/events-detail.js';
import {makeEvent} from '../helpers/fakes.js';

describe('event detail model', () => {
	test('a JSON record becomes highlighted lines', () => {
		const body = detailBody(makeEvent(0, {raw: JSON.stringify({eventName: 'PutObject', requestParameters: {bucketName: 'b'}})}));
		expect(body.kind).toBe('json');
		if (body.kind === 'json') {
			const text = body.lines.map(line => line.map(token => token.text).join(''));
			expect(text).toEqual(['{', '  "eventName": "PutObject",', '  "requestParameters": {', '    "bucketName": "b"', '  }', '}']);
		}
	});

	test('a malformed record is shown raw, sanitised, with a note', () => {
		const body = detailBody(makeEvent(0, {raw: '{"a": "\u001B]0;x\u0007\nline two'}));
		expect(body.kind).toBe('raw');
		expect(body.lines).toEqual(['{"a": "\\x1b]0;x\\x07', 'line two']);
		expect(body.kind === 'raw' ? body.note : '').toMatch(/not valid JSON/);
	});

	test('JSON that is not an object is shown raw, with a note saying so', () => {
		const body = detailBody(makeEvent(0, {raw: '[1, 2]'}));
		expect(body).toMatchObject({kind: 'raw', lines: ['[1, 2]']});
		expect(body.kind === 'raw' ? body.note : '').toMatch(/not a JSON object/);
	});

	test('no record at all says so', () => {
		expect(detailBody(makeEvent(0, {raw: undefined})).kind).toBe('none');
		expect(detailBody(makeEvent(0, {raw: ''})).kind).toBe('none');
	});

	test('the summary says who, what, when, from where and the outcome', () => {
		const record = {userIdentity: {type: 'AssumedRole', arn: 'arn:aws:sts::1:assumed-role/Admin/alice'}};
		const rows = detailSummary(makeEvent(0, {errorCode: 'AccessDenied', errorMessage: 'no\nway', raw: JSON.stringify(record)}));
		const byLabel = Object.fromEntries(rows.map(row => [row.label, row]));
		expect(byLabel.Who!.value).toBe('user0 · AssumedRole · arn:aws:sts::1:assumed-role/Admin/alice');
		expect(byLabel.What!.value).toBe('PutThing0 · s3 (s3.amazonaws.com)');
		expect(byLabel.When!.value).toMatch(/ local · 2026-11-24 12:00:00 UTC$/);
		expect(byLabel.From!.value).toBe('203.0.113.7 · aws-cli/2.15.0');
		expect(byLabel.Outcome).toEqual({label: 'Outcome', value: 'AccessDenied · no way', tone: 'error'});
	});

	test('a successful call reads as success and falls back to the record for missing fields', () => {
		const record = {sourceIPAddress: '198.51.100.1', userAgent: 'console.amazonaws.com'};
		const rows = detailSummary(makeEvent(0, {sourceIp: undefined, userAgent: undefined, username: undefined, raw: JSON.stringify(record)}));
		const byLabel = Object.fromEntries(rows.map(row => [row.label, row]));
		expect(byLabel.Outcome).toEqual({label: 'Outcome', value: 'success', tone: 'ok'});
		expect(byLabel.From!.value).toBe('198.51.100.1 · console.amazonaws.com');
		expect(byLabel.Who!.value).toBe('(no username)');
	});
});
