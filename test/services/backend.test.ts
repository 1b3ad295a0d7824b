import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {STSClient, GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {mockClient} from 'aws-sdk-client-mock';
import {build} from 'esbuild';
import {afterAll, afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createAwsBackend} from '../../source/services/backend.js';
import type {ProfileEntry} from '../../source/domain/types.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const stsMock = mockClient(STSClient);

let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
	stsMock.reset();
	stsMock.on(GetCallerIdentityCommand).resolves({Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/alice', UserId: 'AIDAEXAMPLE'});
	dir = await mkdtemp(join(tmpdir(), 'trailview-backend-'));
	env = {AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials')};
});

afterEach(async () => {
	await rm(dir, {recursive: true, force: true});
});

afterAll(() => {
	stsMock.restore();
});

function entry(name: string, kind: ProfileEntry['kind']): ProfileEntry {
	return {name, kind, detail: '', region: undefined};
}

describe('createAwsBackend', () => {
	it('lists demo accounts as demo profiles in demo mode', async () => {
		const backend = createAwsBackend({
			env,
			demo: {
				endpoint: 'http://127.0.0.1:1',
				accounts: [{label: 'Sandbox', description: 'A small team account', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET}],
			},
		});
		expect(await backend.listProfiles()).toEqual([
			{name: 'Sandbox', kind: 'demo', detail: 'A small team account — local sample data', region: undefined},
		]);
	});

	it('lists profiles from the shared files and the default region rule', async () => {
		await writeFile(env['AWS_CONFIG_FILE']!, '[profile dev]\nregion = eu-central-1\n[oops]\n');
		const backend = createAwsBackend({env, regionFlag: undefined});
		const profiles = await backend.listProfiles();
		expect(profiles.map((profile) => profile.name)).toEqual(['dev', 'Default provider chain']);
		expect(backend.profileWarnings()).toHaveLength(1);
		expect(backend.defaultRegion(profiles[0])).toEqual({region: 'eu-central-1', source: 'profile'});
		expect(createAwsBackend({env, regionFlag: 'ap-south-1'}).defaultRegion(profiles[0])).toEqual({region: 'ap-south-1', source: 'flag'});
	});

	it('connects a static profile: identity, masked key, one service per region', async () => {
		await writeFile(env['AWS_SHARED_CREDENTIALS_FILE']!, `[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`);
		const session = await createAwsBackend({env}).connect(entry('keys', 'static'), {region: 'eu-west-1'});

		expect(session.identity).toEqual({account: '111122223333', arn: 'arn:aws:iam::111122223333:user/alice', userId: 'AIDAEXAMPLE'});
		expect(session.maskedAccessKeyId).toBe('AKIA…MPLE');
		expect(session.expiration).toBeUndefined();
		expect(JSON.stringify(session)).not.toContain(SECRET);
		const eu = session.serviceFor('eu-west-1');
		expect(eu.region).toBe('eu-west-1');
		expect(session.serviceFor('eu-west-1')).toBe(eu);
		expect(session.serviceFor('us-east-1')).not.toBe(eu);
		expect(session.serviceFor('us-east-1').region).toBe('us-east-1');
	});

	it('connects a demo account with its static keys', async () => {
		const backend = createAwsBackend({
			env,
			demo: {endpoint: 'http://127.0.0.1:1', accounts: [{label: 'Sandbox', description: 'd', accessKeyId: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: SECRET}]},
		});
		const session = await backend.connect(entry('Sandbox', 'demo'), {region: 'eu-west-1'});
		expect(session.maskedAccessKeyId).toBe('AKIA…MPLE');
		const client = stsMock.commandCalls(GetCallerIdentityCommand)[0]!.thisValue;
		expect(client).toBeInstanceOf(STSClient);
		const endpoint = await (client as STSClient).config.endpoint!();
		expect(endpoint.port).toBe(1);
	});

	it('follows a loopback emulator as often as TRAILVIEW_FOLLOW_INTERVAL_MS says, and any other endpoint at the usual pace', async () => {
		await writeFile(env['AWS_SHARED_CREDENTIALS_FILE']!, `[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`);
		const fast = {...env, TRAILVIEW_FOLLOW_INTERVAL_MS: '500'};
		const connect = async (options: {env: NodeJS.ProcessEnv; endpointUrl?: string}) =>
			createAwsBackend(options).connect(entry('keys', 'static'), {region: 'eu-west-1'});
		expect((await connect({env: fast, endpointUrl: 'http://127.0.0.1:4566'})).followIntervalMs).toBe(500);
		expect((await connect({env: fast, endpointUrl: 'http://localhost:4566'})).followIntervalMs).toBe(500);
		// Real AWS, or anything not on this machine: the setting is ignored.
		expect((await connect({env: fast})).followIntervalMs).toBeUndefined();
		expect((await connect({env: fast, endpointUrl: 'https://cloudtrail.eu-west-1.amazonaws.com'})).followIntervalMs).toBeUndefined();
		expect((await connect({env, endpointUrl: 'http://127.0.0.1:4566'})).followIntervalMs).toBeUndefined();
	});

	it('reports the expiration of temporary credentials from a credential_process', async () => {
		const expiration = new Date(Date.now() + 3600_000).toISOString();
		const output = JSON.stringify({Version: 1, AccessKeyId: 'ASIAY34FZKBOKMUTVV7A', SecretAccessKey: SECRET, SessionToken: 'tok', Expiration: expiration});
		await writeFile(env['AWS_CONFIG_FILE']!, `[profile proc]\ncredential_process = node -e "process.stdout.write(process.argv[1])" '${output}'\n`);
		const session = await createAwsBackend({env}).connect(entry('proc', 'credential-process'), {region: 'eu-west-1'});
		expect(session.maskedAccessKeyId).toBe('ASIA…VV7A');
		expect(session.expiration?.toISOString()).toBe(expiration);
	});

	it("rejects with the failing credential_process's stderr, cleaned up", async () => {
		await writeFile(env['AWS_CONFIG_FILE']!, `[profile proc]\ncredential_process = sh -c 'printf "\\033[31mvault is sealed\\033[0m\\n" >&2; exit 3'\n`);
		const error = await createAwsBackend({env})
			.connect(entry('proc', 'credential-process'), {region: 'eu-west-1'})
			.catch((error_: unknown) => error_);
		expect(error).toMatchObject({kind: 'missing-credentials', message: 'The credential_process for profile proc failed: vault is sealed.'});
	});

	it('rejects a profile that does not exist as missing credentials', async () => {
		await expect(createAwsBackend({env}).connect(entry('ghost', 'static'), {region: 'eu-west-1'})).rejects.toMatchObject({
			kind: 'missing-credentials',
			message: 'Profile ghost has no usable credentials.',
		});
	});

	it('maps a failed credentials check to a TrailviewError', async () => {
		stsMock.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('The security token included in the request is invalid.'), {name: 'InvalidClientTokenId', $metadata: {httpStatusCode: 403}}));
		await writeFile(env['AWS_SHARED_CREDENTIALS_FILE']!, `[keys]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`);
		await expect(createAwsBackend({env}).connect(entry('keys', 'static'), {region: 'eu-west-1'})).rejects.toMatchObject({kind: 'invalid-credentials'});
	});

	it('stops waiting for slow credentials when the signal aborts', async () => {
		await writeFile(env['AWS_CONFIG_FILE']!, `[profile slow]\ncredential_process = sleep 5\n`);
		const controller = new AbortController();
		const connecting = createAwsBackend({env}).connect(entry('slow', 'credential-process'), {region: 'eu-west-1', signal: controller.signal});
		setTimeout(() => controller.abort(), 100);
		const started = Date.now();
		await expect(connecting).rejects.toMatchObject({kind: 'cancelled'});
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe('startup cost', () => {
	it('keeps the AWS SDK clients and credential providers out of the chunk that imports backend.ts', async () => {
		const root = fileURLToPath(new URL('../..', import.meta.url));
		const result = await build({
			absWorkingDir: root,
			stdin: {contents: "export {createAwsBackend} from './source/services/backend.ts';", resolveDir: root, loader: 'ts'},
			bundle: true,
			splitting: true,
			format: 'esm',
			platform: 'node',
			outdir: join(dir, 'out'),
			write: false,
			metafile: true,
			logLevel: 'silent',
		});
		const statics = new Set<string>();
		const visit = (path: string) => {
			for (const input of Object.keys(result.metafile.outputs[path]!.inputs)) {
				statics.add(input);
			}

			for (const imported of result.metafile.outputs[path]!.imports) {
				if (imported.kind === 'import-statement' && !imported.external && !statics.has(`chunk:${imported.path}`)) {
					statics.add(`chunk:${imported.path}`);
					visit(imported.path);
				}
			}
		};

		visit(Object.keys(result.metafile.outputs).find((path) => result.metafile.outputs[path]!.entryPoint === '<stdin>')!);
		expect(statics.has('source/services/backend.ts')).toBe(true);
		const eager = [...statics].filter((input) => /@aws-sdk\/(client-|credential-provider|nested-clients)/.test(input));
		expect(eager).toEqual([]);
		// The SDK is still bundled, just in lazily loaded chunks.
		const all = Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs));
		expect(all.some((input) => input.includes('@aws-sdk/client-cloudtrail'))).toBe(true);
	});
});
