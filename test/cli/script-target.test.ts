import {describe, expect, it} from 'vitest';
import {chooseScriptProfile, chooseScriptRegion} from '../../source/cli/script-target.js';
import type {ProfileEntry} from '../../source/domain/types.js';

const entry = (name: string, kind: ProfileEntry['kind'], region?: string): ProfileEntry => ({name, kind, detail: '', region});
const profiles = [entry('dev', 'static', 'eu-west-1'), entry('default', 'sso'), entry('Environment variables', 'environment'), entry('Default chain', 'default-chain')];

describe('chooseScriptProfile', () => {
	it('takes --profile, then AWS_PROFILE', () => {
		expect(chooseScriptProfile(profiles, {profileFlag: 'dev', env: {AWS_PROFILE: 'default'}})).toEqual({ok: true, value: profiles[0]});
		expect(chooseScriptProfile(profiles, {profileFlag: undefined, env: {AWS_PROFILE: 'default'}})).toEqual({ok: true, value: profiles[1]});
	});

	it('says where it looked when the named profile does not exist', () => {
		const result = chooseScriptProfile(profiles, {profileFlag: undefined, env: {AWS_PROFILE: 'nope', AWS_CONFIG_FILE: '/tmp/cfg'}});
		expect(result).toEqual({ok: false, message: 'profile "nope" (from AWS_PROFILE) is not in /tmp/cfg or ~/.aws/credentials; profiles there: dev, default'});
	});

	it('uses environment keys when AWS_ACCESS_KEY_ID is set, else the default profile, else the default chain', () => {
		expect(chooseScriptProfile(profiles, {profileFlag: undefined, env: {AWS_ACCESS_KEY_ID: 'AKIA'}})).toEqual({ok: true, value: profiles[2]});
		expect(chooseScriptProfile(profiles, {profileFlag: undefined, env: {}})).toEqual({ok: true, value: profiles[1]});
		expect(chooseScriptProfile([profiles[0]!, profiles[3]!], {profileFlag: undefined, env: {}})).toEqual({ok: true, value: profiles[3]});
	});

	it('names the flag and variables to set when nothing resolves', () => {
		const result = chooseScriptProfile([entry('dev', 'static')], {profileFlag: undefined, env: {}});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.message).toMatch(/--profile NAME.*AWS_PROFILE/);
	});

	it('in demo mode takes the first demo account, or the one named', () => {
		const demo = [entry('Production (demo)', 'demo'), entry('Staging (demo)', 'demo')];
		expect(chooseScriptProfile(demo, {profileFlag: undefined, env: {AWS_PROFILE: 'x'}, demo: true})).toEqual({ok: true, value: demo[0]});
		expect(chooseScriptProfile(demo, {profileFlag: 'Staging (demo)', env: {}, demo: true})).toEqual({ok: true, value: demo[1]});
	});
});

describe('chooseScriptRegion', () => {
	it('accepts any real source and refuses to guess', () => {
		expect(chooseScriptRegion({region: 'eu-west-1', source: 'profile'}, profiles[0]!)).toEqual({ok: true, value: 'eu-west-1'});
		expect(chooseScriptRegion({region: 'us-east-1', source: 'fallback'}, profiles[1]!)).toEqual({
			ok: false,
			message: 'no region set; pass --region NAME or set AWS_REGION, or add "region = ..." to profile "default" in the config file',
		});
	});

	it('lets the demo fall back to the emulator region', () => {
		expect(chooseScriptRegion({region: 'us-east-1', source: 'fallback'}, entry('d', 'demo'))).toEqual({ok: true, value: 'us-east-1'});
	});
});
