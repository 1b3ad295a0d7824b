// Pretty-printed JSON as lines of typed tokens for the detail view; the UI maps kinds to colours.
// The text is byte-for-byte what safeJsonStringify(value, 2) prints, so what a person sees is what
// `--output json` would give them.
import {safeJsonStringify} from './safe-json.js';
import {sanitize} from './sanitize.js';

export type JsonTokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punct';
export type JsonToken = {text: string; kind: JsonTokenKind};
export type JsonLine = JsonToken[];

const indentUnit = '  ';

// Strings needing no escape at all (the vast majority) are quoted directly: a large record has
// thousands of them and this keeps the detail view's first render fast.
const plainString = /^[^"\\\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uD800-\uDFFF]*$/;

/** A JSON string literal, quoted and escaped, with nothing a terminal would act on. */
function stringLiteral(text: string): string {
	if (plainString.test(text)) {
		return `"${text}"`;
	}

	// safeJsonStringify escapes C0, C1, bidi and lone surrogates; sanitize is the belt to its braces.
	return sanitize(safeJsonStringify(text));
}

class LineBuilder {
	readonly lines: JsonLine[] = [];
	private current: JsonLine = [];

	push(text: string, kind: JsonTokenKind): void {
		this.current.push({text, kind});
	}

	newline(depth: number): void {
		this.lines.push(this.current);
		this.current = depth > 0 ? [{text: indentUnit.repeat(depth), kind: 'punct'}] : [];
	}

	finish(): JsonLine[] {
		this.lines.push(this.current);
		return this.lines;
	}
}

function emit(value: unknown, depth: number, out: LineBuilder): void {
	if (value === null) {
		out.push('null', 'null');
	} else if (typeof value === 'string') {
		out.push(stringLiteral(value), 'string');
	} else if (typeof value === 'number') {
		out.push(JSON.stringify(value), 'number');
	} else if (typeof value === 'boolean') {
		out.push(String(value), 'boolean');
	} else if (Array.isArray(value)) {
		if (value.length === 0) {
			out.push('[]', 'punct');
			return;
		}

		out.push('[', 'punct');
		for (const [index, item] of value.entries()) {
			out.newline(depth + 1);
			emit(item, depth + 1, out);
			if (index < value.length - 1) {
				out.push(',', 'punct');
			}
		}

		out.newline(depth);
		out.push(']', 'punct');
	} else if (typeof value === 'object') {
		const entries = Object.entries(value);
		if (entries.length === 0) {
			out.push('{}', 'punct');
			return;
		}

		out.push('{', 'punct');
		for (const [index, [key, item]] of entries.entries()) {
			out.newline(depth + 1);
			out.push(stringLiteral(key), 'key');
			out.push(': ', 'punct');
			emit(item, depth + 1, out);
			if (index < entries.length - 1) {
				out.push(',', 'punct');
			}
		}

		out.newline(depth);
		out.push('}', 'punct');
	} else {
		out.push('null', 'null');
	}
}

/**
 * `value` as JSON.stringify(value, null, 2) would lay it out, one array of tokens per line.
 * Indentation is a leading 'punct' token. Values JSON cannot hold follow JSON.stringify (Dates via
 * toJSON, undefined properties dropped, NaN as null); BigInts print as strings.
 */
export function highlightJson(value: unknown): JsonLine[] {
	// Round-tripping through JSON applies every JSON.stringify rule (toJSON, dropped undefined,
	// non-finite numbers) once, so the walker only ever sees plain JSON data.
	const normalised: unknown = JSON.parse(safeJsonStringify(value));
	const out = new LineBuilder();
	emit(normalised, 0, out);
	return out.finish();
}
