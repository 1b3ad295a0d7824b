// Credential chains as people have them, through the real SDK and the emulator's STS: a rejection
// anywhere in a chain must come back from connect() as a TrailviewError, never escape as an
// unhandled rejection (which ends the app).
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {emulatorMfaCode, startEmulator, type Emulator} from '../../source/emulator/index.js';
import {forgetSharedCredentials} from '../../source/services/credentials.js';
import {resetSharedRateLimiters} from '../../source/services/rate-limiter.js';
import {createAwsBackend} from '../../source/services/backend.js';
import type {MfaPrompt, MfaRequest, ProfileEntry} from '../../source/domain/types.js';
import {mfaOverSsoConfig} from '../helpers/aws-configs.js';

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
	emulator = await startEmulator({seed: 7, eventsPerRegion: 50, rateLimitPerSecond: false, minSessionSeconds: 1});
	dir = await mkdtemp(join(tmpdir(), 'trailview-chain-'));
});

afterAll(async () => {
	await emulator?.stop();
	await rm(dir, {recursive: true, force: true});
});


async function backendWith(config: string, credentials = '', mfa?: MfaPrompt) {
	const env = {
		AWS_CONFIG_FILE: join(dir, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
		// No SSO token cache: the SDK looks under HOME/.aws/sso/cache.
		HOME: dir,
	};
	// The SDK reads an SSO source profile from the process's environment, not the options given.
	for (const [name, value] of Object.entries(env)) {
		vi.stubEnv(name, value);
	}

	await writeFile(env.AWS_CONFIG_FILE, config);
	await writeFile(env.AWS_SHARED_CREDENTIALS_FILE, credentials);
	return createAwsBackend({env, endpointUrl: emulator.endpoint, ...(mfa ? {mfa} : {})});
}

afterEach(() => {
	vi.unstubAllEnvs();
	forgetSharedCredentials();
	resetSharedRateLimiters();
});

async function entry(backend: ReturnType<typeof createAwsBackend>, name: string): Promise<ProfileEntry> {
	const found = (await backend.listProfiles()).find(candidate => candidate.name === name);
	expect(found).toBeDefined();
	return found!;
}

describe('credential chains', () => {
	it('an MFA role over an SSO profile with no token explains the SSO login instead of crashing', async () => {
		const backend = await backendWith(mfaOverSsoConfig);
		const error = await backend.connect(await entry(backend, 'role-mfa-sso'), {region: 'us-east-1'}).catch((error_: unknown) => error_);
		expect(error).toMatchObject({name: 'TrailviewError', kind: 'expired-credentials'});
		expect((error as {hint: string}).hint).toContain('aws sso login --profile ssoadmin');
	});

	it('any source that fails behind an MFA role comes back as an error: a failing credential_process', async () => {
		const script = join(dir, 'broken.sh');
		await writeFile(script, '#!/bin/sh\necho "helper: no session" >&2\nexit 3\n', {mode: 0o755});
		const backend = await backendWith(
			`[profile helper]\ncredential_process = ${script}\n[profile role-mfa-process]\nrole_arn = arn:aws:iam::222222222222:role/Admin\nsource_profile = helper\nmfa_serial = arn:aws:iam::111111111111:mfa/alice\n`,
		);
		const error = await backend.connect(await entry(backend, 'role-mfa-process'), {region: 'us-east-1'}).catch((error_: unknown) => error_);
		expect(error).toMatchObject({name: 'TrailviewError', kind: 'missing-credentials'});
		expect((error as Error).message).toContain('helper: no session');
	});

	it('the default chain, pointed at the same profile by AWS_PROFILE, explains it too', async () => {
		const backend = await backendWith(mfaOverSsoConfig);
		vi.stubEnv('AWS_PROFILE', 'role-mfa-sso');
		const chain: ProfileEntry = {name: 'Default provider chain', kind: 'default-chain', detail: '', region: undefined};
		const error = await backend.connect(chain, {region: 'us-east-1'}).catch((error_: unknown) => error_);
		// Which link's failure the chain reports is the SDK's business; that it is an answer, not a crash, is ours.
		expect(error).toMatchObject({name: 'TrailviewError'});
		expect(['expired-credentials', 'missing-credentials']).toContain((error as {kind: string}).kind);
	});

	describe('an assume-role profile with mfa_serial', () => {
		const config = (duration = 3600) =>
			`[profile role-mfa]\nrole_arn = arn:aws:iam::222222222222:role/Admin\nsource_profile = base\nmfa_serial = arn:aws:iam::111111111111:mfa/alice\nduration_seconds = ${duration}\n`;
		const credentials = () => {
			const prod = emulator.accounts.find(candidate => candidate.label === 'demo-prod')!;
			return `[base]\naws_access_key_id = ${prod.accessKeyId}\naws_secret_access_key = ${prod.secretAccessKey}\n`;
		};

		it('asks for the code, asks again after a wrong one, and one answer serves every region and reconnect', async () => {
			const asked: MfaRequest[] = [];
			const answers = ['999999', emulatorMfaCode];
			const backend = await backendWith(config(), credentials(), async request => {
				asked.push(request);
				return answers.shift()!;
			});
			const profile = await entry(backend, 'role-mfa');
			const before = emulator.requestCounts()['AssumeRole'] ?? 0;
			const [first, second] = await Promise.all([backend.connect(profile, {region: 'us-east-1'}), backend.connect(profile, {region: 'eu-west-1'})]);
			expect(first.identity.account).toBe('222222222222');
			expect(second.identity.account).toBe('222222222222');
			expect(asked).toEqual([
				{profile: 'role-mfa', serial: 'arn:aws:iam::111111111111:mfa/alice'},
				{profile: 'role-mfa', serial: 'arn:aws:iam::111111111111:mfa/alice', retry: expect.stringContaining('not accepted')},
			]);
			const trails = await first.serviceFor('ap-southeast-2').listTrails();
			expect(Array.isArray(trails)).toBe(true);
			await (await backend.connect(profile, {region: 'us-east-1'})).serviceFor('eu-west-1').listTrails();
			expect(asked).toHaveLength(2);
			expect((emulator.requestCounts()['AssumeRole'] ?? 0) - before).toBe(2);
		});

		it('without a way to ask, says the profile needs MFA and how to supply credentials', async () => {
			const backend = await backendWith(config(), credentials());
			const error = await backend.connect(await entry(backend, 'role-mfa'), {region: 'us-east-1'}).catch((error_: unknown) => error_);
			expect(error).toMatchObject({kind: 'missing-credentials', message: expect.stringContaining('needs an MFA code')});
			expect((error as {hint: string}).hint).toContain('AWS_SESSION_TOKEN');
		});

		it('the shown expiry follows a refresh, which asks for a new code once the session lapsed', async () => {
			const asked: MfaRequest[] = [];
			const backend = await backendWith(config(2), credentials(), async request => {
				asked.push(request);
				return emulatorMfaCode;
			});
			const session = await backend.connect(await entry(backend, 'role-mfa'), {region: 'us-east-1'});
			const firstExpiry = session.expiration!.getTime();
			expect(firstExpiry - Date.now()).toBeLessThanOrEqual(2000);
			await vi.waitFor(
				async () => {
					await session.serviceFor('us-east-1').listTrails();
					expect(session.expiration!.getTime()).toBeGreaterThan(firstExpiry);
				},
				{timeout: 8000, interval: 300},
			);
			expect(asked.length).toBeGreaterThanOrEqual(2);
		});
	});
});
