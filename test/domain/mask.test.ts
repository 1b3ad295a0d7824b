import {describe, expect, it} from 'vitest';
import {FULLY_MASKED, maskAccessKeyId} from '../../source/domain/mask.js';

describe('maskAccessKeyId', () => {
	it('keeps the first and last four characters', () => {
		expect(maskAccessKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
		expect(maskAccessKeyId('ASIAY34FZKBOKMUTVV7A')).toBe('ASIA…VV7A');
	});

	it.each([undefined, '', 'AKIA123', 'akiaiosfodnn7example', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'])('fully masks %j', (value) => {
		expect(maskAccessKeyId(value)).toBe(FULLY_MASKED);
		expect(FULLY_MASKED).not.toMatch(/[A-Za-z0-9]/);
	});
});
