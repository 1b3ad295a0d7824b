// Caches that cannot grow with the number of events loaded (issue 13: 100,000 rows in a few
// hundred MB). A cache keyed by event, even a WeakMap, lives as long as the events do, so one that
// fills for every loaded event holds a parsed copy of every record.

/** The `limit` most recently used entries; using or setting an entry makes it the newest. */
export class RecentCache<K, V> {
	readonly #entries = new Map<K, V>();

	constructor(readonly limit: number) {}

	get(key: K): V | undefined {
		const value = this.#entries.get(key);
		if (value !== undefined) {
			// Map keeps insertion order: moving the entry to the end makes it the newest.
			this.#entries.delete(key);
			this.#entries.set(key, value);
		}

		return value;
	}

	set(key: K, value: V): void {
		this.#entries.delete(key);
		this.#entries.set(key, value);
		if (this.#entries.size > this.limit) {
			this.#entries.delete(this.#entries.keys().next().value!);
		}
	}

	get size(): number {
		return this.#entries.size;
	}
}

/**
 * One shared copy of each value among the last few thousand distinct ones: `intern(key, make)`
 * answers the value first made for `key`. When `limit` distinct keys are held it starts afresh, so
 * values that never repeat (ids, IPs of a scan) cost at most `limit` entries, and the values that
 * do repeat (event sources, regions, user agents) are shared again from the next time they appear.
 */
export function createPool<T>(limit: number): (key: string, make: () => T) => T {
	let values = new Map<string, T>();
	return (key, make) => {
		let value = values.get(key);
		if (value === undefined) {
			if (values.size >= limit) {
				values = new Map();
			}

			value = make();
			values.set(key, value);
		}

		return value;
	};
}
