import React, {act} from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/app.js';
import {type Backend, type ProfileEntry, type Session, TrailviewError} from '../../source/domain/types.js';
import {type Rendered, keys, renderInk} from '../helpers/ink.js';
import {deferred, fakeBackend, fakeService, fakeSession} from '../helpers/fakes.js';

vi.mock('ink-spinner', () => import('../app/static-spinner.js'));
vi.mock('../../source/screens/main-screen.js', () => import('../app/main-screen-probe.js'));

const profiles: ProfileEntry[] = [
	{name: 'default', kind: 'static', detail: 'static keys AKIA…MPLE', region: 'us-east-1'},
	{name: 'prod', kind: 'sso', detail: 'SSO · corp · 111111111111 / Admin', region: 'eu-west-1', ssoSession: 'corp'},
	{name: 'jenkins', kind: 'assume-role', detail: 'role ci-deployer via default', region: undefined},
	{name: 'qa', kind: 'credential-process', detail: 'credential_process vault-helper', region: undefined},
	{name: 'k8s', kind: 'web-identity', detail: 'web identity token file', region: undefined},
	{name: 'Environment', kind: 'environment', detail: 'AWS_ACCESS_KEY_ID from the environment', region: undefined},
];

const manyProfiles: ProfileEntry[] = Array.from({length: 40}, (_, index) => ({
	name: `acct-${String(index).padStart(2, '0')}`,
	kind: index % 2 === 0 ? 'sso' : 'static',
	detail: `account ${index}`,
	region: 'us-east-1',
}));

let ui: Rendered | undefined;

afterEach(async () => {
	await act(async () => {
		ui?.unmount();
	});
	ui = undefined;
});

async function start(backend: Backend, props: {initialProfile?: string} = {}, size?: {columns: number; rows: number}) {
	ui = await renderInk(<App backend={backend} {...props} />, size);
	return ui;
}

/** The name on the row the cursor is on. */
function selectedRow(frame: string): string | undefined {
	return /› (\S+)/.exec(frame)?.[1];
}

