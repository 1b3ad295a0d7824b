import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {readProfiles} from '../../source/services/profiles.js';
import type {ProfileEntry} from '../../source/domain/types.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'trailview-profiles-'));
	env = {AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials')};
});

afterEach(async () => {
	await rm(dir, {recursive: true, force: true});
});

async function files(config: string, credentials = ''): Promise<void> {
	await writeFile(join(dir, 'config'), config);
	await writeFile(join(dir, 'credentials'), credentials);
}

function byName(profiles: ProfileEntry[], name: string): ProfileEntry | undefined {
	return profiles.find((profile) => profile.name === name);
}

const CONFIG = `
[default]
region = eu-west-1

[profile dev]
sso_session = my-sso
sso_account_id = 123456789012
sso_role_name = ReadOnly
region = eu-central-1

[sso-session my-sso]
sso_start_url = https://my-sso.awsapps.com/start
sso_region = eu-west-1

[profile legacy-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 210987654321
sso_role_name = Admin

[profile prod]
role_arn = arn:aws:iam::999988887777:role/x
source_profile = dev

[profile ec2-role]
role_arn = arn:aws:iam::999988887777:role/y
credential_source = Ec2InstanceMetadata

[profile proc]
credential_process = /opt/bin/get-creds --secret ${SECRET}

[profile web]
web_identity_token_file = /var/run/token
role_arn = arn:aws:iam::999988887777:role/web

[profile region-only]
region = ap-south-1

[not-a-profile]
region = us-west-2
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = ${SECRET}

[keys]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = ${SECRET}
aws_session_token = FQoGZXIvYXdzEXAMPLE
`;

