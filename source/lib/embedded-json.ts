// CloudTrail keeps many documents as JSON text inside a string field: IAM policies
// (`policyDocument`, `assumeRolePolicyDocument`), bucket and key policies (`policy`), and some
// services send them URL-encoded (`%7B%22Version%22…`). Shown as a string literal, such a document
// is one long line of escaped quotes; decoded, it reads like the rest of the record. The text comes
// from whoever made the API call, so decoding is bounded and never throws: text it cannot or will
// not decode is simply shown as the string it is.

export type EmbeddedEncoding = 'json' | 'url';
export type Embedded = {value: unknown; encoding: EmbeddedEncoding};

export const embeddedLimits = {
	/** Longer strings stay strings: decoding and laying out megabytes per key press is not worth it. */
	maxLength: 256 * 1024,
	/** Deeper documents stay strings, so the recursive layout never meets a stack-breaking value. */
	maxDepth: 64,
} as const;

/** JSON text of an object or array: `{` or `[` first, after whitespace. */
const plainStart = /^\s*[[{]/;
/** The same, URL-encoded: `%7B` or `%5B` first, after encoded whitespace (`%20`, `%0A`, `+`). */
const encodedStart = /^(?:%(?:20|09|0a|0d)|\+)*%(?:7b|5b)/i;

/** Whether `value`'s nesting stays within `limit` levels; iterative, so a deep value cannot overflow the stack. */
function withinDepth(value: unknown, limit: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 1]];
	while (stack.length > 0) {
		const [item, depth] = stack.pop()!;
		if (typeof item !== 'object' || item === null) {
			continue;
		}

		if (depth > limit) {
			return false;
		}

		for (const child of Array.isArray(item) ? item : Object.values(item)) {
			if (typeof child === 'object' && child !== null) {
				stack.push([child, depth + 1]);
			}
		}
	}

	return true;
}

/** `text` parsed when it is JSON holding an object or an array; undefined for anything else. */
function parseContainer(text: string): unknown {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && withinDepth(value, embeddedLimits.maxDepth) ? value : undefined;
	} catch {
		// Not JSON after all (or too deep for the parser): it stays a string.
		return undefined;
	}
}

/**
 * The JSON object or array `text` holds, plain or URL-encoded (form style, `+` for a space), or
 * undefined when it holds none, is malformed, too long or too deep. Never throws.
 */
export function decodeEmbedded(text: string): Embedded | undefined {
	if (text.length > embeddedLimits.maxLength) {
		return undefined;
	}

	if (plainStart.test(text)) {
		const value = parseContainer(text);
		return value === undefined ? undefined : {value, encoding: 'json'};
	}

	if (encodedStart.test(text)) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(text.replaceAll('+', ' '));
		} catch {
			// A stray `%` that starts no escape: not URL-encoded text.
			return undefined;
		}

		const value = parseContainer(decoded);
		return value === undefined ? undefined : {value, encoding: 'url'};
	}

	return undefined;
}
