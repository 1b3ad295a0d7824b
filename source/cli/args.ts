// Turns argv into validated options. meow does the parsing (it is handed in, so tests run the real
// parser); this module decides what is an error, so every mistake ends as one sentence for a
// person instead of meow's multi-line report or a stack trace.
import {archiveFlags, type ArchiveFlags} from './archive-flags.js';
import {lakeFlags, type LakeFlags} from './lake-flags.js';
import {isValidRegionName} from '../services/regions.js';
import {parseDuration} from '../lib/duration.js';
import {boundsInverted, readTimeBound} from '../domain/query/time.js';
import {groupFields, type GroupField} from '../domain/summary.js';
import type {TimeBound} from '../domain/query/types.js';
import {defaultLimit, defaultMaxWait, outputFormats, type OutputFormat} from './flags.js';
import {checkArgvShape, joinQueryValue} from './argv-shape.js';

export {checkArgvShape, joinQueryValue} from './argv-shape.js';

export type CliOptions = {
	/** The first of `profiles`: the one the UI preselects. */
	profile: string | undefined;
	/** Every --profile, commas split, duplicates dropped, in order; empty without the flag. */
	profiles: string[];
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
	/** --group-by: print the groups of the summary view instead of the events. */
	groupBy: GroupField | undefined;
	/** --follow: print matching events as they arrive, until interrupted. */
	follow: boolean;
	/** --all-regions: every region enabled for each account, merged. */
	allRegions: boolean;
	/** --archive and --athena-*: the trail's S3 archive through Athena (issue 16). */
	archive: ArchiveFlags;
	/** --lake and --lake-store: a CloudTrail Lake event data store, the third source. */
	lake: LakeFlags;
	help: boolean;
	version: boolean;
};

export type ParseResult = {ok: true; options: CliOptions} | {ok: false; message: string};

/** What the injected parser (meow) returns, loosely typed: the validator trusts none of it. */
export type ParsedArgv = {flags: Record<string, unknown>; input: readonly string[]};

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

	const profiles = profileNames(flags['profile']);
	if (!Array.isArray(profiles)) {
		return fail(profiles.message);
	}

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
	// Groups count every match of the window unless --limit says otherwise; a list shows 50.
	let limit = flags['groupBy'] === undefined ? defaultLimit : 0;
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

	const groupByValue = stringFlag(flags, 'groupBy');
	if (groupByValue !== undefined && !(groupFields as readonly string[]).includes(groupByValue)) {
		return fail(`--group-by must be one of ${groupFields.join(', ')} (got ${JSON.stringify(groupByValue)})`);
	}

	const groupBy = groupByValue as GroupField | undefined;
	const follow = flags['follow'] === true;
	if (follow && groupBy !== undefined) {
		return fail('--group-by counts the events of a window; --follow prints them as they arrive: give one');
	}

	const allRegions = flags['allRegions'] === true;
	if (follow && outputValue !== undefined && outputValue !== 'jsonl' && outputValue !== 'csv') {
		return fail(`--follow prints each event as it arrives: use --output jsonl or csv (got --output ${outputValue})`);
	}

	if (follow && bounds.until) {
		return fail('--follow prints events as they arrive, so it takes no --until');
	}

	const archive = archiveFlags(flags);
	if ('message' in archive) {
		return fail(archive.message);
	}

	const lake = lakeFlags(flags);
	if ('message' in lake) {
		return fail(lake.message);
	}

	return {
		ok: true,
		options: {
			profile: profiles[0],
			profiles,
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
			follow,
			groupBy,
			allRegions,
			// The UI's `a` cycle starts on the Lake with --lake and takes the store --lake-store names.
			archive: {...archive, lake: lake.on, lakeStore: lake.store},
			lake,
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

/** `--profile a,b --profile c`: the names in order, each once, or what is wrong with them. */
function profileNames(value: unknown): string[] | {message: string} {
	const given = (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string');
	const names: string[] = [];
	for (const entry of given) {
		for (const part of entry.split(',')) {
			const name = part.trim();
			if (name === '') {
				return {message: `--profile ${JSON.stringify(entry)} has an empty name; list several as --profile a,b,c`};
			}

			if (!names.includes(name)) {
				names.push(name);
			}
		}
	}

	return names;
}
