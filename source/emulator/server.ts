// The HTTP front: tells CloudTrail (awsJson1_1) from STS (query/XML) and from Athena and Glue
// (json-services.ts), authenticates, applies injected failures, latency and the rate limits, then
// dispatches.
import {randomUUID} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {QuotaKind} from './rate-limiter.js';
import {deniedBy} from './accounts.js';
import {accessDenied} from './auth.js';
import {ApiError} from './errors.js';
import {injectFailure, jsonBody, readBody, send, sendError, type Protocol} from './http-io.js';
import {handleJsonService, jsonService} from './json-services.js';
import {lookupEvents} from './lookup-events.js';
import {cancelQuery, describeQuery, getQueryResults, startQuery} from './lake/queries.js';
import {listEventDataStores} from './lake/stores.js';
import type {RequestContext} from './request-context.js';
import {authenticate, count, type Call, type ServerState} from './server-state.js';
import {headerValues, parseAuthorization} from './sigv4.js';
import {assumeRole, getCallerIdentity, stsOperation} from './sts.js';
import {getRoleCredentials, isSsoRequest} from './sso.js';
import {describeTrails, getTrailStatus, listTrails} from './trails.js';
import type {AthenaOperation, EmulatedOperation, GlueOperation} from './types.js';

export type {ServerState} from './server-state.js';

// GetQueryResults is Athena's name too; which one a call is comes from its target prefix.
type CloudTrailOperation = Exclude<EmulatedOperation, 'GetCallerIdentity' | 'AssumeRole' | Exclude<AthenaOperation, 'GetQueryResults'> | GlueOperation>;

type Output = Record<string, unknown>;

const cloudTrailHandlers: Record<CloudTrailOperation, (context: RequestContext, input: Record<string, unknown>, state: ServerState) => Output | Promise<Output>> = {
	ListTrails: (context, input) => listTrails(context, input),
	DescribeTrails: (context, input) => describeTrails(context, input),
	GetTrailStatus: (context, input) => getTrailStatus(context, input),
	LookupEvents: (context, input, state) => lookupEvents(context, input, state.store),
	// CloudTrail Lake: the event data stores, and queries over the archive (lake/).
	ListEventDataStores: (context, input) => listEventDataStores(context, input),
	StartQuery: async (context, input, state) => startQuery(context, input, state.archive),
	DescribeQuery: (context, input, state) => describeQuery(context, input, state.archive),
	GetQueryResults: (context, input, state) => getQueryResults(context, input, state.archive),
	CancelQuery: (context, input, state) => cancelQuery(context, input, state.archive),
};

const lakeOperations: ReadonlySet<CloudTrailOperation> = new Set(['ListEventDataStores', 'StartQuery', 'DescribeQuery', 'GetQueryResults', 'CancelQuery']);

/** The request quota a call draws on. */
function quotaOf(op: CloudTrailOperation): QuotaKind {
	return op === 'LookupEvents' ? 'lookup-events' : lakeOperations.has(op) ? 'lake' : 'trail-reads';
}

const targetPrefixes = ['CloudTrail_20131101.', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.'];

function cloudTrailOperation(target: string): CloudTrailOperation | undefined {
	const prefix = targetPrefixes.find(candidate => target.startsWith(candidate));
	const name = prefix === undefined ? '' : target.slice(prefix.length);
	return Object.hasOwn(cloudTrailHandlers, name) ? (name as CloudTrailOperation) : undefined;
}


function isSts(headers: Map<string, string[]>, body: Buffer): boolean {
	const authorization = headers.get('authorization')?.[0];
	const scope = authorization === undefined ? undefined : parseAuthorization(authorization);
	if (scope) {
		return scope.service === 'sts';
	}

	return !headers.has('x-amz-target') && /(^|&)Action=/.test(body.toString('utf8'));
}



async function handleCloudTrail(state: ServerState, call: Call): Promise<void> {
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
	if (throttledByTest || !state.limiter.take(quotaOf(op), `${principal.accountId}/${region}`)) {
		count(state, 'throttled');
		throw new ApiError('ThrottlingException', 'Rate exceeded');
	}

	const input = jsonBody(call.body);
	const context: RequestContext = {principal, region, now: state.clock(), dataNow: state.dataNow};
	const output = await cloudTrailHandlers[op](context, input, state);
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
			let protocol: Protocol = 'json';
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
				const service = jsonService(headers.get('x-amz-target')?.[0]);
				if (isSts(headers, body)) {
					protocol = 'xml';
					handleSts(state, call);
				} else if (service) {
					protocol = 'json-athena';
					await handleJsonService(state, call, service);
				} else {
					await handleCloudTrail(state, call);
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
