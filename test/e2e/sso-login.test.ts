// The config from the bug report (an MFA role whose source is an SSO profile with no token), in a
// pseudo-terminal: the picker explains it and offers L; L hands the terminal to `aws sso login`
// (a fake first on PATH that reads a line from stdin and writes the token cache); its exit brings
// the UI back, and the profile connects through the MFA prompt.
import {createHash} from 'node:crypto';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {emulatorMfaCode, type Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {awsFiles, filterAndPick, requireBuild, withEmulator, type AwsFiles} from './support.js';
import {mfaOverSsoConfig} from '../helpers/aws-configs.js';

let emulator: Emulator;
let files: AwsFiles;
/** HOME for the app and the fake CLI: where the SSO token cache lives. */
let home: string;
let session: PtySession | undefined;

function fakeAws(home: string): string {
	const cache = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`);
	const token = JSON.stringify({accessToken: 'emulator-token', expiresAt: '2099-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://corp.awsapps.com/start'});
	return [
		'#!/bin/sh',
		'echo "fake aws: $*"',
		'printf "Type ok and press Enter to finish logging in: "',
		'read answer',
		'[ "$answer" = ok ] || exit 2',
		`mkdir -p "${join(home, '.aws', 'sso', 'cache')}"`,
		`echo '${token}' > "${cache}"`,
		'',
	].join('\n');
}

beforeAll(async () => {
	requireBuild();
	emulator = await withEmulator();
	home = mkdtempSync(join(tmpdir(), 'trailview-home-'));
	files = awsFiles({config: mfaOverSsoConfig, scripts: {aws: fakeAws(home)}});
});
afterAll(async () => {
	await emulator.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

describe('aws sso login in place', () => {
	it('L runs the login on the terminal, and its exit brings the UI back connected', async () => {
		const env = {...files.env, HOME: home, PATH: `${files.dir}:${process.env['PATH'] ?? ''}`};
		session = spawnCli({args: ['--endpoint-url', emulator.endpoint], env, cols: 120, rows: 30});
		await session.waitForText('role-mfa-sso');
		await filterAndPick(session, 'role-mfa-sso');
		const failed = await session.waitForText('✗');
		expect(failed).toContain('Choose a profile');
		expect(failed).toContain('aws sso login --profile ssoadmin');
		expect(failed).toMatch(/L aws sso login/);

		await session.press('L');
		await session.waitForText('fake aws: sso login --profile ssoadmin');
		await session.waitForText('Type ok and press Enter to finish logging in:');
		await session.press('o', 'k', ptyKeys.enter);

		await session.waitForText('MFA code for profile role-mfa-sso');
		await session.waitForText('Code: ______');
		await session.press(...emulatorMfaCode.split(''));
		await session.waitForText('Code: ••••••');
		await session.press(ptyKeys.enter);
		const connected = await session.waitForText('Choose a region');
		expect(connected).toContain('222222222222');
		expect(connected).not.toContain('fake aws');
		expect(emulator.requestCounts()['GetRoleCredentials']).toBeGreaterThanOrEqual(1);
	});

	it('without the AWS CLI, says so and shows the command to run elsewhere', async () => {
		const env = {...files.env, HOME: mkdtempSync(join(tmpdir(), 'trailview-home-')), PATH: '/nonexistent-bin'};
		session = spawnCli({args: ['--endpoint-url', emulator.endpoint], env, cols: 120, rows: 30});
		await session.waitForText('ssoadmin');
		await filterAndPick(session, 'ssoadmin');
		await session.waitForText('aws sso login --profile ssoadmin');
		await session.press('L');
		const screen = await session.waitForText('The AWS CLI (aws) is not installed here');
		expect(screen).toContain('On a machine with the AWS CLI, run `aws sso login --profile ssoadmin`');
	});
});
