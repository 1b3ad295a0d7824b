import {request} from 'node:http';
import {DescribeTrailsCommand, LookupEventsCommand, type CloudTrailClient} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow, rejectionOf} from './helpers.js';

let emulator: Emulator;
let client: CloudTrailClient;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, rateLimitPerSecond: false, eventsPerRegion: 600});
	client = cloudTrail(emulator);
});

afterAll(async () => {
	await emulator.stop();
});

async function errorOf(promise: Promise<unknown>): Promise<{name: string; status: number | undefined; message: string}> {
	const error = await rejectionOf(promise);
	return {name: error.name, status: error.$metadata?.httpStatusCode, message: error.message};
}

/** A raw, unsigned POST, for what the SDK would never send. */
function rawPost(headers: Record<string, string>, body: string): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
	return new Promise((resolve, reject) => {
		const call = request(`${emulator.endpoint}/`, {method: 'POST', headers}, response => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				text += chunk;
			});
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, headers: response.headers, body: text});
			});
		});
		call.on('error', reject);
		call.end(body);
	});
}

describe('LookupEvents validation', () => {
	it('rejects MaxResults outside 1..50', async () => {
		for (const MaxResults of [0, 51]) {
			expect(await errorOf(client.send(new LookupEventsCommand({MaxResults})))).toMatchObject({name: 'InvalidMaxResultsException', status: 400});
		}

		const fifty = await client.send(new LookupEventsCommand({MaxResults: 50}));
		expect(fifty.Events).toHaveLength(50);
	});

	it('rejects a start time after the end time', async () => {
		const start = new Date(fixedNow.getTime() - 1000);
		const end = new Date(fixedNow.getTime() - 2000);
		expect(await errorOf(client.send(new LookupEventsCommand({StartTime: start, EndTime: end})))).toMatchObject({name: 'InvalidTimeRangeException', status: 400});
	});

	it('rejects more than one lookup attribute, and unknown keys', async () => {
		const two = client.send(
			new LookupEventsCommand({
				LookupAttributes: [
					{AttributeKey: 'ReadOnly', AttributeValue: 'false'},
					{AttributeKey: 'Username', AttributeValue: 'alice'},
				],
			}),
		);
		expect(await errorOf(two)).toMatchObject({name: 'InvalidLookupAttributesException', status: 400});
		const unknown = client.send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'UserName' as 'Username', AttributeValue: 'alice'}]}));
		expect(await errorOf(unknown)).toMatchObject({name: 'InvalidLookupAttributesException', status: 400});
	});

	it('rejects a NextToken reused with other parameters, or made up', async () => {
		const attributes = [{AttributeKey: 'ReadOnly' as const, AttributeValue: 'false'}];
		const first = await client.send(new LookupEventsCommand({LookupAttributes: attributes, MaxResults: 5}));
		expect(first.NextToken).toEqual(expect.any(String));
		const same = await client.send(new LookupEventsCommand({LookupAttributes: attributes, MaxResults: 5, NextToken: first.NextToken}));
		expect(same.Events).toHaveLength(5);
		expect(same.Events?.[0]?.EventId).not.toBe(first.Events?.[0]?.EventId);

		const otherAttribute = client.send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'true'}], NextToken: first.NextToken}));
		expect(await errorOf(otherAttribute)).toMatchObject({name: 'InvalidNextTokenException', status: 400});
		// A relative window recomputed for the next page is "other parameters" too.
		const otherWindow = client.send(new LookupEventsCommand({LookupAttributes: attributes, StartTime: new Date(fixedNow.getTime() - 3_600_000), NextToken: first.NextToken}));
		expect(await errorOf(otherWindow)).toMatchObject({name: 'InvalidNextTokenException'});
		const otherRegion = cloudTrail(emulator, 'demo-prod', 'eu-west-1').send(new LookupEventsCommand({LookupAttributes: attributes, NextToken: first.NextToken}));
		expect(await errorOf(otherRegion)).toMatchObject({name: 'InvalidNextTokenException'});
		expect(await errorOf(client.send(new LookupEventsCommand({NextToken: 'bm90IGEgdG9rZW4'})))).toMatchObject({name: 'InvalidNextTokenException'});
	});

	it('rejects an EventCategory other than insight', async () => {
		const category = client.send(new LookupEventsCommand({EventCategory: 'management' as 'insight'}));
		expect(await errorOf(category)).toMatchObject({name: 'InvalidEventCategoryException', status: 400});
	});
});

