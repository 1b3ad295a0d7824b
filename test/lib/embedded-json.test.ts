import {describe, expect, it} from 'vitest';
import {decodeEmbedded, embeddedLimits} from '../../source/lib/embedded-json.js';
import {highlightJson} from '../../source/lib/json-highlight.js';
import {detailBody} from '../../source/lib/events-detail.js';
import {jsonLinesToText} from '../helpers/json-lines.js';
import {makeEvent} from '../helpers/fakes.js';

const policy = {
	Version: '2012-10-17',
	Statement: [
		{Sid: 'ReadAssets', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::assets/*'},
		{Sid: 'NoTrailChanges', Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'], Resource: '*'},
	],
};
const dangerous = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;

function decodedText(record: unknown): string {
	const body = detailBody(makeEvent(0, {raw: JSON.stringify(record)}), {decode: true});
	if (body.kind !== 'json') {
		throw new Error(`a ${body.kind} body`);
	}

	return jsonLinesToText(body.lines);
}

describe('decodeEmbedded', () => {
	it('decodes a JSON object or array held in a string, compact or pretty-printed', () => {
		expect(decodeEmbedded(JSON.stringify(policy))).toEqual({value: policy, encoding: 'json'});
		expect(decodeEmbedded(`\n  ${JSON.stringify(policy, null, 4)}\n`)).toEqual({value: policy, encoding: 'json'});
		expect(decodeEmbedded('[{"a":1},2]')).toEqual({value: [{a: 1}, 2], encoding: 'json'});
		expect(decodeEmbedded('{}')).toEqual({value: {}, encoding: 'json'});
	});

	it('decodes URL-encoded JSON, with %20 or + for spaces', () => {
		const text = JSON.stringify(policy, null, 2);
		expect(decodeEmbedded(encodeURIComponent(text))).toEqual({value: policy, encoding: 'url'});
		expect(decodeEmbedded(new URLSearchParams({p: text}).toString().slice(2))).toEqual({value: policy, encoding: 'url'});
		// Lower-case escapes and encoded whitespace before the brace.
		expect(decodeEmbedded('%0a%20%7b%22a%22%3a%22b+c%22%7d')).toEqual({value: {a: 'b c'}, encoding: 'url'});
	});

	it('leaves every other string alone, and never throws', () => {
		for (const text of ['', 'hello', '42', 'null', 'true', '"quoted"', '{not json', '[1,', '{"a":1} trailing', '%7Bbad', '%7B%22a%22%3A%E0%A4%A%7D', '%', '%ZZ', 'arn:aws:iam::1:policy/{x}', '[redacted]']) {
			expect(() => decodeEmbedded(text)).not.toThrow();
			expect(decodeEmbedded(text), text).toBeUndefined();
		}
	});

	it('leaves huge or deeply nested documents as strings', () => {
		const huge = JSON.stringify({data: 'x'.repeat(embeddedLimits.maxLength)});
		expect(huge.length).toBeGreaterThan(embeddedLimits.maxLength);
		expect(decodeEmbedded(huge)).toBeUndefined();
		expect(decodeEmbedded(encodeURIComponent(huge))).toBeUndefined();
		const fits = JSON.stringify({data: 'x'.repeat(embeddedLimits.maxLength - 20)});
		expect(decodeEmbedded(fits)?.encoding).toBe('json');

		const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
		expect(decodeEmbedded(deep(embeddedLimits.maxDepth))?.encoding).toBe('json');
		expect(decodeEmbedded(deep(embeddedLimits.maxDepth + 1))).toBeUndefined();
		// Deep enough to break a recursive parser or walker: refused, not thrown.
		expect(() => decodeEmbedded(deep(200_000))).not.toThrow();
		expect(decodeEmbedded(deep(200_000))).toBeUndefined();
	});
});

describe('the detail with embedded JSON decoded', () => {
	it('lays a policy document out as nested JSON, marked as decoded, with typed tokens', () => {
		const record = {eventName: 'PutUserPolicy', requestParameters: {userName: 'alice', policyDocument: JSON.stringify(policy)}};
		const text = decodedText(record);
		expect(text).toContain('    "policyDocument": {  (decoded from a JSON string)\n      "Version": "2012-10-17",\n      "Statement": [');
		expect(text).toContain('          "Sid": "NoTrailChanges",\n          "Effect": "Deny",');
		expect(text).not.toContain('\\"');
		const body = detailBody(makeEvent(0, {raw: JSON.stringify(record)}), {decode: true});
		expect(body).toMatchObject({kind: 'json', decoded: 1});
		const lines = body.kind === 'json' ? body.lines : [];
		const keyLine = lines.find(line => line.some(token => token.text === '"policyDocument"'))!;
		expect(keyLine.map(token => token.kind)).toEqual(['punct', 'key', 'punct', 'punct', 'note']);
		const sid = lines.find(line => line.some(token => token.text === '"NoTrailChanges"'))!;
		expect(sid.map(token => token.kind)).toEqual(['punct', 'key', 'punct', 'string', 'punct']);
	});

	it('says when the document was URL-encoded', () => {
		const text = decodedText({requestParameters: {policy: encodeURIComponent(JSON.stringify(policy))}});
		expect(text).toContain('"policy": {  (decoded from a URL-encoded JSON string)');
		expect(text).toContain('"cloudtrail:StopLogging",');
	});

	it('decodes a JSON string inside a decoded one', () => {
		const inner = JSON.stringify({Statement: [{Effect: 'Allow'}]});
		const text = decodedText({requestParameters: {configuration: JSON.stringify({name: 'x', policy: inner})}});
		expect(text).toContain('"configuration": {  (decoded from a JSON string)');
		expect(text).toContain('      "policy": {  (decoded from a JSON string)\n        "Statement": [\n          {\n            "Effect": "Allow"');
	});

	it('shows strings that are not JSON documents, and invalid ones, as strings', () => {
		const text = decodedText({a: '{broken', b: '42', c: 'plain'});
		expect(text).toBe('{\n  "a": "{broken",\n  "b": "42",\n  "c": "plain"\n}');
		const body = detailBody(makeEvent(0, {raw: JSON.stringify({a: '{broken'})}), {decode: true});
		expect(body).toMatchObject({kind: 'json', decoded: 0});
	});

	it('redacts a decoded document and sanitises what it holds', () => {
		const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
		const embedded = JSON.stringify({accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: secret, note: 'evil\u001B]0;pwned\u0007\u202Etext'});
		const text = decodedText({responseElements: {credentials: embedded}});
		expect(text).toContain('"secretAccessKey": "(redacted)"');
		expect(text).not.toContain(secret);
		expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
		expect(text).toContain(String.raw`"note": "evil\u001b]0;pwned\u0007\u202etext"`);
		expect(text).not.toMatch(dangerous);
	});

	it('without decoding, the record is laid out as --output json prints it', () => {
		const record = {requestParameters: {policyDocument: JSON.stringify(policy)}};
		const body = detailBody(makeEvent(0, {raw: JSON.stringify(record)}));
		expect(body.kind === 'json' && jsonLinesToText(body.lines)).toBe(JSON.stringify(record, null, 2));
		expect(jsonLinesToText(highlightJson(record))).toBe(JSON.stringify(record, null, 2));
	});
});
