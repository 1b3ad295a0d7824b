// The data hooks while the service waits out throttling: each wait reaches the pane's state with
// its next-try time, r (refresh / reload) ends a running wait instead of starting a new load, and
// the answer that follows clears it.
import React, {act, useEffect, useState} from 'react';
import {Text} from 'ink';
import {afterEach, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {useTrails, type UseTrails} from '../../source/hooks/use-trails.js';
import {useEvents, type UseEvents} from '../../source/hooks/use-events.js';
import {TrailviewError, type CloudTrailService, type LookupOptions, type ThrottlePolicy, type TrailEvent} from '../../source/domain/types.js';
import {renderInk} from '../helpers/ink.js';
import {defaultRun, deferred, fakeService, makeEvent, makeTrail} from '../helpers/fakes.js';

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

const throttledError = new TrailviewError('throttled', 'CloudTrail is throttling requests.');

/** What the service does for a throttled request: report the wait, then hold until the time is up or retryNow. */
async function throttledWait(policy: ThrottlePolicy | undefined, inMs: number): Promise<'retried now'> {
	const retried = deferred<'retried now'>();
	policy?.onWait?.({retry: 1, retryAt: Date.now() + inMs, error: throttledError, retryNow: () => retried.resolve('retried now')});
	return retried.promise;
}

type Probed = UseEvents & {refresh(): void};

function EventsProbe({service, expose}: {service: CloudTrailService; expose(value: Probed): void}) {
	const [run, setRun] = useState(() => defaultRun());
	const events = useEvents(service, () => 5, run);
	useEffect(() => {
		// r on the main screen: retry a waiting page now, else the same query planned again.
		expose({...events, refresh: () => events.retryNow() || setRun(previous => defaultRun(previous.query))});
	});
	const {state} = events;
	return <Text>{`${state.events.length} events${state.waiting ? ' waiting' : ''}${state.error ? ` ${state.error.kind}` : ''}`}</Text>;
}

test('useEvents: a throttled page shows as waiting; r retries that page now, not a new load', async () => {
	const retries: string[] = [];
	const service = fakeService({
		pages: (options: LookupOptions | undefined) =>
			(async function * () {
				retries.push(await throttledWait(options?.throttle, 60_000));
				yield [makeEvent(0), makeEvent(1)];
			})() as AsyncIterable<TrailEvent[]>,
	});
	let hook!: Probed;
	const screen = await renderInk(<EventsProbe service={service} expose={value => (hook = value)} />);
	await screen.waitForFrame('0 events waiting');
	await act(async () => {
		hook.refresh();
	});
	await screen.waitForFrame('2 events');
	expect(screen.frame()).toBe('2 events');
	expect(retries).toEqual(['retried now']);
	expect(service.lookupCalls).toHaveLength(1);
	expect(service.lookupCalls[0]!.throttle?.maxWaitMs).toBeUndefined();
});

test('useEvents: once no wait is running, r starts over as before', async () => {
	const service = fakeService({pages: [[makeEvent(0)]]});
	let hook!: Probed;
	const screen = await renderInk(<EventsProbe service={service} expose={value => (hook = value)} />);
	await screen.waitForFrame('1 events');
	await act(async () => {
		hook.refresh();
	});
	await screen.waitForFrame('1 events');
	expect(service.lookupCalls).toHaveLength(2);
});

function TrailsProbe({service, expose}: {service: CloudTrailService; expose(value: UseTrails): void}) {
	const trails = useTrails(service);
	useEffect(() => {
		expose(trails);
	});
	const {state} = trails;
	return <Text>{`${state.trails ? `${state.trails.length} trails` : 'no trails'}${state.waiting ? ' waiting' : ''}`}</Text>;
}

test('useTrails: throttled status reads show as waiting; r retries every one of them now', async () => {
	const retried: string[] = [];
	const service: CloudTrailService = {
		...fakeService(),
		async listTrails(options) {
			// Two trails' GetTrailStatus throttled at once.
			retried.push(...(await Promise.all([throttledWait(options?.throttle, 60_000), throttledWait(options?.throttle, 45_000)])));
			return [makeTrail({name: 'a'}), makeTrail({name: 'b'})];
		},
	};
	let calls = 0;
	const counted: CloudTrailService = {...service, listTrails: async options => (calls++, service.listTrails(options))};
	let hook!: UseTrails;
	const screen = await renderInk(<TrailsProbe service={counted} expose={value => (hook = value)} />);
	await screen.waitForFrame('no trails waiting');
	await act(async () => {
		hook.reload();
	});
	await screen.waitForFrame('2 trails');
	expect(screen.frame()).toBe('2 trails');
	expect(retried).toEqual(['retried now', 'retried now']);
	expect(calls).toBe(1);
});
