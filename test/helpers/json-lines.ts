import type {JsonLine} from '../../source/lib/json-highlight.js';

/** The plain text of highlighted lines: what the detail view shows, without colour. */
export function jsonLinesToText(lines: JsonLine[]): string {
	return lines.map(line => line.map(token => token.text).join('')).join('\n');
}
