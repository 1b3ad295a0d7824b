import {describe, expect, it} from 'vitest';
import {isValidRegionName, listRegions, resolveDefaultRegion} from '../../source/services/regions.js';

describe('listRegions', () => {
	it("comes from the SDK's partition data, with descriptions", async () => {
		const regions = await listRegions();
		expect(regions.length).toBeGreaterThan(25);
		expect(regions).toContainEqual({code: 'eu-west-1', name: 'Europe (Ireland)'});
		expect(regions).toContainEqual({code: 'us-east-1', name: 'US East (N. Virginia)'});
		expect(regions.every((region) => isValidRegionName(region.code))).toBe(true);
		expect(regions.map((region) => region.code)).not.toContain('aws-global');
		expect(regions.some((region) => region.code.startsWith('cn-') || region.code.startsWith('us-gov-'))).toBe(false);
	});
});

describe('isValidRegionName', () => {
	it.each(['eu-west-1', 'us-gov-west-1', 'ap-southeast-7', 'xx-newplace-9', 'eusc-de-east-1'.replace('eusc', 'eu')])('accepts %s', (name) => {
		expect(isValidRegionName(name)).toBe(true);
	});

	it.each(['', 'eu-west', 'EU-WEST-1', 'eu west 1', 'euwest1', 'eu-west-1a', ' eu-west-1', 'eu-west-1; rm -rf'])('rejects %j', (name) => {
		expect(isValidRegionName(name)).toBe(false);
	});
});

describe('resolveDefaultRegion', () => {
	const env = {AWS_REGION: 'eu-west-2', AWS_DEFAULT_REGION: 'eu-west-3'};

	it('prefers --region', () => {
		expect(resolveDefaultRegion({flag: 'ap-south-1', env, profileRegion: 'us-west-2'})).toEqual({region: 'ap-south-1', source: 'flag'});
	});

	it('then AWS_REGION', () => {
		expect(resolveDefaultRegion({env, profileRegion: 'us-west-2'})).toEqual({region: 'eu-west-2', source: 'AWS_REGION'});
	});

	it('then AWS_DEFAULT_REGION', () => {
		expect(resolveDefaultRegion({env: {AWS_DEFAULT_REGION: 'eu-west-3'}, profileRegion: 'us-west-2'})).toEqual({
			region: 'eu-west-3',
			source: 'AWS_DEFAULT_REGION',
		});
	});

	it("then the profile's region", () => {
		expect(resolveDefaultRegion({env: {AWS_REGION: ''}, profileRegion: 'us-west-2'})).toEqual({region: 'us-west-2', source: 'profile'});
	});

	it('else us-east-1', () => {
		expect(resolveDefaultRegion({env: {}})).toEqual({region: 'us-east-1', source: 'fallback'});
	});
});
