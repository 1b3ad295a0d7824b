import {describe, expect, it} from 'vitest';
import {expiryView, isLongTermKey, msUntilExpiryChange} from '../../source/lib/expiry.js';

const now = new Date('2026-01-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('expiryView', () => {
	it('counts minutes, turns yellow under 10 and red under 2, then seconds, then expired', () => {
		expect(expiryView(later(42 * 60_000 + 5000), now)).toEqual({text: 'expires in 42 min', tone: 'normal'});
		expect(expiryView(later(9 * 60_000), now)).toEqual({text: 'expires in 9 min', tone: 'warning'});
		expect(expiryView(later(90_000), now)).toEqual({text: 'expires in 1 min', tone: 'critical'});
		expect(expiryView(later(42_000), now)).toEqual({text: 'expires in 42 s', tone: 'critical'});
		expect(expiryView(later(-1), now)).toEqual({text: 'expired', tone: 'critical'});
		expect(expiryView(later(3 * 3_600_000 + 5 * 60_000), now).text).toBe('expires in 3 h 5 min');
	});

	it('ticks every second near the end, else when the minute changes', () => {
		expect(msUntilExpiryChange(later(90_000), now)).toBe(1000);
		expect(msUntilExpiryChange(later(10 * 60_000 + 500), now)).toBe(501);
	});

	it('knows long-term keys by their AKIA prefix', () => {
		expect(isLongTermKey('AKIA…WXYZ')).toBe(true);
		expect(isLongTermKey('ASIA…WXYZ')).toBe(false);
		expect(isLongTermKey(undefined)).toBe(false);
	});
});
