// The HTTP front: tells CloudTrail (awsJson1_1) from STS (query/XML), authenticates, applies
// injected failures, latency and the rate limits, then dispatches.
import {randomUUID} from 'node:crypto';
import {STATUS_CODES, type IncomingMessage, type ServerResponse} from 'node:http';
import {deniedBy} from './accounts.js';
import {accessDenied, type CredentialStore, type Principal} from './auth.js';
import {ApiError, authError, defaultStatus, jsonErrorBody, xmlErrorBody} from './errors.js';
import type {EventStore} from './event-store.js';
import type {FailureRules} from './failures.js';
import {lookupEvents} from './lookup-events.js';
import type {RateLimiter} from './rate-limiter.js';
import type {RegionAccess} from './regions.js';
import type {RequestContext} from './request-context.js';
import {headerValues, parseAuthorization} from './sigv4.js';
import {assumeRole, getCallerIdentity, stsOperation} from './sts.js';
import {getRoleCredentials, isSsoRequest} from './sso.js';
import {describeTrails, getTrailStatus, listTrails} from './trails.js';
import type {EmulatedOperation, InjectedFailure, InjectedHttpAnswer} from './types.js';

export type ServerState = {
	credentials: CredentialStore;
	store: EventStore;
	regions: RegionAccess;
	failures: FailureRules;
	limiter: RateLimiter;
	counts: Map<string, number>;
	latencyMs: number;
	/** Shortest AssumeRole DurationSeconds accepted. */
	minSessionSeconds: number;
	/** The emulated clock. */
	clock: () => Date;
	dataNow: Date;
};

type CloudTrailOperation = Exclude<EmulatedOperation, 'GetCallerIdentity' | 'AssumeRole'>;

const cloudTrailHandlers: Record<CloudTrailOperation, (context: RequestContext, input: Record<string, unknown>, state: ServerState) => Record<string, unknown>> = {
	ListTrails: (context, input) => listTrails(context, input),
	DescribeTrails: (context, input) => describeTrails(context, input),
	GetTrailStatus: (context, input) => getTrailStatus(context, input),
	LookupEvents: (context, input, state) => lookupEvents(context, input, state.store),
};

const targetPrefixes = ['CloudTrail_20131101.', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.'];
const maxBodyBytes = 16 * 1024 * 1024;

function cloudTrailOperation(target: string): CloudTrailOperation | undefined {
	const prefix = targetPrefixes.find(candidate => target.startsWith(candidate));
	const name = prefix === undefined ? '' : target.slice(prefix.length);
	return Object.hasOwn(cloudTrailHandlers, name) ? (name as CloudTrailOperation) : undefined;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBodyBytes) {
				reject(new ApiError('RequestEntityTooLargeException', 'Request entity too large', 413));
				request.destroy();
				return;
			}

			chunks.push(chunk);
		});
		request.on('end', () => {
			resolve(Buffer.concat(chunks));
		});
		request.on('error', reject);
	});
}

function send(response: ServerResponse, status: number, contentType: string, body: string, requestId: string, extra: Record<string, string> = {}): void {
	response.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(body),
		'x-amzn-RequestId': requestId,
		...extra,
	});
	response.end(body);
}

function sendError(response: ServerResponse, error: ApiError, protocol: 'json' | 'xml', requestId: string): void {
	if (protocol === 'xml') {
		send(response, error.status, 'text/xml', xmlErrorBody(error, requestId), requestId);
	} else {
		send(response, error.status, 'application/x-amz-json-1.1', jsonErrorBody(error), requestId, {'x-amzn-ErrorType': error.code});
	}
}

/** Answers the call the way the injected failure says. */
function injectFailure(failure: InjectedFailure, response: ServerResponse, protocol: 'json' | 'xml', requestId: string): void {
	if (failure === 'drop-connection') {
		response.socket?.destroy();
		return;
	}

	if (failure === 'hang') {
		// No answer at all; the socket closes when the client gives up or the emulator stops.
		return;
	}

	if (typeof failure === 'object' && 'httpStatus' in failure) {
		sendForeign(response, failure, requestId);
		return;
	}

	if (failure === 'malformed') {
		const body = protocol === 'json' ? '{"Events": [{"EventId": "truncated' : '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>';
		send(response, 200, protocol === 'json' ? 'application/x-amz-json-1.1' : 'text/xml', body, requestId);
		return;
	}

	const error = new ApiError(failure.code, failure.message ?? `${failure.code} (injected by the emulator)`, failure.status ?? defaultStatus(failure.code));
	sendError(response, error, protocol, requestId);
}

/** Not an AWS error: what a web framework or proxy sends (the HTML is Flask's, which moto serves). */
function sendForeign(response: ServerResponse, {httpStatus, body}: InjectedHttpAnswer, requestId: string): void {
	const reason = STATUS_CODES[httpStatus] ?? 'Error';
	if (body === 'html') {
		const text =
			httpStatus === 501
				? 'The server does not support the action requested by the browser.'
				: 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.';
		const page = `<!doctype html>\n<html lang=en>\n<title>${httpStatus} ${reason}</title>\n<h1>${reason}</h1>\n<p>${text}</p>\n`;
		send(response, httpStatus, 'text/html; charset=utf-8', page, requestId);
	} else {
		send(response, httpStatus, 'text/plain; charset=utf-8', body === 'empty' ? '' : `${reason}\n`, requestId);
	}
}

function count(state: ServerState, key: string): void {
	state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
}

