// Everything CloudTrail returns (usernames, user agents, error messages, whole records) can be
// written by whoever called the API, so it may carry terminal escape sequences meant to retitle the
// window, clear the screen, forge output or reorder text with bidi overrides. Nothing from AWS
// reaches a terminal without passing through here, and this is the only module that decides what
// is safe: the code points below are named nowhere else.
//
// Escape scheme: each dangerous code point becomes literal, visible text in JavaScript/C style:
// `\xHH` for code points up to U+00FF (so ESC shows as `\x1b`, CSI as `\x9b`) and `\uHHHH` above
// (`\u202e`, or `\ud800` for a lone surrogate). One scheme for everything keeps the output
// greppable and makes the original code point obvious. It is for display only and is not
// reversible: a literal backslash in the input is left alone.
//
// SafeText is text that has been through here (or was written by the app in a `safe` template).
// Only this module makes one; the components that print take SafeText (components/text.tsx), so
// handing them raw AWS text is a type error rather than a review comment.

declare const safeTextBrand: unique symbol;

/** Text that is safe to write to a terminal. Made only by this module's functions. */
export type SafeText = string & {readonly [safeTextBrand]: true};

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
/** CSI sequences (colour codes, cursor moves) as a program writes them: ESC [ parameters final. */
const csiSequence = /\u001B\[[0-9;?]*[A-Za-z]/g;
/** C0 controls, DEL and C1 controls. */
const controls = /[\u0000-\u001F\u007F-\u009F]/g;

// The one place a string becomes SafeText; every caller has just made it so.
const brand = (text: string) => text as SafeText;

/** The visible stand-in for one unsafe code point. */
export function escapeCodePoint(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Makes any string safe to write to a terminal; newlines and tabs are escaped too. */
export function sanitize(text: string): SafeText {
	return brand(hasUnsafe.test(text) ? text.replace(unsafe, escapeCodePoint) : text);
}

/**
 * For one-line places such as table cells: runs of whitespace (including newlines and tabs) fold
 * into one space and the ends are trimmed, so a multi-line error message stays in its cell.
 */
export function sanitizeLine(text: string): SafeText {
	return sanitize(text.replace(/\s+/g, ' ').trim());
}

/** For multi-line views such as the JSON detail: keeps `\n`, neutralises everything else (CR too). */
export function sanitizeMultiline(text: string): SafeText {
	return brand(hasUnsafeExceptNewline.test(text) ? text.replace(unsafeExceptNewline, escapeCodePoint) : text);
}

/** For multi-line views, line by line: sanitizeMultiline, split at each `\n`. */
export function sanitizeLines(text: string): SafeText[] {
	return sanitizeMultiline(text).split('\n').map(brand);
}

/**
 * For a program's own output, such as a credential_process's stderr, where colour codes and stray
 * controls are formatting rather than content: CSI sequences are dropped and other controls become
 * spaces before the line is sanitised, so `\x1b[31mError\x1b[0m` reads `Error`, not escapes.
 */
export function sanitizeProgramLine(text: string): SafeText {
	return sanitizeLine(text.replace(csiSequence, '').replace(controls, ' '));
}

/** `\uXXXX`, the JSON spelling of one code point (below U+10000, which is all that is escaped). */
function jsonEscape(char: string): string {
	return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * For JSON.stringify's output only. It escapes C0 controls and lone surrogates itself but leaves
 * DEL, the C1 controls (CSI U+009B, OSC U+009D, ...), the bidi controls and U+2028/U+2029 raw.
 * Those can only occur inside its string literals, so escaping them there as `\uXXXX` keeps the
 * JSON valid and equal while making it safe to print or pipe into a terminal; the newlines of
 * indented output stay.
 */
export function sanitizeJson(json: string): SafeText {
	return brand(hasUnsafeExceptNewline.test(json) ? json.replace(unsafeExceptNewline, jsonEscape) : json);
}

/** Whether `text` holds nothing this module would escape, i.e. is SafeText as it stands. */
export function isPlainText(text: string): text is SafeText {
	return !hasUnsafe.test(text);
}

/**
 * For typed or pasted input (a picker's filter): what a terminal sends that is not text is
 * removed rather than shown as an escape, since the user did not mean to type it.
 */
export function stripUnsafe(text: string): SafeText {
	return brand(text.replace(unsafe, ''));
}

/**
 * Text the app writes itself, e.g. safe`Loading events in ${sanitizeLine(region)}…`. The literal
 * parts are source code; every interpolation must already be SafeText (or a number), so raw AWS
 * text cannot be spliced in.
 */
export function safe(strings: TemplateStringsArray, ...values: ReadonlyArray<SafeText | number>): SafeText {
	let text = strings[0] ?? '';
	for (const [index, value] of values.entries()) {
		text += String(value) + (strings[index + 1] ?? '');
	}

	return brand(text);
}

/** `text` `count` times over (none for 0 or less), still SafeText. */
export function repeatSafe(text: SafeText, count: number): SafeText {
	return brand(text.repeat(Math.max(0, Math.floor(count))));
}

/** `parts` joined by `separator`, still SafeText. */
export function joinSafe(parts: readonly SafeText[], separator: SafeText = safe``): SafeText {
	return brand(parts.join(separator));
}

/**
 * `text` cut at the UTF-16 offsets `cuts` (ascending, within the text), still SafeText: a piece of
 * sanitised text has nothing unsafe in it. A cut inside a surrogate pair moves past it, so no piece
 * holds half an emoji.
 */
export function splitSafe(text: SafeText, cuts: readonly number[]): SafeText[] {
	const pieces: SafeText[] = [];
	let from = 0;
	for (const cut of cuts) {
		let at = Math.max(from, Math.min(cut, text.length));
		const code = text.charCodeAt(at - 1);
		if (at > 0 && at < text.length && code >= 0xd8_00 && code <= 0xdb_ff) {
			at++;
		}

		pieces.push(brand(text.slice(from, at)));
		from = at;
	}

	pieces.push(brand(text.slice(from)));
	return pieces;
}
