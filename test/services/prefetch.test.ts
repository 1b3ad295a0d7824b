// With --profile and --region the main screen's first requests start with the identity check,
// not after it; the screen takes them over, and an abandoned choice leaves none running.
import {CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, ListTrailsCommand, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {mockClient} from 'aws-sdk-client-mock';
import {afterAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {createAwsBackend} from '../../source/services/backend.js';
import {prefetchingService} from '../../source/services/prefetch.js';
import {resetSharedRateLimiters} from '../../source/services/rate-limiter.js';
import {writeEventsAttribute, type CloudTrailService, type LookupOptions, type ProfileEntry, type Trail, type TrailEvent} from '../../source/domain/types.js';
import {deferred, makeEvent, makeTrail} from '../helpers/fakes.js';

/** What every screen and script asks for today: write events only. */
const writeEvents = {attribute: writeEventsAttribute};

const cloudTrailMock = mockClient(CloudTrailClient);
const stsMock = mockClient(STSClient);
const trailArn = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/home';
const identity = {Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/alice', UserId: 'AIDAEXAMPLE'};
const sandbox: ProfileEntry = {name: 'Sandbox', kind: 'demo', detail: '', region: undefined};

beforeEach(() => {
	cloudTrailMock.reset();
	stsMock.reset();
	resetSharedRateLimiters();
	cloudTrailMock.on(ListTrailsCommand).resolves({Trails: [{TrailARN: trailArn, Name: 'home', HomeRegion: 'eu-west-1'}]});
	cloudTrailMock.on(DescribeTrailsCommand).resolves({trailList: [{TrailARN: trailArn, Name: 'home', HomeRegion: 'eu-west-1'}]});
	cloudTrailMock.on(GetTrailStatusCommand).resolves({IsLogging: true});
	cloudTrailMock.on(LookupEventsCommand).resolves({
		Events: [{EventId: 'e-1', EventName: 'CreateUser', EventSource: 'iam.amazonaws.com', EventTime: new Date('2026-11-24T10:00:00Z')}],
	});
});

afterAll(() => {
	cloudTrailMock.restore();
	stsMock.restore();
});

function backend() {
	return createAwsBackend({
		env: {},
		demo: {
			endpoint: 'http://127.0.0.1:1',
			accounts: [{label: 'Sandbox', description: 'd', accessKeyId: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'}],
		},
	});
}

/** The abort signal a mocked command was sent with. */
function signalOf(command: typeof LookupEventsCommand | typeof ListTrailsCommand): AbortSignal | undefined {
	// The paginators pass {abortSignal} to send() after the command.
	const args = cloudTrailMock.commandCalls(command)[0]?.args as unknown[] | undefined;
	const options = args?.[1] as {abortSignal?: AbortSignal} | undefined;
	return options?.abortSignal;
}

async function firstPage(pages: AsyncIterable<TrailEvent[]>): Promise<TrailEvent[] | undefined> {
	for await (const page of pages) {
		return page;
	}

	return undefined;
}

describe('connect with prefetch', () => {
	it('sends the trails and first events requests before the identity check answers, and the main screen takes them over', async () => {
		const held = deferred<typeof identity>();
		stsMock.on(GetCallerIdentityCommand).callsFake(async () => held.promise);
		const connecting = backend().connect(sandbox, {region: 'eu-west-1', prefetch: true});

		// The identity check is still unanswered while both other requests are already out.
		await vi.waitFor(() => {
			expect(stsMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
			expect(cloudTrailMock.commandCalls(LookupEventsCommand)).toHaveLength(1);
			expect(cloudTrailMock.commandCalls(ListTrailsCommand)).toHaveLength(1);
		});
		held.resolve(identity);
		const session = await connecting;
		expect(session.identity.account).toBe('111122223333');

		const service = session.serviceFor('eu-west-1');
		const screen = new AbortController();
		const [trails, page] = await Promise.all([service.listTrails({signal: screen.signal}), firstPage(service.lookupEvents({...writeEvents, signal: screen.signal}))]);
		expect(trails.map(trail => trail.name)).toEqual(['home']);
		expect(page?.map(event => event.name)).toEqual(['CreateUser']);
		// Taken over, not asked for again.
		expect(cloudTrailMock.commandCalls(LookupEventsCommand)).toHaveLength(1);
		expect(cloudTrailMock.commandCalls(ListTrailsCommand)).toHaveLength(1);

		// A refresh is a new request.
		await firstPage(service.lookupEvents({...writeEvents, signal: screen.signal}));
		expect(cloudTrailMock.commandCalls(LookupEventsCommand)).toHaveLength(2);
	});

	it('without prefetch (the picker flow) sends nothing to CloudTrail until a screen asks', async () => {
		stsMock.on(GetCallerIdentityCommand).resolves(identity);
		await backend().connect(sandbox, {region: 'eu-west-1'});
		expect(cloudTrailMock.calls()).toHaveLength(0);
	});

	it('aborts the prefetched requests when the identity check fails, and rejects as before', async () => {
		cloudTrailMock.on(LookupEventsCommand).callsFake(async () => new Promise(() => {}));
		stsMock
			.on(GetCallerIdentityCommand)
			.rejects(Object.assign(new Error('The security token included in the request is invalid.'), {name: 'InvalidClientTokenId', $metadata: {httpStatusCode: 403}}));
		await expect(backend().connect(sandbox, {region: 'eu-west-1', prefetch: true})).rejects.toMatchObject({kind: 'invalid-credentials'});
		expect(signalOf(LookupEventsCommand)?.aborted).toBe(true);
	});

	it('aborts the prefetched requests when the choice is abandoned mid-connect', async () => {
		cloudTrailMock.on(LookupEventsCommand).callsFake(async () => new Promise(() => {}));
		stsMock.on(GetCallerIdentityCommand).callsFake(async () => new Promise(() => {}));
		const choice = new AbortController();
		// The mocked identity check never answers, aborted or not: what matters here is the other two.
		void backend().connect(sandbox, {region: 'eu-west-1', prefetch: true, signal: choice.signal});
		await vi.waitFor(() => {
			expect(cloudTrailMock.commandCalls(LookupEventsCommand)).toHaveLength(1);
			expect(cloudTrailMock.commandCalls(ListTrailsCommand)).toHaveLength(1);
		});
		expect(signalOf(LookupEventsCommand)?.aborted).toBe(false);
		choice.abort();
		expect(signalOf(LookupEventsCommand)?.aborted).toBe(true);
		expect(signalOf(ListTrailsCommand)?.aborted).toBe(true);
	});
});

/** A service that records the signal of every request and never answers unless told to. */
function recordingService() {
	const signals: {trails: AbortSignal[]; events: AbortSignal[]} = {trails: [], events: []};
	const trails = deferred<Trail[]>();
	const service: CloudTrailService = {
		region: 'eu-west-1',
		async listTrails(options = {}) {
			signals.trails.push(options.signal!);
			return trails.promise;
		},
		lookupEvents(options: LookupOptions = {}) {
			signals.events.push(options.signal!);
			return (async function * () {
				yield [makeEvent(0)];
				yield [makeEvent(1)];
			})();
		},
		async getCallerIdentity() {
			return {account: '1', arn: 'a', userId: 'u'};
		},
	};
	return {service, signals, trails};
}

describe('prefetchingService', () => {
	it('once taken over, follows the screen: a later abort of the connect leaves it running, the screen unmounting aborts it', async () => {
		const {service, signals, trails} = recordingService();
		const choice = new AbortController();
		const prefetched = prefetchingService(service, choice.signal);
		const screen = new AbortController();
		const listed = prefetched.listTrails({signal: screen.signal});
		// The next profile pick aborts the previous connect's signal; the screen still needs its request.
		choice.abort();
		expect(signals.trails[0]?.aborted).toBe(false);
		trails.resolve([makeTrail()]);
		expect(await listed).toHaveLength(1);

		const pages = prefetched.lookupEvents({...writeEvents, signal: screen.signal})[Symbol.asyncIterator]();
		expect((await pages.next()).value).toEqual([makeEvent(0)]);
		screen.abort();
		expect(signals.events[0]?.aborted).toBe(true);
	});

	it('continues the prefetched walk after its first page, and leaves other queries to the service', async () => {
		const {service, signals} = recordingService();
		const prefetched = prefetchingService(service);
		const filtered = prefetched.lookupEvents({attribute: {key: 'Username', value: 'alice'}});
		expect(signals.events).toHaveLength(2);
		// All events (read-only too) is another query: the prefetched write events do not answer it.
		prefetched.lookupEvents({});
		expect(signals.events).toHaveLength(3);
		const pages: TrailEvent[][] = [];
		for await (const page of prefetched.lookupEvents(writeEvents)) {
			pages.push(page);
		}

		expect(pages).toEqual([[makeEvent(0)], [makeEvent(1)]]);
		expect(signals.events).toHaveLength(3);
		expect(await firstPage(filtered)).toEqual([makeEvent(0)]);
	});

	it('abandon() aborts what no screen took over', () => {
		const {service, signals} = recordingService();
		const prefetched = prefetchingService(service);
		prefetched.abandon();
		expect(signals.trails[0]?.aborted).toBe(true);
		expect(signals.events[0]?.aborted).toBe(true);
	});
});
