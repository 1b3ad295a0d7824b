import {describe, expect, it, vi} from 'vitest';
import {createDemoBackend, demoProfileEntry, hasNoAwsSetup, lazyEmulator, withDemoFallback, type EmulatorHandle} from '../../source/demo.js';
import type {AwsBackendOptions} from '../../source/services/backend.js';
import type {ProfileEntry} from '../../source/domain/types.js';
import {fakeBackend} from '../helpers/fakes.js';

const environmentRows: ProfileEntry[] = [
	{name: 'Default provider chain', kind: 'default-chain', detail: '', region: undefined},
];

function fakeEmulator() {
	const handle: EmulatorHandle = {
		endpoint: 'http://127.0.0.1:9',
		accounts: [
			{label: 'demo-prod', description: 'Production', accountId: '111111111111', accessKeyId: 'AKIA1', secretAccessKey: 's', userArn: 'arn:aws:iam::111111111111:user/demo'},
			{label: 'demo-dev', description: 'Dev', accountId: '222222222222', accessKeyId: 'AKIA2', secretAccessKey: 's', userArn: 'arn:aws:iam::222222222222:user/demo'},
		],
		stop: vi.fn(async () => undefined),
	};
	const start = vi.fn(async () => handle);
	return {handle, start, emulator: lazyEmulator(start)};
}

/** A fake AWS backend: in demo mode it lists the demo accounts, as the real one does. */
function fakeCreateBackend(created: AwsBackendOptions[]) {
	return (options: AwsBackendOptions) => {
		created.push(options);
		return fakeBackend({
			profiles: options.demo ? options.demo.accounts.map(account => ({name: account.label, kind: 'demo' as const, detail: account.description, region: undefined})) : environmentRows,
		});
	};
}

describe('hasNoAwsSetup', () => {
	it('is true with only synthetic rows and no AWS_ACCESS_KEY_ID', () => {
		expect(hasNoAwsSetup(environmentRows, {})).toBe(true);
		expect(hasNoAwsSetup(environmentRows, {AWS_ACCESS_KEY_ID: 'AKIA'})).toBe(false);
		expect(hasNoAwsSetup([...environmentRows, {name: 'dev', kind: 'static', detail: '', region: undefined}], {})).toBe(false);
	});
});

describe('withDemoFallback', () => {
	it('offers a demo row only when there is no AWS setup, and starts nothing until it is chosen', async () => {
		const {start, emulator} = fakeEmulator();
		const empty = withDemoFallback(fakeBackend({profiles: environmentRows}), {env: {}, emulator});
		// Synchronous like the listing it wraps, so the picker's first frame still has the rows.
		expect(empty.listProfiles()).toEqual([demoProfileEntry, ...environmentRows]);
		expect(demoProfileEntry).toMatchObject({kind: 'demo', detail: 'Local sample data — no AWS account needed'});

		const configured = withDemoFallback(fakeBackend(), {env: {}, emulator});
		expect((await configured.listProfiles()).some(profile => profile.kind === 'demo')).toBe(false);
		expect(start).not.toHaveBeenCalled();
	});

	it('choosing demo starts the emulator once and connects to its first account', async () => {
		const {start, emulator, handle} = fakeEmulator();
		const created: AwsBackendOptions[] = [];
		const base = fakeBackend({profiles: environmentRows});
		const backend = withDemoFallback(base, {env: {}, emulator, createBackend: fakeCreateBackend(created)});
		const session = await backend.connect(demoProfileEntry, {region: 'us-east-1'});
		await backend.connect(demoProfileEntry, {region: 'eu-west-1'});
		expect(session.profile.name).toBe('demo-prod');
		expect(start).toHaveBeenCalledTimes(1);
		expect(created.find(options => options.demo)?.demo?.endpoint).toBe(handle.endpoint);
		expect(base.connectCalls).toEqual([]);

		await backend.connect(environmentRows[0]!, {region: 'us-east-1'});
		expect(base.connectCalls).toHaveLength(1);

		await emulator.stop();
		expect(handle.stop).toHaveBeenCalledTimes(1);
	});
});

describe('createDemoBackend', () => {
	it('lists the emulator accounts as profiles and reports start failures as a TrailviewError', async () => {
		const {emulator} = fakeEmulator();
		const backend = createDemoBackend({env: {}, emulator, createBackend: fakeCreateBackend([])});
		expect((await backend.listProfiles()).map(profile => profile.name)).toEqual(['demo-prod', 'demo-dev']);

		const broken = createDemoBackend({env: {}, emulator: lazyEmulator(async () => Promise.reject(new Error('EADDRINUSE'))), createBackend: fakeCreateBackend([])});
		await expect(broken.listProfiles()).rejects.toMatchObject({name: 'TrailviewError', message: 'The demo emulator did not start: EADDRINUSE'});
	});

	it('stopping an emulator that never started does nothing', async () => {
		const {start, emulator} = fakeEmulator();
		await emulator.stop();
		expect(start).not.toHaveBeenCalled();
	});
});

describe('firstRunNote', () => {
	it('names the default files, or the variables that moved them, and how to add access', async () => {
		const {firstRunNote} = await import('../../source/demo.js');
		expect(firstRunNote({})).toEqual([
			'No AWS profiles in ~/.aws/config or ~/.aws/credentials.',
			'Add access with `aws configure sso` (IAM Identity Center) or `aws configure` (access keys), then start trailview again.',
		]);
		expect(firstRunNote({AWS_CONFIG_FILE: '/etc/aws/config'})[0]).toBe('No AWS profiles in /etc/aws/config (AWS_CONFIG_FILE) or ~/.aws/credentials.');
	});
});
