// Pretty-printed JSON as lines of typed tokens for the detail view; the UI maps kinds to colours.
// The text is byte-for-byte what safeJsonStringify(value, 2) prints, so what a person sees is what
// `--output json` would give them, unless embedded JSON is decoded: then each string holding a JSON
// document is laid out as that document, with a note saying it was decoded.
import type {Embedded} from './embedded-json.js';
import {safeJsonStringify} from './safe-json.js';
import {isPlainText, repeatSafe, safe, type SafeText} from './sanitize.js';

/** `note` marks a decoded string (app text, not part of the JSON). */
export type JsonTokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punct' | 'note';
export type JsonToken = {text: SafeText; kind: JsonTokenKind};
export type JsonLine = JsonToken[];

const indentUnit = safe`  `;
const indents: SafeText[] = [];
const indent = (depth: number) => (indents[depth] ??= repeatSafe(indentUnit, depth));
const jsonEscaped = /["\\]/;

/** A JSON string literal, quoted and escaped, with nothing a terminal would act on. */
function stringLiteral(text: string): SafeText {
	// Strings needing no escape at all (the vast majority) are quoted directly: a large record has
	// thousands of them and this keeps the detail view's first render fast.
	if (!jsonEscaped.test(text) && isPlainText(text)) {
		return safe`"${text}"`;
	}

	// JSON.stringify escapes C0 and lone surrogates; safeJsonStringify the rest (C1, bidi).
	return safeJsonStringify(text);
}

class LineBuilder {
	readonly lines: JsonLine[] = [];
	private current: JsonLine = [];

	push(text: SafeText, kind: JsonTokenKind): void {
		this.current.push({text, kind});
	}

	newline(depth: number): void {
		this.lines.push(this.current);
		this.current = depth > 0 ? [{text: indent(depth), kind: 'punct'}] : [];
	}

	finish(): JsonLine[] {
		this.lines.push(this.current);
		return this.lines;
	}
}

/** How a string is decoded (decodeEmbedded, plus whatever the caller does to the value, such as redacting it). */
export type Decoder = (text: string) => Embedded | undefined;

/** A string inside a decoded string inside … is decoded this many levels deep at most. */
const maxDecodeLevels = 4;

const decodedNote: Record<Embedded['encoding'], SafeText> = {
	json: safe`  (decoded from a JSON string)`,
	url: safe`  (decoded from a URL-encoded JSON string)`,
};

type Emit = {out: LineBuilder; decode: Decoder | undefined};

function emit(value: unknown, depth: number, context: Emit, level = 0, note?: SafeText): void {
	const {out} = context;
	const embedded = typeof value === 'string' && context.decode && level < maxDecodeLevels ? context.decode(value) : undefined;
	if (embedded) {
		emit(embedded.value, depth, context, level + 1, decodedNote[embedded.encoding]);
	} else if (value === null) {
		out.push(safe`null`, 'null');
	} else if (typeof value === 'string') {
		out.push(stringLiteral(value), 'string');
	} else if (typeof value === 'number') {
		// Finite after the JSON round trip, where String and JSON.stringify agree.
		out.push(safe`${value}`, 'number');
	} else if (typeof value === 'boolean') {
		out.push(value ? safe`true` : safe`false`, 'boolean');
	} else if (Array.isArray(value)) {
		if (value.length === 0) {
			out.push(safe`[]`, 'punct');
			pushNote(out, note);
			return;
		}

		out.push(safe`[`, 'punct');
		pushNote(out, note);
		for (const [index, item] of value.entries()) {
			out.newline(depth + 1);
			emit(item, depth + 1, context, level);
			if (index < value.length - 1) {
				out.push(safe`,`, 'punct');
			}
		}

		out.newline(depth);
		out.push(safe`]`, 'punct');
	} else if (typeof value === 'object') {
		const entries = Object.entries(value);
		if (entries.length === 0) {
			out.push(safe`{}`, 'punct');
			pushNote(out, note);
			return;
		}

		out.push(safe`{`, 'punct');
		pushNote(out, note);
		for (const [index, [key, item]] of entries.entries()) {
			out.newline(depth + 1);
			out.push(stringLiteral(key), 'key');
			out.push(safe`: `, 'punct');
			emit(item, depth + 1, context, level);
			if (index < entries.length - 1) {
				out.push(safe`,`, 'punct');
			}
		}

		out.newline(depth);
		out.push(safe`}`, 'punct');
	} else {
		out.push(safe`null`, 'null');
	}
}

function pushNote(out: LineBuilder, note: SafeText | undefined): void {
	if (note) {
		out.push(note, 'note');
	}
}

/**
 * `value` as JSON.stringify(value, null, 2) would lay it out, one array of tokens per line.
 * Indentation is a leading 'punct' token. Values JSON cannot hold follow JSON.stringify (Dates via
 * toJSON, undefined properties dropped, NaN as null); BigInts print as strings. With `decode`, a
 * string it decodes is laid out as the document it holds, its first line marked with a 'note'.
 */
export function highlightJson(value: unknown, options: {decode?: Decoder} = {}): JsonLine[] {
	// Round-tripping through JSON applies every JSON.stringify rule (toJSON, dropped undefined,
	// non-finite numbers) once, so the walker only ever sees plain JSON data.
	const normalised: unknown = JSON.parse(safeJsonStringify(value));
	const out = new LineBuilder();
	emit(normalised, 0, {out, decode: options.decode});
	return out.finish();
}
