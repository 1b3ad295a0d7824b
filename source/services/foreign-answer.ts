// Answers that did not come from an AWS service: an emulator that lacks the operation (moto serves
// an HTML error page with HTTP 500 for LookupEvents), a proxy's error page, an empty 502. The SDK
// reports those as a JSON syntax error or "UnknownError", which says nothing useful; this names
// the operation, the endpoint, the HTTP status and what came back instead. SDK-free, duck-typed.

/** The parts of errors.ts's ErrorContext used here (not imported: errors.ts imports this module). */
type ErrorContext = {operation?: string; region?: string; endpoint?: string};

type Answered = {
	name?: unknown;
	message?: unknown;
	$metadata?: {httpStatusCode?: unknown};
	/** The SDK's hidden raw response, when it kept one. */
	$response?: unknown;
};

export type ForeignAnswer = {message: string; hint: string};

/**
 * An error status whose body the SDK could not read as an AWS error, or any 501 (Not Implemented);
 * undefined for anything else.
 */
export function foreignAnswer(error: Answered, context: ErrorContext): ForeignAnswer | undefined {
	const status = typeof error.$metadata?.httpStatusCode === 'number' ? error.$metadata.httpStatusCode : undefined;
	const name = typeof error.name === 'string' ? error.name : undefined;
	const message = typeof error.message === 'string' ? error.message : '';
	const unreadable = name === 'SyntaxError' || /Deserialization error|is not valid JSON|Unexpected (token|end of JSON)/i.test(message);
	const empty = name === 'Unknown' && message === 'UnknownError';
	if (status === undefined || status < 300 || !(unreadable || empty || status === 501)) {
		return undefined;
	}

	const body = empty ? ' with an empty body' : !unreadable ? '' : isHtml(error, message) ? ' with an HTML page' : ' with a body that is not an AWS error';
	const answered = `answered HTTP ${status}${body}`;
	if (status === 501) {
		return unsupported(context, answered);
	}

	return {
		message: `${operationName(context)}: ${where(context)} ${answered} — it may not implement this operation.`,
		hint: fix(context),
	};
}

/** An endpoint that says it does not know the operation (HTTP 501, UnknownOperationException). */
export function unsupported(context: ErrorContext, answered: string): ForeignAnswer {
	const at = context.endpoint === undefined ? where(context) : context.endpoint;
	return {message: `${operationName(context)}: not supported by this endpoint (${at} ${answered}).`, hint: fix(context)};
}

function isHtml(error: Answered, message: string): boolean {
	const headers = typeof error.$response === 'object' && error.$response !== null ? (error.$response as {headers?: unknown}).headers : undefined;
	const type = typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>)['content-type'] : undefined;
	return (typeof type === 'string' && /html/i.test(type)) || /["'`]\s*<(!doctype|html|head|body|title|h1|p)\b/i.test(message);
}

/** "cloudtrail:LookupEvents" → "LookupEvents". */
function operationName(context: ErrorContext): string {
	return context.operation?.split(':').at(-1) ?? 'The request';
}

function where(context: ErrorContext): string {
	if (context.endpoint !== undefined) {
		return `the endpoint at ${context.endpoint}`;
	}

	const service = context.operation?.startsWith('sts:') ? 'STS' : 'CloudTrail';
	return `the ${service} endpoint${context.region ? ` for ${context.region}` : ''}`;
}

function fix(context: ErrorContext): string {
	const operation = operationName(context);
	return context.endpoint === undefined
		? `Something between trailview and AWS (a proxy?) answered instead of the service.`
		: `Use an endpoint that implements ${operation}, or drop --endpoint-url / AWS_ENDPOINT_URL to use AWS.`;
}
