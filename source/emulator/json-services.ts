// Athena (AmazonAthena.*) and Glue (AWSGlue.*) on the same endpoint as CloudTrail: the same
// signature checks, injected failures and latency, then the archive's handlers.
import {getQueryExecution, getQueryResults, listWorkGroups, startQueryExecution, stopQueryExecution} from './athena/operations.js';
import {ApiError} from './errors.js';
import {getDatabases, getTables} from './glue/operations.js';
import {injectFailure, jsonBody, send} from './http-io.js';
import type {RequestContext} from './request-context.js';
import {authenticate, count, type Call, type ServerState} from './server-state.js';
import type {AthenaOperation, GlueOperation} from './types.js';

type Handler = (context: RequestContext, input: Record<string, unknown>, state: ServerState) => Record<string, unknown> | Promise<Record<string, unknown>>;

const athena: Record<AthenaOperation, Handler> = {
	StartQueryExecution: async (context, input, state) => startQueryExecution(context, input, state.archive),
	GetQueryExecution: (context, input, state) => getQueryExecution(context, input, state.archive),
	GetQueryResults: (context, input, state) => getQueryResults(context, input, state.archive),
	StopQueryExecution: (context, input, state) => stopQueryExecution(context, input, state.archive),
	ListWorkGroups: (context, input) => listWorkGroups(context, input),
};

const glue: Record<GlueOperation, Handler> = {
	GetDatabases: (context, input, state) => getDatabases(context, input, state.archive.glue),
	GetTables: (context, input, state) => getTables(context, input, state.archive.glue),
};

export type JsonService = {signingName: 'athena' | 'glue'; operation: string; handler: Handler | undefined};

/** The Athena or Glue call an X-Amz-Target names; undefined for anything else. */
export function jsonService(target: string | undefined): JsonService | undefined {
	for (const [prefix, signingName, handlers] of [
		['AmazonAthena.', 'athena', athena],
		['AWSGlue.', 'glue', glue],
	] as const) {
		if (target?.startsWith(prefix)) {
			const operation = target.slice(prefix.length);
			return {signingName, operation, handler: Object.hasOwn(handlers, operation) ? (handlers as Record<string, Handler>)[operation] : undefined};
		}
	}

	return undefined;
}

export async function handleJsonService(state: ServerState, call: Call, service: JsonService): Promise<void> {
	if (service.handler) {
		count(state, service.operation);
	}

	const {principal, region} = authenticate(state, call, 'json-athena', service.signingName);
	if (!service.handler) {
		throw new ApiError('UnknownOperationException', `Unknown operation ${service.operation}`);
	}

	const failure = state.failures.take(service.operation as AthenaOperation | GlueOperation, principal.accountId);
	if (failure !== undefined) {
		injectFailure(failure, call.response, 'json-athena', call.requestId);
		return;
	}

	const input = jsonBody(call.body);
	const context: RequestContext = {principal, region, now: state.clock(), dataNow: state.dataNow};
	const output = await service.handler(context, input, state);
	send(call.response, 200, 'application/x-amz-json-1.1', JSON.stringify(output), call.requestId);
}
