// "Did you mean" for mistyped field and named-query names. The lists are a few dozen short names,
// so a hand-written edit distance is cheaper to keep than a dependency.

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1, because `soruce` is one slip of the fingers, not two.
 */
export function editDistance(a: string, b: string): number {
	// Rows of the classic table; three are enough because a swap looks back two rows.
	let before = new Array<number>(b.length + 1).fill(0);
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, before[j - 2]! + 1);
			}

			current.push(best);
		}

		before = previous;
		previous = current;
	}

	return previous[b.length]!;
}

/** How many slips a name of this length may hold and still be recognised (1 for `usr`, 2 for `regoin`). */
function tolerance(length: number): number {
	return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/**
 * The candidate `typed` most likely meant, compared case-insensitively: the nearest within a few
 * slips, else the first that `typed` begins (`reso` for `resource`). Earlier candidates win ties,
 * so callers list the likelier names first. Undefined when nothing is close.
 */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
	const word = typed.toLowerCase();
	if (word === '') {
		return undefined;
	}

	let best: string | undefined;
	let bestDistance = tolerance(word.length) + 1;
	for (const candidate of candidates) {
		// Long input cannot be near any short name; skipping it keeps the table small on pasted text.
		if (Math.abs(candidate.length - word.length) >= bestDistance) {
			continue;
		}

		const distance = editDistance(word, candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}

	return best ?? (word.length >= 2 ? candidates.find(candidate => candidate.toLowerCase().startsWith(word)) : undefined);
}
