// Terminal columns, not UTF-16 units: CJK and emoji take two columns, combining marks none, and an
// emoji ZWJ sequence is one glyph. Inputs are assumed to be sanitised already (see sanitize.ts).
import stringWidth, {singleColumnText} from './fast-string-width.js';

// Built on first use: constructing a Segmenter loads ICU data (~15 ms), and nothing before the
// first frame needs to cut text.
let segmenter: Intl.Segmenter | undefined;

export type Align = 'left' | 'right';

export function displayWidth(text: string): number {
	return stringWidth(text);
}

/**
 * Cuts `text` to at most `width` columns, ending with `ellipsis` when something was cut. A wide
 * character that would straddle the limit is dropped whole and the gap filled with a space, so a
 * truncated result is exactly `width` columns.
 */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) {
		return '';
	}

	if (displayWidth(text) <= width) {
		return text;
	}

	const ellipsisWidth = displayWidth(ellipsis);
	// Too narrow for the ellipsis itself: cut without one rather than overflow.
	const marker = ellipsisWidth <= width ? ellipsis : '';
	const budget = width - (marker === '' ? 0 : ellipsisWidth);

	// One column and one code unit per character: cut by index, no grapheme segmentation.
	if (singleColumnText.test(text)) {
		return text.slice(0, budget) + marker;
	}

	let result = '';
	let used = 0;
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	for (const {segment} of segmenter.segment(text)) {
		const segmentWidth = stringWidth(segment);
		if (used + segmentWidth > budget) {
			break;
		}

		result += segment;
		used += segmentWidth;
	}

	return result + marker + ' '.repeat(budget - used);
}

/**
 * Unicode's prepended characters (Grapheme_Cluster_Break=Prepend: the Arabic number signs, the
 * Malayalam dot reph, a few Brahmic ones) join whatever follows them into one grapheme. The list is
 * every Unicode version's up to 17; test/lib/text-width.test.ts checks it against the runtime's ICU.
 */
export const endsWithPrepend =
	/[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{113D1}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]$/u;

/**
 * Pads with spaces to exactly `width` columns, truncating (with an ellipsis) when too long. Text
 * ending in a prepended character gets a zero-width space after it: otherwise that character would
 * swallow the padding or the next column's first character into its grapheme, and the row would
 * come out a column short (string-width, and terminals that draw graphemes, count the pair as one).
 */
export function padToWidth(text: string, width: number, align: Align = 'left'): string {
	if (width <= 0) {
		return '';
	}

	const truncated = truncateToWidth(text, width);
	const fitted = endsWithPrepend.test(truncated.slice(-2)) ? `${truncated}\u200B` : truncated;
	const padding = ' '.repeat(Math.max(0, width - displayWidth(fitted)));
	return align === 'left' ? fitted + padding : padding + fitted;
}
