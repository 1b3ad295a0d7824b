import {
	CloudTrailClient,
	DescribeTrailsCommand,
	GetTrailStatusCommand,
	ListTrailsCommand,
	LookupEventsCommand,
	type Event,
	type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {mockClient} from 'aws-sdk-client-mock';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createCloudTrailService} from '../../source/services/cloudtrail.js';
import type {RateLimiter} from '../../source/services/rate-limiter.js';
import {TrailviewError, writeEventsAttribute, type TrailEvent} from '../../source/domain/types.js';

/** What every screen and script asks for today: write events only. */
const writeEvents = {attribute: writeEventsAttribute};

const cloudTrailMock = mockClient(CloudTrailClient);
const stsMock = mockClient(STSClient);

// aws-sdk-client-mock replaces send(), so the pacing middleware never runs here; test/services/pacing.test.ts
// covers it through the SDK's real pipeline.
const unlimited: RateLimiter = {acquire: async () => {}};

function service(limiter: RateLimiter = unlimited, trailLimiter: RateLimiter = unlimited) {
	return createCloudTrailService({
		client: new CloudTrailClient({region: 'eu-west-1'}),
		stsClient: new STSClient({region: 'eu-west-1'}),
		region: 'eu-west-1',
		limiter,
		trailLimiter,
	});
}

function event(id: string, overrides: Partial<Event> = {}, record: Record<string, unknown> = {}): Event {
	return {
		EventId: id,
		EventName: 'PutObject',
		EventSource: 's3.amazonaws.com',
		EventTime: new Date('2024-05-01T10:00:00Z'),
		ReadOnly: 'false',
		Username: 'alice',
		AccessKeyId: 'ASIAEXAMPLEEXAMPLE12',
		Resources: [{ResourceType: 'AWS::S3::Bucket', ResourceName: 'logs'}],
		CloudTrailEvent: JSON.stringify({
			eventID: id,
			sourceIPAddress: '203.0.113.7',
			userAgent: 'aws-cli/2',
			awsRegion: 'eu-west-1',
			...record,
		}),
		...overrides,
	};
}

async function collect(pages: AsyncIterable<TrailEvent[]>): Promise<TrailEvent[][]> {
	const result: TrailEvent[][] = [];
	for await (const page of pages) {
		result.push(page);
	}

	return result;
}

/** The paginator reuses one input object, so calls are snapshotted when they are made. */
function recordLookupInputs(): LookupEventsCommandInput[] {
	const inputs: LookupEventsCommandInput[] = [];
	cloudTrailMock.on(LookupEventsCommand).callsFake((input: LookupEventsCommandInput) => {
		inputs.push(structuredClone(input));
		const pages = [
			{Events: [event('a'), event('b')], NextToken: 't1'},
			{Events: [event('b'), event('c', {EventName: 'DeleteBucket'})], NextToken: 't2'},
			{Events: [event('d')]},
		];
		const index = input.NextToken === undefined ? 0 : input.NextToken === 't1' ? 1 : 2;
		return pages[index];
	});
	return inputs;
}

beforeEach(() => {
	cloudTrailMock.reset();
	stsMock.reset();
});

afterEach(() => {
	cloudTrailMock.reset();
	stsMock.reset();
});

