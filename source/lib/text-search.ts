// Finding text in the detail view's lines, as they are shown (escapes included, so what a person
// reads is what they can find). Case is ignored unless the needle has a capital letter, as in
// less and vim's smartcase.

export type Match = {
	line: number;
	/** UTF-16 offsets into the line's text. */
	start: number;
	end: number;
};

export type Matches = {
	list: Match[];
	/** More matches than `limit` exist; only the first `limit` are listed. */
	capped: boolean;
};

/** A record is at most a few hundred KB, so this only bounds the pathological case (`/"` on a huge record). */
export const matchLimit = 10_000;

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every occurrence of `needle` in `lines`, in reading order; none for an empty needle. */
export function findMatches(lines: readonly string[], needle: string, limit = matchLimit): Matches {
	const list: Match[] = [];
	if (needle === '') {
		return {list, capped: false};
	}

	// With `u`, case-insensitive matching folds per code point and offsets stay those of the line
	// (lower-casing the line first can change its length: İ becomes two code units).
	const flags = needle === needle.toLowerCase() ? 'giu' : 'gu';
	const pattern = new RegExp(escapeRegExp(needle), flags);
	for (const [line, text] of lines.entries()) {
		pattern.lastIndex = 0;
		for (const found of text.matchAll(pattern)) {
			if (list.length === limit) {
				return {list, capped: true};
			}

			list.push({line, start: found.index, end: found.index + found[0].length});
		}
	}

	return {list, capped: false};
}

/** The first match at or after line `line` (wrapping round to the first); -1 for none. */
export function firstMatchFrom(matches: readonly Match[], line: number): number {
	if (matches.length === 0) {
		return -1;
	}

	const index = matches.findIndex(match => match.line >= line);
	return index === -1 ? 0 : index;
}

/** The match `step` (1: next, -1: previous) from `current` (none: the first or last), wrapping round at either end; -1 for none. */
export function stepMatch(count: number, current: number, step: 1 | -1): number {
	if (count === 0) {
		return -1;
	}

	if (current < 0 || current >= count) {
		return step === 1 ? 0 : count - 1;
	}

	return (current + step + count) % count;
}

/** The matches on line `line`: a range of `matches` (sorted by line), found by binary search. */
export function matchesOnLine(matches: readonly Match[], line: number): {from: number; to: number} {
	let low = 0;
	let high = matches.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (matches[middle]!.line < line) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	let to = low;
	while (to < matches.length && matches[to]!.line === line) {
		to++;
	}

	return {from: low, to};
}
