// A config file with several kinds of profile, picked with arrow keys: each shows ITS account;
// a broken one shows its error and hint, and the picker keeps working.
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {account, arrowTo, awsFiles, pickerRow, pressToExit, requireBuild, withEmulator, type AwsFiles} from './support.js';

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	emulator = await withEmulator();
	const dev = account(emulator, 'demo-dev');
	const prod = account(emulator, 'demo-prod');
	const processOutput = JSON.stringify({Version: 1, AccessKeyId: prod.accessKeyId, SecretAccessKey: prod.secretAccessKey});
	files = awsFiles({
		scripts: {
			'creds.sh': `#!/bin/sh\necho '${processOutput}'\n`,
			'broken.sh': '#!/bin/sh\necho "credential helper: session expired" >&2\nexit 3\n',
		},
		credentials: `[static-dev]\naws_access_key_id = ${dev.accessKeyId}\naws_secret_access_key = ${dev.secretAccessKey}\n`,
	});
	files.env['AWS_CONFIG_FILE'] = join(files.dir, 'config');
	const config = [
		'[profile static-dev]',
		'region = us-east-1',
		'[profile role-audit]',
		'role_arn = arn:aws:iam::111111111111:role/Auditor',
		'source_profile = static-dev',
		'[profile process-prod]',
		`credential_process = ${join(files.dir, 'creds.sh')}`,
		'[profile broken-helper]',
		`credential_process = ${join(files.dir, 'broken.sh')}`,
		'',
	].join('\n');
	const {writeFileSync} = await import('node:fs');
	writeFileSync(files.env['AWS_CONFIG_FILE'], config);
});
afterAll(async () => {
	await emulator.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

describe('profile picker over a real config file', () => {
	it('broken profile: error with hint, picker still works; credential_process and static profiles show their own accounts', async () => {
		session = spawnCli({args: ['--endpoint-url', emulator.endpoint], env: files.env, cols: 120, rows: 32});
		await session.waitForText('Choose a profile');
		await session.waitForText('broken-helper');
		expect(session.screen()).toContain('role-audit');

		await arrowTo(session, pickerRow('broken-helper'));
		await session.press(ptyKeys.enter);
		const failed = await session.waitForText('✗');
		const errorLines = failed.split('\n').slice(failed.split('\n').findIndex(line => line.includes('✗')));
		// The message, then an indented hint.
		expect(errorLines[1]).toMatch(/^\s{2,}\S/);
		expect(failed).toContain('Choose a profile');

		await arrowTo(session, pickerRow('process-prod'));
		await session.press(ptyKeys.enter);
		await session.waitForText('Choose a region');
		await arrowTo(session, pickerRow('ap-southeast-2'));
		await session.press(ptyKeys.enter);
		const prod = await session.waitForText(/Write events in ap-southeast-2/);
		expect(prod.split('\n')[0]).toContain('111111111111');
		expect(prod.split('\n')[0]).toContain('process-prod');

		await session.press('p');
		await session.waitForText('Switch profile');
		await arrowTo(session, pickerRow('static-dev'));
		await session.press(ptyKeys.enter);
		await session.waitForText('Choose a region');
		await arrowTo(session, pickerRow('us-east-1'));
		await session.press(ptyKeys.enter);
		const dev = await session.waitForText(/222222222222[\s\S]*Write events in us-east-1/);
		expect(dev.split('\n')[0]).toContain('static-dev');

		expect(await pressToExit(session, 'q')).toBe(0);
	}, 60_000);
});
