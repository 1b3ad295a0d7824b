// A throttling storm longer than the SDK's retries, through the SDK's real request pipeline on fake
// time: with a policy the service keeps trying (throttle-retry.ts) and every page arrives; with a
// budget it gives up when the budget is spent; without one it fails as the SDK leaves it.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {writeEventsAttribute, type ThrottleWait, type TrailEvent} from '../../source/domain/types.js';
import {MAX_ATTEMPTS} from '../../source/services/client.js';
import {createRateLimiter, pacing} from '../../source/services/rate-limiter.js';
import {fakeService, throttled, type Answer} from '../helpers/sdk-answers.js';

/** What every screen and script asks for today: write events only. */
const writeEvents = {attribute: writeEventsAttribute};

const stormMs = 20_000;

function event(id: string) {
	return {EventId: id, EventName: 'CreateUser', EventTime: 1_714_521_600, ReadOnly: 'false', CloudTrailEvent: '{}'};
}

/** Three pages; every LookupEvents request from the second page on is throttled for `ms` from when it first arrives. */
function stormOnPageTwo(ms: number) {
	let stormStart: number | undefined;
	return (_op: string, input: Record<string, unknown>): Answer => {
		const page = Number(input['NextToken'] ?? 1);
		if (page >= 2) {
			stormStart ??= Date.now();
			if (Date.now() - stormStart < ms) {
				return throttled;
			}
		}

		return {body: {Events: [event(`e${page}`)], ...(page < 3 ? {NextToken: String(page + 1)} : {})}};
	};
}

async function collect(pages: AsyncIterable<TrailEvent[]>): Promise<string[]> {
	const ids: string[] = [];
	for await (const page of pages) {
		ids.push(...page.map(item => item.id));
	}

	return ids;
}

/** Moves fake time on until `work` settles. */
async function settle<T>(work: Promise<T>): Promise<{result?: T; error?: unknown; ms: number}> {
	const started = Date.now();
	let outcome: {result?: T; error?: unknown} | undefined;
	work.then(
		result => (outcome = {result}),
		(error: unknown) => (outcome = {error}),
	);
	while (!outcome) {
		await vi.advanceTimersByTimeAsync(50);
	}

	return {...outcome, ms: Date.now() - started};
}

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('LookupEvents in a 20 s throttling storm', () => {
	it('with a policy and no budget (a pane), keeps trying past the SDK\'s retries and gets every page', async () => {
		const {service, reached} = fakeService(stormOnPageTwo(stormMs), {lookup: createRateLimiter(pacing['lookup-events'])});
		const waits: ThrottleWait[] = [];
		const {result, error} = await settle(collect(service.lookupEvents({...writeEvents, throttle: {onWait: wait => waits.push(wait)}})));
		expect(error).toBeUndefined();
		expect(result).toEqual(['e1', 'e2', 'e3']);
		expect(waits.length).toBeGreaterThan(0);
		expect(waits.map(wait => wait.retry)).toEqual(waits.map((_, index) => index + 1));
		// Each of our waits came only after the SDK had spent all its own tries (page 3 is the last request).
		const pageTwo = reached.slice(1, -1);
		expect(pageTwo.length).toBeGreaterThan(MAX_ATTEMPTS * waits.length);
		// It rode the storm out, and never went quiet for longer than the schedule's 30 s cap.
		expect(reached.at(-2)!.at - reached[1]!.at).toBeGreaterThanOrEqual(stormMs);
		const gaps = reached.slice(1).map((request, index) => request.at - reached[index]!.at);
		expect(Math.max(...gaps)).toBeLessThanOrEqual(30_000);
	});

	it('with a budget (a script\'s --max-wait), gives up with the throttling error when it is spent', async () => {
		const {service} = fakeService(stormOnPageTwo(10 * 60_000), {});
		const {error, ms} = await settle(collect(service.lookupEvents({...writeEvents, throttle: {maxWaitMs: 5000}})));
		expect(error).toMatchObject({kind: 'throttled'});
		// The SDK's tries, then at most the 5 s budget: nowhere near the storm's ten minutes.
		expect(ms).toBeLessThan(5000 + 30_000);
		expect(ms).toBeGreaterThanOrEqual(5000);
	});

	it('without a policy, fails once the SDK\'s retries are spent, as before', async () => {
		const {service, reached} = fakeService(stormOnPageTwo(stormMs), {});
		const {error} = await settle(collect(service.lookupEvents(writeEvents)));
		expect(error).toMatchObject({kind: 'throttled'});
		expect(reached).toHaveLength(1 + MAX_ATTEMPTS);
	});
});

describe('listTrails in a 20 s throttling storm', () => {
	it('with a policy, waits for every trail\'s status instead of marking it unreadable', async () => {
		let stormStart: number | undefined;
		const arns = ['a', 'b', 'c'].map(name => `arn:aws:cloudtrail:eu-west-1:111122223333:trail/${name}`);
		const {service} = fakeService(op => {
			if (op === 'ListTrails') {
				return {body: {Trails: arns.map(arn => ({TrailARN: arn}))}};
			}

			if (op === 'DescribeTrails') {
				return {body: {trailList: arns.map(arn => ({TrailARN: arn, Name: arn.split('/')[1]}))}};
			}

			stormStart ??= Date.now();
			return Date.now() - stormStart < stormMs ? throttled : {body: {IsLogging: true}};
		}, {});
		const {result} = await settle(service.listTrails({throttle: {}}));
		expect(result?.map(trail => [trail.name, trail.isLogging, trail.statusError])).toEqual([
			['a', true, undefined],
			['b', true, undefined],
			['c', true, undefined],
		]);
	});
});
