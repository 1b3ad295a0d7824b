// JSON.stringify that never throws and whose output is safe for a terminal: what it leaves raw
// (C1 and bidi controls, U+2028/U+2029) is escaped as \uXXXX by the sanitiser (sanitizeJson).
import {sanitizeJson, type SafeText} from './sanitize.js';

/** Escapes what JSON.stringify leaves raw; apply to JSON.stringify output only. */
export const escapeJsonOutput = sanitizeJson;

/** BigInts become strings instead of making JSON.stringify throw. */
function replacer(_key: string, value: unknown): unknown {
	return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * JSON.stringify with the output made terminal-safe. Never throws: a value JSON cannot represent
 * (a cycle, a throwing toJSON) is rendered as a JSON string saying so; `undefined` becomes `null`.
 */
export function safeJsonStringify(value: unknown, indent?: number): SafeText {
	let json: string | undefined;
	try {
		json = JSON.stringify(value, replacer, indent);
	} catch (error) {
		json = JSON.stringify(`[unserialisable: ${error instanceof Error ? error.message : String(error)}]`);
	}

	return sanitizeJson(json ?? 'null');
}
