// An endpoint that is not (all of) CloudTrail: moto has trails but answers LookupEvents with an
// HTML page and HTTP 500; a proxy may answer with a bare status. The real backend, over real HTTP,
// against the emulator playing those endpoints: the message names the operation, the endpoint and
// the status, and the operations that do work keep working.
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator, type InjectedFailure} from '../../source/emulator/index.js';
import {createAwsBackend} from '../../source/services/backend.js';
import {resetSharedRateLimiters} from '../../source/services/rate-limiter.js';
import {TrailviewError, writeEventsAttribute, type CloudTrailService} from '../../source/domain/types.js';

/** What every screen and script asks for today: write events only. */
const writeEvents = {attribute: writeEventsAttribute};

let emulator: Emulator;
let service: CloudTrailService;

beforeAll(async () => {
	emulator = await startEmulator({eventsPerRegion: 200, rateLimitPerSecond: false});
	// One try per request and fast local pacing: the SDK would retry a 500 four times to the same end.
	const env = {AWS_MAX_ATTEMPTS: '1', TRAILVIEW_LOOKUP_RPS: '50'};
	const backend = createAwsBackend({env, demo: {endpoint: emulator.endpoint, accounts: emulator.accounts}});
	const profile = (await backend.listProfiles()).find(entry => entry.name === 'demo-prod')!;
	service = (await backend.connect(profile, {region: 'us-east-1'})).serviceFor('us-east-1');
});

afterAll(async () => {
	await emulator?.stop();
});

beforeEach(() => {
	emulator.clearFailures();
	resetSharedRateLimiters();
});

async function lookupError(failure: InjectedFailure): Promise<TrailviewError> {
	emulator.failOperation('LookupEvents', failure);
	try {
		for await (const _page of service.lookupEvents(writeEvents)) {
			break;
		}
	} catch (error: unknown) {
		expect(error).toBeInstanceOf(TrailviewError);
		return error as TrailviewError;
	}

	throw new Error('expected LookupEvents to fail');
}

describe('LookupEvents answered by something that is not CloudTrail', () => {
	it('an HTML page with HTTP 500 (moto): names the operation, the endpoint and the status', async () => {
		const error = await lookupError({httpStatus: 500, body: 'html'});
		expect(error.message).toBe(
			`LookupEvents: the endpoint at ${emulator.endpoint} answered HTTP 500 with an HTML page — it may not implement this operation.`,
		);
		expect(error.hint).toMatch(/implements LookupEvents/);
		// The trails come from the same endpoint and still load.
		const trails = await service.listTrails();
		expect(trails.length).toBeGreaterThan(0);
	});

	it.each([
		[{httpStatus: 501, body: 'html'} as const, `LookupEvents: not supported by this endpoint (ENDPOINT answered HTTP 501 with an HTML page).`],
		[{httpStatus: 501, body: 'empty'} as const, `LookupEvents: not supported by this endpoint (ENDPOINT answered HTTP 501 with an empty body).`],
		[{code: 'UnknownOperationException', message: 'Unknown operation'}, `LookupEvents: not supported by this endpoint (ENDPOINT answered UnknownOperationException).`],
		[{httpStatus: 502, body: 'text'} as const, `LookupEvents: the endpoint at ENDPOINT answered HTTP 502 with a body that is not an AWS error — it may not implement this operation.`],
		[{httpStatus: 500, body: 'empty'} as const, `LookupEvents: the endpoint at ENDPOINT answered HTTP 500 with an empty body — it may not implement this operation.`],
	])('%j', async (failure, message) => {
		const error = await lookupError(failure);
		expect(error.message).toBe(message.replace('ENDPOINT', emulator.endpoint));
		expect(error.kind).toBe('service');
	});

	it('a malformed 200 is still "could not read", not blamed on the endpoint', async () => {
		const error = await lookupError('malformed');
		expect(error.message).toBe('The service sent a response trailview could not read.');
	});
});
