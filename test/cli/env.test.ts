import {describe, expect, it} from 'vitest';
import {resolveEndpointUrl, resolveProfileName, resolveRegionSetting} from '../../source/cli/env.js';

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

	it('--endpoint-url beats AWS_ENDPOINT_URL_CLOUDTRAIL beats AWS_ENDPOINT_URL', () => {
		const env = {AWS_ENDPOINT_URL_CLOUDTRAIL: 'http://ct', AWS_ENDPOINT_URL: 'http://all'};
		expect(resolveEndpointUrl('http://flag', env)).toEqual({value: 'http://flag', source: '--endpoint-url'});
		expect(resolveEndpointUrl(undefined, env)).toEqual({value: 'http://ct', source: 'AWS_ENDPOINT_URL_CLOUDTRAIL'});
		expect(resolveEndpointUrl(undefined, {AWS_ENDPOINT_URL: 'http://all'})).toEqual({value: 'http://all', source: 'AWS_ENDPOINT_URL'});
	});

	it('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true drops the variables but not the flag', () => {
		const env = {AWS_ENDPOINT_URL: 'http://all', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true'};
		expect(resolveEndpointUrl(undefined, env)).toBeUndefined();
		expect(resolveEndpointUrl('http://flag', env)?.value).toBe('http://flag');
	});
});
