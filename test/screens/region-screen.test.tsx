import React, {act} from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {App, type AppProps} from '../../source/app.js';
import {describeRegionSource, toRegionItems} from '../../source/screens/region-screen.js';
import {type Backend, type DefaultRegion, type RegionInfo, TrailviewError} from '../../source/domain/types.js';
import {type Rendered, keys, renderInk} from '../helpers/ink.js';
import {deferred, fakeBackend} from '../helpers/fakes.js';
import {safe} from '../../source/lib/sanitize.js';

vi.mock('ink-spinner', () => import('../app/static-spinner.js'));
vi.mock('../../source/screens/main-screen.js', () => import('../app/main-screen-probe.js'));

let ui: Rendered | undefined;

afterEach(async () => {
	await act(async () => {
		ui?.unmount();
	});
	ui = undefined;
});

const manyRegions: RegionInfo[] = [
	{code: 'us-east-1', name: 'US East (N. Virginia)'},
	{code: 'us-east-2', name: 'US East (Ohio)'},
	{code: 'us-west-1', name: 'US West (N. California)'},
	{code: 'us-west-2', name: 'US West (Oregon)'},
	{code: 'af-south-1', name: 'Africa (Cape Town)'},
	{code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)'},
	{code: 'ap-south-1', name: 'Asia Pacific (Mumbai)'},
	{code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)'},
	{code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)'},
	{code: 'ca-central-1', name: 'Canada (Central)'},
	{code: 'eu-central-1', name: 'Europe (Frankfurt)'},
	{code: 'eu-west-1', name: 'Europe (Ireland)'},
	{code: 'eu-west-2', name: 'Europe (London)'},
	{code: 'eu-north-1', name: 'Europe (Stockholm)'},
	{code: 'sa-east-1', name: 'South America (São Paulo)'},
];

/** Renders the app and picks the first profile (default, region us-east-1) or `profile`. */
async function toRegions(backend: Backend, props: Partial<AppProps> = {}, size?: {columns: number; rows: number}, profile?: string) {
	ui = await renderInk(<App backend={backend} {...props} />, size);
	await ui.waitForFrame('Choose a profile');
	if (profile) {
		await ui.press(profile);
	}

	await ui.press(keys.enter);
	await ui.waitForFrame('Choose a region');
	return ui;
}

const selectedRow = (frame: string) => /› (\S+)/.exec(frame)?.[1];

