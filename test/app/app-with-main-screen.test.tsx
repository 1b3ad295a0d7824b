// The shell with the real MainScreen (the other app tests use a probe): the switch keys the main
// screen's footer advertises work, and a switch shows the new region's data.
import React, {act} from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {ProfileEntry} from '../../source/domain/types.js';
import {keys, renderInk} from '../helpers/ink.js';
import {fakeBackend, fakeService, fakeSession, makeTrail} from '../helpers/fakes.js';

vi.mock('ink-spinner', () => import('./static-spinner.js'));

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

function backendWithTrailsPerRegion() {
	const regionsAsked: string[] = [];
	const backend = fakeBackend({
		async connect(profile: ProfileEntry) {
			return fakeSession(fakeService(), {
				profile,
				serviceFor(region) {
					regionsAsked.push(region);
					return fakeService({region, trails: async () => [makeTrail({name: `trail-in-${region}`, homeRegion: region})]});
				},
			});
		},
	});
	return {backend, regionsAsked};
}

describe('App with the real MainScreen', () => {
	it('opens on the main screen with skipPickers, and R switches the region it shows', async () => {
		const {backend, regionsAsked} = backendWithTrailsPerRegion();
		const ui = await renderInk(<App backend={backend} initialProfile="prod" initialRegion="eu-west-1" skipPickers />, {columns: 120, rows: 30});
		await ui.waitForFrame('trail-in-eu-west-1');
		await ui.press('R');
		await ui.waitForFrame('Choose a region');
		await ui.press('sydney');
		await ui.press(keys.enter);
		const frame = await ui.waitForFrame('trail-in-ap-southeast-2');
		expect(frame).not.toContain('trail-in-eu-west-1');
		expect(regionsAsked).toEqual(['eu-west-1', 'ap-southeast-2']);
	});

	it('p opens the profile picker over it and Esc returns to the same main screen', async () => {
		const {backend, regionsAsked} = backendWithTrailsPerRegion();
		const ui = await renderInk(<App backend={backend} initialProfile="prod" initialRegion="eu-west-1" skipPickers />, {columns: 120, rows: 30});
		await ui.waitForFrame('trail-in-eu-west-1');
		await ui.press('p');
		const picker = await ui.waitForFrame('Switch profile');
		expect(picker).not.toContain('trail-in-eu-west-1');
		await ui.press(keys.escape);
		await ui.waitForFrame('trail-in-eu-west-1');
		expect(regionsAsked).toEqual(['eu-west-1']);
	});
});
