// Issue 12: a query sends LookupEvents one attribute and a window fixed once, so every page's
// NextToken sees the parameters that produced it. The emulator refuses a token with any other
// parameters, as CloudTrail does; a recording proxy shows what the real service module sent.
import {LookupEventsCommand, type CloudTrailClient} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {EventStore} from '../../source/emulator/event-store.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createAwsBackend} from '../../source/services/backend.js';
import {resetSharedRateLimiters} from '../../source/services/rate-limiter.js';
import type {CloudTrailService, LookupOptions, TrailEvent} from '../../source/domain/types.js';
import {cloudTrail, fixedNow, rejectionOf} from './helpers.js';
import {recordingProxy, withoutToken, type RecordingProxy} from './recording-proxy.js';

const day = 86_400_000;
const seed = 11;
const eventsPerRegion = 1500;
const prodAccount = '111111111111';
let emulator: Emulator;
let proxy: RecordingProxy;
let client: CloudTrailClient;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, seed, eventsPerRegion, rateLimitPerSecond: false});
	proxy = await recordingProxy(emulator.endpoint);
	client = cloudTrail(emulator);
});

afterAll(async () => {
	await proxy?.stop();
	await emulator?.stop();
});

beforeEach(() => {
	proxy.lookups.length = 0;
	resetSharedRateLimiters();
});

/** The real service module, through the proxy, paging the loopback emulator fast (its limit is off here). */
async function service(): Promise<CloudTrailService> {
	const backend = createAwsBackend({env: {TRAILVIEW_LOOKUP_RPS: '50'}, demo: {endpoint: proxy.endpoint, accounts: emulator.accounts}});
	const profile = (await backend.listProfiles()).find(entry => entry.name === 'demo-prod')!;
	const session = await backend.connect(profile, {region: 'us-east-1'});
	return session.serviceFor('us-east-1');
}

async function all(lookup: LookupOptions): Promise<TrailEvent[]> {
	const events: TrailEvent[] = [];
	for await (const page of (await service()).lookupEvents(lookup)) {
		events.push(...page);
	}

	return events;
}

/** The emulator's own data, as a reference no client code touched. */
const reference = new EventStore(seed, fixedNow, eventsPerRegion).events(prodAccount, 'us-east-1');

describe('NextToken and the query parameters', () => {
	it('the emulator refuses a token sent with another EndTime, another attribute value, or no attribute', async () => {
		const LookupAttributes = [{AttributeKey: 'Username' as const, AttributeValue: 'alice'}];
		const StartTime = new Date(fixedNow.getTime() - 30 * day);
		const EndTime = new Date(fixedNow.getTime() - day);
		const first = await client.send(new LookupEventsCommand({LookupAttributes, StartTime, EndTime, MaxResults: 5}));
		expect(first.NextToken).toEqual(expect.any(String));
		const next = await client.send(new LookupEventsCommand({LookupAttributes, StartTime, EndTime, MaxResults: 5, NextToken: first.NextToken}));
		expect(next.Events).toHaveLength(5);

		const variants = [
			{LookupAttributes, StartTime, EndTime: new Date(EndTime.getTime() + 1000)},
			{LookupAttributes: [{AttributeKey: 'Username' as const, AttributeValue: 'Alice'}], StartTime, EndTime},
			{StartTime, EndTime},
			{LookupAttributes: [{AttributeKey: 'EventName' as const, AttributeValue: 'alice'}], StartTime, EndTime},
		];
		for (const variant of variants) {
			const error = await rejectionOf(client.send(new LookupEventsCommand({...variant, NextToken: first.NextToken})));
			expect(error.name).toBe('InvalidNextTokenException');
		}
	});

	it('the service sends one attribute and the same window on every page, and gets exactly the matching events', async () => {
		const start = new Date(fixedNow.getTime() - 60 * day);
		const end = new Date(fixedNow.getTime() - 2 * day);
		const events = await all({attribute: {key: 'Username', value: 'alice'}, start, end, pageSize: 20});

		const expected = reference.filter(event => event.username === 'alice' && event.timeMs >= start.getTime() && event.timeMs <= end.getTime());
		expect(expected.length).toBeGreaterThan(60);
		expect(events.map(event => event.id)).toEqual(expected.map(event => event.id));

		const bodies = proxy.lookups;
		expect(bodies).toHaveLength(Math.ceil(expected.length / 20));
		expect(bodies[0]).not.toHaveProperty('NextToken');
		expect(bodies.slice(1).every(body => typeof body['NextToken'] === 'string')).toBe(true);
		expect(withoutToken(bodies[0]!)).toEqual({
			LookupAttributes: [{AttributeKey: 'Username', AttributeValue: 'alice'}],
			StartTime: start.getTime() / 1000,
			EndTime: end.getTime() / 1000,
			MaxResults: 20,
		});
		for (const body of bodies) {
			expect(withoutToken(body)).toEqual(withoutToken(bodies[0]!));
		}
	});

	it('without an attribute the service sends none and every event comes back, read-only ones too', async () => {
		const start = new Date(fixedNow.getTime() - 5 * day);
		const end = fixedNow;
		const events = await all({start, end});

		const expected = reference.filter(event => event.timeMs >= start.getTime());
		expect(expected.some(event => event.readOnly)).toBe(true);
		expect(events.map(event => event.id)).toEqual(expected.map(event => event.id));
		expect(proxy.lookups.length).toBeGreaterThan(1);
		for (const body of proxy.lookups) {
			expect(body).not.toHaveProperty('LookupAttributes');
			expect(withoutToken(body)).toEqual(withoutToken(proxy.lookups[0]!));
		}
	});

	it('ReadOnly=false as the attribute gives the write events only, as every screen asks today', async () => {
		const start = new Date(fixedNow.getTime() - 10 * day);
		const events = await all({attribute: {key: 'ReadOnly', value: 'false'}, start, end: fixedNow});
		const expected = reference.filter(event => !event.readOnly && event.timeMs >= start.getTime());
		expect(events.map(event => event.id)).toEqual(expected.map(event => event.id));
		expect(proxy.lookups.every(body => JSON.stringify(body['LookupAttributes']) === '[{"AttributeKey":"ReadOnly","AttributeValue":"false"}]')).toBe(true);
	});
});
