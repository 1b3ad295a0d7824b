import React, {act} from 'react';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/app.js';
import {keymap} from '../../source/keymap.js';
import type {ProfileEntry, Session} from '../../source/domain/types.js';
import {type Rendered, keys, renderInk} from '../helpers/ink.js';
import {deferred, fakeBackend, fakeService, fakeSession} from '../helpers/fakes.js';
import {probeEvents} from './main-screen-probe.js';

const exit = vi.hoisted(() => vi.fn());
vi.mock('ink', async importOriginal => ({...(await importOriginal<typeof import('ink')>()), useApp: () => ({exit})}));
vi.mock('ink-spinner', () => import('./static-spinner.js'));
vi.mock('../../source/screens/main-screen.js', () => import('./main-screen-probe.js'));

const devAccount = '222222222222';
const prodAccount = '333333333333';

function sessionFor(profile: ProfileEntry): Session {
	const account = profile.name === 'prod' ? prodAccount : devAccount;
	return fakeSession(fakeService(), {
		profile,
		identity: {account, arn: `arn:aws:iam::${account}:user/${profile.name}-user`, userId: 'AIDA'},
	});
}

let ui: Rendered | undefined;

beforeEach(() => {
	exit.mockClear();
	probeEvents.length = 0;
});

afterEach(async () => {
	await act(async () => {
		ui?.unmount();
	});
	ui = undefined;
});

async function start(props: Partial<React.ComponentProps<typeof App>> = {}, backend = fakeBackend({connect: async profile => sessionFor(profile)})) {
	ui = await renderInk(<App backend={backend} {...props} />);
	return {ui, backend};
}

/** Picks `profile` by filtering for it, then the highlighted region. */
async function pickProfileAndRegion(rendered: Rendered, profile: string, region?: string) {
	await rendered.waitForFrame('Choose a');
	await rendered.press(profile);
	await rendered.press(keys.enter);
	await rendered.waitForFrame('Choose a region');
	if (region) {
		await rendered.press(region);
	}

	await rendered.press(keys.enter);
	await rendered.waitForFrame('MAIN ');
}

