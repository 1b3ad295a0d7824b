// A tiny seeded PRNG so the demo data is identical on every machine for the same seed and `now`:
// screenshots, tests and the benchmark can all rely on the same event ids.

export type Rng = () => number;

/** mulberry32: 32 bits of state, fast, good enough for fake data (not for secrets). */
export function mulberry32(seed: number): Rng {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** FNV-1a over the parts, so each account+region gets its own stream whatever the generation order. */
export function hashSeed(...parts: Array<string | number>): number {
	let hash = 0x81_1c_9d_c5;
	for (const part of parts) {
		const text = `${part}\u0000`;
		for (let index = 0; index < text.length; index++) {
			hash ^= text.charCodeAt(index);
			hash = Math.imul(hash, 0x01_00_01_93);
		}
	}

	return hash >>> 0;
}

export function intBetween(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
	const item = items[Math.floor(rng() * items.length)];
	if (item === undefined) {
		throw new Error('pick() from an empty list');
	}

	return item;
}

/** Picks by `weight`; the cumulative table is built once per list, not per draw. */
export function weightedPicker<T extends {weight: number}>(items: readonly T[]): (rng: Rng) => T {
	const cumulative: number[] = [];
	let total = 0;
	for (const item of items) {
		total += item.weight;
		cumulative.push(total);
	}

	return rng => {
		const target = rng() * total;
		let low = 0;
		let high = cumulative.length - 1;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((cumulative[middle] ?? 0) > target) {
				high = middle;
			} else {
				low = middle + 1;
			}
		}

		return items[low]!;
	};
}

const hexDigits = '0123456789abcdef';
const upperAlnumChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomChars(rng: Rng, alphabet: string, length: number): string {
	let out = '';
	for (let index = 0; index < length; index++) {
		out += alphabet[Math.floor(rng() * alphabet.length)];
	}

	return out;
}

/** Two lower-case hex digits per byte value, so a 32-bit draw formats with four look-ups. */
const byteHex = Array.from({length: 256}, (_, value) => value.toString(16).padStart(2, '0'));

export function hex(rng: Rng, length: number): string {
	// Eight digits per draw: ids are the hot path when thousands of events are generated (and the
	// archive builds tens of thousands of records at once).
	let out = '';
	while (out.length < length) {
		const draw = Math.floor(rng() * 4_294_967_296);
		out += byteHex[draw >>> 24]! + byteHex[(draw >>> 16) & 0xff]! + byteHex[(draw >>> 8) & 0xff]! + byteHex[draw & 0xff]!;
	}

	return out.length === length ? out : out.slice(0, length);
}

export function upperAlnum(rng: Rng, length: number): string {
	return randomChars(rng, upperAlnumChars, length);
}

/** A v4-shaped UUID, as CloudTrail uses for eventID. */
export function uuid(rng: Rng): string {
	return formatUuid(hex(rng, 32), rng());
}

/** Lays 32 hex digits out as a v4 UUID; `draw` (0..1) picks the variant nibble. */
export function formatUuid(digits: string, draw: number): string {
	const variant = hexDigits[8 + Math.floor(draw * 4)];
	return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(13, 16)}-${variant}${digits.slice(17, 20)}-${digits.slice(20, 32)}`;
}

/** A bijection on 32-bit integers: distinct inputs give distinct, random-looking outputs. */
export function scramble(value: number): number {
	return (Math.imul(value + 1, 0x9e_37_79_b1) ^ 0x5b_d1_e9_95) >>> 0;
}
