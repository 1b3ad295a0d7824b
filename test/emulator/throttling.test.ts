// The emulator's rate limits, as CloudTrail states them per account and region: LookupEvents at
// most 2 calls in any 1 s window, the get/describe/list calls at most 10 between them. Time is the
// emulator's injected clock, stepped by the test, so nothing here sleeps.
import {DescribeTrailsCommand, GetTrailStatusCommand, ListTrailsCommand, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {RateLimiter} from '../../source/emulator/rate-limiter.js';
import {lookupEventsCases} from '../helpers/pacing-cases.js';
import {cloudTrail, fixedNow} from './helpers.js';

describe('the limiter', () => {
	it.each(lookupEventsCases)('judges LookupEvents by the rule: $name', ({arrivals, admitted}) => {
		let now = 0;
		const limiter = new RateLimiter(2, () => now);
		const judged = arrivals.map(at => {
			now = at;
			return limiter.take('lookup-events', '111111111111/us-east-1');
		});
		expect(judged).toEqual(admitted);
	});
});

describe('over HTTP', () => {
	let emulator: Emulator;
	let now = 0;

	beforeAll(async () => {
		emulator = await startEmulator({now: fixedNow, eventsPerRegion: 200, clock: () => now});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	beforeEach(() => {
		// Every budget starts afresh, at an hour's distance from the last test's calls.
		emulator.setRateLimit(2);
		now += 3_600_000;
	});

	/** Each call's outcome: 'ok', or the error's name. */
	async function outcomes(calls: Array<Promise<unknown>>): Promise<string[]> {
		const settled = await Promise.allSettled(calls);
		return settled.map(result => (result.status === 'fulfilled' ? 'ok' : (result.reason as Error).name));
	}

	const lookup = (who = 'demo-prod', region = 'us-east-1') => cloudTrail(emulator, who, region).send(new LookupEventsCommand({MaxResults: 1}));

	it('throttles the third call of a burst, per account and region, with ThrottlingException (400)', async () => {
		const results = await outcomes([lookup(), lookup(), lookup()]);
		expect([...results].sort()).toEqual(['ThrottlingException', 'ok', 'ok']);
		const error = await lookup().catch((rejection: unknown) => rejection as Error & {$metadata: {httpStatusCode: number}});
		expect(error).toMatchObject({name: 'ThrottlingException', message: 'Rate exceeded', $metadata: {httpStatusCode: 400}});
		// Another region, or another account, has its own allowance.
		expect(await outcomes([lookup('demo-prod', 'eu-west-1'), lookup('demo-dev')])).toEqual(['ok', 'ok']);
	});

	it('throttles what a token bucket of 2/s would let through: calls at 0, 0 and 500 ms', async () => {
		expect(await outcomes([lookup(), lookup()])).toEqual(['ok', 'ok']);
		now += 500;
		expect(await outcomes([lookup()])).toEqual(['ThrottlingException']);
		now += 500;
		expect(await outcomes([lookup()])).toEqual(['ok']);
	});

	it('never throttles a client that spaces its calls 500 ms apart', async () => {
		const results: string[] = [];
		for (let call = 0; call < 6; call++) {
			now += 500;
			results.push(...(await outcomes([lookup('demo-dev')])));
		}

		expect(results).toEqual(Array.from({length: 6}, () => 'ok'));
	});

	it('gives ListTrails, DescribeTrails and GetTrailStatus 10 calls in any second between them, apart from LookupEvents', async () => {
		const client = cloudTrail(emulator);
		const arn = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-trail';
		const reads = () => [
			...Array.from({length: 4}, () => client.send(new ListTrailsCommand({}))),
			...Array.from({length: 3}, () => client.send(new DescribeTrailsCommand({}))),
			...Array.from({length: 3}, () => client.send(new GetTrailStatusCommand({Name: arn}))),
		];
		expect(await outcomes(reads())).toEqual(Array.from({length: 10}, () => 'ok'));
		expect(await outcomes([client.send(new GetTrailStatusCommand({Name: arn}))])).toEqual(['ThrottlingException']);
		// LookupEvents draws on its own budget.
		expect(await outcomes([lookup(), lookup()])).toEqual(['ok', 'ok']);
		now += 1000;
		expect(await outcomes(reads())).toEqual(Array.from({length: 10}, () => 'ok'));
	});

	it('counts throttled calls, and setRateLimit(false) turns every limit off', async () => {
		emulator.resetCounts();
		await outcomes([lookup(), lookup(), lookup()]);
		expect(emulator.requestCounts()).toEqual({LookupEvents: 3, throttled: 1});
		emulator.setRateLimit(false);
		const client = cloudTrail(emulator);
		const results = await outcomes([lookup(), lookup(), lookup(), ...Array.from({length: 12}, () => client.send(new DescribeTrailsCommand({})))]);
		expect(results.filter(result => result !== 'ok')).toEqual([]);
	});
});
