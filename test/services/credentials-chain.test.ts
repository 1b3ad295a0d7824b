// Credential chains as people have them, through the real SDK and the emulator's STS: a rejection
// anywhere in a chain must come back from connect() as a TrailviewError, never escape as an
// unhandled rejection (which ends the app).
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createAwsBackend} from '../../source/services/backend.js';
import type {ProfileEntry} from '../../source/domain/types.js';

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
	emulator = await startEmulator({seed: 7, eventsPerRegion: 50});
	dir = await mkdtemp(join(tmpdir(), 'trailview-chain-'));
});

afterAll(async () => {
	await emulator?.stop();
	await rm(dir, {recursive: true, force: true});
});

/** The config from the bug report: an MFA role whose source is an SSO profile with no token. */
export const mfaOverSsoConfig = [
	'[sso-session corp]',
	'sso_start_url = https://corp.awsapps.com/start',
	'sso_region = us-east-1',
	'sso_registration_scopes = sso:account:access',
	'[profile ssoadmin]',
	'sso_session = corp',
	'sso_account_id = 111111111111',
	'sso_role_name = AdministratorAccess',
	'region = us-east-1',
	'[profile role-mfa-sso]',
	'role_arn = arn:aws:iam::222222222222:role/Admin',
	'source_profile = ssoadmin',
	'mfa_serial = arn:aws:iam::111111111111:mfa/alice',
	'',
].join('\n');

async function backendWith(config: string, credentials = '') {
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
	return createAwsBackend({env, endpointUrl: emulator.endpoint});
}

afterEach(() => {
	vi.unstubAllEnvs();
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
});
