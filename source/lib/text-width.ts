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

export type Grapheme = {
	/** UTF-16 offset of the grapheme in the text. */
	index: number;
	segment: string;
	/** Columns it takes. */
	width: number;
};

/** Text segmented a window at a time: V8's segment iterator slows down the further it gets into a text. */
const windowLength = 256;

/**
 * Each grapheme of `text` with where it starts and how wide it is, in linear time: a line of the
 * detail view can be 100 KB long. Text of one-column characters is walked by code unit.
 */
export function * graphemes(text: string): Generator<Grapheme> {
	if (singleColumnText.test(text)) {
		for (let index = 0; index < text.length; index++) {
			yield {index, segment: text[index]!, width: 1};
		}

		return;
	}

	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	let start = 0;
	let size = windowLength;
	while (start < text.length) {
		const end = Math.min(text.length, start + size);
		const pieces = [...segmenter.segment(text.slice(start, end))];
		// The window's last grapheme may go on past it: it is read again from the next window,
		// unless the window reached the end. A window that is one grapheme is widened until it is not.
		const whole = end === text.length ? pieces.length : pieces.length - 1;
		if (whole === 0) {
			size *= 2;
			continue;
		}

		for (const {segment, index} of pieces.slice(0, whole)) {
			yield {index: start + index, segment, width: stringWidth(segment)};
		}

		start += whole === pieces.length ? end - start : pieces[whole]!.index;
		size = windowLength;
	}
}

/**
 * The columns `from` to `to` of `text` (a line cut for sideways scrolling). A wide character cut by
 * either edge is replaced by spaces for the columns of it that are inside, so the result is exactly
 * as wide as the part of the text that lies in the range.
 */
export function sliceColumns(text: SafeText, from: number, to: number): SafeText;
export function sliceColumns(text: string, from: number, to: number): string;
export function sliceColumns(text: string, from: number, to: number): string {
	if (to <= from) {
		return '';
	}

	if (singleColumnText.test(text)) {
		return text.slice(Math.max(0, from), to);
	}

	let result = '';
	let column = 0;
	for (const {segment, width} of graphemes(text)) {
		const end = column + width;
		if (column >= to) {
			break;
		}

		if (column >= from && end <= to) {
			result += segment;
		} else if (end > from) {
			// Cut by an edge: the columns of it that are inside become spaces.
			result += ' '.repeat(Math.min(end, to) - Math.max(column, from));
		}

		column = end;
	}

	return result;
}
