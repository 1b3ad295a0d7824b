import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {openScriptSources, skipNotes} from '../../source/cli/script-sources.js';
import {type ProfileEntry, type SkippedSource, type TrailEvent, TrailviewError} from '../../source/domain/types.js';
import {fakeBackend, fakeService, fakeSession, makeEvent} from '../helpers/fakes.js';

const profiles: ProfileEntry[] = [
	{name: 'prod', kind: 'static', detail: 'static keys', region: 'eu-west-1'},
	{name: 'dev', kind: 'sso', detail: 'SSO', region: 'us-east-1', ssoSession: 'corp'},
	{name: 'prod-admin', kind: 'assume-role', detail: 'role', region: 'eu-west-1'},
	{name: 'environment', kind: 'environment', detail: 'env', region: 'eu-west-1'},
];

const accounts: Record<string, string> = {prod: '111111111111', dev: '222222222222', 'prod-admin': '111111111111', environment: '333333333333'};

function backend(failing: Record<string, TrailviewError> = {}) {
	return fakeBackend({
		profiles,
		connect: async profile => {
			const error = failing[profile.name];
			if (error) {
				throw error;
			}

			const account = accounts[profile.name]!;
			return fakeSession(fakeService(), {profile, identity: {account, arn: `arn:aws:iam::${account}:user/x`, userId: 'AIDA'}, serviceFor: region => fakeService({region})});
		},
	});
}

function stream() {
	const out = new PassThrough();
	let text = '';
	out.on('data', (chunk: Buffer) => {
		text += chunk.toString('utf8');
	});
	return {out, text: () => text};
}

const base = {profile: undefined, profiles: [] as string[], allRegions: false, demo: false};
const signal = new AbortController().signal;

describe('openScriptSources', () => {
	it('connects each profile on its own, in its own region, labelled with its name', async () => {
		const fake = backend();
		const stderr = stream();
		const opened = await openScriptSources({backend: fake, options: {...base, profile: 'prod', profiles: ['prod', 'dev']}, env: {}, signal, stderr: stderr.out});
		expect(typeof opened).toBe('object');
		const {sources, where} = opened as Exclude<typeof opened, number>;
		expect(sources.map(({account, accountLabel, region}) => ({account, accountLabel, region}))).toEqual([
			{account: '111111111111', accountLabel: 'prod', region: 'eu-west-1'},
			{account: '222222222222', accountLabel: 'dev', region: 'us-east-1'},
		]);
		expect(sources.map(source => source.service.region)).toEqual(['eu-west-1', 'us-east-1']);
		expect(where).toBe('2 accounts · 2 regions');
		expect(fake.connectCalls.map(call => [call.profile.name, call.region])).toEqual([
			['prod', 'eu-west-1'],
			['dev', 'us-east-1'],
		]);
		expect(stderr.text()).toBe('');
	});

	it('with --all-regions reads every region of the partition for each account, once per account', async () => {
		const opened = await openScriptSources({backend: backend(), options: {...base, profile: 'prod', profiles: ['prod', 'prod-admin'], allRegions: true}, env: {}, signal, stderr: stream().out});
		const {sources, where} = opened as Exclude<typeof opened, number>;
		// prod-admin is the same account as prod: reading it again would only repeat prod's events.
		expect(sources.map(source => `${source.accountLabel} ${source.region}`)).toEqual(['prod us-east-1', 'prod eu-west-1', 'prod ap-southeast-2']);
		expect(where).toBe('3 regions');
	});

	it('goes on without a profile that fails, with one line naming it; all failing is exit 1', async () => {
		const expired = new TrailviewError('expired-credentials', 'The SSO session has expired or was never started.', {hint: 'Run `aws sso login --profile dev`.'});
		const stderr = stream();
		const opened = await openScriptSources({backend: backend({dev: expired}), options: {...base, profile: 'dev', profiles: ['dev', 'prod', 'nosuch']}, env: {}, signal, stderr: stderr.out});
		expect((opened as Exclude<typeof opened, number>).sources.map(source => source.accountLabel)).toEqual(['prod']);
		expect(stderr.text().split('\n')).toEqual([
			'trailview: profile nosuch: profile "nosuch" (from --profile) is not in ~/.aws/config or ~/.aws/credentials; profiles there: prod, dev, prod-admin',
			'trailview: profile dev: The SSO session has expired or was never started.',
			'  Run `aws sso login --profile dev`.',
			'',
		]);

		const none = stream();
		expect(await openScriptSources({backend: backend({prod: expired}), options: {...base, profile: 'prod', profiles: ['prod']}, env: {}, signal, stderr: none.out})).toBe(1);
		// Alone, a profile's failure reads as it always has, without the profile prefix.
		expect(none.text()).toBe('trailview: The SSO session has expired or was never started.\n  Run `aws sso login --profile dev`.\n');
	});

	it('labels the environment credentials with the account id', async () => {
		const opened = await openScriptSources({backend: backend(), options: base, env: {AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_REGION: 'eu-west-1'}, signal, stderr: stream().out});
		expect((opened as Exclude<typeof opened, number>).sources[0]?.accountLabel).toBe('333333333333');
	});
});

describe('skipNotes', () => {
	const origin = (region: string) => ({account: '111111111111', accountLabel: 'prod', region});
	const skip = (region: string, reason: SkippedSource['reason'], message: string): SkippedSource => ({...origin(region), reason, error: new TrailviewError('service', message)});

	it('writes the skips of the first answers on one line before the first page, and later ones on their own', async () => {
		const stderr = stream();
		const notes = skipNotes([origin('us-east-1'), origin('ap-east-1'), origin('eu-west-1'), origin('me-south-1')], stderr.out);
		const pages = (async function * (): AsyncGenerator<TrailEvent[]> {
			notes.onSkip(skip('ap-east-1', 'not-enabled', 'The security token included in the request is invalid.'));
			notes.onSkip(skip('eu-west-1', 'failed', 'Could not reach the eu-west-1 endpoint: the connection was refused.'));
			yield [makeEvent(1)];
			notes.onSkip(skip('me-south-1', 'access-denied', 'Access denied to cloudtrail:LookupEvents.'));
			notes.onSkip(skip('me-south-1', 'access-denied', 'Access denied to cloudtrail:LookupEvents.'));
			yield [makeEvent(2)];
		})();
		const seen: string[] = [];
		for await (const page of notes.around(pages)) {
			seen.push(`page ${page[0]!.id} after ${stderr.text().split('\n').length - 1} lines`);
		}

		await new Promise(resolve => {
			setImmediate(resolve);
		});
		expect(seen).toEqual(['page evt-00001 after 2 lines', 'page evt-00002 after 3 lines']);
		expect(stderr.text()).toBe(
			[
				'trailview: 2 regions · ap-east-1 not enabled · eu-west-1 failed',
				'  eu-west-1: Could not reach the eu-west-1 endpoint: the connection was refused.',
				'trailview: me-south-1 access denied: Access denied to cloudtrail:LookupEvents.',
				'',
			].join('\n'),
		);
	});
});
