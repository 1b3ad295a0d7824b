// What the rows should mark for a query: its positive words (any case) and the literal text of its
// positive values. A wildcard value marks its literal runs (`Delete*` marks "Delete").
import type {Needle} from '../../lib/highlight.js';
import type {Query} from './types.js';

/** Literal runs shorter than this would mark noise ("a", "1" in every row). */
const shortest = 2;

export function queryNeedles(query: Query): Needle[] {
	const needles: Needle[] = [];
	for (const term of query.terms) {
		if (term.negated) {
			continue;
		}

		if (term.kind === 'word') {
			needles.push({text: term.word, ignoreCase: true});
			continue;
		}

		if ('any' in term.value) {
			continue;
		}

		const runs = term.value.wildcard ? term.value.text.split('*') : [term.value.text];
		for (const run of runs) {
			if (run.length >= shortest) {
				needles.push({text: run, ignoreCase: false});
			}
		}
	}

	return needles;
}