describe('readProfiles', () => {
	it('classifies every kind of profile and describes it without secrets', async () => {
		await files(CONFIG, CREDENTIALS);
		const {profiles} = readProfiles(env);

		expect(byName(profiles, 'default')).toEqual({name: 'default', kind: 'static', detail: 'static keys AKIA…MPLE', region: 'eu-west-1'});
		expect(byName(profiles, 'keys')).toMatchObject({kind: 'static', detail: 'static keys AKIA…MPLE + session token', region: undefined});
		expect(byName(profiles, 'dev')).toEqual({
			name: 'dev',
			kind: 'sso',
			detail: 'SSO · my-sso · 123456789012 / ReadOnly',
			region: 'eu-central-1',
			ssoSession: 'my-sso',
		});
		expect(byName(profiles, 'legacy-sso')).toMatchObject({kind: 'sso', detail: 'SSO · legacy.awsapps.com · 210987654321 / Admin'});
		expect(byName(profiles, 'prod')).toMatchObject({kind: 'assume-role', detail: 'assume role arn:aws:iam::999988887777:role/x via dev'});
		expect(byName(profiles, 'ec2-role')).toMatchObject({kind: 'assume-role', detail: 'assume role arn:aws:iam::999988887777:role/y via Ec2InstanceMetadata'});
		expect(byName(profiles, 'proc')).toMatchObject({kind: 'credential-process', detail: 'credential process get-creds'});
		expect(byName(profiles, 'web')).toMatchObject({kind: 'web-identity', detail: 'web identity arn:aws:iam::999988887777:role/web'});
		expect(byName(profiles, 'region-only')).toMatchObject({kind: 'unknown', region: 'ap-south-1'});

		const everything = JSON.stringify(profiles);
		expect(everything).not.toContain(SECRET);
		expect(everything).not.toContain('AKIAIOSFODNN7EXAMPLE');
		expect(everything).not.toContain('FQoGZXIvYXdzEXAMPLE');
	});

	it('treats [x] in the config file as no profile (as the CLI does) and warns about it', async () => {
		await files(CONFIG, CREDENTIALS);
		const {profiles, warnings} = readProfiles(env);
		expect(byName(profiles, 'not-a-profile')).toBeUndefined();
		expect(byName(profiles, 'my-sso')).toBeUndefined();
		expect(warnings.some((warning) => warning.includes('[not-a-profile] is ignored') && warning.includes('[profile not-a-profile]'))).toBe(true);
	});

	it('reads [x] in the credentials file as profile x, and ignores [profile x] there', async () => {
		await files('', '[plain]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = s\n\n[profile odd]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\n');
		const {profiles, warnings} = readProfiles(env);
		expect(byName(profiles, 'plain')?.kind).toBe('static');
		expect(profiles.filter((profile) => /odd/.test(profile.name))).toEqual([]);
		expect(warnings.some((warning) => warning.includes('[profile odd] is ignored'))).toBe(true);
	});

	it('merges a profile split across both files, the credentials file winning', async () => {
		await files('[profile split]\nregion = us-west-2\n', '[split]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = s\n');
		const {profiles} = readProfiles(env);
		expect(byName(profiles, 'split')).toMatchObject({kind: 'static', region: 'us-west-2'});
	});

	it('notes an sso_session that names a missing [sso-session] block', async () => {
		await files('[profile lost]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = R\n');
		const {profiles} = readProfiles(env);
		expect(byName(profiles, 'lost')).toMatchObject({kind: 'sso', ssoSession: 'nowhere'});
		expect(byName(profiles, 'lost')?.detail).toContain('sso-session section missing');
	});

	it('sorts default first, then by name, then environment and default chain entries', async () => {
		await files('[profile zeta]\nregion = x\n[profile alpha]\nregion = x\n[profile Beta]\nregion = x\n', '[default]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = s\n');
		const {profiles} = readProfiles({...env, AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SESSION_TOKEN: 't'});
		expect(profiles.map((profile) => profile.name)).toEqual(['default', 'alpha', 'Beta', 'zeta', 'Environment variables', 'Default provider chain']);
		expect(profiles.at(-2)).toMatchObject({kind: 'environment', detail: 'AWS_ACCESS_KEY_ID AKIA…MPLE + session token'});
		expect(profiles.at(-1)?.kind).toBe('default-chain');
	});

	it('puts the preferred (--profile / AWS_PROFILE) profile first', async () => {
		await files('[default]\nregion = x\n[profile alpha]\nregion = x\n[profile zeta]\nregion = x\n');
		const {profiles} = readProfiles({...env, AWS_PROFILE: 'zeta'});
		expect(profiles.map((profile) => profile.name).slice(0, 3)).toEqual(['zeta', 'default', 'alpha']);
	});

	it('offers only the default chain when there are no files and no env credentials', async () => {
		const {profiles, warnings} = readProfiles({AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none2')});
		expect(profiles.map((profile) => profile.kind)).toEqual(['default-chain']);
		expect(warnings).toEqual([]);
	});

	it('returns what parsed, plus warnings, from a malformed file', async () => {
		await files(
			`[profile broken\nregion = us-east-1\n[profile ok]\nregion = eu-west-1\nthis line is junk ${SECRET}\n`,
			'[__proto__]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\n',
		);
		const {profiles, warnings} = readProfiles(env);
		expect(byName(profiles, 'ok')).toMatchObject({region: 'eu-west-1'});
		expect(warnings.some((warning) => /config file .*line 5: not a "key = value" line/.test(warning))).toBe(true);
		expect(warnings.some((warning) => /line 1: the section header is not closed/.test(warning))).toBe(true);
		expect(warnings.some((warning) => /credentials file .* could not be parsed/.test(warning))).toBe(true);
		expect(JSON.stringify(warnings)).not.toContain(SECRET);
	});

	it('re-reads files changed since the last call', async () => {
		await files('[profile first]\nregion = x\n');
		expect(byName(readProfiles(env).profiles, 'first')).toBeDefined();
		await files('[profile second]\nregion = x\n');
		const {profiles} = readProfiles(env);
		expect(byName(profiles, 'first')).toBeUndefined();
		expect(byName(profiles, 'second')).toBeDefined();
	});
});

describe('readProfiles, synchronously', () => {
	it('answers in the same turn, so the first frame of the picker can list the profiles', async () => {
		await files('[profile alpha]\nregion = eu-west-1\n', '[beta]\naws_access_key_id = AKIAI44QH8DHBEXAMPLE\naws_secret_access_key = s\n');
		const result = readProfiles(env);
		expect(result).not.toBeInstanceOf(Promise);
		expect(result.profiles.map(profile => profile.name)).toEqual(['alpha', 'beta', 'Default provider chain']);
	});

	it('expands a leading ~/ in AWS_CONFIG_FILE as the SDK does', async () => {
		const home = process.env['HOME'];
		process.env['HOME'] = dir;
		try {
			await files('[profile tilde]\nregion = eu-west-1\n');
			const {profiles} = readProfiles({AWS_CONFIG_FILE: '~/config', AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none')});
			expect(byName(profiles, 'tilde')).toMatchObject({region: 'eu-west-1'});
		} finally {
			if (home === undefined) {
				delete process.env['HOME'];
			} else {
				process.env['HOME'] = home;
			}
		}
	});
});
