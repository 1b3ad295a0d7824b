import React, {act, useEffect, useState} from 'react';
import {Text} from 'ink';
import {afterEach, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {useTrails, type UseTrails} from '../../source/hooks/use-trails.js';
import {useEvents, type UseEvents} from '../../source/hooks/use-events.js';
import type {CloudTrailService, Trail} from '../../source/domain/types.js';
import {renderInk} from '../helpers/ink.js';
import {defaultRun, deferred, fakeService, makeEvent, makeTrail, type Deferred} from '../helpers/fakes.js';

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

function TrailsProbe({service, expose}: {service: CloudTrailService; expose(value: UseTrails): void}) {
	const trails = useTrails(service);
	useEffect(() => {
		expose(trails);
	});
	const {state} = trails;
	return <Text>{state.loading ? 'loading' : state.error ? `error ${state.error.message}` : `trails ${state.trails?.map(t => t.name).join(',')}`}</Text>;
}

test('useTrails: a reload aborts the request it replaces and ignores its late answer', async () => {
	const answers: Array<Deferred<Trail[]>> = [];
	const signals: AbortSignal[] = [];
	const service: CloudTrailService = {
		...fakeService(),
		async listTrails(options) {
			signals.push(options!.signal!);
			const answer = deferred<Trail[]>();
			answers.push(answer);
			return answer.promise;
		},
	};
	let hook!: UseTrails;
	const screen = await renderInk(<TrailsProbe service={service} expose={value => (hook = value)} />);
	await screen.waitForFrame('loading');
	await act(async () => {
		hook.reload();
	});
	expect(signals[0]!.aborted).toBe(true);
	answers[1]!.resolve([makeTrail({name: 'new'})]);
	await screen.waitForFrame('trails new');
	answers[0]!.resolve([makeTrail({name: 'old'})]);
	await act(async () => {
		await Promise.resolve();
	});
	expect(screen.frame()).toBe('trails new');

	await act(async () => {
		screen.unmount();
	});
	expect(signals[1]!.aborted).toBe(true);
});

const fiveRows = () => 5;

type Probed = UseEvents & {refresh(): void};

function EventsProbe({service, expose}: {service: CloudTrailService; expose(value: Probed): void}) {
	const [run, setRun] = useState(() => defaultRun());
	const events = useEvents(service, fiveRows, run);
	useEffect(() => {
		// r on the main screen: the same query planned again (hooks/use-query-session.ts).
		expose({...events, refresh: () => setRun(previous => defaultRun(previous.query))});
	});
	return <Text>{`${events.state.events.length} ${events.state.hasMore ? 'more' : 'all'} ${events.state.error?.kind ?? ''}`}</Text>;
}

test('useEvents: a refresh aborts the old iterator and starts from the first page', async () => {
	const service = fakeService({pages: [[makeEvent(0), makeEvent(1)]]});
	let hook!: Probed;
	const screen = await renderInk(<EventsProbe service={service} expose={value => (hook = value)} />);
	await screen.waitForFrame('2 all');
	await act(async () => {
		hook.refresh();
	});
	await screen.waitForFrame('2 all');
	expect(service.lookupCalls).toHaveLength(2);
	expect(service.lookupCalls[0]!.signal!.aborted).toBe(true);
	expect(service.lookupCalls[1]!.signal!.aborted).toBe(false);
	expect(service.lookupCalls.map(call => call.attribute)).toEqual([{key: 'ReadOnly', value: 'false'}, {key: 'ReadOnly', value: 'false'}]);
});

test('useEvents: an error that is not a TrailviewError still arrives as one', async () => {
	const service = fakeService({
		pages: () => ({
			[Symbol.asyncIterator]: () => ({
				next: async () => Promise.reject(Object.assign(new Error('Rate exceeded'), {name: 'ThrottlingException'})),
			}),
		}),
	});
	const screen = await renderInk(<EventsProbe service={service} expose={() => undefined} />);
	await screen.waitForFrame('0 more throttled');
});
