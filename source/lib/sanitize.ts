// Everything CloudTrail returns (usernames, user agents, error messages, whole records) can be
// written by whoever called the API, so it may carry terminal escape sequences meant to retitle the
// window, clear the screen, forge output or reorder text with bidi overrides. Nothing from AWS
// reaches a terminal without passing through here.
//
// Escape scheme: each dangerous code point becomes literal, visible text in JavaScript/C style:
// `\xHH` for code points up to U+00FF (so ESC shows as `\x1b`, CSI as `\x9b`) and `\uHHHH` above
// (`\u202e`, or `\ud800` for a lone surrogate). One scheme for everything keeps the output
// greppable and makes the original code point obvious. It is for display only and is not
// reversible: a literal backslash in the input is left alone.

/**
 * Code points a terminal may act on or that change how surrounding text is shown:
 * C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates/marks, the Unicode line and
 * paragraph separators, and (with the `u` flag, only unpaired) surrogates.
 */
const unsafe = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uD800-\uDFFF]/gu;
const unsafeExceptNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uD800-\uDFFF]/gu;
// Separate non-global copies for the fast path, so `test` never touches a shared lastIndex.
const hasUnsafe = new RegExp(unsafe.source, 'u');
const hasUnsafeExceptNewline = new RegExp(unsafeExceptNewline.source, 'u');

/** The visible stand-in for one unsafe code point. */
export function escapeCodePoint(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Makes any string safe to write to a terminal; newlines and tabs are escaped too. */
export function sanitize(text: string): string {
	return hasUnsafe.test(text) ? text.replace(unsafe, escapeCodePoint) : text;
}

/**
 * For one-line places such as table cells: runs of whitespace (including newlines and tabs) fold
 * into one space and the ends are trimmed, so a multi-line error message stays in its cell.
 */
export function sanitizeLine(text: string): string {
	return sanitize(text.replace(/\s+/g, ' ').trim());
}

/** For multi-line views such as the JSON detail: keeps `\n`, neutralises everything else (CR too). */
export function sanitizeMultiline(text: string): string {
	return hasUnsafeExceptNewline.test(text) ? text.replace(unsafeExceptNewline, escapeCodePoint) : text;
}
