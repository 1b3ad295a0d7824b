// Turns argv into validated options. meow does the parsing (it is handed in, so tests run the real
// parser); this module decides what is an error, so every mistake ends as one sentence for a
// person instead of meow's multi-line report or a stack trace.
import {isValidRegionName} from '../services/regions.js';
import {parseDuration} from '../lib/duration.js';
import {boundsInverted, readTimeBound} from '../domain/query/time.js';
import type {TimeBound} from '../domain/query/types.js';
import {
	booleanFlagNames,
	defaultLimit,
	defaultMaxWait,
	longFlagNames,
	outputFormats,
	shortFlagNames,
	valueFlagNames,
	type OutputFormat,
} from './flags.js';

export type CliOptions = {
	profile: string | undefined;
	region: string | undefined;
	endpointUrl: string | undefined;
	demo: boolean;
	/** undefined when --output was not given (script mode may still apply, as table). */
	output: OutputFormat | undefined;
	limit: number;
	/** --max-wait: how long script output waits out throttling of one request, in ms. */
	maxWaitMs: number;
	/** --query as typed; parsed where named queries are known (script mode, the UI). */
	query: string | undefined;
	/** --since / --until: the same syntax as since:/until: in a query. */
	since: TimeBound | undefined;
	until: TimeBound | undefined;
	/** --all-events: read-only events too (write events only by default). */
	allEvents: boolean;
	help: boolean;
	version: boolean;
};

export type ParseResult = {ok: true; options: CliOptions} | {ok: false; message: string};

/** What the injected parser (meow) returns, loosely typed: the validator trusts none of it. */
export type ParsedArgv = {flags: Record<string, unknown>; input: readonly string[]};

const negativeNumber = /^-\d/;

/**
 * Scans argv the way yargs reads it and reports the first flag we do not know, or the first flag
 * given twice. Done before meow because meow exits the process on its own for unknown flags.
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
		if (token.startsWith('--')) {
			const body = token.slice(2);
			const equals = body.indexOf('=');
			hasInlineValue = equals !== -1;
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
			if (seen.has(name) && valueFlagNames.has(name)) {
				return `--${name} can only be given once`;
			}

			seen.add(name);
		}

		const last = names.at(-1)!;
		const next = argv[index + 1];
		// yargs takes the next token as the value unless it looks like another flag.
		if (valueFlagNames.has(last) && !hasInlineValue && next !== undefined && (!next.startsWith('-') || negativeNumber.test(next))) {
			index++;
		}
	}

	return undefined;
}

export function validateEndpointUrl(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return `--endpoint-url must be an http:// or https:// URL (got ${JSON.stringify(value)})`;
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return `--endpoint-url must be an http:// or https:// URL (got ${JSON.stringify(value)})`;
	}

	return undefined;
}

function stringFlag(flags: Record<string, unknown>, key: string): string | undefined {
	const value = flags[key];
	return typeof value === 'string' ? value : undefined;
}

function isOutputFormat(value: string): value is OutputFormat {
	return (outputFormats as readonly string[]).includes(value);
}

export function validateFlags({flags, input}: ParsedArgv): ParseResult {
	const fail = (message: string): ParseResult => ({ok: false, message});
	if (input.length > 0) {
		return fail(`unexpected argument ${JSON.stringify(input[0])} (trailview takes only flags)`);
	}

	const examples: Record<string, string> = {
		profile: 'dev',
		region: 'eu-west-1',
		endpointUrl: 'http://localhost:4566',
		output: 'json',
		limit: '100',
		maxWait: '90s',
		query: '\'user:alice error:any\'',
		since: '2h',
		until: '2026-01-31',
	};
	const kebab: Record<string, string> = {endpointUrl: 'endpoint-url', maxWait: 'max-wait'};
	for (const key of Object.keys(examples)) {
		if (key in flags && (stringFlag(flags, key) ?? '').trim() === '') {
			const flag = kebab[key] ?? key;
			return fail(`--${flag} needs a value (e.g. --${flag} ${examples[key]!})`);
		}
	}

	const profile = stringFlag(flags, 'profile');
	const region = stringFlag(flags, 'region');
	if (region !== undefined && !isValidRegionName(region)) {
		return fail(`--region must be an AWS region name like eu-west-1 (got ${JSON.stringify(region)})`);
	}

	const endpointUrl = stringFlag(flags, 'endpointUrl');
	if (endpointUrl !== undefined) {
		const problem = validateEndpointUrl(endpointUrl);
		if (problem) {
			return fail(problem);
		}
	}

	const demo = flags['demo'] === true;
	if (demo && endpointUrl !== undefined) {
		return fail('--demo runs its own local emulator and cannot be combined with --endpoint-url');
	}

	const outputValue = stringFlag(flags, 'output');
	if (outputValue !== undefined && !isOutputFormat(outputValue)) {
		return fail(`--output must be one of ${outputFormats.join(', ')} (got ${JSON.stringify(outputValue)})`);
	}

	const limitValue = stringFlag(flags, 'limit');
	let limit = defaultLimit;
	if (limitValue !== undefined) {
		if (!/^\d+$/.test(limitValue) || !Number.isSafeInteger(Number(limitValue))) {
			return fail(`--limit must be a whole number >= 0 (got ${JSON.stringify(limitValue)})`);
		}

		limit = Number(limitValue);
	}

	const maxWaitValue = stringFlag(flags, 'maxWait');
	const maxWaitMs = parseDuration(maxWaitValue ?? defaultMaxWait);
	if (maxWaitMs === undefined) {
		return fail(`--max-wait must be a duration like 90s or 5m, or a number of seconds (got ${JSON.stringify(maxWaitValue)})`);
	}

	const bounds: {since?: TimeBound; until?: TimeBound} = {};
	for (const key of ['since', 'until'] as const) {
		const value = stringFlag(flags, key);
		if (value !== undefined) {
			const read = readTimeBound(value);
			if (!read.ok) {
				return fail(`--${key}: ${read.message}`);
			}

			bounds[key] = read.bound;
		}
	}

	if (bounds.since && bounds.until && boundsInverted(bounds.since, bounds.until)) {
		return fail(`--since must be before --until (got --since ${bounds.since.source} --until ${bounds.until.source})`);
	}

	return {
		ok: true,
		options: {
			profile,
			region,
			endpointUrl,
			demo,
			output: outputValue,
			limit,
			maxWaitMs,
			query: stringFlag(flags, 'query'),
			since: bounds.since,
			until: bounds.until,
			allEvents: flags['allEvents'] === true,
			help: flags['help'] === true,
			version: flags['version'] === true,
		},
	};
}

/** Checks argv, runs the parser, validates. The parser is meow in production and in tests. */
export function parseCommandLine(argv: readonly string[], parse: (argv: string[]) => ParsedArgv): ParseResult {
	argv = joinQueryValue(argv);
	const shapeProblem = checkArgvShape(argv);
	if (shapeProblem) {
		return {ok: false, message: shapeProblem};
	}

	let parsed: ParsedArgv;
	try {
		parsed = parse([...argv]);
	} catch (error) {
		// meow throws for things checkArgvShape should already have caught; keep it to one line.
		const text = error instanceof Error ? error.message : String(error);
		return {ok: false, message: text.split('\n')[0]!.replace(/^The flag/, 'flag')};
	}

	return validateFlags(parsed);
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
