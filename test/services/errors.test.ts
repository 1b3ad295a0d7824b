import {describe, expect, it} from 'vitest';
import {toTrailviewError} from '../../source/services/errors.js';
import {redactMessage} from '../../source/domain/redact.js';
import {TrailviewError, type ErrorKind} from '../../source/domain/types.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = `IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD${'A'.repeat(120)}`;
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

function sdkError(name: string, message: string, status = 400): Error {
	return Object.assign(new Error(message), {name, $metadata: {httpStatusCode: status}});
}

function networkError(code: string, extra: Record<string, unknown> = {}): Error {
	return Object.assign(new Error(`${code} something`), {code, ...extra, $metadata: {}});
}

function expectClean(error: TrailviewError): void {
	for (const text of [error.message, error.hint ?? '']) {
		expect(text).not.toContain(SECRET);
		expect(text).not.toContain(SESSION_TOKEN.slice(0, 40));
		expect(text).not.toContain(KEY_ID);
		expect(text).not.toMatch(/\n\s+at /);
	}
}

describe('toTrailviewError kinds', () => {
	const cases: Array<[string, unknown, ErrorKind]> = [
		['ExpiredTokenException', sdkError('ExpiredTokenException', 'The security token included in the request is expired'), 'expired-credentials'],
		['ExpiredToken', sdkError('ExpiredToken', 'The security token included in the request is expired', 403), 'expired-credentials'],
		['RequestExpired', sdkError('RequestExpired', 'Request has expired.'), 'expired-credentials'],
		['UnrecognizedClientException', sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.'), 'invalid-credentials'],
		['InvalidClientTokenId', sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403), 'invalid-credentials'],
		['InvalidSignatureException', sdkError('InvalidSignatureException', 'The request signature we calculated does not match'), 'invalid-credentials'],
		['SignatureDoesNotMatch', sdkError('SignatureDoesNotMatch', 'Check your AWS Secret Access Key and signing method.', 403), 'invalid-credentials'],
		['AccessDenied', sdkError('AccessDenied', 'denied', 403), 'access-denied'],
		['AccessDeniedException', sdkError('AccessDeniedException', 'denied'), 'access-denied'],
		['UnauthorizedOperation', sdkError('UnauthorizedOperation', 'denied', 403), 'access-denied'],
		['ThrottlingException', sdkError('ThrottlingException', 'Rate exceeded'), 'throttled'],
		['TooManyRequests', sdkError('TooManyRequests', 'slow down', 429), 'throttled'],
		['Throttling', sdkError('Throttling', 'Rate exceeded'), 'throttled'],
		['ECONNREFUSED', networkError('ECONNREFUSED', {address: '127.0.0.1', port: 4566}), 'network'],
		['ENOTFOUND', networkError('ENOTFOUND', {hostname: 'cloudtrail.eu-west-1.amazonaws.com'}), 'network'],
		['ETIMEDOUT', networkError('ETIMEDOUT'), 'network'],
		['ECONNRESET', networkError('ECONNRESET'), 'network'],
		['socket hang up', Object.assign(new Error('socket hang up'), {$metadata: {}}), 'network'],
		['TimeoutError', Object.assign(new Error('Connection timed out after 5000 ms'), {name: 'TimeoutError', $metadata: {}}), 'network'],
		['a network error wrapped as cause', Object.assign(new Error('fetch failed'), {cause: networkError('ECONNRESET')}), 'network'],
		['InvalidTimeRangeException', sdkError('InvalidTimeRangeException', 'Start time must be before end time.'), 'invalid-input'],
		['InvalidLookupAttributesException', sdkError('InvalidLookupAttributesException', 'Only one attribute'), 'invalid-input'],
		['InvalidNextTokenException', sdkError('InvalidNextTokenException', 'Invalid token'), 'invalid-input'],
		['InvalidMaxResultsException', sdkError('InvalidMaxResultsException', 'bad'), 'invalid-input'],
		['AbortError', Object.assign(new Error('Request aborted'), {name: 'AbortError'}), 'cancelled'],
		['a deserialization error', Object.assign(new Error('Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), {$response: {statusCode: 200}, $metadata: {httpStatusCode: 200}}), 'service'],
		['InternalFailure', sdkError('InternalFailure', 'oops', 500), 'service'],
		['something unknown', sdkError('WeirdException', 'odd'), 'service'],
		['a thrown string', 'boom', 'service'],
	];

	it.each(cases)('%s', (_label, error, kind) => {
		const mapped = toTrailviewError(error);
		expect(mapped).toBeInstanceOf(TrailviewError);
		expect(mapped.kind).toBe(kind);
		expect(mapped.message.length).toBeGreaterThan(3);
		expect(mapped.message).not.toContain('\n');
	});
});

describe('toTrailviewError messages and hints', () => {
	it('returns a TrailviewError unchanged', () => {
		const original = new TrailviewError('throttled', 'x');
		expect(toTrailviewError(original)).toBe(original);
	});

	it('keeps the service code', () => {
		expect(toTrailviewError(sdkError('ThrottlingException', 'Rate exceeded')).code).toBe('ThrottlingException');
	});

	it('tells an SSO user to log in again, naming the profile', () => {
		const error = Object.assign(
			new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'),
			{name: 'CredentialsProviderError'},
		);
		const mapped = toTrailviewError(error, {profile: 'dev-sso'});
		expect(mapped.kind).toBe('expired-credentials');
		expect(mapped.hint).toBe('Run `aws sso login --profile dev-sso`.');
	});

	it('treats a missing SSO token as an expired session', () => {
		const error = Object.assign(new Error('The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run aws sso login'), {
			name: 'TokenProviderError',
		});
		expect(toTrailviewError(error, {profile: 'dev'})).toMatchObject({kind: 'expired-credentials', hint: 'Run `aws sso login --profile dev`.'});
	});

	it('suggests aws sso login for an expired token on an SSO profile', () => {
		const mapped = toTrailviewError(sdkError('ExpiredTokenException', 'expired'), {profile: 'p', profileKind: 'sso'});
		expect(mapped.hint).toContain('aws sso login --profile p');
		const staticProfile = toTrailviewError(sdkError('ExpiredTokenException', 'expired'), {profile: 'p', profileKind: 'static'});
		expect(staticProfile.hint).not.toContain('sso');
	});

	it('says which env vars to set when no credentials exist', () => {
		const error = Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError'});
		const mapped = toTrailviewError(error);
		expect(mapped.kind).toBe('missing-credentials');
		expect(mapped.hint).toContain('AWS_ACCESS_KEY_ID');
		expect(mapped.hint).toContain('AWS_PROFILE');
	});

	it('names a profile that cannot produce credentials', () => {
		const error = Object.assign(new Error('Could not resolve credentials using profile: [ghost] in configuration/credentials file(s).'), {
			name: 'CredentialsProviderError',
		});
		const mapped = toTrailviewError(error, {profile: 'ghost'});
		expect(mapped.kind).toBe('missing-credentials');
		expect(mapped.message).toBe('Profile ghost has no usable credentials.');
		expect(mapped.hint).toContain('aws configure --profile ghost');
	});

	it("shows a failing credential_process's stderr, trimmed, without control characters or secrets", () => {
		const error = Object.assign(
			new Error(`Command failed: /usr/local/bin/get-creds --secret ${SECRET}\n\u001B[31mvault is sealed\u0007\u001B[0m\n  \n`),
			{name: 'CredentialsProviderError'},
		);
		const mapped = toTrailviewError(error, {profile: 'proc'});
		expect(mapped.kind).toBe('missing-credentials');
		expect(mapped.message).toBe('The credential_process for profile proc failed: vault is sealed.');
		expectClean(mapped);
	});

	it('names the operation when access is denied', () => {
		const mapped = toTrailviewError(
			sdkError('AccessDeniedException', 'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: cloudtrail:LookupEvents'),
			{operation: 'cloudtrail:LookupEvents'},
		);
		expect(mapped.message).toMatch(/^Access denied to cloudtrail:LookupEvents\. User: arn:aws:iam::111122223333:user\/bob is not authorized/);
	});

	it('says a region may not exist when its endpoint does not resolve', () => {
		const mapped = toTrailviewError(networkError('ENOTFOUND', {hostname: 'cloudtrail.eu-wset-1.amazonaws.com'}), {region: 'eu-wset-1'});
		expect(mapped.message).toContain('cloudtrail.eu-wset-1.amazonaws.com');
		expect(mapped.message).toContain('region eu-wset-1 may not exist');
	});

	it('names the endpoint that refused the connection', () => {
		const mapped = toTrailviewError(networkError('ECONNREFUSED', {address: '127.0.0.1'}), {endpoint: 'http://127.0.0.1:4566', region: 'eu-west-1'});
		expect(mapped.message).toBe('Could not reach 127.0.0.1 (region eu-west-1): the connection was refused.');
	});

	it('says a malformed response could not be read', () => {
		const mapped = toTrailviewError(Object.assign(new SyntaxError('Unexpected token < in JSON at position 0'), {$metadata: {httpStatusCode: 200}}));
		expect(mapped.kind).toBe('service');
		expect(mapped.message).toBe('The service sent a response trailview could not read.');
	});

	it('never repeats a secret, session token or full access key id from a service message', () => {
		const error = sdkError(
			'InvalidSignatureException',
			`The request signature we calculated does not match. Credential=${KEY_ID}/20240501/eu-west-1 secret=${SECRET} token ${SESSION_TOKEN}`,
		);
		for (const kind of ['InvalidSignatureException', 'AccessDeniedException', 'WeirdException', 'InvalidTimeRangeException']) {
			const mapped = toTrailviewError(Object.assign(error, {name: kind}));
			expectClean(mapped);
		}

		const unknown = toTrailviewError(sdkError('WeirdException', `key ${KEY_ID} and ${SESSION_TOKEN}`));
		expect(unknown.message).toContain('AKIA…MPLE');
		expectClean(unknown);
	});
});

describe('redactMessage', () => {
	it('redacts secrets after telling keys and long base64 runs, masks key ids, keeps ordinary text', () => {
		expect(redactMessage(`aws_secret_access_key = ${SECRET}`)).toBe('aws_secret_access_key = [redacted]');
		expect(redactMessage(`"SessionToken":"abc"`)).toBe('"SessionToken":"[redacted]"');
		expect(redactMessage(`token ${SESSION_TOKEN} end`)).toBe('token [redacted] end');
		expect(redactMessage(`id ${KEY_ID}`)).toBe('id AKIA…MPLE');
		expect(redactMessage('arn:aws:iam::111122223333:role/ReadOnly is fine')).toBe('arn:aws:iam::111122223333:role/ReadOnly is fine');
	});
});
