// The error names and codes each kind of failure comes as, from the SDK, STS, SSO and Node's
// network stack: data for errors.ts, which maps them to one TrailviewError with its fix.

export const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
export const INVALID_CREDENTIALS = new Set([
	'UnrecognizedClientException',
	'InvalidClientTokenId',
	'InvalidSignatureException',
	'SignatureDoesNotMatch',
	'IncompleteSignature',
	'IncompleteSignatureException',
	'InvalidAccessKeyId',
	'AuthFailure',
]);
export const ACCESS_DENIED = new Set([
	'AccessDenied',
	'AccessDeniedException',
	'UnauthorizedOperation',
	'OperationNotPermittedException',
	'NotAuthorized',
]);
export const THROTTLED = new Set([
	'ThrottlingException',
	'Throttling',
	'TooManyRequests',
	'TooManyRequestsException',
	'RequestLimitExceeded',
	'ThrottledException',
	'SlowDown',
]);
export const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'ETIMEDOUT',
	'ECONNRESET',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ECONNABORTED',
	'EPIPE',
]);
export const INVALID_INPUT = new Set([
	'InvalidTimeRangeException',
	'InvalidLookupAttributesException',
	'InvalidNextTokenException',
	'InvalidMaxResultsException',
	'InvalidEventCategoryException',
	'InvalidParameterException',
	'InvalidParameterCombinationException',
	'InvalidTrailNameException',
	'TrailNotFoundException',
	'UnsupportedOperationException',
	'ValidationException',
	'ValidationError',
	'InvalidParameterValue',
]);