describe('authentication', () => {
	const prodKey = 'AKIAEMULATORPROD1111';

	it('rejects a wrong secret with InvalidSignatureException (403)', async () => {
		const wrong = cloudTrail(emulator, {accessKeyId: prodKey, secretAccessKey: 'not-the-secret'});
		expect(await errorOf(wrong.send(new DescribeTrailsCommand({})))).toMatchObject({name: 'InvalidSignatureException', status: 403});
	});

	it('rejects an unknown access key with UnrecognizedClientException (403)', async () => {
		const stranger = cloudTrail(emulator, {accessKeyId: 'AKIA0000000000000000', secretAccessKey: 'x'});
		expect(await errorOf(stranger.send(new DescribeTrailsCommand({})))).toMatchObject({
			name: 'UnrecognizedClientException',
			status: 403,
			message: 'The security token included in the request is invalid.',
		});
	});

	it('rejects an expired session with ExpiredTokenException', async () => {
		expect(await errorOf(cloudTrail(emulator, 'demo-expired').send(new LookupEventsCommand({})))).toMatchObject({
			name: 'ExpiredTokenException',
			status: 400,
			message: 'The security token included in the request is expired',
		});
	});

	it('rejects a session key sent without its session token', async () => {
		const expired = emulator.accounts.find(account => account.label === 'demo-expired')!;
		const noToken = cloudTrail(emulator, {accessKeyId: expired.accessKeyId, secretAccessKey: expired.secretAccessKey});
		expect(await errorOf(noToken.send(new DescribeTrailsCommand({})))).toMatchObject({name: 'UnrecognizedClientException'});
	});

	it('rejects a request without Authorization with MissingAuthenticationTokenException', async () => {
		const response = await rawPost(
			{'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'CloudTrail_20131101.DescribeTrails'},
			'{}',
		);
		expect(response.status).toBe(403);
		expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
		expect(JSON.parse(response.body)).toEqual({__type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token'});
	});

	it('answers an unsigned STS call in STS XML', async () => {
		const response = await rawPost({'Content-Type': 'application/x-www-form-urlencoded'}, 'Action=GetCallerIdentity&Version=2011-06-15');
		expect(response.status).toBe(403);
		expect(response.body).toContain('<Code>MissingAuthenticationToken</Code>');
		expect(response.body).toContain('<Type>Sender</Type>');
	});
});

describe('protocol errors', () => {
	it('answers an unknown X-Amz-Target with UnknownOperationException, and accepts the long target form', async () => {
		const renamed = cloudTrail(emulator);
		renamed.middlewareStack.add(
			next => async args => {
				const {request: httpRequest} = args as {request: {headers: Record<string, string>}};
				httpRequest.headers['x-amz-target'] = 'CloudTrail_20131101.DeleteTrail';
				return next(args);
			},
			{step: 'build'},
		);
		expect(await errorOf(renamed.send(new DescribeTrailsCommand({})))).toMatchObject({name: 'UnknownOperationException'});

		const longForm = cloudTrail(emulator);
		longForm.middlewareStack.add(
			next => async args => {
				const {request: httpRequest} = args as {request: {headers: Record<string, string>}};
				httpRequest.headers['x-amz-target'] = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails';
				return next(args);
			},
			{step: 'build'},
		);
		const output = await longForm.send(new DescribeTrailsCommand({}));
		expect(output.trailList?.[0]?.Name).toBe('organization-trail');
	});

	it('answers a body that is not JSON with SerializationException', async () => {
		const broken = cloudTrail(emulator);
		broken.middlewareStack.add(
			next => async args => {
				const {request: httpRequest} = args as {request: {body: string; headers: Record<string, string>}};
				httpRequest.body = '{"MaxResults": ';
				httpRequest.headers['content-length'] = String(httpRequest.body.length);
				return next(args);
			},
			{step: 'build'},
		);
		expect(await errorOf(broken.send(new LookupEventsCommand({})))).toMatchObject({name: 'SerializationException', status: 400});
	});
});
