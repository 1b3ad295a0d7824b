import {describe, expect, it} from 'vitest';
import {toTrailviewError} from '../../source/services/errors.js';
import {maxAttempts, MAX_ATTEMPTS} from '../../source/services/client.js';

/** What the SDK throws for an error status whose body is not JSON. */
function unreadable(status: number, contentType: string, snippet: string): Error {
	const error = Object.assign(new SyntaxError(`Unexpected token '<', "${snippet}"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`), {
		$metadata: {httpStatusCode: status},
	});
	Object.defineProperty(error, '$response', {value: {statusCode: status, headers: {'content-type': contentType}}, enumerable: false});
	return error;
}

describe('answers that are not from AWS', () => {
	it('without an endpoint override, names the region\'s CloudTrail endpoint and suspects a proxy', () => {
		const error = toTrailviewError(unreadable(503, 'text/html', '<html><bo'), {operation: 'cloudtrail:DescribeTrails', region: 'eu-west-1'});
		expect(error.message).toBe('DescribeTrails: the CloudTrail endpoint for eu-west-1 answered HTTP 503 with an HTML page — it may not implement this operation.');
		expect(error.hint).toMatch(/proxy/);
	});

	it('recognises an HTML page by its text when the content type is missing', () => {
		const error = toTrailviewError(unreadable(500, '', '<!doctype '), {operation: 'cloudtrail:LookupEvents', endpoint: 'http://127.0.0.1:5000'});
		expect(error.message).toContain('answered HTTP 500 with an HTML page');
	});

	it('a 501 with an AWS-shaped body is still "not supported"', () => {
		const error = toTrailviewError(Object.assign(new Error('nope'), {name: 'NotImplemented', $metadata: {httpStatusCode: 501}}), {
			operation: 'cloudtrail:LookupEvents',
			endpoint: 'http://127.0.0.1:5000',
		});
		expect(error.message).toBe('LookupEvents: not supported by this endpoint (http://127.0.0.1:5000 answered HTTP 501).');
	});

	it('keeps an unreadable 200 and a real AWS 500 as they were', () => {
		expect(toTrailviewError(unreadable(200, 'application/x-amz-json-1.1', '{"Events'), {operation: 'cloudtrail:LookupEvents'}).message).toBe(
			'The service sent a response trailview could not read.',
		);
		const internal = Object.assign(new Error('oops'), {name: 'InternalFailure', $metadata: {httpStatusCode: 500}});
		expect(toTrailviewError(internal).message).toBe('The service had an internal error (HTTP 500, InternalFailure).');
	});
});

describe('AWS_MAX_ATTEMPTS', () => {
	it('sets the SDK\'s tries per request, as in the AWS CLI; anything else keeps the default', () => {
		expect(maxAttempts({AWS_MAX_ATTEMPTS: '1'})).toBe(1);
		expect(maxAttempts({AWS_MAX_ATTEMPTS: ' 8 '})).toBe(8);
		for (const value of [undefined, '', '0', '-1', 'many', '2.5']) {
			expect(maxAttempts({AWS_MAX_ATTEMPTS: value})).toBe(MAX_ATTEMPTS);
		}
	});
});
