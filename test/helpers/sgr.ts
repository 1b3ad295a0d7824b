// Reads SGR escape sequences (ESC [ … m) in terminal output. "Colour codes" are the parameters
// that set a foreground or background colour (30–39, 40–49, 90–97, 100–107, with 38/48's
// extended forms counted once); bold, dim, underline, inverse and their resets are attributes.

/** Select Graphic Rendition sequences for the attributes the UI uses, to look for in output. */
export const attributes = {bold: '\u001B[1m', dim: '\u001B[2m', underline: '\u001B[4m', inverse: '\u001B[7m'} as const;
const sgr = /\u001B\[([\d;:]*)m/g;

function isColor(code: number): boolean {
	return (code >= 30 && code <= 49) || (code >= 90 && code <= 97) || (code >= 100 && code <= 107);
}

/** Every colour parameter in `text`, e.g. ['31', '39', '38;5;208']. */
export function colorCodes(text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(sgr)) {
		const params = (match[1] ?? '').split(';');
		for (let index = 0; index < params.length; index++) {
			const param = params[index] ?? '';
			// 38:5:n and 38:2::r:g:b (colon sub-parameters) arrive as one parameter.
			const code = Number(param.split(':')[0]);
			if (!isColor(code)) {
				continue;
			}

			if ((code === 38 || code === 48) && !param.includes(':')) {
				// 38;5;n or 38;2;r;g;b: the numbers after it are part of this one code.
				const extra = params[index + 1] === '5' ? 2 : params[index + 1] === '2' ? 4 : 0;
				found.push(params.slice(index, index + 1 + extra).join(';'));
				index += extra;
			} else {
				found.push(param);
			}
		}
	}

	return found;
}

