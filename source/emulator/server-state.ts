// What every request handler shares: the emulator's state, and who is calling.
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Archive} from './athena/archive.js';
import type {CredentialStore, Principal} from './auth.js';
import {ApiError, authError} from './errors.js';
import type {EventStore} from './event-store.js';
import type {FailureRules} from './failures.js';
import type {Protocol} from './http-io.js';
import type {RateLimiter} from './rate-limiter.js';
import type {RegionAccess} from './regions.js';

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
	/** Athena and Glue over the trail's archive (DuckDB loads on the first query). */
	archive: Archive;
};

export function count(state: ServerState, key: string): void {
	state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
}

export type Call = {request: IncomingMessage; response: ServerResponse; body: Buffer; headers: Map<string, string[]>; requestId: string};

export function authenticate(state: ServerState, call: Call, protocol: Protocol, service: string): {principal: Principal; region: string} {
	const {request} = call;
	const wire = protocol === 'xml' ? 'xml' : 'json';
	const result = state.credentials.authenticate(
		{method: request.method ?? 'POST', url: request.url ?? '/', rawHeaders: request.rawHeaders, body: call.body},
		wire,
	);
	if (result.service !== service) {
		throw new ApiError(wire === 'json' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch', `Credential should be scoped to correct service: '${service}'. `);
	}

	// An opt-in region the account has not enabled does not know its credentials at all, so this
	// comes before injected failures and the rate limit (and spends no budget). CloudTrail sends
	// HTTP 400 here; STS's InvalidClientTokenId keeps its 403.
	if (!state.regions.isEnabled(result.principal.accountId, result.region)) {
		const error = authError('unknownKey', wire);
		throw wire === 'json' ? new ApiError(error.code, error.message, 400) : error;
	}

	return result;
}
