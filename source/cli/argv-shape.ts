// What argv looks like before meow reads it: flags we do not know, flags given twice, and a
// --query value that starts with a dash. Done first because meow exits the process on its own for
// unknown flags, and drops a repeatable flag's empty values without a word.
import {longFlagNames, repeatableFlagNames, shortFlagNames, valueFlagNames, booleanFlagNames} from './flags.js';

const negativeNumber = /^-\d/;

/**
 * Scans argv the way yargs reads it and reports the first flag we do not know, the first flag
 * given twice (--profile may be repeated), or a repeatable flag without its value.
 */
export function checkArgvShape(argv: readonly string[]): string | undefined {
	const seen = new Set<string>();
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') {
			break;
		}

		if (!token.startsWith('-') || token === '-' || negativeNumber.test(token)) {
			continue;
		}

		let names: string[];
		let hasInlineValue = false;
		let inlineValue = '';
		if (token.startsWith('--')) {
			const body = token.slice(2);
			const equals = body.indexOf('=');
			hasInlineValue = equals !== -1;
			inlineValue = hasInlineValue ? body.slice(equals + 1) : '';
			let name = hasInlineValue ? body.slice(0, equals) : body;
			if (!longFlagNames.has(name) && name.startsWith('no-') && booleanFlagNames.has(name.slice(3))) {
				name = name.slice(3);
			}

			if (!longFlagNames.has(name)) {
				return `unknown flag --${name}`;
			}

			names = [name];
		} else {
			const letters = [...token.slice(1).split('=')[0]!];
			const unknown = letters.find(letter => !shortFlagNames.has(letter));
			if (unknown !== undefined) {
				return `unknown flag -${unknown}`;
			}

			names = letters.map(letter => (letter === 'h' ? 'help' : letter));
		}

		for (const name of names) {
			if (seen.has(name) && valueFlagNames.has(name) && !repeatableFlagNames.has(name)) {
				return `--${name} can only be given once`;
			}

			seen.add(name);
		}

		const last = names.at(-1)!;
		const next = argv[index + 1];
		// yargs takes the next token as the value unless it looks like another flag.
		const takesNext = valueFlagNames.has(last) && !hasInlineValue && next !== undefined && (!next.startsWith('-') || negativeNumber.test(next));
		// meow drops a repeatable flag's empty values, so `--profile` alone would pass unnoticed.
		const value = hasInlineValue ? inlineValue : takesNext ? next : '';
		if (repeatableFlagNames.has(last) && value.trim() === '') {
			return `--${last} needs a value (e.g. --${last} dev)`;
		}

		if (takesNext) {
			index++;
		}
	}

	return undefined;
}

/**
 * A query may start with an exclusion (`--query -event:Get*`), which yargs would read as short
 * flags: the token after --query is its value whatever it looks like, unless it is a long flag
 * (`--query --limit 5` forgot the query).
 */
export function joinQueryValue(argv: readonly string[]): readonly string[] {
	const joined: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		const next = argv[index + 1];
		if (token === '--') {
			joined.push(...argv.slice(index));
			break;
		}

		if (token === '--query' && next !== undefined && next.startsWith('-') && !next.startsWith('--')) {
			joined.push(`--query=${next}`);
			index++;
		} else {
			joined.push(token);
		}
	}

	return joined;
}
