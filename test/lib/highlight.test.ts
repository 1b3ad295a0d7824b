import {expect, test} from 'vitest';
import {highlightRanges} from '../../source/lib/highlight.js';
import {safe, splitSafe} from '../../source/lib/sanitize.js';

test('ranges cover every occurrence, words in any case, values as typed, merged where they touch', () => {
	const text = 'alice DeleteBucket logs-alice ALICE';
	expect(highlightRanges(text, [{text: 'alice', ignoreCase: true}])).toEqual([[0, 5], [24, 29], [30, 35]]);
	expect(highlightRanges(text, [{text: 'alice', ignoreCase: false}])).toEqual([[0, 5], [24, 29]]);
	expect(highlightRanges(text, [{text: 'Delete', ignoreCase: false}, {text: 'eteBu', ignoreCase: false}])).toEqual([[6, 14]]);
	expect(highlightRanges(text, [{text: '', ignoreCase: true}])).toEqual([]);
});

test('splitSafe cuts at the offsets and never inside an emoji', () => {
	expect(splitSafe(safe`abcdef`, [1, 3])).toEqual(['a', 'bc', 'def']);
	// Offset 2 falls between the two halves of 😀 (at 1..3): the cut moves past it.
	expect(splitSafe(safe`a😀b`, [2])).toEqual(['a😀', 'b']);
	expect(splitSafe(safe`abc`, [])).toEqual(['abc']);
});
