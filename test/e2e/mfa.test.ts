// An assume-role profile with mfa_serial, driven with keys in a pseudo-terminal: the modal asks
// for the code (masked), a wrong code is refused with a retry, the right one lets events load, and
// the one code also serves a region switch.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {emulatorMfaCode, type Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {account, awsFiles, filterAndPick, requireBuild, withEmulator, type AwsFiles} from './support.js';

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	emulator = await withEmulator();
	const prod = account(emulator, 'demo-prod');
	files = awsFiles({
		config: [
			'[profile base]',
			'[profile role-mfa]',
			'role_arn = arn:aws:iam::222222222222:role/Admin',
			'source_profile = base',
			'mfa_serial = arn:aws:iam::111111111111:mfa/alice',
			'',
		].join('\n'),
		credentials: `[base]\naws_access_key_id = ${prod.accessKeyId}\naws_secret_access_key = ${prod.secretAccessKey}\n`,
	});
});
afterAll(async () => {
	await emulator.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

/** Types digits into the prompt, checking the masked field after each (a just-opened modal may miss the first). */
async function typeCode(session: PtySession, digits: string, typedBefore = 0): Promise<void> {
	for (const [index, digit] of [...digits].entries()) {
		const shown = '•'.repeat(typedBefore + index + 1);
		for (let attempt = 0; ; attempt++) {
			await session.press(digit);
			if (await session.waitForText(`Code: ${shown}`, 1000).then(() => true, () => false)) {
				break;
			}

			if (attempt === 2) {
				throw new Error(`the prompt never showed ${shown}. Screen:\n${session.screen()}`);
			}
		}
	}
}

describe('MFA prompt', () => {
	it('asks once: a wrong code is refused, the right one loads events in two regions', async () => {
		const before = emulator.requestCounts()['AssumeRole'] ?? 0;
		session = spawnCli({args: ['--profile', 'role-mfa', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env: files.env, cols: 120, rows: 30});
		await session.waitForText('MFA code for profile role-mfa');
		expect(session.screen()).toContain('arn:aws:iam::111111111111:mfa/alice');

		await typeCode(session, '99999');
		await session.waitForText('Code: •••••_');
		// Five digits are not a code: Enter does nothing yet.
		await session.press(ptyKeys.enter, '9', ptyKeys.enter);
		await session.waitForText('That code was not accepted');
		expect(session.screen()).toContain('Code: ______');
		expect(session.screen()).not.toContain('999999');

		await typeCode(session, emulatorMfaCode);
		await session.press(ptyKeys.enter);
		const main = await session.waitForText(/Write events in us-east-1/);
		expect(main).toContain('222222222222');
		expect(main).not.toContain('MFA code');
		await session.waitForText(/events? loaded/);

		await session.press('R');
		await session.waitForText('Choose a region');
		await filterAndPick(session, 'eu-west-1');
		await session.waitForText(/Write events in eu-west-1/);
		await session.waitForText(/events? loaded/);
		expect(session.screen()).not.toContain('MFA code');
		// The wrong code and the right one: the region switch reused the session.
		expect((emulator.requestCounts()['AssumeRole'] ?? 0) - before).toBe(2);
	});

	it('Esc cancels the prompt and the picker says no code was entered', async () => {
		session = spawnCli({args: ['--endpoint-url', emulator.endpoint], env: files.env, cols: 120, rows: 30});
		await session.waitForText('role-mfa');
		await filterAndPick(session, 'role-mfa');
		await session.waitForText('MFA code for profile role-mfa');
		await session.press('1', '2', ptyKeys.escape);
		await session.waitForText('No MFA code was entered for profile role-mfa.');
		expect(session.screen()).toContain('Choose a profile');
	});

	it('script mode reads the code from the terminal, masked, and prints the events', async () => {
		session = spawnCli({
			args: ['--profile', 'role-mfa', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint, '--output', 'jsonl', '--limit', '1'],
			env: files.env,
			cols: 200,
			rows: 30,
		});
		await session.waitForText('MFA code for profile role-mfa (arn:aws:iam::111111111111:mfa/alice):');
		await session.press(...emulatorMfaCode.split(''));
		await session.waitForText('******');
		expect(session.screen()).not.toContain(emulatorMfaCode);
		await session.press(ptyKeys.enter);
		await session.waitForText('"eventName"');
		expect(await session.exitCode).toBe(0);
	});
});
