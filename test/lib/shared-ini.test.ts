// The picker parses the shared files itself (synchronously, for its first frame); the credential
// providers use the SDK's loader. Both must see the same profiles, so every case here is parsed
// by both and compared.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadSharedConfigFiles} from '@smithy/shared-ini-file-loader';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {configSections, parseIni} from '../../source/lib/shared-ini.js';

let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'trailview-ini-'));
});

afterAll(async () => {
	await rm(dir, {recursive: true, force: true});
});

const cases: Record<string, string> = {
	'profiles, sso sessions and services': `
[default]
region = eu-west-1
[profile dev]
sso_session = corp
sso_account_id = 123456789012
[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
[services local]
cloudtrail =
  endpoint_url = http://127.0.0.1:4566
[profile uses-services]
services = local
`,
	'comments, blank values and odd spacing': `
# a comment
; another
[profile a]   ; trailing comment
region=us-east-1 # inline comment
   output   =   json
key_with_hash = value#kept
empty =
[profile "quoted"]
region = eu-central-1
[profile 'single']
region = eu-north-1
`,
	'unprefixed, unknown-prefix and broken sections': `
[not-a-profile]
region = us-west-2
[weird prefix]
region = us-west-1
[profile broken
region = ap-south-1
[profile ok]
region = ca-central-1
= no key
no equals sign
[]
region = sa-east-1
`,
	'a sub-section that ends at an unindented line': `
[profile nested]
s3 =
  max_concurrent_requests = 20
  addressing_style = path
region = us-east-2
`,
	'profile default overriding [default], CRLF line ends': '[default]\r\nregion = us-east-1\r\n[profile default]\r\nregion = eu-west-3\r\n[profile 123]\r\nregion = af-south-1\r\n',
	'a __proto__ section discards the file': '[profile fine]\nregion = us-east-1\n[profile __proto__]\nregion = x\n',
};

async function sdkView(text: string): Promise<{config: unknown; credentials: unknown}> {
	const path = join(dir, `file-${Math.random().toString(36).slice(2)}`);
	await writeFile(path, text);
	const {configFile, credentialsFile} = await loadSharedConfigFiles({configFilepath: path, filepath: path, ignoreCache: true});
	return {config: configFile, credentials: credentialsFile};
}

function ourView(text: string): {config: unknown; credentials: unknown} {
	try {
		const parsed = parseIni(text);
		return {config: {...configSections(parsed)}, credentials: {...parsed}};
	} catch {
		return {config: {}, credentials: {}};
	}
}

describe('shared-ini', () => {
	for (const [name, text] of Object.entries(cases)) {
		it(`reads ${name} as the SDK does`, async () => {
			const sdk = await sdkView(text);
			const ours = ourView(text);
			expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(sdk)));
			expect(Object.keys(ours.config as object)).toEqual(Object.keys(sdk.config as object));
		});
	}

	it('finds the profiles in the sample files at all (the comparison is not of two empty results)', () => {
		expect(Object.keys(configSections(parseIni(cases['profiles, sso sessions and services']!)))).toEqual([
			'default',
			'dev',
			'sso-session.corp',
			'services.local',
			'uses-services',
		]);
		expect(() => parseIni(cases['a __proto__ section discards the file']!)).toThrow();
	});
});
