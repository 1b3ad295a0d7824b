// Where a query's words and values show in a line of text, so rows can mark why they matched.
// Pure: the query side says what to look for (needles), the table draws the ranges.

export type Needle = {text: string; ignoreCase: boolean};

/** Ranges [start, end) of `text` that any needle covers, merged and ascending. */
export function highlightRanges(text: string, needles: readonly Needle[]): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	const lower = needles.some(needle => needle.ignoreCase) ? text.toLowerCase() : text;
	for (const needle of needles) {
		if (needle.text === '') {
			continue;
		}

		// toLowerCase keeps lengths for the text CloudTrail holds; where it does not, offsets would
		// drift, so such a needle is looked for as typed instead.
		const haystack = needle.ignoreCase && lower.length === text.length ? lower : text;
		const wanted = needle.ignoreCase && lower.length === text.length ? needle.text.toLowerCase() : needle.text;
		let from = 0;
		while (from <= haystack.length - wanted.length) {
			const at = haystack.indexOf(wanted, from);
			if (at === -1) {
				break;
			}

			ranges.push([at, at + wanted.length]);
			from = at + wanted.length;
		}
	}

	ranges.sort((a, b) => a[0] - b[0]);
	const merged: Array<[number, number]> = [];
	for (const range of ranges) {
		const last = merged.at(-1);
		if (last && range[0] <= last[1]) {
			last[1] = Math.max(last[1], range[1]);
		} else {
			merged.push([...range]);
		}
	}

	return merged;
}