describe('RegionScreen', () => {
	it('lists regions with their names and highlights the profile default, saying where it came from', async () => {
		const ui = await toRegions(fakeBackend(), {}, undefined, 'prod');
		const frame = await ui.waitForFrame('3 regions');
		expect(frame).toMatch(/eu-west-1\s+Europe \(Ireland\)/);
		expect(frame).toMatch(/us-east-1\s+US East \(N. Virginia\)/);
		expect(selectedRow(frame)).toBe('eu-west-1');
		expect(frame).toContain('Default eu-west-1 · from profile prod');
	});

	it.each<[DefaultRegion, string]>([
		[{region: 'ap-southeast-2', source: 'AWS_REGION'}, 'Default ap-southeast-2 · default from AWS_REGION'],
		[{region: 'us-east-1', source: 'fallback'}, 'Default us-east-1 · fallback us-east-1'],
	])('highlights the default from %j', async (defaultRegion, line) => {
		const ui = await toRegions(fakeBackend({defaultRegion}));
		const frame = await ui.waitForFrame('3 regions');
		expect(frame).toContain(line);
		expect(selectedRow(frame)).toBe(defaultRegion.region);
	});

	it('a --region highlights that region, says so, and is the region connect used', async () => {
		const backend = fakeBackend();
		const ui = await toRegions(backend, {initialRegion: 'ap-southeast-2'});
		const frame = await ui.waitForFrame('3 regions');
		expect(selectedRow(frame)).toBe('ap-southeast-2');
		expect(frame).toContain('Default ap-southeast-2 · from --region');
		expect(backend.connectCalls[0]?.region).toBe('ap-southeast-2');
	});

	it('typing filters by code or name; Enter picks the highlighted region for the main screen', async () => {
		const ui = await toRegions(fakeBackend({regions: manyRegions}));
		await ui.waitForFrame('15 regions');
		await ui.press('europe');
		let frame = await ui.waitForFrame('4/15');
		expect(frame).not.toMatch(/us-east-1\s+US East/);
		await ui.press(' lon');
		frame = await ui.waitForFrame('1/15');
		expect(selectedRow(frame)).toBe('eu-west-2');
		await ui.press(keys.enter);
		const main = await ui.waitForFrame('MAIN ');
		expect(main).toContain('region=eu-west-2');
	});

	it('Esc clears the filter first, then goes back to the profile picker', async () => {
		const ui = await toRegions(fakeBackend(), {}, undefined, 'prod');
		await ui.waitForFrame('3 regions');
		await ui.press('syd');
		await ui.waitForFrame('1/3');
		await ui.press(keys.escape);
		await ui.waitForFrame('3 regions');
		await ui.press(keys.escape);
		const frame = await ui.waitForFrame('Choose a profile');
		expect(frame).not.toContain('Choose a region');
		// Back on the picker nobody is connected yet, so the header shows no identity.
		expect(frame).not.toContain('arn:aws:iam::');
		expect(selectedRow(frame)).toBe('prod');
	});

	it('shows a spinner while listing, and if listing fails the default can still be picked', async () => {
		const listing = deferred<RegionInfo[]>();
		const ui = await toRegions({...fakeBackend(), listRegions: async () => listing.promise});
		await ui.waitForFrame('Loading regions');
		await act(async () => {
			listing.reject(new TrailviewError('network', 'Could not read the region list', {hint: 'Check the SDK installation'}));
		});
		const frame = await ui.waitForFrame('Could not read the region list');
		expect(frame).toContain('Check the SDK installation');
		expect(selectedRow(frame)).toBe('us-east-1');
		await ui.press(keys.enter);
		await ui.waitForFrame('region=us-east-1');
	});

	it('still shows the list and the selection in a 40x12 terminal', async () => {
		const ui = await toRegions(fakeBackend({regions: manyRegions, defaultRegion: {region: 'eu-north-1', source: 'AWS_DEFAULT_REGION'}}), {}, {columns: 40, rows: 12});
		const frame = await ui.waitForFrame('15 regions');
		expect(frame.split('\n').length).toBeLessThan(12);
		expect(selectedRow(frame)).toBe('eu-north-1');
		for (const line of frame.split('\n')) {
			expect(line.length).toBeLessThanOrEqual(40);
		}

		await ui.press(keys.end);
		const end = await ui.waitForFrame(f => selectedRow(f) === 'sa-east-1');
		expect(end).toContain('Choose a region');
	});
});

describe('region helpers', () => {
	it('describes every source of the default', () => {
		expect(describeRegionSource('flag', safe`prod`)).toBe('from --region');
		expect(describeRegionSource('AWS_REGION', safe`prod`)).toBe('default from AWS_REGION');
		expect(describeRegionSource('AWS_DEFAULT_REGION', safe`prod`)).toBe('default from AWS_DEFAULT_REGION');
		expect(describeRegionSource('profile', safe`prod`)).toBe('from profile prod');
		expect(describeRegionSource('fallback', undefined)).toBe('fallback us-east-1 (no region configured)');
	});

	it('adds a default or current region the list does not know, first and once', () => {
		const items = toRegionItems([{code: 'us-east-1', name: 'US East'}], ['mx-central-9', 'us-east-1', 'mx-central-9', undefined]);
		expect(items.map(item => item.key)).toEqual(['mx-central-9', 'us-east-1']);
	});
});
