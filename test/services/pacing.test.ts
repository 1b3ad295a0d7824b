// Pacing through the SDK's real request pipeline (retries included): a CloudTrailClient whose HTTP
// handler is a fake that answers like the service and records when each request reached it.
// Fake timers drive the limiters and the SDK's retry back-off, so nothing here waits.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {RateLimiter as EmulatorRateLimiter, type QuotaKind} from '../../source/emulator/rate-limiter.js';
import {createRateLimiter, pacing, type RateLimiter} from '../../source/services/rate-limiter.js';
import {fakeService, throttled, type Answer, type Reached} from '../helpers/sdk-answers.js';
import {writeEventsAttribute, type TrailEvent} from '../../source/domain/types.js';

/** What every screen and script asks for today: write events only. */
const writeEvents = {attribute: writeEventsAttribute};

/** A limiter that lets everything through and notes each time it was asked. */
function recording(log: string[]): RateLimiter {
	return {
		async acquire() {
			log.push('acquire');
		},
	};
}

/** How many of these requests the emulator, judging by the service's quota, would throttle. */
function throttledByService(reached: Reached[], kind: QuotaKind): number {
	let now = 0;
	const serviceLimiter = new EmulatorRateLimiter(2, () => now);
	return reached.filter(({at}) => {
		now = at;
		return !serviceLimiter.take(kind, '111122223333/eu-west-1');
	}).length;
}

/** Moves fake time on until `work` is done: the SDK sets some of its timers only after earlier ones fire. */
async function settle<T>(work: Promise<T>): Promise<T> {
	let done = false;
	const result = work.finally(() => {
		done = true;
	});
	while (!done) {
		await vi.advanceTimersByTimeAsync(50);
	}

	return result;
}

async function collect(pages: AsyncIterable<TrailEvent[]>): Promise<TrailEvent[][]> {
	const result: TrailEvent[][] = [];
	for await (const page of pages) {
		result.push(page);
	}

	return result;
}

function event(id: string) {
	return {EventId: id, EventName: 'CreateUser', EventTime: 1_714_521_600, ReadOnly: 'false', CloudTrailEvent: '{}'};
}

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('LookupEvents', () => {
	it('asks the limiter before every page, and again before the retry of a throttled one', async () => {
		const log: string[] = [];
		let calls = 0;
		const {service} = fakeService(
			(op, input) => {
				log.push(`${op} ${String(input['NextToken'] ?? 'first')}`);
				calls += 1;
				if (calls === 2) {
					return throttled;
				}

				return {body: input['NextToken'] === undefined ? {Events: [event('a')], NextToken: 'n'} : {Events: [event('b')]}};
			},
			{lookup: recording(log)},
		);
		const pages = await settle(collect(service.lookupEvents(writeEvents)));
		expect(pages.map((page) => page.map((item) => item.id))).toEqual([['a'], ['b']]);
		expect(log).toEqual(['acquire', 'LookupEvents first', 'acquire', 'LookupEvents n', 'acquire', 'LookupEvents n']);
	});

	it('keeps the retry of a throttled page in step, so one throttle does not cause the next', async () => {
		let calls = 0;
		const {service, reached} = fakeService(
			(_op, input) => {
				calls += 1;
				// Whatever the cause (the network held one request back), the third request is refused.
				if (calls === 3) {
					return throttled;
				}

				const page = Number(input['NextToken'] ?? 0);
				return {body: {Events: [event(`e${page}`)], ...(page < 6 ? {NextToken: String(page + 1)} : {})}};
			},
			{lookup: createRateLimiter(pacing['lookup-events'])},
		);
		const pages = await settle(collect(service.lookupEvents(writeEvents)));
		expect(pages).toHaveLength(7);
		expect(reached).toHaveLength(8);
		// Every request, the retry included, keeps the service's rule.
		expect(throttledByService(reached, 'lookup-events')).toBe(0);
	});
});

describe('listTrails', () => {
	const arns = (count: number) => Array.from({length: count}, (_, index) => `arn:aws:cloudtrail:eu-west-1:111122223333:trail/t${index}`);

	function trailsAnswer(trails: string[], log?: string[]) {
		return (op: string, input: Record<string, unknown>): Answer => {
			log?.push(`${op}${input['NextToken'] ? ` ${String(input['NextToken'])}` : ''}`);
			if (op === 'ListTrails') {
				return {body: input['NextToken'] === undefined ? {Trails: [], NextToken: 'p2'} : {Trails: trails.map((arn) => ({TrailARN: arn}))}};
			}

			if (op === 'DescribeTrails') {
				return {body: {trailList: trails.map((arn) => ({TrailARN: arn, Name: arn.split('/')[1]}))}};
			}

			return {body: {IsLogging: true}};
		};
	}

	it('asks the trail limiter before every ListTrails page, DescribeTrails and each GetTrailStatus', async () => {
		const log: string[] = [];
		const {service} = fakeService(trailsAnswer(arns(2), log), {trails: recording(log)});
		await settle(service.listTrails());
		expect(log).toEqual([
			'acquire',
			'ListTrails',
			'acquire',
			'ListTrails p2',
			'acquire',
			'DescribeTrails',
			'acquire',
			'acquire',
			'GetTrailStatus',
			'GetTrailStatus',
		]);
	});

	it('looks up 30 trails paced so the service would throttle none', async () => {
		const {service, reached} = fakeService(trailsAnswer(arns(30)), {trails: createRateLimiter(pacing['trail-reads'])});
		const trails = await settle(service.listTrails());
		expect(trails.filter((trail) => trail.isLogging === true)).toHaveLength(30);
		expect(reached).toHaveLength(33);
		expect(throttledByService(reached, 'trail-reads')).toBe(0);
	});

	it('would burst past the quota without a limiter (the check above can fail)', async () => {
		const {service, reached} = fakeService(trailsAnswer(arns(30)), {});
		await settle(service.listTrails());
		expect(throttledByService(reached, 'trail-reads')).toBeGreaterThan(0);
	});
});
