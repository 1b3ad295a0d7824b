import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DescribeTrailsCommand} from '@aws-sdk/client-cloudtrail';
import {AssumeRoleCommand, GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {fromIni} from '@aws-sdk/credential-providers';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {emulatorMfaCode, startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, demoAccount, fixedNow, rejectionOf, sts} from './helpers.js';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow});
});

afterAll(async () => {
	await emulator.stop();
});

describe('STS', () => {
	it('GetCallerIdentity names the account and principal of each demo key', async () => {
		const prod = await sts(emulator, 'demo-prod').send(new GetCallerIdentityCommand({}));
		expect(prod).toMatchObject({Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/alice', UserId: expect.stringMatching(/^AIDA[A-Z0-9]{17}$/)});
		expect(prod.$metadata.requestId).toEqual(expect.any(String));
		const dev = await sts(emulator, 'demo-dev', 'eu-west-1').send(new GetCallerIdentityCommand({}));
		expect(dev).toMatchObject({Account: '222222222222', Arn: demoAccount(emulator, 'demo-dev').userArn});
	});

	it('answers STS errors in the STS XML format the SDK parses', async () => {
		const expired = await rejectionOf(sts(emulator, 'demo-expired').send(new GetCallerIdentityCommand({})));
		expect(expired.name).toBe('ExpiredToken');
		expect(expired.message).toBe('The security token included in the request is expired');
		const wrong = await rejectionOf(sts(emulator, {accessKeyId: 'AKIAEMULATORPROD1111', secretAccessKey: 'nope'}).send(new GetCallerIdentityCommand({})));
		expect(wrong.name).toBe('SignatureDoesNotMatch');
		expect(wrong.$metadata?.httpStatusCode).toBe(403);
		const unknown = await rejectionOf(sts(emulator, {accessKeyId: 'AKIAZZZZZZZZZZZZZZZZ', secretAccessKey: 'nope'}).send(new GetCallerIdentityCommand({})));
		expect(unknown.name).toBe('InvalidClientTokenId');
	});

	it('AssumeRole issues working ASIA credentials for a known account', async () => {
		const before = Date.now();
		const output = await sts(emulator).send(
			new AssumeRoleCommand({RoleArn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole', RoleSessionName: 'trailview-test', DurationSeconds: 900}),
		);
		const credentials = output.Credentials!;
		expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
		expect(credentials.SessionToken).toEqual(expect.any(String));
		expect(credentials.Expiration!.getTime()).toBeGreaterThan(before + 890_000);
		expect(credentials.Expiration!.getTime()).toBeLessThan(before + 910_000);
		expect(output.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/trailview-test');

		const session = {accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken!};
		const identity = await sts(emulator, session).send(new GetCallerIdentityCommand({}));
		expect(identity.Account).toBe('222222222222');
		expect(identity.Arn).toBe(output.AssumedRoleUser?.Arn);
		const trails = await cloudTrail(emulator, session).send(new DescribeTrailsCommand({}));
		expect(trails.trailList?.map(trail => trail.Name)).toEqual(['dev-management-events']);

		const forged = await rejectionOf(cloudTrail(emulator, {...session, sessionToken: 'forged'}).send(new DescribeTrailsCommand({})));
		expect(forged.name).toBe('UnrecognizedClientException');
	});

	it('AssumeRole into an account the emulator does not know is AccessDenied', async () => {
		const denied = await rejectionOf(sts(emulator).send(new AssumeRoleCommand({RoleArn: 'arn:aws:iam::999999999999:role/Admin', RoleSessionName: 'x1'})));
		expect(denied.name).toBe('AccessDenied');
		expect(denied.$metadata?.httpStatusCode).toBe(403);
		const invalid = await rejectionOf(sts(emulator).send(new AssumeRoleCommand({RoleArn: 'not-an-arn', RoleSessionName: 'x1'})));
		expect(invalid.name).toBe('ValidationError');
	});

	it('an assume-role profile (source_profile + role_arn) resolves through the SDK against the emulator', async () => {
		const directory = await mkdtemp(join(tmpdir(), 'trailview-emulator-'));
		try {
			const prod = demoAccount(emulator, 'demo-prod');
			await writeFile(join(directory, 'credentials'), `[base]\naws_access_key_id = ${prod.accessKeyId}\naws_secret_access_key = ${prod.secretAccessKey}\n`);
			await writeFile(join(directory, 'config'), '[profile dev-admin]\nrole_arn = arn:aws:iam::222222222222:role/Admin\nsource_profile = base\nregion = us-east-1\n');
			const provider = fromIni({
				profile: 'dev-admin',
				filepath: join(directory, 'credentials'),
				configFilepath: join(directory, 'config'),
				clientConfig: {endpoint: emulator.endpoint, region: 'us-east-1'},
				ignoreCache: true,
			});
			const credentials = await provider();
			expect(credentials.accessKeyId).toMatch(/^ASIA/);
			expect(credentials.expiration).toBeInstanceOf(Date);
			const identity = await sts(emulator, {accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken}).send(new GetCallerIdentityCommand({}));
			expect(identity.Account).toBe('222222222222');
			expect(identity.Arn).toMatch(/^arn:aws:sts::222222222222:assumed-role\/Admin\//);
		} finally {
			await rm(directory, {recursive: true, force: true});
		}
	});
});

describe('STS with MFA and short sessions', () => {
	let shortLived: Emulator;
	const role = {RoleArn: 'arn:aws:iam::222222222222:role/Admin', RoleSessionName: 'mfa-test', SerialNumber: 'arn:aws:iam::111111111111:mfa/alice'};

	beforeAll(async () => {
		shortLived = await startEmulator({now: fixedNow, minSessionSeconds: 1});
	});

	afterAll(async () => {
		await shortLived.stop();
	});

	it('AssumeRole with an MFA device accepts the valid code and refuses any other as the service does', async () => {
		const wrong = await rejectionOf(sts(shortLived).send(new AssumeRoleCommand({...role, TokenCode: '654321'})));
		expect(wrong.name).toBe('AccessDenied');
		expect(wrong.message).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
		const missing = await rejectionOf(sts(shortLived).send(new AssumeRoleCommand(role)));
		expect(missing.name).toBe('AccessDenied');
		const malformed = await rejectionOf(sts(shortLived).send(new AssumeRoleCommand({...role, TokenCode: '12ab'})));
		expect(malformed.name).toBe('ValidationError');

		const output = await sts(shortLived).send(new AssumeRoleCommand({...role, TokenCode: emulatorMfaCode}));
		expect(output.Credentials?.AccessKeyId).toMatch(/^ASIA/);
	});

	it('issues credentials for DurationSeconds that answer ExpiredToken once they lapse', async () => {
		const tooShort = await rejectionOf(sts(emulator).send(new AssumeRoleCommand({...role, TokenCode: emulatorMfaCode, DurationSeconds: 60})));
		expect(tooShort.name).toBe('ValidationError');

		const before = Date.now();
		const output = await sts(shortLived).send(new AssumeRoleCommand({...role, TokenCode: emulatorMfaCode, DurationSeconds: 2}));
		const credentials = output.Credentials!;
		expect(credentials.Expiration!.getTime()).toBeLessThanOrEqual(before + 2000);
		const session = {accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken!};
		expect((await sts(shortLived, session).send(new GetCallerIdentityCommand({}))).Account).toBe('222222222222');
		await vi.waitFor(
			async () => {
				const expired = await rejectionOf(sts(shortLived, session).send(new GetCallerIdentityCommand({})));
				expect(expired.name).toBe('ExpiredToken');
			},
			{timeout: 5000, interval: 200},
		);
	});
});
