// The real SDK, over real HTTP, against the local emulator, which enforces CloudTrail's quotas:
// 2 LookupEvents and 10 get/describe/list calls in any 1 s window per account and region.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createAwsBackend} from '../../source/services/backend.js';
import {resetSharedRateLimiters} from '../../source/services/rate-limiter.js';
import {writeEventsAttribute, type ProfileEntry, type TrailEvent} from '../../source/domain/types.js';

/** What every screen and script asks for today: write events only. */
const writeEvents = {attribute: writeEventsAttribute};

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({seed: 7, eventsPerRegion: 2000});
});

afterAll(async () => {
	await emulator?.stop();
});

beforeEach(() => {
	emulator.clearFailures();
	emulator.resetCounts();
	resetSharedRateLimiters();
});

function demoBackend(accounts = emulator.accounts) {
	return createAwsBackend({env: {}, demo: {endpoint: emulator.endpoint, accounts}});
}

async function profile(label: string, backend = demoBackend()): Promise<ProfileEntry> {
	const found = (await backend.listProfiles()).find((entry) => entry.name === label);
	expect(found).toBeDefined();
	return found!;
}

async function take(pages: AsyncIterable<TrailEvent[]>, count: number): Promise<TrailEvent[][]> {
	const result: TrailEvent[][] = [];
	for await (const page of pages) {
		result.push(page);
		if (result.length === count) {
			break;
		}
	}

	return result;
}