describe('lookupEvents', () => {
	it('walks every page with ReadOnly=false and the same time window on each request', async () => {
		const inputs = recordLookupInputs();
		const start = new Date('2024-05-01T00:00:00Z');
		const end = new Date('2024-05-02T00:00:00Z');

		const pages = await collect(service().lookupEvents({...writeEvents, start, end, pageSize: 20}));

		expect(pages).toHaveLength(3);
		expect(inputs).toHaveLength(3);
		expect(inputs.map((input) => input.NextToken)).toEqual([undefined, 't1', 't2']);
		for (const input of inputs) {
			expect(input.LookupAttributes).toEqual([{AttributeKey: 'ReadOnly', AttributeValue: 'false'}]);
			expect(input.StartTime).toEqual(start);
			expect(input.EndTime).toEqual(end);
			expect(input.MaxResults).toBe(20);
		}
	});

	it('fixes a default window once, so every page sends identical times', async () => {
		const inputs = recordLookupInputs();
		// Only the clock is fake: "now" moves on between pages, as it would while a user scrolls.
		vi.useFakeTimers({toFake: ['Date']});
		const iterator = service().lookupEvents(writeEvents)[Symbol.asyncIterator]();
		try {
			await iterator.next();
			vi.setSystemTime(Date.now() + 15_000);
			await iterator.next();
			vi.setSystemTime(Date.now() + 15_000);
			await iterator.next();
		} finally {
			vi.useRealTimers();
		}

		expect(inputs).toHaveLength(3);
		const {StartTime, EndTime} = inputs[0]!;
		expect(EndTime!.getTime() - StartTime!.getTime()).toBe(90 * 24 * 60 * 60 * 1000);
		expect(inputs.every((input) => input.StartTime?.getTime() === StartTime!.getTime())).toBe(true);
		expect(inputs.every((input) => input.EndTime?.getTime() === EndTime!.getTime())).toBe(true);
	});

	it('drops an EventId already seen on an earlier page', async () => {
		recordLookupInputs();
		const pages = await collect(service().lookupEvents(writeEvents));
		expect(pages.map((page) => page.map((item) => item.id))).toEqual([['a', 'b'], ['c'], ['d']]);
	});

	it('sends the given attribute as the one lookup attribute, with identical parameters on every page', async () => {
		const inputs = recordLookupInputs();
		const start = new Date('2024-05-01T00:00:00Z');
		const end = new Date('2024-05-02T00:00:00Z');
		const pages = await collect(service().lookupEvents({attribute: {key: 'Username', value: 'alice'}, start, end, pageSize: 50}));

		// The service did the filtering: every event it sent comes through (each id once).
		expect(pages.map((page) => page.map((item) => item.id))).toEqual([['a', 'b'], ['c'], ['d']]);
		expect(inputs.map((input) => input.NextToken)).toEqual([undefined, 't1', 't2']);
		const withoutToken = inputs.map(({NextToken: _token, ...rest}) => rest);
		expect(withoutToken[0]).toEqual({
			LookupAttributes: [{AttributeKey: 'Username', AttributeValue: 'alice'}],
			StartTime: start,
			EndTime: end,
			MaxResults: 50,
		});
		expect(withoutToken[1]).toEqual(withoutToken[0]);
		expect(withoutToken[2]).toEqual(withoutToken[0]);
	});

	it('sends no LookupAttributes without an attribute, and keeps read-only events', async () => {
		const inputs = recordLookupInputs();
		cloudTrailMock.on(LookupEventsCommand).callsFake((input: LookupEventsCommandInput) => {
			inputs.push(structuredClone(input));
			return {Events: [event('w'), event('r', {ReadOnly: 'true', EventName: 'GetObject'})]};
		});
		const pages = await collect(service().lookupEvents({}));
		expect(inputs).toHaveLength(1);
		expect(inputs[0]).not.toHaveProperty('LookupAttributes');
		expect(pages.flat().map((item) => [item.id, item.readOnly])).toEqual([['w', false], ['r', true]]);
	});

	it('never sends two attributes: the one given replaces ReadOnly=false', async () => {
		const inputs = recordLookupInputs();
		await collect(service().lookupEvents({attribute: {key: 'EventName', value: 'DeleteBucket'}}));
		expect(inputs).toHaveLength(3);
		for (const input of inputs) {
			expect(input.LookupAttributes).toEqual([{AttributeKey: 'EventName', AttributeValue: 'DeleteBucket'}]);
		}
	});

	it('maps every field, the string ReadOnly to a boolean, and keeps the raw record', async () => {
		const sdkEvent = event('e1', {}, {errorCode: 'AccessDenied', errorMessage: 'nope'});
		cloudTrailMock.on(LookupEventsCommand).resolves({Events: [sdkEvent, event('e2', {ReadOnly: 'true'})]});
		const [page] = await collect(service().lookupEvents(writeEvents));

		expect(page![0]).toEqual({
			id: 'e1',
			time: new Date('2024-05-01T10:00:00Z'),
			name: 'PutObject',
			source: 's3.amazonaws.com',
			username: 'alice',
			accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
			readOnly: false,
			resources: [{type: 'AWS::S3::Bucket', name: 'logs'}],
			errorCode: 'AccessDenied',
			errorMessage: 'nope',
			sourceIp: '203.0.113.7',
			userAgent: 'aws-cli/2',
			region: 'eu-west-1',
			raw: sdkEvent.CloudTrailEvent,
		});
		expect(page![1]!.readOnly).toBe(true);
	});

	it('survives malformed JSON, a non-object record and missing fields', async () => {
		cloudTrailMock.on(LookupEventsCommand).resolves({
			Events: [
				{EventId: 'bad', EventTime: new Date(), CloudTrailEvent: '{"errorCode": '},
				{EventId: 'array', EventTime: new Date(), CloudTrailEvent: '[1,2]'},
				{EventId: 'wrong-types', EventTime: new Date(), CloudTrailEvent: '{"errorCode": 5, "sourceIPAddress": null}'},
				{EventId: 'bare', EventTime: new Date()},
				{EventName: 'NoId', EventTime: new Date()},
			],
		});
		const [page] = await collect(service().lookupEvents(writeEvents));

		expect(page!.map((item) => item.id)).toEqual(['bad', 'array', 'wrong-types', 'bare']);
		for (const item of page!) {
			expect(item.errorCode).toBeUndefined();
			expect(item.sourceIp).toBeUndefined();
			expect(item.name).toBe('');
			expect(item.resources).toEqual([]);
			expect(item.readOnly).toBeUndefined();
		}

		expect(page![0]!.raw).toBe('{"errorCode": ');
	});

	it('handles a 100 KB record', async () => {
		const big = event('big', {}, {requestParameters: {policy: 'x'.repeat(100 * 1024)}, errorCode: 'LimitExceeded'});
		expect(big.CloudTrailEvent!.length).toBeGreaterThan(100 * 1024);
		cloudTrailMock.on(LookupEventsCommand).resolves({Events: [big]});
		const [page] = await collect(service().lookupEvents(writeEvents));
		expect(page![0]!.errorCode).toBe('LimitExceeded');
		expect(page![0]!.raw).toHaveLength(big.CloudTrailEvent!.length);
	});

	it('stops iterating once the signal aborts, without another request', async () => {
		cloudTrailMock.on(LookupEventsCommand).callsFake((input: LookupEventsCommandInput) => ({
			Events: [event(`e-${input.NextToken ?? 0}`)],
			NextToken: `${Number(input.NextToken ?? 0) + 1}`,
		}));
		const controller = new AbortController();
		const pages: TrailEvent[][] = [];
		for await (const page of service().lookupEvents({...writeEvents, signal: controller.signal})) {
			pages.push(page);
			if (pages.length === 2) {
				controller.abort();
			}
		}

		expect(pages).toHaveLength(2);
		expect(cloudTrailMock.commandCalls(LookupEventsCommand)).toHaveLength(2);
	});

	it('rejects with a TrailviewError naming the operation', async () => {
		cloudTrailMock
			.on(LookupEventsCommand)
			.rejects(Object.assign(new Error('User is not authorized'), {name: 'AccessDeniedException', $metadata: {httpStatusCode: 400}}));
		const error = await collect(service().lookupEvents(writeEvents)).catch((error_: unknown) => error_);
		expect(error).toBeInstanceOf(TrailviewError);
		expect((error as TrailviewError).kind).toBe('access-denied');
		expect((error as TrailviewError).message).toContain('cloudtrail:LookupEvents');
	});
});

