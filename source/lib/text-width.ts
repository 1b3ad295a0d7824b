// Terminal columns, not UTF-16 units: CJK and emoji take two columns, combining marks none, and an
// emoji ZWJ sequence is one glyph. Inputs are assumed to be sanitised already (see sanitize.ts).
// Cutting at grapheme boundaries and padding with spaces cannot make safe text unsafe, so SafeText
// in gives SafeText out (the overloads below).
import stringWidth, {singleColumnText} from './fast-string-width.js';
import type {SafeText} from './sanitize.js';

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
export function truncateToWidth(text: SafeText, width: number, ellipsis?: SafeText): SafeText;
export function truncateToWidth(text: string, width: number, ellipsis?: string): string;
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

/** A zero-width space: a grapheme of its own (Unicode's Control class), so it ends any grapheme before or after it. */
const graphemeBreak = '\u200B';

/** Whether `first` and `second` form one grapheme. */
function joins(first: string, second: string): boolean {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return segmenter.segment(first + second).containing(0)!.segment.length > first.length;
}

/**
 * `text` with a zero-width space at an end where it would form one grapheme with the space put next
 * to it: a first character that attaches to the one before (a combining mark, an emoji skin tone,
 * Thai sara am) or a last one that attaches to the one after (Unicode's prepended characters, such
 * as U+0D4E). Otherwise string-width, and terminals that draw graphemes, count the pair as one
 * character and the row comes out a column or two short.
 */
function sealed(text: string): string {
	if (text === '' || singleColumnText.test(text)) {
		return text;
	}

	const first = String.fromCodePoint(text.codePointAt(0)!);
	const pair = text.length > 1 ? String.fromCodePoint(text.codePointAt(text.length - 2)!) : '';
	const last = pair.length === 2 ? pair : text.slice(-1);
	return (joins(' ', first) ? graphemeBreak : '') + text + (joins(last, ' ') ? graphemeBreak : '');
}

/**
 * Pads with spaces to exactly `width` columns, truncating (with an ellipsis) when too long. The
 * result never shares a grapheme with what is put either side of it (see sealed).
 */
export function padToWidth(text: SafeText, width: number, align?: Align): SafeText;
export function padToWidth(text: string, width: number, align?: Align): string;
export function padToWidth(text: string, width: number, align: Align = 'left'): string {
	if (width <= 0) {
		return '';
	}

	const fitted = sealed(truncateToWidth(text, width));
	const padding = ' '.repeat(Math.max(0, width - displayWidth(fitted)));
	return align === 'left' ? fitted + padding : padding + fitted;
}
