// string-width is exact but slow to start: its first non-ASCII measurement builds an
// Intl.Segmenter and compiles \p{RGI_Emoji} regexes, about 70 ms before the first frame, and Ink
// measures every line it draws. Text made only of characters that are one column wide on their
// own (and never combine, join or take an emoji presentation) has a width equal to its length;
// everything else goes to string-width. The build routes Ink's imports of string-width here.
// test/lib/fast-string-width.test.ts checks every character of the class against string-width.
import stringWidth from 'string-width';

type Options = Parameters<typeof stringWidth>[1];

/** Latin, punctuation, arrows, box drawing, geometric shapes (▶ ▏) and Braille (spinners); no soft hyphen, ©, ® or ‼/⁉. */
export const singleColumnText =
	/^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u02FF\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u21FF\u2500-\u25FC\u2800-\u28FF]*$/;

/** Colour and style codes (SGR), which Ink puts in most of the text it measures; they take no columns. */
const sgr = /\u001B\[[\d;]*m/g;

/**
 * string-width walks the whole text with one Intl.Segmenter iterator, and V8's iterator costs time
 * in proportion to how far into the text it is, so a pass is quadratic: a 40 KB field took over a
 * second and a 100 KB one over ten. Text longer than this is measured in pieces of about this size,
 * cut at grapheme boundaries, so the width (a sum over graphemes) is the same and the cost linear.
 */
const pieceLength = 256;

// Built on first long text: constructing a Segmenter loads ICU data.
let segmenter: Intl.Segmenter | undefined;

/** Where the last grapheme of `text[start, end)` starts, seen from `start` (a boundary); 0 when it is all one grapheme. */
function lastBoundary(text: string, start: number, end: number): number {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	// A window ending inside a surrogate pair would see a lone half, and a false boundary before it.
	const code = text.charCodeAt(end - 1);
	const whole = code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
	let last = 0;
	for (const {index} of segmenter.segment(text.slice(start, whole))) {
		last = index;
	}

	return last;
}

/** string-width's answer for text without escape codes, in linear time (see pieceLength). */
function piecewiseWidth(text: string, options?: Options): number {
	let width = 0;
	let start = 0;
	let size = pieceLength;
	while (text.length - start > size) {
		// The window's last grapheme may go on past it, so the piece ends where that grapheme starts;
		// a window that is one grapheme (a long run of combining marks) is doubled until it is not.
		const cut = lastBoundary(text, start, start + size);
		if (cut === 0) {
			size *= 2;
			continue;
		}

		width += stringWidth(text.slice(start, start + cut), options);
		start += cut;
		size = pieceLength;
	}

	return width + stringWidth(text.slice(start), options);
}

export default function fastStringWidth(input: string, options?: Options): number {
	if (typeof input !== 'string' || options?.countAnsiEscapeCodes === true || options?.ambiguousIsNarrow === false) {
		return stringWidth(input, options);
	}

	const text = input.includes('\u001B') ? input.replace(sgr, '') : input;
	if (singleColumnText.test(text)) {
		return text.length;
	}

	// Escape codes other than colours stay with string-width, which strips them whole; cutting one
	// in two would count half of it.
	return text.length > 2 * pieceLength && !/[\u001B\u009B]/.test(text) ? piecewiseWidth(text, options) : stringWidth(input, options);
}
