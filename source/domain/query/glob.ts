// The one wildcard of the query language, kept apart so fields.ts (record paths whose parts hold a
// `*`) and match.ts (values) share it without importing each other.

/**
 * Whether `text` is matched whole by `pattern`, where `*` is any run of characters and everything
 * else is itself, case-sensitively. A greedy walk that returns to the last star, not a regular
 * expression: `*a*a*a*a*b` against a long record field would make a backtracking regex hang the UI.
 */
export function globMatch(pattern: string, text: string): boolean {
	let p = 0;
	let t = 0;
	let star = -1;
	let resume = 0;
	while (t < text.length) {
		if (p < pattern.length && pattern[p] === '*') {
			star = p++;
			resume = t;
		} else if (p < pattern.length && pattern[p] === text[t]) {
			p++;
			t++;
		} else if (star === -1) {
			return false;
		} else {
			// Let the last star swallow one more character and try again from there.
			p = star + 1;
			t = ++resume;
		}
	}

	while (pattern[p] === '*') {
		p++;
	}

	return p === pattern.length;
}
