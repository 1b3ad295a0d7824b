// The argv parser: node:util's parseArgs, reading argv the way meow (yargs) did, so the validator
// (args.ts) and checkArgvShape see the same thing. It replaced meow because meow and its bundled
// dependencies were 180 KB of the 1.1 MB loaded before the first frame, and its first call took
// ~15 ms of CPU (bench figure profiles-listed).
import {parseArgs, type ParseArgsConfig} from 'node:util';
import type {ParsedArgv} from './args.js';
import {booleanFlagNames, flagTable, valueFlagNames} from './flags.js';

const negativeNumber = /^-\d/;

const kebab = (name: string): string => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
const camel = (name: string): string => name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

const options: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
	Object.entries(flagTable).map(([key, spec]) => [
		kebab(key),
		{type: spec.type, ...('isMultiple' in spec ? {multiple: true} : {}), ...('shortFlag' in spec ? {short: spec.shortFlag} : {})},
	]),
);

/**
 * Flags by their camelCase names (as the validator reads them) and the other tokens as `input`.
 * As yargs did: a value flag followed by another flag, or by nothing, has an empty value (parseArgs
 * would take that flag as the value, or say `true`); a negative number is a value; `--demo=false`
 * and `--no-demo` are false. Never throws: what is wrong is for the validator to say.
 */
export function parseArgv(argv: readonly string[]): ParsedArgv {
	const args: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') {
			args.push(...argv.slice(index));
			break;
		}

		if (token.startsWith('--') && !token.includes('=') && valueFlagNames.has(token.slice(2))) {
			const next = argv[index + 1];
			const takesNext = next !== undefined && (!next.startsWith('-') || negativeNumber.test(next));
			args.push(`${token}=${takesNext ? next : ''}`);
			if (takesNext) {
				index++;
			}

			continue;
		}

		args.push(token);
	}

	const {values, positionals} = parseArgs({args, options, strict: false, allowPositionals: true, allowNegative: true});
	const flags: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(values)) {
		flags[camel(name)] = booleanFlagNames.has(name) && typeof value === 'string' ? value !== 'false' : value;
	}

	return {flags, input: positionals};
}