describe('App', () => {
	it('goes profile -> connect -> region -> main, with identity in the header after connecting', async () => {
		const {ui, backend} = await start();
		await ui.waitForFrame('Choose a profile');
		await ui.press('prod');
		await ui.press(keys.enter);
		const regions = await ui.waitForFrame('Choose a region');
		expect(regions).toContain(prodAccount);
		expect(regions).toContain('arn:aws:iam::333333333333:user/prod-user');
		expect(backend.connectCalls).toEqual([{profile: expect.objectContaining({name: 'prod'}), region: 'eu-west-1'}]);

		await ui.press(keys.enter);
		const main = await ui.waitForFrame('MAIN ');
		expect(main).toContain(`MAIN profile=prod account=${prodAccount} region=eu-west-1 active=true`);
	});

	it('skipPickers connects with the given profile and region and opens the main screen', async () => {
		const {ui, backend} = await start({initialProfile: 'prod', initialRegion: 'ap-southeast-2', skipPickers: true});
		const main = await ui.waitForFrame('MAIN ');
		expect(main).toContain('profile=prod');
		expect(main).toContain('region=ap-southeast-2');
		expect(main).not.toContain('Choose a');
		// Straight to the main screen, so its first requests may start with the identity check.
		expect(backend.connectCalls).toEqual([{profile: expect.objectContaining({name: 'prod'}), region: 'ap-southeast-2', prefetch: true}]);
	});

	it('skipPickers says what it is doing from the very first frame', async () => {
		const held = deferred<Session>();
		const backend = fakeBackend({connect: async () => held.promise});
		const {ui} = await start({initialProfile: 'prod', initialRegion: 'eu-west-1', skipPickers: true}, backend);
		expect(ui.frames[0]).toContain('Resolving credentials for prod…');
		expect(backend.connectCalls).toHaveLength(1);
		await act(async () => {
			held.resolve(sessionFor(backend.connectCalls[0]!.profile));
		});
		await ui.waitForFrame('MAIN profile=prod');
	});

	it('skipPickers with a failing connect stays on the picker with the error', async () => {
		const {TrailviewError} = await import('../../source/domain/types.js');
		const backend = fakeBackend({
			async connect() {
				throw new TrailviewError('expired-credentials', 'The SSO session for prod has expired', {hint: 'Run `aws sso login --profile prod`'});
			},
		});
		const {ui} = await start({initialProfile: 'prod', initialRegion: 'eu-west-1', skipPickers: true}, backend);
		const frame = await ui.waitForFrame('has expired');
		expect(frame).toContain('Run `aws sso login --profile prod`');
		expect(frame).toContain('Choose a profile');
		expect(frame).not.toContain('MAIN ');
	});

	it('? opens help listing the keys of the screen beneath and those that work everywhere; Esc and ? close it', async () => {
		const {ui} = await start({}, fakeBackend());
		await ui.resize(120, 80);
		await ui.waitForFrame('Choose a profile');
		await ui.press('?');
		const help = await ui.waitForFrame('Esc or ? closes');
		for (const command of ['filterType', 'pickerUp', 'pickerDown', 'pickerFirst', 'pickerLast', 'pick', 'filterClear', 'filterBackspace', 'help', 'forceQuit'] as const) {
			expect(help).toContain(keymap[command].description);
		}

		// Keys of other screens do nothing here, so they are not listed.
		expect(help).not.toContain(keymap.toggleUtc.description);
		expect(help).not.toContain(keymap.focusNext.description);

		expect(help).not.toContain('Choose a profile');
		await ui.press(keys.escape);
		await ui.waitForFrame(frame => frame.includes('Choose a profile') && !frame.includes('Esc or ? closes'));
		await ui.press('?');
		await ui.waitForFrame('Esc or ? closes');
		await ui.press('?');
		const closed = await ui.waitForFrame(frame => !frame.includes('Esc or ? closes'));
		// `?` is never typed into the filter.
		expect(closed).toContain('type to filter');
	});

	it('help scrolls in a small terminal', async () => {
		const {ui} = await start({}, fakeBackend());
		await ui.resize(40, 12);
		await ui.waitForFrame('Choose a profile');
		await ui.press('?');
		const top = await ui.waitForFrame('↓ more');
		expect(top.split('\n').length).toBeLessThanOrEqual(12);
		expect(top).toContain('Profile picker');
		await ui.press(keys.end);
		const bottom = await ui.waitForFrame(frame => frame.includes('Keys') && frame.includes('end'));
		expect(bottom).toContain('Esc on the first profile picker');
		expect(bottom).not.toContain('Profile picker');
	});

	it('help over the main screen pauses it and keeps it mounted', async () => {
		const {ui} = await start({initialProfile: 'prod', initialRegion: 'eu-west-1', skipPickers: true});
		await ui.waitForFrame('active=true');
		await ui.press('?');
		const help = await ui.waitForFrame('Esc or ? closes');
		expect(help).toContain(prodAccount);
		await ui.press(keys.escape);
		await ui.waitForFrame('active=true');
		expect(probeEvents.filter(event => event.type === 'mount')).toHaveLength(1);
	});

	it('p from the main screen reopens the profile picker and the new session reaches MainScreen', async () => {
		const {ui} = await start();
		await pickProfileAndRegion(ui, 'prod');
		await ui.press('p');
		const picker = await ui.waitForFrame('Switch profile');
		// The cursor starts on the profile in use, and the header still says whose account this is.
		expect(picker).toMatch(/› prod/);
		expect(picker).toContain(prodAccount);

		await ui.press('default');
		await ui.press(keys.enter);
		await ui.waitForFrame(frame => frame.includes('Choose a region') && frame.includes(devAccount));
		await ui.press(keys.enter);
		const main = await ui.waitForFrame('profile=default');
		expect(main).toContain(`account=${devAccount} region=us-east-1`);
		expect(probeEvents).toEqual([
			{type: 'mount', profile: 'prod', region: 'eu-west-1'},
			{type: 'unmount', profile: 'prod', region: 'eu-west-1'},
			{type: 'mount', profile: 'default', region: 'us-east-1'},
		]);
	});

	it('R from the main screen reopens the region picker on the current region and the new region reaches MainScreen', async () => {
		const {ui} = await start();
		await pickProfileAndRegion(ui, 'prod');
		await ui.press('R');
		const picker = await ui.waitForFrame('Choose a region');
		expect(picker).toMatch(/› eu-west-1/);
		expect(picker).toContain('now eu-west-1');
		await ui.press('sydney');
		await ui.press(keys.enter);
		const main = await ui.waitForFrame('region=ap-southeast-2');
		expect(main).toContain('profile=prod');
		expect(probeEvents.map(event => `${event.type} ${event.region}`)).toEqual(['mount eu-west-1', 'unmount eu-west-1', 'mount ap-southeast-2']);
	});

	it('Esc backs out of a reopened picker to the same, still mounted main screen', async () => {
		const {ui} = await start();
		await pickProfileAndRegion(ui, 'prod');
		await ui.press('R');
		await ui.waitForFrame('Choose a region');
		await ui.press(keys.escape);
		await ui.waitForFrame('active=true');
		await ui.press('p');
		await ui.waitForFrame('Switch profile');
		await ui.press(keys.escape);
		const main = await ui.waitForFrame('active=true');
		expect(main).toContain('region=eu-west-1');
		expect(probeEvents).toEqual([{type: 'mount', profile: 'prod', region: 'eu-west-1'}]);
	});

	it('a late connect answer for a cancelled profile never shows up', async () => {
		const slow = deferred<Session>();
		let signal: AbortSignal | undefined;
		const backend = fakeBackend({
			async connect(profile, options) {
				if (profile.name === 'prod') {
					signal = options.signal;
					return slow.promise;
				}

				return sessionFor(profile);
			},
		});
		const {ui} = await start({}, backend);
		await ui.waitForFrame('Choose a profile');
		await ui.press('prod');
		await ui.press(keys.enter);
		await ui.waitForFrame('Resolving credentials for prod');
		await ui.press(keys.escape);
		await ui.waitForFrame(frame => !frame.includes('Resolving credentials'));
		expect(signal?.aborted).toBe(true);

		await ui.press(keys.escape);
		await ui.press('default');
		await ui.press(keys.enter);
		await ui.waitForFrame(frame => frame.includes('Choose a region') && frame.includes(devAccount));
		await act(async () => {
			slow.resolve(sessionFor({name: 'prod', kind: 'sso', detail: '', region: 'eu-west-1'}));
			await slow.promise;
		});
		await ui.press(keys.enter);
		const main = await ui.waitForFrame('MAIN ');
		expect(main).toContain('profile=default');
		expect(ui.frames.join('\n')).not.toContain(prodAccount);
	});

	it('Ctrl+C quits from the picker, even mid-filter; q is filter text there', async () => {
		const {ui} = await start();
		await ui.waitForFrame('Choose a profile');
		await ui.press('q');
		await ui.waitForFrame('/ q');
		expect(exit).not.toHaveBeenCalled();
		await ui.press(keys.ctrlC);
		expect(exit).toHaveBeenCalled();
	});

	it('q quits from the main screen', async () => {
		const {ui} = await start({initialProfile: 'default', initialRegion: 'us-east-1', skipPickers: true});
		await ui.waitForFrame('MAIN ');
		await ui.press('q');
		expect(exit).toHaveBeenCalled();
	});

	it('Ctrl+C during a connect aborts it and quits', async () => {
		const slow = deferred<Session>();
		let signal: AbortSignal | undefined;
		const backend = fakeBackend({
			async connect(_profile, options) {
				signal = options.signal;
				return slow.promise;
			},
		});
		const {ui} = await start({}, backend);
		await ui.waitForFrame('Choose a profile');
		await ui.press(keys.enter);
		await ui.waitForFrame('Resolving credentials');
		await ui.press(keys.ctrlC);
		expect(exit).toHaveBeenCalled();
		expect(signal?.aborted).toBe(true);
	});

	it('shows the notice on the profile screen', async () => {
		const {ui} = await start({notice: 'Demo mode: local sample data (emulator at http://127.0.0.1:4599)'}, fakeBackend());
		const frame = await ui.waitForFrame('Demo mode');
		expect(frame).toContain('emulator at http://127.0.0.1:4599');
	});
});