describe('against the emulator', () => {
	it('connects and reports who the credentials belong to', async () => {
		const backend = demoBackend();
		const session = await backend.connect(await profile('demo-prod', backend), {region: 'us-east-1'});
		const account = emulator.accounts.find((candidate) => candidate.label === 'demo-prod')!;
		expect(session.identity.account).toBe(account.accountId);
		expect(session.identity.arn).toBe(account.userArn);
		expect(session.maskedAccessKeyId).toBe(`${account.accessKeyId.slice(0, 4)}…${account.accessKeyId.slice(-4)}`);
	});

	it('gives one archive and one Lake service per region, bound to the session', async () => {
		const backend = demoBackend();
		const session = await backend.connect(await profile('demo-prod', backend), {region: 'us-east-1'});
		const archive = session.archiveFor('eu-west-1');
		expect(archive.region).toBe('eu-west-1');
		expect(session.archiveFor('eu-west-1')).toBe(archive);
		expect(session.archiveFor('us-east-1')).not.toBe(archive);
		const lake = session.lakeFor('eu-west-1');
		expect(lake.region).toBe('eu-west-1');
		expect(session.lakeFor('eu-west-1')).toBe(lake);
		expect(session.lakeFor('us-east-1')).not.toBe(lake);
	});

	it('lists trails, with a status error for a trail whose status is denied', async () => {
		const backend = demoBackend();
		const session = await backend.connect(await profile('demo-restricted', backend), {region: 'us-east-1'});
		const trails = await session.serviceFor('us-east-1').listTrails();
		expect(trails.length).toBeGreaterThan(0);
		for (const trail of trails) {
			expect(trail.arn).toMatch(/^arn:aws:cloudtrail:/);
			expect(trail.statusError).toMatch(/Access denied/);
			expect(trail.isLogging).toBeUndefined();
		}

		const prod = await demoBackend().connect(await profile('demo-prod'), {region: 'us-east-1'});
		const prodTrails = await prod.serviceFor('us-east-1').listTrails();
		expect(prodTrails.some((trail) => trail.isLogging !== undefined)).toBe(true);
	});

	it('walks many pages from two callers at once without a single throttle', async () => {
		const backend = demoBackend();
		const entry = await profile('demo-prod', backend);
		const [first, second] = await Promise.all([
			backend.connect(entry, {region: 'us-east-1'}),
			backend.connect(entry, {region: 'us-east-1'}),
		]);
		const [a, b] = await Promise.all([
			take(first.serviceFor('us-east-1').lookupEvents({...writeEvents, pageSize: 50}), 4),
			take(second.serviceFor('us-east-1').lookupEvents({...writeEvents, pageSize: 20}), 3),
		]);

		expect(a).toHaveLength(4);
		expect(b).toHaveLength(3);
		const events = a.flat();
		expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
		expect(events.every((event) => event.readOnly === false)).toBe(true);
		const counts = emulator.requestCounts();
		// The emulator throttles a third call in any second, so none throttled means paced.
		expect(counts['LookupEvents']).toBe(7);
		expect(counts['throttled'] ?? 0).toBe(0);
	}, 30_000);

	it('lists trails for three panes at once without a single throttle', async () => {
		const backend = demoBackend();
		const session = await backend.connect(await profile('demo-prod', backend), {region: 'us-east-1'});
		const service = session.serviceFor('us-east-1');
		const listings = await Promise.all([service.listTrails(), service.listTrails(), service.listTrails()]);
		expect(listings.map((trails) => trails.map((trail) => trail.name))).toEqual([['organization-trail'], ['organization-trail'], ['organization-trail']]);
		const counts = emulator.requestCounts();
		// More calls than the service's 10 a second, spread out by the shared trail limiter.
		expect((counts['ListTrails'] ?? 0) + (counts['DescribeTrails'] ?? 0) + (counts['GetTrailStatus'] ?? 0)).toBeGreaterThan(10);
		expect(counts['throttled'] ?? 0).toBe(0);
	}, 30_000);

	it('hands the requests a prefetching connect started to the screen, within the account\'s shared budget', async () => {
		const backend = demoBackend();
		const entry = await profile('demo-prod', backend);
		const session = await backend.connect(entry, {region: 'us-east-1', prefetch: true});
		// Another caller on the same account, keyed by account from the start.
		const other = await backend.connect(entry, {region: 'us-east-1'});
		const [trails, mine, theirs] = await Promise.all([
			session.serviceFor('us-east-1').listTrails(),
			take(session.serviceFor('us-east-1').lookupEvents(writeEvents), 3),
			take(other.serviceFor('us-east-1').lookupEvents({...writeEvents, pageSize: 20}), 2),
		]);
		expect(trails.length).toBeGreaterThan(0);
		expect(mine).toHaveLength(3);
		expect(theirs).toHaveLength(2);
		const counts = emulator.requestCounts();
		// The prefetched first page and trails were not asked for a second time.
		expect(counts['LookupEvents']).toBe(5);
		expect(counts['DescribeTrails']).toBe(1);
		// The request made before the account was known still counted against the account's limit.
		expect(counts['throttled'] ?? 0).toBe(0);
	}, 30_000);

	it('rejects a wrong secret as invalid credentials', async () => {
		const accounts = emulator.accounts.map((account) => ({...account, secretAccessKey: `${account.secretAccessKey}x`}));
		const backend = demoBackend(accounts);
		const error = await backend.connect(await profile('demo-dev', backend), {region: 'us-east-1'}).catch((error_: unknown) => error_);
		expect(error).toMatchObject({kind: 'invalid-credentials'});
		expect(String((error as Error).message)).not.toContain(accounts[0]!.secretAccessKey);
	});

	it('reports a response it cannot read as a service error', async () => {
		const backend = demoBackend();
		const session = await backend.connect(await profile('demo-dev', backend), {region: 'us-east-1'});
		emulator.failOperation('LookupEvents', 'malformed');
		const error = await take(session.serviceFor('us-east-1').lookupEvents(writeEvents), 1).catch((error_: unknown) => error_);
		expect(error).toMatchObject({kind: 'service', message: 'The service sent a response trailview could not read.'});
	}, 30_000);

	it('maps an injected ExpiredTokenException', async () => {
		const backend = demoBackend();
		const session = await backend.connect(await profile('demo-dev', backend), {region: 'us-east-1'});
		emulator.failOperation('DescribeTrails', {code: 'ExpiredTokenException', message: 'The security token included in the request is expired', status: 400});
		await expect(session.serviceFor('us-east-1').listTrails()).rejects.toMatchObject({kind: 'expired-credentials'});
	});

	it('names the refused endpoint when nothing listens there', async () => {
		const backend = createAwsBackend({
			env: {},
			demo: {endpoint: 'http://127.0.0.1:9', accounts: emulator.accounts},
		});
		const error = await backend.connect(await profile('demo-dev', backend), {region: 'us-east-1'}).catch((error_: unknown) => error_);
		expect(error).toMatchObject({kind: 'network'});
		expect((error as Error).message).toContain('127.0.0.1');
	}, 30_000);

	it('assumes a role through the explicit endpoint, from a profile in the shared files', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'trailview-assume-'));
		try {
			const source = emulator.accounts.find((account) => account.label === 'demo-prod')!;
			const target = emulator.accounts.find((account) => account.label === 'demo-dev')!;
			const env = {AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials')};
			await writeFile(env.AWS_SHARED_CREDENTIALS_FILE, `[base]\naws_access_key_id = ${source.accessKeyId}\naws_secret_access_key = ${source.secretAccessKey}\n`);
			await writeFile(env.AWS_CONFIG_FILE, `[profile dev-admin]\nrole_arn = arn:aws:iam::${target.accountId}:role/Admin\nsource_profile = base\nregion = eu-west-1\n`);
			const backend = createAwsBackend({env, endpointUrl: emulator.endpoint});
			const entry = (await backend.listProfiles()).find((candidate) => candidate.name === 'dev-admin')!;
			expect(entry.kind).toBe('assume-role');

			const session = await backend.connect(entry, {region: 'eu-west-1'});
			expect(session.identity.account).toBe(target.accountId);
			expect(session.identity.arn).toMatch(/:assumed-role\/Admin\//);
			expect(session.expiration).toBeInstanceOf(Date);
			expect(emulator.requestCounts()['AssumeRole']).toBe(1);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});
