import {performance} from 'node:perf_hooks';
import {DescribeTrailsCommand, GetTrailStatusCommand, ListTrailsCommand, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow, rejectionOf, sts} from './helpers.js';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, rateLimitPerSecond: false, eventsPerRegion: 600});
});

afterAll(async () => {
	await emulator.stop();
});

async function firstPage(target: Emulator): Promise<Array<{id: string | undefined; raw: string | undefined}>> {
	const output = await cloudTrail(target).send(new LookupEventsCommand({MaxResults: 20}));
	return (output.Events ?? []).map(event => ({id: event.EventId, raw: event.CloudTrailEvent}));
}

describe('emulator controls', () => {
	it('starts quickly, binds only 127.0.0.1 and generates the same data for the same seed and now', async () => {
		const started = performance.now();
		const first = await startEmulator({now: fixedNow, seed: 99});
		const startup = performance.now() - started;
		const second = await startEmulator({now: fixedNow, seed: 99});
		const other = await startEmulator({now: fixedNow, seed: 100});
		try {
			expect(startup).toBeLessThan(200);
			expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(first.endpoint).not.toBe(second.endpoint);
			const [a, b, c] = await Promise.all([firstPage(first), firstPage(second), firstPage(other)]);
			expect(a).toHaveLength(20);
			expect(b).toEqual(a);
			expect(c.map(event => event.id)).not.toEqual(a.map(event => event.id));
		} finally {
			await Promise.all([first.stop(), second.stop(), other.stop()]);
		}
	});

	it('failOperation fails the next N calls with the given error, then recovers', async () => {
		emulator.failOperation('DescribeTrails', {code: 'ServiceUnavailableException', message: 'try later'}, {times: 2});
		const client = cloudTrail(emulator);
		for (let call = 0; call < 2; call++) {
			const error = await rejectionOf(client.send(new DescribeTrailsCommand({})));
			expect(error.name).toBe('ServiceUnavailableException');
			expect(error.message).toBe('try later');
			expect(error.$metadata?.httpStatusCode).toBe(503);
		}

		const output = await client.send(new DescribeTrailsCommand({}));
		expect(output.trailList).toHaveLength(1);
	});

	it('failOperation can target one account, use any status, and lasts until cleared', async () => {
		emulator.failOperation('GetTrailStatus', {code: 'AccessDeniedException', message: 'no', status: 400}, {accountId: '222222222222'});
		try {
			const dev = cloudTrail(emulator, 'demo-dev');
			for (let call = 0; call < 3; call++) {
				const error = await rejectionOf(dev.send(new GetTrailStatusCommand({Name: 'dev-management-events'})));
				expect(error.name).toBe('AccessDeniedException');
				expect(error.$metadata?.httpStatusCode).toBe(400);
			}

			const prod = await cloudTrail(emulator).send(new GetTrailStatusCommand({Name: 'organization-trail'}));
			expect(prod.IsLogging).toBe(true);
		} finally {
			emulator.clearFailures();
		}

		const recovered = await cloudTrail(emulator, 'demo-dev').send(new GetTrailStatusCommand({Name: 'dev-management-events'}));
		expect(recovered.IsLogging).toBe(true);
	});

	it('a malformed body or a dropped connection reaches the SDK as an error', async () => {
		emulator.failOperation('ListTrails', 'malformed', {times: 1});
		const malformed = await rejectionOf(cloudTrail(emulator).send(new ListTrailsCommand({})));
		expect(malformed.name).toBe('SyntaxError');
		expect(malformed.message).toContain('Deserialization error');
		expect(malformed.$metadata?.httpStatusCode).toBe(200);

		emulator.failOperation('LookupEvents', 'drop-connection', {times: 1});
		const dropped = await rejectionOf(cloudTrail(emulator).send(new LookupEventsCommand({})));
		expect((dropped as {code?: string}).code).toBe('ECONNRESET');

		const fine = await cloudTrail(emulator).send(new LookupEventsCommand({MaxResults: 1}));
		expect(fine.Events).toHaveLength(1);
	});

	it('injects STS failures in STS format', async () => {
		emulator.failOperation('GetCallerIdentity', {code: 'Throttling', message: 'Rate exceeded'}, {times: 1});
		const error = await rejectionOf(sts(emulator).send(new GetCallerIdentityCommand({})));
		expect(error.name).toBe('Throttling');
		emulator.failOperation('GetCallerIdentity', 'malformed', {times: 1});
		await expect(sts(emulator).send(new GetCallerIdentityCommand({}))).rejects.toThrow(/XML parse error/);
		const identity = await sts(emulator).send(new GetCallerIdentityCommand({}));
		expect(identity.Account).toBe('111111111111');
	});

	it('setLatency delays every response', async () => {
		emulator.setLatency(300);
		try {
			const started = performance.now();
			await cloudTrail(emulator).send(new DescribeTrailsCommand({}));
			expect(performance.now() - started).toBeGreaterThanOrEqual(295);
		} finally {
			emulator.setLatency(0);
		}
	});

	it('counts requests by operation, throttled ones included', async () => {
		emulator.resetCounts();
		emulator.setRateLimit(1);
		try {
			const client = cloudTrail(emulator, 'demo-dev', 'eu-west-1');
			await client.send(new LookupEventsCommand({MaxResults: 1}));
			const throttled = await rejectionOf(client.send(new LookupEventsCommand({MaxResults: 1})));
			expect(throttled.name).toBe('ThrottlingException');
			await client.send(new DescribeTrailsCommand({}));
			await sts(emulator).send(new GetCallerIdentityCommand({}));
			expect(emulator.requestCounts()).toEqual({LookupEvents: 2, throttled: 1, DescribeTrails: 1, GetCallerIdentity: 1});
		} finally {
			emulator.setRateLimit(false);
		}

		emulator.resetCounts();
		expect(emulator.requestCounts()).toEqual({});
	});

	it('addEvent keeps hostile usernames and huge records intact', async () => {
		const hostile = 'evil\u001B]0;title\u0007\u001B[2J用户名';
		const id = emulator.addEvent({
			accountId: '111111111111',
			region: 'us-east-1',
			eventName: 'DeleteUser',
			username: hostile,
			errorCode: 'AccessDenied',
			resources: [{type: 'AWS::IAM::User', name: hostile}],
			record: {requestParameters: {blob: 'x'.repeat(100_000)}},
		});
		const client = cloudTrail(emulator);
		const byUser = await client.send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'Username', AttributeValue: hostile}]}));
		expect(byUser.Events?.map(event => event.EventId)).toEqual([id]);
		const event = byUser.Events![0]!;
		expect(event.Username).toBe(hostile);
		expect(event.ReadOnly).toBe('false');
		expect(event.EventSource).toBe('iam.amazonaws.com');
		expect(event.Resources).toEqual([{ResourceType: 'AWS::IAM::User', ResourceName: hostile}]);
		const record = JSON.parse(event.CloudTrailEvent!) as {userIdentity: {userName: string}; errorCode: string; requestParameters: {blob: string}; eventID: string};
		expect(record.userIdentity.userName).toBe(hostile);
		expect(record.errorCode).toBe('AccessDenied');
		expect(record.eventID).toBe(id);
		expect(record.requestParameters.blob).toHaveLength(100_000);
		// The newest event: its default time is the emulated clock's now.
		const newest = await client.send(new LookupEventsCommand({MaxResults: 1}));
		expect(newest.Events?.[0]?.EventId).toBe(id);
	});
});
