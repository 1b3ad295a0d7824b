// ExecutionParameters: each one is a single Athena literal ('text' with quotes doubled, an integer,
// a decimal, true or false) and becomes one value bound to the prepared statement. A parameter is
// never pasted into the SQL text, so `''' OR ''1''=''1'` is the string ' OR '1'='1 and matches
// nothing, and anything that is not exactly one literal is refused before the query starts.

export type Literal = string | bigint | number | boolean;

const stringLiteral = /^'((?:[^']|'')*)'$/s;
const integerLiteral = /^[+-]?\d+$/;
const decimalLiteral = /^[+-]?(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?\d+[eE][+-]?\d+$/;

/** The literal's value, or undefined when the text is not exactly one literal. */
export function parseLiteral(text: string): Literal | undefined {
	const trimmed = text.trim();
	const quoted = stringLiteral.exec(trimmed);
	if (quoted) {
		return quoted[1]!.replaceAll("''", "'");
	}

	if (integerLiteral.test(trimmed)) {
		const value = BigInt(trimmed);
		// Trino's bigint range; larger whole numbers are decimals there, doubles here.
		return value >= -(2n ** 63n) && value < 2n ** 63n ? value : Number(trimmed);
	}

	if (decimalLiteral.test(trimmed)) {
		return Number(trimmed);
	}

	const lower = trimmed.toLowerCase();
	if (lower === 'true' || lower === 'false') {
		return lower === 'true';
	}

	return undefined;
}
