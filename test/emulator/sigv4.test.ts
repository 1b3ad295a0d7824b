import {describe, expect, it} from 'vitest';
import {canonicalRequest, expectedSignature, parseAuthorization, verifySignature} from '../../source/emulator/sigv4.js';

// The "get-vanilla" case of AWS's published SigV4 test suite.
const vanilla = {
	header: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
	headers: new Map([
		['host', ['example.amazonaws.com']],
		['x-amz-date', ['20150830T123600Z']],
	]),
	secret: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

describe('SigV4 verifier', () => {
	it('parses the credential scope and signed headers', () => {
		expect(parseAuthorization(vanilla.header)).toEqual({
			accessKeyId: 'AKIDEXAMPLE',
			date: '20150830',
			region: 'us-east-1',
			service: 'service',
			signedHeaders: ['host', 'x-amz-date'],
			signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
		});
		expect(parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service, Signature=x')).toBeUndefined();
		expect(parseAuthorization('Bearer abc')).toBeUndefined();
	});

	it('reproduces the published get-vanilla canonical request and signature', () => {
		const auth = parseAuthorization(vanilla.header)!;
		const input = {method: 'GET', url: '/', headers: vanilla.headers, body: Buffer.alloc(0), auth};
		expect(canonicalRequest(input)).toBe(
			'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
		);
		expect(expectedSignature({...input, secretAccessKey: vanilla.secret}, '20150830T123600Z')).toBe(auth.signature);
		expect(verifySignature({...input, secretAccessKey: vanilla.secret})).toBeUndefined();
		expect(verifySignature({...input, secretAccessKey: `${vanilla.secret}x`})).toBe('');
	});

	it('rejects a scope date that does not match X-Amz-Date, and an unsigned Host', () => {
		const auth = parseAuthorization(vanilla.header)!;
		const headers = new Map(vanilla.headers);
		headers.set('x-amz-date', ['20150831T123600Z']);
		expect(verifySignature({method: 'GET', url: '/', headers, body: Buffer.alloc(0), auth, secretAccessKey: vanilla.secret})).toMatch(/Date in Credential scope/);
		const noHost = {...auth, signedHeaders: ['x-amz-date']};
		expect(verifySignature({method: 'GET', url: '/', headers: vanilla.headers, body: Buffer.alloc(0), auth: noHost, secretAccessKey: vanilla.secret})).toMatch(/Host/);
	});
});