function isSts(headers: Map<string, string[]>, body: Buffer): boolean {
	const authorization = headers.get('authorization')?.[0];
	const scope = authorization === undefined ? undefined : parseAuthorization(authorization);
	if (scope) {
		return scope.service === 'sts';
	}

	return !headers.has('x-amz-target') && /(^|&)Action=/.test(body.toString('utf8'));
}

type Call = {request: IncomingMessage; response: ServerResponse; body: Buffer; headers: Map<string, string[]>; requestId: string};

function authenticate(state: ServerState, call: Call, protocol: 'json' | 'xml', service: string): {principal: Principal; region: string} {
	const {request} = call;
	const result = state.credentials.authenticate(
		{method: request.method ?? 'POST', url: request.url ?? '/', rawHeaders: request.rawHeaders, body: call.body},
		protocol,
	);
	if (result.service !== service) {
		throw new ApiError(protocol === 'json' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', `Credential should be scoped to correct service: '${service}'. `);
	}

	// An opt-in region the account has not enabled does not know its credentials at all, so this
	// comes before injected failures and the rate limit (and spends no budget). CloudTrail sends
	// HTTP 400 here; STS's InvalidClientTokenId keeps its 403.
	if (!state.regions.isEnabled(result.principal.accountId, result.region)) {
		const error = authError('unknownKey', protocol);
		throw protocol === 'json' ? new ApiError(error.code, error.message, 400) : error;
	}

	return result;
}

function handleCloudTrail(state: ServerState, call: Call): void {
	const target = call.headers.get('x-amz-target')?.[0] ?? '';
	const op = cloudTrailOperation(target);
	if (op) {
		count(state, op);
	}

	const {principal, region} = authenticate(state, call, 'json', 'cloudtrail');
	if (!op) {
		throw new ApiError('UnknownOperationException', target === '' ? 'Missing X-Amz-Target header' : `Unknown operation ${target}`);
	}

	const failure = state.failures.take(op, principal.accountId);
	if (failure !== undefined) {
		injectFailure(failure, call.response, 'json', call.requestId);
		return;
	}

	if (deniedBy(principal.accountId, op, region) || state.regions.isDenied(principal.accountId, region, op)) {
		throw accessDenied(principal, `cloudtrail:${op}`, `arn:aws:cloudtrail:${region}:${principal.accountId}:trail/*`, true);
	}

	const throttledByTest = state.failures.throttled(op, principal.accountId, state.clock().getTime());
	if (throttledByTest || !state.limiter.take(op === 'LookupEvents' ? 'lookup-events' : 'trail-reads', `${principal.accountId}/${region}`)) {
		count(state, 'throttled');
		throw new ApiError('ThrottlingException', 'Rate exceeded');
	}

	let input: unknown;
	try {
		input = JSON.parse(call.body.length === 0 ? '{}' : call.body.toString('utf8'));
	} catch {
		throw new ApiError('SerializationException', 'Start of structure or map found where not expected.');
	}

	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new ApiError('SerializationException', 'Start of structure or map found where not expected.');
	}

	const context: RequestContext = {principal, region, now: state.clock(), dataNow: state.dataNow};
	const output = cloudTrailHandlers[op](context, input as Record<string, unknown>, state);
	send(call.response, 200, 'application/x-amz-json-1.1', JSON.stringify(output), call.requestId);
}

function handleSts(state: ServerState, call: Call): void {
	const params = new URLSearchParams(call.body.toString('utf8'));
	const action = params.get('Action');
	const op = stsOperation(action);
	if (op) {
		count(state, op);
	}

	const {principal} = authenticate(state, call, 'xml', 'sts');
	if (!op) {
		throw new ApiError('InvalidAction', `Could not find operation ${action ?? ''} for version 2011-06-15`);
	}

	const failure = state.failures.take(op, principal.accountId);
	if (failure !== undefined) {
		injectFailure(failure, call.response, 'xml', call.requestId);
		return;
	}

	const xml = op === 'GetCallerIdentity' ? getCallerIdentity(principal, call.requestId) : assumeRole(params, principal, state.credentials, call.requestId, state.minSessionSeconds);
	send(call.response, 200, 'text/xml', xml, call.requestId);
}

const delay = (ms: number): Promise<void> =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

export function createHandler(state: ServerState): (request: IncomingMessage, response: ServerResponse) => void {
	return (request, response) => {
		void (async () => {
			const requestId = randomUUID();
			let protocol: 'json' | 'xml' = 'json';
			try {
				const body = await readBody(request);
				if (state.latencyMs > 0) {
					await delay(state.latencyMs);
				}

				if (isSsoRequest(request.method, request.url)) {
					count(state, 'GetRoleCredentials');
					const bearer = headerValues(request.rawHeaders).get('x-amz-sso_bearer_token')?.[0];
					send(response, 200, 'application/json', getRoleCredentials(request.url ?? '/', bearer, state.credentials), requestId);
					return;
				}

				if (request.method !== 'POST') {
					send(response, 200, 'text/plain; charset=utf-8', 'trailview CloudTrail + STS emulator: send signed POST requests to /\n', requestId);
					return;
				}

				const headers = headerValues(request.rawHeaders);
				const call: Call = {request, response, body, headers, requestId};
				if (isSts(headers, body)) {
					protocol = 'xml';
					handleSts(state, call);
				} else {
					handleCloudTrail(state, call);
				}
			} catch (error: unknown) {
				if (response.headersSent || response.destroyed) {
					return;
				}

				const apiError = error instanceof ApiError ? error : new ApiError('InternalFailure', error instanceof Error ? error.message : String(error), 500);
				sendError(response, apiError, protocol, requestId);
			}
		})();
	};
}
