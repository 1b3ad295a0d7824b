import {describe, expect, it} from 'vitest';
import {resolveProfileName, resolveRegionSetting} from '../../source/cli/env.js';

describe('flag and environment precedence', () => {
	it('--profile beats AWS_PROFILE', () => {
		expect(resolveProfileName('dev', {AWS_PROFILE: 'prod'})).toEqual({value: 'dev', source: '--profile'});
		expect(resolveProfileName(undefined, {AWS_PROFILE: 'prod'})).toEqual({value: 'prod', source: 'AWS_PROFILE'});
		expect(resolveProfileName(undefined, {AWS_PROFILE: ''})).toBeUndefined();
		expect(resolveProfileName(undefined, {})).toBeUndefined();
	});

	it('--region beats AWS_REGION beats AWS_DEFAULT_REGION', () => {
		const env = {AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1'};
		expect(resolveRegionSetting('us-west-2', env)).toEqual({value: 'us-west-2', source: '--region'});
		expect(resolveRegionSetting(undefined, env)).toEqual({value: 'eu-west-1', source: 'AWS_REGION'});
		expect(resolveRegionSetting(undefined, {AWS_DEFAULT_REGION: 'ap-south-1'})).toEqual({value: 'ap-south-1', source: 'AWS_DEFAULT_REGION'});
		expect(resolveRegionSetting(undefined, {AWS_REGION: ' '})).toBeUndefined();
	});
});
