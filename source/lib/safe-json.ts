// JSON.stringify escapes C0 controls and lone surrogates but leaves DEL, the C1 controls (CSI
// U+009B, OSC U+009D, ...), the bidi controls and U+2028/U+2029 raw. Those can only occur inside
// string literals of its output, so escaping them there as \uXXXX keeps the JSON valid and
// equivalent while making it safe to print or pipe into a terminal.

const rawInJson = /[\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

function toUnicodeEscape(char: string): string {
	return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Escapes what JSON.stringify leaves raw; apply to JSON.stringify output only. */
export function escapeJsonOutput(json: string): string {
	return json.replace(rawInJson, toUnicodeEscape);
}

/** BigInts become strings instead of making JSON.stringify throw. */
function replacer(_key: string, value: unknown): unknown {
	return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * JSON.stringify with the output made terminal-safe. Never throws: a value JSON cannot represent
 * (a cycle, a throwing toJSON) is rendered as a JSON string saying so; `undefined` becomes `null`.
 */
export function safeJsonStringify(value: unknown, indent?: number): string {
	let json: string | undefined;
	try {
		json = JSON.stringify(value, replacer, indent);
	} catch (error) {
		json = JSON.stringify(`[unserialisable: ${error instanceof Error ? error.message : String(error)}]`);
	}

	return escapeJsonOutput(json ?? 'null');
}
