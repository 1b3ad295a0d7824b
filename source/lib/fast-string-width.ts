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

export default function fastStringWidth(input: string, options?: Options): number {
	if (typeof input !== 'string' || options?.countAnsiEscapeCodes === true || options?.ambiguousIsNarrow === false) {
		return stringWidth(input, options);
	}

	const text = input.includes('\u001B') ? input.replace(sgr, '') : input;
	return singleColumnText.test(text) ? text.length : stringWidth(input, options);
}