describe('listTrails', () => {
	const home = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/home';
	const shadow = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-wide';
	const broken = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/broken';
	const elsewhere = 'arn:aws:cloudtrail:ap-south-1:111122223333:trail/elsewhere';

	beforeEach(() => {
		cloudTrailMock
			.on(ListTrailsCommand)
			.resolvesOnce({Trails: [{TrailARN: home, Name: 'home', HomeRegion: 'eu-west-1'}], NextToken: 'p2'})
			.resolvesOnce({
				Trails: [
					{TrailARN: shadow, Name: 'org-wide', HomeRegion: 'us-east-1'},
					{TrailARN: broken, Name: 'broken', HomeRegion: 'eu-west-1'},
					{TrailARN: elsewhere, Name: 'elsewhere', HomeRegion: 'ap-south-1'},
				],
			});
		cloudTrailMock.on(DescribeTrailsCommand).resolves({
			trailList: [
				{TrailARN: home, Name: 'home', HomeRegion: 'eu-west-1', S3BucketName: 'b', LogFileValidationEnabled: true},
				{TrailARN: shadow, Name: 'org-wide', HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true, KmsKeyId: 'k'},
				{TrailARN: broken, Name: 'broken', HomeRegion: 'eu-west-1'},
			],
		});
		cloudTrailMock.on(GetTrailStatusCommand, {Name: home}).resolves({
			IsLogging: true,
			LatestDeliveryTime: new Date('2024-05-01T00:00:00Z'),
		});
		cloudTrailMock.on(GetTrailStatusCommand, {Name: shadow}).resolves({IsLogging: false, LatestDeliveryError: 'AccessDenied'});
		cloudTrailMock
			.on(GetTrailStatusCommand, {Name: broken})
			.rejects(Object.assign(new Error('denied'), {name: 'AccessDeniedException', $metadata: {httpStatusCode: 400}}));
	});

	it("lists this region's trails and shadow trails, with status looked up by ARN", async () => {
		const trails = await service().listTrails();

		expect(cloudTrailMock.commandCalls(ListTrailsCommand)).toHaveLength(2);
		expect(cloudTrailMock.commandCalls(DescribeTrailsCommand)[0]!.args[0].input).toEqual({includeShadowTrails: true});
		expect(
			cloudTrailMock
				.commandCalls(GetTrailStatusCommand)
				.map((call) => call.args[0].input.Name)
				.sort(),
		).toEqual([broken, home, shadow].sort());
		expect(trails.map((trail) => trail.name)).toEqual(['home', 'org-wide', 'broken']);
		expect(trails[0]).toEqual({
			name: 'home',
			arn: home,
			homeRegion: 'eu-west-1',
			isMultiRegion: false,
			isOrganization: false,
			s3BucketName: 'b',
			logFileValidation: true,
			kmsKeyId: undefined,
			isLogging: true,
			latestDeliveryTime: new Date('2024-05-01T00:00:00Z'),
			latestDeliveryError: undefined,
			statusError: undefined,
		});
		expect(trails[1]).toMatchObject({homeRegion: 'us-east-1', isMultiRegion: true, isOrganization: true, isLogging: false, latestDeliveryError: 'AccessDenied'});
	});

	it('keeps the other trails when GetTrailStatus fails for one', async () => {
		const trails = await service().listTrails();
		const failed = trails.find((trail) => trail.arn === broken)!;
		expect(failed.isLogging).toBeUndefined();
		expect(failed.statusError).toMatch(/Access denied to cloudtrail:GetTrailStatus/);
		expect(trails.filter((trail) => trail.statusError === undefined)).toHaveLength(2);
	});

	it('rejects with a TrailviewError when DescribeTrails fails', async () => {
		cloudTrailMock.on(DescribeTrailsCommand).rejects(Object.assign(new Error('expired'), {name: 'ExpiredTokenException', $metadata: {httpStatusCode: 400}}));
		await expect(service().listTrails()).rejects.toMatchObject({kind: 'expired-credentials'});
	});
});

describe('getCallerIdentity', () => {
	it('maps the STS answer', async () => {
		stsMock.on(GetCallerIdentityCommand).resolves({Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/alice', UserId: 'AIDA1'});
		await expect(service().getCallerIdentity()).resolves.toEqual({
			account: '111122223333',
			arn: 'arn:aws:iam::111122223333:user/alice',
			userId: 'AIDA1',
		});
	});

	it('maps an STS failure', async () => {
		stsMock.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('The security token included in the request is invalid.'), {name: 'InvalidClientTokenId', $metadata: {httpStatusCode: 403}}));
		await expect(service().getCallerIdentity()).rejects.toMatchObject({kind: 'invalid-credentials'});
	});
});
