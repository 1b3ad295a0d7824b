// Service errors and how each protocol puts them on the wire. The SDK reads the code from the
// `x-amzn-ErrorType` header or `__type` (JSON) and from <Error><Code> (STS query/XML).

export class ApiError extends Error {
	readonly code: string;
	readonly status: number;
	/** More members of the error shape (Athena's AthenaErrorCode, TooManyRequestsException's Reason). */
	readonly extra: Readonly<Record<string, string>>;

	constructor(code: string, message: string, status = defaultStatus(code), extra: Record<string, string> = {}) {
		super(message);
		this.code = code;
		this.status = status;
		this.extra = extra;
	}
}

// The AWS common-errors table: authentication and authorization failures are 403, throttling 400.
const forbiddenCodes = new Set([
	'AccessDenied',
	'AccessDeniedException',
	'UnrecognizedClientException',
	'InvalidSignatureException',
	'MissingAuthenticationTokenException',
	'MissingAuthenticationToken',
	'InvalidClientTokenId',
	'SignatureDoesNotMatch',
	'IncompleteSignature',
	'IncompleteSignatureException',
]);

export function defaultStatus(code: string): number {
	if (forbiddenCodes.has(code)) {
		return 403;
	}

	if (code === 'ServiceUnavailable' || code === 'ServiceUnavailableException') {
		return 503;
	}

	if (code === 'InternalFailure' || code === 'InternalError' || code === 'InternalServerError') {
		return 500;
	}

	return 400;
}

/** The same failure named the way each protocol names it (CloudTrail JSON vs STS XML). */
export const authErrors = {
	missing: {
		json: ['MissingAuthenticationTokenException', 'Missing Authentication Token'],
		xml: ['MissingAuthenticationToken', 'Request is missing Authentication Token'],
	},
	incomplete: {
		json: ['IncompleteSignatureException', 'Authorization header requires Credential, SignedHeaders and Signature.'],
		xml: ['IncompleteSignature', 'Authorization header requires Credential, SignedHeaders and Signature.'],
	},
	unknownKey: {
		json: ['UnrecognizedClientException', 'The security token included in the request is invalid.'],
		xml: ['InvalidClientTokenId', 'The security token included in the request is invalid.'],
	},
	badSignature: {
		json: [
			'InvalidSignatureException',
			'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
		],
		xml: [
			'SignatureDoesNotMatch',
			'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
		],
	},
	expired: {
		json: ['ExpiredTokenException', 'The security token included in the request is expired'],
		xml: ['ExpiredToken', 'The security token included in the request is expired'],
	},
} as const;

export type AuthFailure = keyof typeof authErrors;

export function authError(failure: AuthFailure, protocol: 'json' | 'xml', detail?: string): ApiError {
	const [code, message] = authErrors[failure][protocol];
	return new ApiError(code, detail ?? message);
}

export function escapeXml(text: string): string {
	return text.replaceAll(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`);
}

/** CloudTrail spells the member `message`; Athena and Glue spell it `Message`. */
export function jsonErrorBody(error: ApiError, messageKey: 'message' | 'Message' = 'message'): string {
	return JSON.stringify({__type: error.code, [messageKey]: error.message, ...error.extra});
}

export function xmlErrorBody(error: ApiError, requestId: string): string {
	const type = error.status >= 500 ? 'Receiver' : 'Sender';
	return (
		'<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
		`  <Error>\n    <Type>${type}</Type>\n    <Code>${escapeXml(error.code)}</Code>\n` +
		`    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n` +
		`  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
	);
}
