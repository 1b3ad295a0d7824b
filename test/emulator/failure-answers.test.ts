// The emulator's controls for the failures trailview must ride out or explain: a throttle that
// lasts a while (as when another tool spends the account's budget), an endpoint that answers an
// operation with an HTML page or a bare status instead of an AWS error, a call that never answers,
// and a failure that waits for the Nth call. Time is the emulator's injected clock.
import {DescribeTrailsCommand, ListTrailsCommand, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow, rejectionOf} from './helpers.js';

let emulator: Emulator;
let now = 0;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, eventsPerRegion: 200, rateLimitPerSecond: false, clock: () => now});
});

afterAll(async () => {
	await emulator.stop();
});

afterEach(() => {
	emulator.clearFailures();
	emulator.resetCounts();
});

const lookup = (who = 'demo-prod', region = 'us-east-1') => cloudTrail(emulator, who, region).send(new LookupEventsCommand({MaxResults: 1}));

describe('throttle(op, ms)', () => {
	it('answers every call with the service\'s ThrottlingException until the time is up', async () => {
		emulator.throttle('LookupEvents', 20_000);
		for (const step of [0, 5000, 14_999]) {
			now += step;
			const error = await rejectionOf(lookup());
			expect(error).toMatchObject({name: 'ThrottlingException', message: 'Rate exceeded', $metadata: {httpStatusCode: 400}});
			expect((error as {$response?: {headers: Record<string, string>}}).$response?.headers['x-amzn-errortype']).toBe('ThrottlingException');
		}

		now += 1;
		expect((await lookup()).Events).toHaveLength(1);
		expect(emulator.requestCounts()).toEqual({LookupEvents: 4, throttled: 3});
	});

	it('throttles only that operation, and only for the account asked for', async () => {
		const dev = emulator.accounts.find(account => account.label === 'demo-dev')!;
		emulator.throttle('LookupEvents', 10_000, {accountId: dev.accountId});
		expect((await rejectionOf(lookup('demo-dev'))).name).toBe('ThrottlingException');
		expect((await lookup('demo-prod')).Events).toHaveLength(1);
		expect((await cloudTrail(emulator, 'demo-dev').send(new DescribeTrailsCommand({}))).trailList).toBeDefined();
	});

	it('ends with clearFailures()', async () => {
		emulator.throttle('ListTrails', 60_000);
		expect((await rejectionOf(cloudTrail(emulator).send(new ListTrailsCommand({})))).name).toBe('ThrottlingException');
		emulator.clearFailures();
		expect((await cloudTrail(emulator).send(new ListTrailsCommand({}))).Trails).toBeDefined();
	});
});

describe('answers that are not AWS errors', () => {
	async function raw(): Promise<{status: number; type: string | null; body: string}> {
		// Signed through the SDK (injected answers come after authentication); the raw response is the
		// one the SDK keeps on its error.
		const error = await rejectionOf(lookup());
		const response = (error as {$response?: {statusCode: number; headers: Record<string, string>}}).$response;
		return {status: response?.statusCode ?? 0, type: response?.headers['content-type'] ?? null, body: error.message};
	}

	it('an HTML page with HTTP 500, as moto answers LookupEvents', async () => {
		emulator.failOperation('LookupEvents', {httpStatus: 500, body: 'html'}, {times: 1});
		const answer = await raw();
		expect(answer).toMatchObject({status: 500, type: 'text/html; charset=utf-8'});
		// What the SDK makes of it: a JSON syntax error quoting the page.
		expect(answer.body).toContain('<!doctype');
		expect((await lookup()).Events).toHaveLength(1);
	});

	it('a 501 with an empty body', async () => {
		emulator.failOperation('LookupEvents', {httpStatus: 501, body: 'empty'}, {times: 1});
		const error = await rejectionOf(lookup());
		expect(error).toMatchObject({name: 'Unknown', $metadata: {httpStatusCode: 501}});
	});

	it('plain text with any status', async () => {
		emulator.failOperation('LookupEvents', {httpStatus: 502, body: 'text'}, {times: 1});
		expect(await raw()).toMatchObject({status: 502, type: 'text/plain; charset=utf-8', body: expect.stringContaining('Bad Gateway')});
	});
});

describe('failOperation options', () => {
	it('after: N lets N calls through first, so the third page can fail', async () => {
		emulator.failOperation('LookupEvents', {code: 'InvalidNextTokenException', message: 'Invalid NextToken'}, {after: 2, times: 1});
		expect((await lookup()).Events).toHaveLength(1);
		expect((await lookup()).Events).toHaveLength(1);
		expect((await rejectionOf(lookup())).name).toBe('InvalidNextTokenException');
		expect((await lookup()).Events).toHaveLength(1);
	});

	it("'hang' never answers; the client's abort ends the call", async () => {
		emulator.failOperation('LookupEvents', 'hang', {times: 1});
		const controller = new AbortController();
		const call = cloudTrail(emulator).send(new LookupEventsCommand({MaxResults: 1}), {abortSignal: controller.signal});
		let settled = false;
		void call.then(
			() => (settled = true),
			() => (settled = true),
		);
		// The request has arrived and is being held.
		await vi.waitFor(() => {
			expect(emulator.requestCounts()['LookupEvents']).toBe(1);
		});
		await new Promise(resolve => setImmediate(resolve));
		expect(settled).toBe(false);
		controller.abort();
		expect((await rejectionOf(call)).name).toBe('AbortError');
	});
});
