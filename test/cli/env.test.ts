import {describe, expect, it} from 'vitest';
import {resolveProfileName} from '../../source/cli/env.js';

describe('flag and environment precedence', () => {
	it('--profile beats AWS_PROFILE', () => {
		expect(resolveProfileName('dev', {AWS_PROFILE: 'prod'})).toEqual({value: 'dev', source: '--profile'});
		expect(resolveProfileName(undefined, {AWS_PROFILE: 'prod'})).toEqual({value: 'prod', source: 'AWS_PROFILE'});
		expect(resolveProfileName(undefined, {AWS_PROFILE: ''})).toBeUndefined();
		expect(resolveProfileName(undefined, {})).toBeUndefined();
	});
});
