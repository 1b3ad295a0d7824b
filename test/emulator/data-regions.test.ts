// Issue 13: history in every default region for the all-regions view and its benchmark, with the
// events CloudTrail records only in us-east-1 (IAM, STS, CloudFront, console sign-in) found there
// and nowhere else, and the default data set unchanged for everything built on it.
import {LookupEventsCommand, type CloudTrailClient, type Event} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {defaultRegions, startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow} from './helpers.js';

const prod = '111111111111';
const dev = '222222222222';
const restricted = '333333333333';
const eventsPerRegion = 400;
const globalSources = ['iam.amazonaws.com', 'sts.amazonaws.com', 'cloudfront.amazonaws.com', 'signin.amazonaws.com'];
let wide: Emulator;
let demo: Emulator;

beforeAll(async () => {
	[wide, demo] = await Promise.all([
		startEmulator({now: fixedNow, eventsPerRegion, regions: 'all-default', rateLimitPerSecond: false}),
		startEmulator({now: fixedNow, eventsPerRegion, rateLimitPerSecond: false}),
	]);
});

afterAll(async () => {
	await Promise.all([wide?.stop(), demo?.stop()]);
});

async function all(client: CloudTrailClient, input: ConstructorParameters<typeof LookupEventsCommand>[0] = {}): Promise<Event[]> {
	const events: Event[] = [];
	let token: string | undefined;
	do {
		// Each page needs the previous page's token.
		const output = await client.send(new LookupEventsCommand({...input, MaxResults: 50, NextToken: token}));
		events.push(...(output.Events ?? []));
		token = output.NextToken;
	} while (token);

	return events;
}

const quiet = (weight: number): number => Math.round(eventsPerRegion * weight * 0.3);

describe("regions: 'all-default'", () => {
	it('holds history in all 17 default regions of every account, sized as documented', async () => {
		const counts = await Promise.all(defaultRegions.map(async region => (await all(cloudTrail(wide, 'demo-dev', region))).length));
		const expected = defaultRegions.map(region => ({'us-east-1': 200, 'eu-west-1': 100, 'ap-southeast-2': 40})[region as string] ?? quiet(0.5));
		expect(counts).toEqual(expected);
		expect(wide.eventCount(dev, 'us-west-2')).toBe(quiet(0.5));
		expect(wide.eventCount(prod)).toBe(400 + 160 + 80 + 20 + 14 * quiet(1));
		expect(wide.eventCount()).toBe(wide.eventCount(prod) + wide.eventCount(dev) + wide.eventCount(restricted));
	});

	it('keeps the demo regions\' events exactly as in the default data set', async () => {
		for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'ap-southeast-3']) {
			const [inWide, inDemo] = await Promise.all([all(cloudTrail(wide, 'demo-prod', region)), all(cloudTrail(demo, 'demo-prod', region))]);
			expect(inWide.map(event => event.EventId)).toEqual(inDemo.map(event => event.EventId));
			expect(inWide.length).toBeGreaterThan(0);
		}

		// The default data set has no history outside its regions.
		expect(await all(cloudTrail(demo, 'demo-prod', 'us-west-2'))).toEqual([]);
		expect(demo.eventCount(prod)).toBe(400 + 160 + 80 + 20);
	});

	it('records IAM, STS, CloudFront and sign-in events in us-east-1 only, each record naming its own region', async () => {
		for (const source of globalSources) {
			const home = await all(cloudTrail(wide, 'demo-prod', 'us-east-1'), {LookupAttributes: [{AttributeKey: 'EventSource', AttributeValue: source}]});
			expect(home.length, source).toBeGreaterThan(0);
		}

		const elsewhere = defaultRegions.filter(region => region !== 'us-east-1');
		const pages = await Promise.all(elsewhere.map(async region => ({region, events: await all(cloudTrail(wide, 'demo-prod', region))})));
		for (const {region, events} of pages) {
			expect(events.length).toBeGreaterThan(0);
			expect(events.filter(event => globalSources.includes(event.EventSource ?? '')).map(event => event.EventName), region).toEqual([]);
			expect(new Set(events.map(event => (JSON.parse(event.CloudTrailEvent ?? '{}') as {awsRegion?: string}).awsRegion))).toEqual(new Set([region]));
		}
	});
});

describe('regions: a list', () => {
	it('puts history in exactly the listed regions', async () => {
		const listed = await startEmulator({now: fixedNow, eventsPerRegion, regions: ['us-east-1', 'us-west-2', 'eu-central-1'], rateLimitPerSecond: false});
		try {
			const counts = Object.fromEntries(
				await Promise.all(['us-east-1', 'us-west-2', 'eu-central-1', 'eu-west-1'].map(async region => [region, (await all(cloudTrail(listed, 'demo-prod', region))).length])),
			);
			expect(counts).toEqual({'us-east-1': 400, 'us-west-2': quiet(1), 'eu-central-1': quiet(1), 'eu-west-1': 0});
		} finally {
			await listed.stop();
		}
	});

	it('refuses a name that is no region', async () => {
		await expect(startEmulator({regions: ['us-east-1', 'eu-wset-1']})).rejects.toThrow(/eu-wset-1 is not a region/);
	});
});

describe('evenRegions', () => {
	it('gives every region with history as many events as the account\'s busiest, for the all-regions benchmark', async () => {
		const even = await startEmulator({now: fixedNow, eventsPerRegion, regions: 'all-default', evenRegions: true, rateLimitPerSecond: false});
		try {
			expect(defaultRegions.map(region => even.eventCount(prod, region))).toEqual(defaultRegions.map(() => eventsPerRegion));
			expect(defaultRegions.map(region => even.eventCount(dev, region))).toEqual(defaultRegions.map(() => eventsPerRegion / 2));
			const [east, south] = await Promise.all(['us-east-1', 'ap-southeast-2'].map(async region => all(cloudTrail(even, 'demo-prod', region))));
			expect([east!.length, south!.length]).toEqual([eventsPerRegion, eventsPerRegion]);
			// Still only where the data set puts history: an opt-in region demo-prod has not enabled holds none.
			expect(even.eventCount(prod, 'me-south-1')).toBe(0);
		} finally {
			await even.stop();
		}
	});
});
