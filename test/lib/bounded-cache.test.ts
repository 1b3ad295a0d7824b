import {describe, expect, it} from 'vitest';
import {createPool, RecentCache} from '../../source/lib/bounded-cache.js';

describe('RecentCache', () => {
	it('holds the most recently used entries and forgets the least recently used', () => {
		const cache = new RecentCache<string, number>(2);
		cache.set('a', 1);
		cache.set('b', 2);
		// Reading a makes it newer than b.
		expect(cache.get('a')).toBe(1);
		cache.set('c', 3);
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')).toBe(1);
		expect(cache.get('c')).toBe(3);
		expect(cache.size).toBe(2);
	});
});

describe('createPool', () => {
	it('answers the value first made for a key, and starts afresh at its limit', () => {
		const pool = createPool<{key: string}>(2);
		const first = pool('x', () => ({key: 'x'}));
		expect(pool('x', () => ({key: 'x'}))).toBe(first);
		pool('y', () => ({key: 'y'}));
		pool('z', () => ({key: 'z'}));
		const again = pool('x', () => ({key: 'x'}));
		expect(again).not.toBe(first);
		expect(again).toEqual(first);
	});
});
