// Where the bench runs things: the built CLI, a scratch directory, a minimal environment and
// AWS config files that point at an emulator account.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import type {Emulator} from '../../source/emulator/index.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = path.join(root, 'dist/cli.js');

export const tmp = mkdtempSync(path.join(tmpdir(), 'trailview-bench-'));
process.on('exit', () => {
	rmSync(tmp, {recursive: true, force: true});
});

/**
 * A config dir with four profiles, of which `bench` (and `other`) hold the static keys of an
 * emulator account; `audit` (assume-role) and `sso-dev` (SSO) are only listed, never used.
 */
export function awsFiles(emulator: Emulator, accountLabel = 'demo-prod'): Record<string, string> {
	const account = emulator.accounts.find(a => a.label === accountLabel)!;
	const dir = mkdtempSync(path.join(tmp, 'aws-'));
	writeFileSync(
		path.join(dir, 'config'),
		[
			'[profile bench]\nregion = us-east-1\n',
			'[profile other]\nregion = eu-west-1\n',
			`[profile audit]\nrole_arn = arn:aws:iam::${account.accountId}:role/audit\nsource_profile = bench\n`,
			`[profile sso-dev]\nsso_session = corp\nsso_account_id = ${account.accountId}\nsso_role_name = ReadOnly\nregion = us-east-1\n`,
			'[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
		].join(''),
	);
	writeFileSync(
		path.join(dir, 'credentials'),
		`[bench]\naws_access_key_id = ${account.accessKeyId}\naws_secret_access_key = ${account.secretAccessKey}\n[other]\naws_access_key_id = ${account.accessKeyId}\naws_secret_access_key = ${account.secretAccessKey}\n`,
	);
	return {
		AWS_CONFIG_FILE: path.join(dir, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
		AWS_ACCESS_KEY_ID: account.accessKeyId,
		AWS_SECRET_ACCESS_KEY: account.secretAccessKey,
	};
}

export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
	return {
		PATH: process.env['PATH'] ?? '/usr/bin:/bin',
		HOME: tmp,
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		AWS_CONFIG_FILE: '/nonexistent',
		AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
		AWS_EC2_METADATA_DISABLED: 'true',
		...extra,
	};
}


// Matches the footer's count of loaded events, there once the first page is in.
export const eventsLoaded = /(\d[\d,]*) events? loaded/;

export async function sleep(ms: number): Promise<void> {
	await new Promise(resolve => setTimeout(resolve, ms));
}


/** Runs a command to completion outside a terminal: wall time, first-stdout time, stdout, stderr. */
export async function runProcess(command: string, args: string[], env: Record<string, string>) {
	const startedAt = performance.now();
	const child = spawn(command, args, {cwd: root, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	let firstByteAt: number | undefined;
	child.stdout.on('data', (chunk: Buffer) => {
		firstByteAt ??= performance.now() - startedAt;
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const code = await new Promise<number>(resolve => {
		child.on('close', c => resolve(c ?? -1));
	});
	return {code, wallMs: performance.now() - startedAt, firstByteMs: firstByteAt ?? Number.NaN, stdout, stderr};
}