describe('ProfileScreen', () => {
	it('keys that arrive in one chunk pick the profile the cursor ends on, then the region likewise', async () => {
		const backend = fakeBackend({profiles});
		const ui = await start(backend);
		await ui.waitForFrame('6 profiles');
		// A paste, tmux send-keys or a fast typist delivers these as one read.
		await ui.press(keys.down + keys.down + keys.enter);
		await ui.waitForFrame('Choose a region');
		expect(backend.connectCalls.map(call => call.profile.name)).toEqual(['jenkins']);
		const regions = await ui.waitForFrame(frame => selectedRow(frame) === 'us-east-1');
		const rows = regions.split('\n');
		const below = /^\s+(\S+)/.exec(rows[rows.findIndex(line => line.includes('› us-east-1')) + 1] ?? '')?.[1];
		expect(below).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
		await ui.press(keys.down + keys.enter);
		await ui.waitForFrame(`MAIN profile=jenkins account=111111111111 region=${below}`);
	});

	it('lists the profiles in the very first frame when the backend has them at once', async () => {
		const ui = await start(fakeBackend({profiles}));
		const first = ui.frames[0] ?? '';
		expect(first).toContain('Choose a profile');
		expect(first).toContain('6 profiles');
		expect(first).toMatch(/default\s+static\s+static keys AKIA…MPLE/);
		expect(first).toMatch(/k8s\s+web-id/);
		expect(first).not.toContain('Reading profiles');
	});

	it('shows a spinner while listing, then each profile with its kind badge and detail', async () => {
		const listing = deferred<ProfileEntry[]>();
		const ui = await start({...fakeBackend(), listProfiles: async () => listing.promise});
		await ui.waitForFrame('Reading profiles');
		await act(async () => {
			listing.resolve(profiles);
		});
		const frame = await ui.waitForFrame('6 profiles');
		expect(frame).toMatch(/default\s+static\s+static keys AKIA…MPLE/);
		expect(frame).toMatch(/prod\s+SSO\s+SSO · corp/);
		expect(frame).toMatch(/jenkins\s+role/);
		expect(frame).toMatch(/qa\s+process/);
		expect(frame).toMatch(/k8s\s+web-id/);
		expect(frame).toMatch(/Environment\s+env/);
		expect(selectedRow(frame)).toBe('default');
	});

	it('preselects the initial profile, scrolled into view in a long list', async () => {
		const ui = await start(fakeBackend({profiles: manyProfiles}), {initialProfile: 'acct-35'});
		const frame = await ui.waitForFrame('40 profiles');
		expect(selectedRow(frame)).toBe('acct-35');
	});

	it('typing filters case-insensitively over name, kind and detail; Backspace edits', async () => {
		const ui = await start(fakeBackend({profiles}));
		await ui.waitForFrame('6 profiles');
		await ui.press('SSO');
		let frame = await ui.waitForFrame('1/6');
		expect(frame).toContain('prod');
		expect(frame).not.toContain('jenkins');

		await ui.press(keys.backspace);
		await ui.press(keys.backspace);
		await ui.press(keys.backspace);
		await ui.press('vault');
		frame = await ui.waitForFrame('1/6');
		expect(selectedRow(frame)).toBe('qa');

		await ui.press(keys.escape);
		frame = await ui.waitForFrame('6 profiles');
		// The cursor stays on what was selected while filtering.
		expect(selectedRow(frame)).toBe('qa');
	});

	it('j, k and q are filter text, not moves or quit; arrows move', async () => {
		const ui = await start(fakeBackend({profiles}));
		await ui.waitForFrame('6 profiles');
		await ui.press('j');
		let frame = await ui.waitForFrame('/ j');
		expect(selectedRow(frame)).toBe('jenkins');
		await ui.press(keys.escape);
		await ui.press('k8');
		frame = await ui.waitForFrame('/ k8');
		expect(selectedRow(frame)).toBe('k8s');
		await ui.press(keys.escape);
		await ui.press('q');
		frame = await ui.waitForFrame('/ q');
		expect(selectedRow(frame)).toBe('qa');

		await ui.press(keys.escape);
		await ui.waitForFrame('6 profiles');
		await ui.press(keys.home);
		await ui.press(keys.down);
		await ui.press(keys.down);
		frame = await ui.waitForFrame(f => selectedRow(f) === 'jenkins');
		await ui.press(keys.up);
		frame = await ui.waitForFrame(f => selectedRow(f) === 'prod');
		expect(frame).toContain('Choose a profile');
	});

	it('shows which profile is connecting, then identity in the header', async () => {
		const connecting = deferred<Session>();
		const backend = fakeBackend({profiles, connect: async () => connecting.promise});
		const ui = await start(backend);
		await ui.waitForFrame('6 profiles');
		await ui.press(keys.down);
		await ui.press(keys.enter);
		const spinner = await ui.waitForFrame('Resolving credentials for prod…');
		expect(spinner).toContain('Esc to cancel');
		expect(backend.connectCalls).toEqual([{profile: profiles[1], region: 'eu-west-1'}]);

		await act(async () => {
			connecting.resolve(
				fakeSession(fakeService(), {
					profile: profiles[1]!,
					identity: {account: '123456789012', arn: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', userId: 'AROA'},
				}),
			);
		});
		const header = await ui.waitForFrame('123456789012');
		expect(header).toContain('arn:aws:sts::123456789012:assumed-role/Admin/alice');
		expect(header).toContain('Choose a region');
	});

	it('a connect failure shows message and hint, and another profile can be picked afterwards', async () => {
		const backend = fakeBackend({
			profiles,
			async connect(profile) {
				if (profile.name === 'prod') {
					throw new TrailviewError('expired-credentials', 'The SSO session for prod has expired', {hint: 'Run `aws sso login --profile prod`'});
				}

				return fakeSession(fakeService(), {profile});
			},
		});
		const ui = await start(backend);
		await ui.waitForFrame('6 profiles');
		await ui.press('prod');
		await ui.press(keys.enter);
		const failed = await ui.waitForFrame('has expired');
		expect(failed).toContain('✗ The SSO session for prod has expired');
		expect(failed).toContain('Run `aws sso login --profile prod`');
		expect(failed).toContain('Choose a profile');

		await ui.press(keys.escape);
		await ui.press('default');
		await ui.press(keys.enter);
		const next = await ui.waitForFrame('Choose a region');
		expect(next).not.toContain('has expired');
		expect(backend.connectCalls.map(call => call.profile.name)).toEqual(['prod', 'default']);
	});

	it('Esc cancels an in-flight connect: the signal aborts and the list is back with no error', async () => {
		const pending = deferred<Session>();
		let signal: AbortSignal | undefined;
		const backend = fakeBackend({
			profiles,
			async connect(_profile, options) {
				signal = options.signal;
				return pending.promise;
			},
		});
		const ui = await start(backend);
		await ui.waitForFrame('6 profiles');
		await ui.press(keys.enter);
		await ui.waitForFrame('Resolving credentials for default');
		expect(signal?.aborted).toBe(false);
		await ui.press(keys.escape);
		const frame = await ui.waitForFrame(f => !f.includes('Resolving credentials'));
		expect(signal?.aborted).toBe(true);
		expect(frame).not.toContain('✗');
		expect(selectedRow(frame)).toBe('default');

		// The answer arriving after all changes nothing, and the list still works.
		await act(async () => {
			pending.resolve(fakeSession(fakeService(), {profile: profiles[0]!}));
		});
		await ui.press(keys.down);
		const after = await ui.waitForFrame(f => selectedRow(f) === 'prod');
		expect(after).toContain('Choose a profile');
		expect(after).not.toContain('Choose a region');
	});

	it('an unknown initial profile is reported on the picker', async () => {
		const ui = await start(fakeBackend({profiles}), {initialProfile: 'prdo'});
		const frame = await ui.waitForFrame('not found');
		expect(frame).toContain("Profile 'prdo' not found in ~/.aws/config or ~/.aws/credentials");
		expect(selectedRow(frame)).toBe('default');
	});

	it('Esc with an empty filter on the first picker does nothing', async () => {
		const ui = await start(fakeBackend({profiles}));
		await ui.waitForFrame('6 profiles');
		await ui.press(keys.escape);
		await ui.press(keys.down);
		const frame = await ui.waitForFrame(f => selectedRow(f) === 'prod');
		expect(frame).toContain('Choose a profile');
	});

	it('shows names and details from the config files escaped, never as terminal control', async () => {
		const ui = await start(
			fakeBackend({profiles: [{name: 'evil\u001B]0;pwned\u0007', kind: 'static', detail: 'keys \u001B[2J', region: undefined}]}),
		);
		const frame = await ui.waitForFrame('1 profiles');
		expect(frame).toContain('evil\\x1b]0;pwned\\x07');
		expect(frame).toContain('keys \\x1b[2J');
		expect(frame).not.toContain('\u001B]0');
	});

	it('still shows the list and the selection in a 40x12 terminal, and follows a resize', async () => {
		const ui = await start(fakeBackend({profiles: manyProfiles}), {initialProfile: 'acct-20'}, {columns: 40, rows: 12});
		let frame = await ui.waitForFrame('40 profiles');
		expect(frame.split('\n').length).toBeLessThan(12);
		expect(selectedRow(frame)).toBe('acct-20');
		expect(frame).toContain('Choose a profile');
		for (const line of frame.split('\n')) {
			expect(line.length).toBeLessThanOrEqual(40);
		}

		await ui.press(keys.pageDown);
		await ui.press(keys.pageDown);
		frame = await ui.waitForFrame(f => selectedRow(f) !== 'acct-20');
		const selected = selectedRow(frame);
		expect(selected).toMatch(/^acct-\d\d$/);

		await ui.resize(100, 30);
		frame = await ui.waitForFrame(f => f.split('\n').length > 12);
		expect(selectedRow(frame)).toBe(selected);
		await ui.resize(40, 8);
		frame = await ui.waitForFrame(f => f.split('\n').length < 8);
		expect(selectedRow(frame)).toBe(selected);
	});
});
