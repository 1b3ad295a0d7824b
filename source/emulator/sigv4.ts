// An independent SigV4 verifier (node:crypto only, no SDK code): if the app signed with other
// credentials than the ones the user picked, the signature will not match here.
import {createHash, createHmac, timingSafeEqual} from 'node:crypto';

export type ParsedAuthorization = {
	accessKeyId: string;
	/** yyyymmdd from the credential scope. */
	date: string;
	region: string;
	service: string;
	signedHeaders: string[];
	signature: string;
};

const algorithm = 'AWS4-HMAC-SHA256';

/** undefined when the header is not a complete SigV4 Authorization value. */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
	if (!header.startsWith(`${algorithm} `)) {
		return undefined;
	}

	const fields = new Map<string, string>();
	for (const part of header.slice(algorithm.length + 1).split(',')) {
		const equals = part.indexOf('=');
		if (equals > 0) {
			fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
		}
	}

	const credential = fields.get('Credential')?.split('/');
	const signedHeaders = fields.get('SignedHeaders');
	const signature = fields.get('Signature');
	if (credential?.length !== 5 || credential[4] !== 'aws4_request' || !signedHeaders || !signature) {
		return undefined;
	}

	const [accessKeyId, date, region, service] = credential as [string, string, string, string, string];
	return {accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature};
}

/** Lower-cased header name => every value it was sent with, in order (node merges some, so use rawHeaders). */
export function headerValues(rawHeaders: string[]): Map<string, string[]> {
	const headers = new Map<string, string[]>();
	for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
		const name = rawHeaders[index]!.toLowerCase();
		const values = headers.get(name) ?? [];
		values.push(rawHeaders[index + 1]!);
		headers.set(name, values);
	}

	return headers;
}

/** RFC 3986 encoding, as SigV4 requires (encodeURIComponent leaves !'()* alone). */
function uriEncode(text: string): string {
	return encodeURIComponent(text).replaceAll(/[!'()*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function canonicalUri(rawPath: string): string {
	const path = rawPath === '' ? '/' : rawPath;
	return path
		.split('/')
		.map(segment => uriEncode(safeDecode(segment)))
		.join('/');
}

function canonicalQuery(rawQuery: string): string {
	if (rawQuery === '') {
		return '';
	}

	return rawQuery
		.split('&')
		.filter(Boolean)
		.map(pair => {
			const equals = pair.indexOf('=');
			const key = equals === -1 ? pair : pair.slice(0, equals);
			const value = equals === -1 ? '' : pair.slice(equals + 1);
			return [uriEncode(safeDecode(key)), uriEncode(safeDecode(value))] as const;
		})
		.sort(([keyA, valueA], [keyB, valueB]) => (keyA === keyB ? compare(valueA, valueB) : compare(keyA, keyB)))
		.map(([key, value]) => `${key}=${value}`)
		.join('&');
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function sha256Hex(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
	return createHmac('sha256', key).update(data, 'utf8').digest();
}

export type SignatureInput = {
	method: string;
	/** The request target as sent, e.g. "/" or "/?a=b". */
	url: string;
	headers: Map<string, string[]>;
	body: Buffer;
	auth: ParsedAuthorization;
	secretAccessKey: string;
};

export function canonicalRequest(input: Omit<SignatureInput, 'secretAccessKey'>): string {
	const question = input.url.indexOf('?');
	const rawPath = question === -1 ? input.url : input.url.slice(0, question);
	const rawQuery = question === -1 ? '' : input.url.slice(question + 1);
	const canonicalHeaders = input.auth.signedHeaders
		.map(name => {
			const values = input.headers.get(name) ?? [];
			return `${name}:${values.map(value => value.trim().replaceAll(/\s+/g, ' ')).join(',')}\n`;
		})
		.join('');
	const payloadHash = input.headers.get('x-amz-content-sha256')?.[0] ?? sha256Hex(input.body);
	return [
		input.method,
		canonicalUri(rawPath),
		canonicalQuery(rawQuery),
		canonicalHeaders,
		input.auth.signedHeaders.join(';'),
		payloadHash,
	].join('\n');
}

export function expectedSignature(input: SignatureInput, amzDate: string): string {
	const {auth} = input;
	const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
	const stringToSign = [algorithm, amzDate, scope, sha256Hex(canonicalRequest(input))].join('\n');
	let key = hmac(`AWS4${input.secretAccessKey}`, auth.date);
	key = hmac(key, auth.region);
	key = hmac(key, auth.service);
	key = hmac(key, 'aws4_request');
	return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

/** Why the signature is unacceptable, or undefined when it verifies. */
export function verifySignature(input: SignatureInput): string | undefined {
	const amzDate = input.headers.get('x-amz-date')?.[0];
	if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
		return 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.';
	}

	if (!amzDate.startsWith(input.auth.date)) {
		return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${input.auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`;
	}

	if (!input.auth.signedHeaders.includes('host')) {
		return '\'Host\' must be a \'SignedHeader\' in the AWS Authorization.';
	}

	const expected = Buffer.from(expectedSignature(input, amzDate), 'utf8');
	const given = Buffer.from(input.auth.signature, 'utf8');
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
		return '';
	}

	return undefined;
}
