import {LookupEventsCommand, paginateLookupEvents, type CloudTrailClient, type Event, type LookupEventsCommandInput} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EventStore} from '../../source/emulator/event-store.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow} from './helpers.js';

const day = 86_400_000;
let emulator: Emulator;
let client: CloudTrailClient;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, seed: 7, rateLimitPerSecond: false, eventsPerRegion: 1500});
	client = cloudTrail(emulator);
});

afterAll(async () => {
	await emulator.stop();
});

async function collect(input: LookupEventsCommandInput, pageSize?: number, on = client): Promise<{events: Event[]; pages: number}> {
	const events: Event[] = [];
	let pages = 0;
	for await (const page of paginateLookupEvents({client: on, ...(pageSize ? {pageSize} : {})}, input)) {
		pages++;
		events.push(...(page.Events ?? []));
	}

	return {events, pages};
}

describe('LookupEvents through the SDK paginator', () => {
	it('returns exactly the added write events of a quiet region, newest first, across pages', async () => {
		const base = fixedNow.getTime() - 3 * day;
		const expected: Array<{id: string; time: number}> = [];
		for (let index = 0; index < 130; index++) {
			// Several events share a second, to prove ties neither repeat nor vanish across pages.
			const time = new Date(base + Math.floor(index / 3) * 60_000);
			const readOnly = index % 4 === 0;
			const id = emulator.addEvent({accountId: '111111111111', region: 'us-west-2', eventName: readOnly ? 'DescribeInstances' : 'RunInstances', readOnly, time, username: `user-${index}`});
			if (!readOnly) {
				expected.push({id, time: time.getTime()});
			}
		}

		// Added later within the same second must come first: newest by time, then by arrival.
		expected.reverse();
		const {events, pages} = await collect(
			{LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'false'}]},
			7,
			cloudTrail(emulator, 'demo-prod', 'us-west-2'),
		);
		expect(events.map(event => event.EventId)).toEqual(expected.map(event => event.id));
		expect(pages).toBe(Math.ceil(expected.length / 7));
		expect(events.every(event => event.ReadOnly === 'false')).toBe(true);
		expect(events[0]?.EventTime).toEqual(new Date(expected[0]!.time));
	});

	it('walks every write event of the busy prod us-east-1 history, newest first, with no duplicates', async () => {
		const store = new EventStore(7, fixedNow, 1500);
		const expected = store.events('111111111111', 'us-east-1').filter(event => !event.readOnly);
		const {events, pages} = await collect({LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'false'}]});
		expect(events.length).toBe(expected.length);
		expect(events.length).toBeGreaterThan(300);
		expect(pages).toBe(Math.ceil(expected.length / 50));
		expect(events.map(event => event.EventId)).toEqual(expected.map(event => event.id));
		const times = events.map(event => event.EventTime!.getTime());
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(new Set(events.map(event => event.EventId)).size).toBe(events.length);
		expect(times.every(time => time % 1000 === 0 && time <= fixedNow.getTime() && time > fixedNow.getTime() - 90 * day)).toBe(true);
	});

	it('sends events in the real shape: string ReadOnly, epoch EventTime, full CloudTrailEvent record', async () => {
		const output = await client.send(new LookupEventsCommand({MaxResults: 50}));
		expect(output.Events).toHaveLength(50);
		expect(output.NextToken).toEqual(expect.any(String));
		for (const event of output.Events ?? []) {
			expect(['true', 'false']).toContain(event.ReadOnly);
			expect(event.EventTime).toBeInstanceOf(Date);
			const record = JSON.parse(event.CloudTrailEvent!) as Record<string, unknown>;
			expect(record).toMatchObject({
				eventID: event.EventId,
				eventName: event.EventName,
				eventSource: event.EventSource,
				readOnly: event.ReadOnly === 'true',
				managementEvent: true,
				eventCategory: 'Management',
				recipientAccountId: '111111111111',
			});
			expect(['1.08', '1.09']).toContain(record['eventVersion']);
			expect(['AwsApiCall', 'AwsConsoleSignIn', 'AwsServiceEvent']).toContain(record['eventType']);
			expect(new Date(String(record['eventTime'])).getTime()).toBe(event.EventTime!.getTime());
			expect(String(record['eventTime'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		}
	});

	it('covers every identity type, the usual services, errors and about a third writes', async () => {
		const store = new EventStore(7, fixedNow, 1500);
		const events = store.events('111111111111', 'us-east-1');
		const records = events.map(event => JSON.parse(event.cloudTrailEvent()) as {userIdentity: {type?: string; arn?: string}; eventSource: string; errorCode?: string; awsRegion: string});
		const types = new Set(records.map(record => record.userIdentity.type));
		for (const type of ['IAMUser', 'AssumedRole', 'Root', 'AWSService', 'FederatedUser']) {
			expect(types).toContain(type);
		}

		expect(records.some(record => record.userIdentity.arn?.includes('assumed-role/AWSReservedSSO_'))).toBe(true);
		const sources = new Set(records.map(record => record.eventSource));
		for (const source of ['iam', 'sts', 's3', 'ec2', 'lambda', 'kms', 'cloudtrail', 'signin']) {
			expect(sources).toContain(`${source}.amazonaws.com`);
		}

		const errorCodes = new Set(records.map(record => record.errorCode).filter(Boolean));
		expect(errorCodes.size).toBeGreaterThan(3);
		const writes = events.filter(event => !event.readOnly).length / events.length;
		expect(writes).toBeGreaterThan(0.25);
		expect(writes).toBeLessThan(0.42);
		expect(events.some(event => event.username === undefined)).toBe(true);
		// IAM, STS and sign-in are global: recorded in us-east-1 only.
		const europe = store.events('111111111111', 'eu-west-1');
		expect(europe.length).toBeGreaterThan(100);
		expect(europe.some(event => ['iam.amazonaws.com', 'sts.amazonaws.com', 'signin.amazonaws.com', 'cloudfront.amazonaws.com'].includes(event.source))).toBe(false);
	});

	it('filters by each of the eight attributes, exactly and case-sensitively', async () => {
		const id = emulator.addEvent({
			accountId: '111111111111',
			region: 'us-east-1',
			eventName: 'PutBucketPolicy',
			eventSource: 's3.amazonaws.com',
			username: 'Filter-Target',
			resources: [{type: 'AWS::S3::Bucket', name: 'unique-filter-bucket'}],
			record: {userIdentity: {type: 'IAMUser', userName: 'Filter-Target', accessKeyId: 'AKIAFILTERTARGET0001'}},
		});
		const cases: Array<[string, string]> = [
			['EventId', id],
			['Username', 'Filter-Target'],
			['ResourceName', 'unique-filter-bucket'],
			['AccessKeyId', 'AKIAFILTERTARGET0001'],
		];
		for (const [key, value] of cases) {
			const output = await client.send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: key as 'EventId', AttributeValue: value}]}));
			expect(output.Events?.map(event => event.EventId), key).toEqual([id]);
		}

		const lower = await client.send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'Username', AttributeValue: 'filter-target'}]}));
		expect(lower.Events).toEqual([]);

		const byName = await collect({LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: 'PutBucketPolicy'}]});
		expect(byName.events.length).toBeGreaterThan(1);
		expect(byName.events.every(event => event.EventName === 'PutBucketPolicy')).toBe(true);
		const bySource = await collect({LookupAttributes: [{AttributeKey: 'EventSource', AttributeValue: 'kms.amazonaws.com'}]});
		expect(bySource.events.length).toBeGreaterThan(1);
		expect(bySource.events.every(event => event.EventSource === 'kms.amazonaws.com')).toBe(true);
		const byType = await collect({LookupAttributes: [{AttributeKey: 'ResourceType', AttributeValue: 'AWS::EC2::Instance'}]});
		expect(byType.events.length).toBeGreaterThan(1);
		expect(byType.events.every(event => event.Resources?.some(resource => resource.ResourceType === 'AWS::EC2::Instance'))).toBe(true);
		const reads = await client.send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'true'}]}));
		expect(reads.Events?.every(event => event.ReadOnly === 'true')).toBe(true);
	});

	it('treats StartTime and EndTime as inclusive, to the second', async () => {
		const time = new Date(fixedNow.getTime() - 20 * day);
		const id = emulator.addEvent({accountId: '222222222222', region: 'ap-southeast-2', eventName: 'StopInstances', time});
		const dev = cloudTrail(emulator, 'demo-dev', 'ap-southeast-2');
		const exact = await dev.send(new LookupEventsCommand({StartTime: time, EndTime: time}));
		expect(exact.Events?.map(event => event.EventId)).toEqual([id]);
		const after = await dev.send(new LookupEventsCommand({StartTime: new Date(time.getTime() + 1000), EndTime: new Date(time.getTime() + 2000)}));
		expect(after.Events?.some(event => event.EventId === id)).toBe(false);
	});

	it('only returns the last 90 days', async () => {
		const old = emulator.addEvent({accountId: '222222222222', region: 'eu-west-1', eventName: 'DeleteBucket', time: new Date(fixedNow.getTime() - 91 * day)});
		const recent = emulator.addEvent({accountId: '222222222222', region: 'eu-west-1', eventName: 'DeleteBucket', time: new Date(fixedNow.getTime() - 89 * day)});
		const dev = cloudTrail(emulator, 'demo-dev', 'eu-west-1');
		const found = await collect({StartTime: new Date(fixedNow.getTime() - 100 * day), LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: 'DeleteBucket'}]}, undefined, dev);
		const ids = found.events.map(event => event.EventId);
		expect(ids).toContain(recent);
		expect(ids).not.toContain(old);
	});

	it('answers EventCategory=insight with no events', async () => {
		const output = await client.send(new LookupEventsCommand({EventCategory: 'insight'}));
		expect(output.Events).toEqual([]);
	});
});
