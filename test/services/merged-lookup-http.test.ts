// mergedLookup over real HTTP: the SDK against the emulator, which enforces CloudTrail's 2
// LookupEvents per second per account and region and answers each account and region apart.
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {prodAccountId} from '../../source/emulator/accounts.js';
import {createAwsBackend} from '../../source/services/backend.js';
import {mergedLookup} from '../../source/services/merged-lookup.js';
import {resetSharedRateLimiters} from '../../source/services/rate-limiter.js';
import {type EventSource, type Session, type SkippedSource, type TrailEvent, writeEventsAttribute} from '../../source/domain/types.js';

const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

let emulator: Emulator;

beforeAll(async () => {
	// The rate limit stays on (2 per second): a merged read must never be throttled.
	emulator = await startEmulator({seed: 11, eventsPerRegion: 250});
});

afterAll(async () => {
	await emulator?.stop();
});

beforeEach(() => {
	emulator.clearFailures();
	emulator.resetCounts();
	resetSharedRateLimiters();
});

async function connect(label: string): Promise<Session> {
	const backend = createAwsBackend({env: {}, demo: {endpoint: emulator.endpoint, accounts: emulator.accounts}});
	const profile = (await backend.listProfiles()).find(entry => entry.name === label)!;
	return backend.connect(profile, {region: 'us-east-1'});
}

function sourcesOf(session: Session, inRegions: readonly string[]): EventSource[] {
	return inRegions.map(region => ({
		account: session.identity.account,
		accountLabel: session.profile.name,
		region,
		service: session.serviceFor(region),
	}));
}

async function all(pages: AsyncIterable<TrailEvent[]>): Promise<TrailEvent[]> {
	const events: TrailEvent[] = [];
	for await (const page of pages) {
		events.push(...page);
	}

	return events;
}

/** Each source read on its own, then put in the merge's order: time, then source order, then the source's own. */
async function reference(sources: readonly EventSource[]): Promise<Array<{id: string; account: string; region: string}>> {
	const rows: Array<{id: string; time: number; source: number; position: number; account: string; region: string}> = [];
	for (const [source, {service, account, region}] of sources.entries()) {
		const events = await all(service.lookupEvents({attribute: writeEventsAttribute}));
		rows.push(...events.map((event, position) => ({id: event.id, time: event.time.getTime(), source, position, account, region})));
	}

	rows.sort((a, b) => b.time - a.time || a.source - b.source || a.position - b.position);
	return rows.map(({id, account, region}) => ({id, account, region}));
}

const rowsOf = (events: readonly TrailEvent[]) => events.map(event => ({id: event.id, account: event.origin!.account, region: event.origin!.region}));

describe('mergedLookup against the emulator', () => {
	it('returns exactly the union of three regions, newest first, without one throttled answer', async () => {
		const session = await connect('demo-prod');
		const sources = sourcesOf(session, regions);
		const merged = await all(mergedLookup(sources, {attribute: writeEventsAttribute}));
		expect(emulator.requestCounts()['throttled'] ?? 0).toBe(0);
		const expected = await reference(sources);
		expect(new Set(expected.map(row => row.region))).toEqual(new Set(regions));
		expect(rowsOf(merged)).toEqual(expected);
	});

	it('merges two accounts into one timeline with the right account on every row', async () => {
		const sources = [...sourcesOf(await connect('demo-prod'), ['us-east-1']), ...sourcesOf(await connect('demo-dev'), ['us-east-1'])];
		const merged = await all(mergedLookup(sources, {attribute: writeEventsAttribute}));
		const expected = await reference(sources);
		expect(new Set(expected.map(row => row.account)).size).toBe(2);
		expect(rowsOf(merged)).toEqual(expected);
		expect(new Set(merged.map(event => event.origin!.accountLabel))).toEqual(new Set(['demo-prod', 'demo-dev']));
	});

	it('skips the regions that deny LookupEvents and keeps the rest complete', async () => {
		// demo-restricted's SCP allows LookupEvents in us-east-1 only.
		const session = await connect('demo-restricted');
		const skipped: SkippedSource[] = [];
		const merged = await all(mergedLookup(sourcesOf(session, regions), {attribute: writeEventsAttribute, onSkip: skip => skipped.push(skip)}));
		expect(skipped.map(skip => [skip.region, skip.reason]).sort()).toEqual([
			['ap-southeast-2', 'access-denied'],
			['eu-west-1', 'access-denied'],
		]);
		expect(skipped[0]!.error.message).toMatch(/Access denied to cloudtrail:LookupEvents/);
		expect(rowsOf(merged)).toEqual(await reference(sourcesOf(session, ['us-east-1'])));
	});

	it.each([
		['AccessDeniedException', 'access-denied'],
		// The real service's answer for an opt-in region the account has not enabled.
		['UnrecognizedClientException', 'not-enabled'],
	])('names the one region that answered %s and keeps the others complete', async (code, reason) => {
		const session = await connect('demo-prod');
		// The first LookupEvents of this account fails, whichever region sends it first.
		emulator.failOperation('LookupEvents', {code, status: 400, message: 'injected'}, {accountId: prodAccountId, times: 1});
		const skipped: SkippedSource[] = [];
		const merged = await all(mergedLookup(sourcesOf(session, regions), {attribute: writeEventsAttribute, onSkip: skip => skipped.push(skip)}));
		expect(skipped.map(skip => skip.reason)).toEqual([reason]);
		const others = regions.filter(region => region !== skipped[0]!.region);
		expect(rowsOf(merged)).toEqual(await reference(sourcesOf(session, others)));
	});
});
