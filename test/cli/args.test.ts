import meow from 'meow';
import {describe, expect, it} from 'vitest';
import {checkArgvShape, parseCommandLine, type ParseResult} from '../../source/cli/args.js';
import {meowFlags} from '../../source/cli/flags.js';

// The real parser, configured as cli.tsx configures it.
function parse(argv: string[]): ParseResult {
	return parseCommandLine(argv, args =>
		meow({importMeta: import.meta, argv: args, pkg: {name: 'trailview', version: '0.0.0'}, autoHelp: false, autoVersion: false, allowUnknownFlags: true, flags: meowFlags}),
	);
}

function message(argv: string[]): string {
	const result = parse(argv);
	if (result.ok) {
		throw new Error(`expected ${argv.join(' ')} to fail`);
	}

	return result.message;
}

describe('parseCommandLine', () => {
	it('accepts every flag', () => {
		const result = parse(['--profile', 'dev', '--region', 'eu-west-1', '--endpoint-url', 'http://localhost:4566', '--output', 'jsonl', '--limit', '7', '--max-wait', '90s']);
		expect(result).toEqual({
			ok: true,
			options: {
				profile: 'dev',
				profiles: ['dev'],
				region: 'eu-west-1',
				endpointUrl: 'http://localhost:4566',
				demo: false,
				output: 'jsonl',
				limit: 7,
				maxWaitMs: 90_000,
				query: undefined,
				since: undefined,
				until: undefined,
				allEvents: false,
				follow: false,
				allRegions: false,
				archive: {on: false, table: undefined, workgroup: 'primary', outputLocation: undefined, createTable: false, lake: false, lakeStore: undefined},
				lake: {on: false, store: undefined},
				help: false,
				version: false,
			},
		});
	});

	it('defaults limit to 50, output to undefined and --max-wait to 5 minutes', () => {
		const result = parse([]);
		expect(result.ok && result.options).toMatchObject({limit: 50, output: undefined, demo: false, maxWaitMs: 300_000});
	});

	it.each([
		['90s', 90_000],
		['5m', 300_000],
		['300', 300_000],
		['0', 0],
	])('accepts --max-wait %s', (value, ms) => {
		const result = parse(['--max-wait', value]);
		expect(result.ok && result.options.maxWaitMs).toBe(ms);
	});

	it('accepts --flag=value, --demo, -h and --limit 0', () => {
		const result = parse(['--output=csv', '--demo', '-h', '--limit', '0']);
		expect(result.ok && result.options).toMatchObject({output: 'csv', demo: true, help: true, limit: 0});
	});

	it('takes several profiles as a list, the flag repeated, or both, each once and in order', () => {
		const result = parse(['--profile', 'prod, dev', '--profile', 'audit', '--profile=prod', '--all-regions', '--follow', '--output', 'csv']);
		expect(result.ok && result.options).toMatchObject({profile: 'prod', profiles: ['prod', 'dev', 'audit'], allRegions: true, follow: true, output: 'csv'});
		const none = parse([]);
		expect(none.ok && none.options).toMatchObject({profile: undefined, profiles: [], allRegions: false, follow: false});
		// --region beside --all-regions names where to connect (and, in the UI, whose trails show).
		const both = parse(['--all-regions', '--region', 'eu-west-1']);
		expect(both.ok && both.options).toMatchObject({allRegions: true, region: 'eu-west-1'});
	});

	it('takes the archive flags, checked before anything starts', () => {
		const result = parse(['--archive', '--athena-table', 'Default.CloudTrail_Logs', '--athena-workgroup', 'analysts', '--athena-output', 's3://results-bucket/tv/', '--athena-create-table', '--group-by', 'user']);
		expect(result.ok && result.options.archive).toEqual({on: true, table: 'Default.CloudTrail_Logs', workgroup: 'analysts', outputLocation: 's3://results-bucket/tv/', createTable: true, lake: false, lakeStore: undefined});
		expect(message(['--archive', '--athena-table', 'logs'])).toMatch(/^--athena-table must be DATABASE\.TABLE/);
		expect(message(['--archive', '--athena-workgroup', 'a b'])).toMatch(/^--athena-workgroup must be a workgroup name/);
		expect(message(['--archive', '--athena-output', 'results/'])).toMatch(/^--athena-output must be an S3 location/);
		// Athena counts every match; the local --group-by's "first N events" has no SQL form.
		expect(message(['--archive', '--group-by', 'user', '--limit', '10'])).toBe('--group-by with --archive counts every match in Athena, so it takes no --limit; narrow with --since, --until or --query');
		expect(parse(['--group-by', 'user', '--limit', '10']).ok).toBe(true);
	});

	it('takes the Lake flags, checked before anything starts', () => {
		const arn = 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/EXAMPLE-ee54-4813-92d5-999aeEXAMPLE';
		const result = parse(['--lake', '--lake-store', arn, '--group-by', 'user']);
		expect(result.ok && result.options.lake).toEqual({on: true, store: arn});
		// The UI starts its `a` cycle on the Lake, with that store.
		expect(result.ok && result.options.archive).toMatchObject({lake: true, lakeStore: arn});
		expect(parse(['--lake-store', 'my-store']).ok && parse(['--lake-store', 'my-store'])).toMatchObject({options: {lake: {on: false, store: 'my-store'}}});
		expect(message(['--lake', '--lake-store', "x' OR 1=1"])).toMatch(/^--lake-store must be an event data store's id, ARN or name/);
		expect(message(['--lake', '--archive'])).toMatch(/^--lake and --archive are two sources/);
		expect(message(['--lake', '--all-regions'])).toMatch(/narrow with region: in --query/);
		expect(message(['--lake', '--group-by', 'user', '--limit', '10'])).toBe('--group-by with --lake counts every match in CloudTrail Lake, so it takes no --limit; narrow with --since, --until or --query');
		expect(message(['--lake', '--follow', '--output', 'jsonl'])).toMatch(/^--follow reads Event history/);
	});

	it.each([
		[['--limit', '-3'], '--limit must be a whole number >= 0 (got "-3")'],
		[['--limit', 'abc'], '--limit must be a whole number >= 0 (got "abc")'],
		[['--limit', '1.5'], '--limit must be a whole number >= 0 (got "1.5")'],
		[['--limit=-3'], '--limit must be a whole number >= 0 (got "-3")'],
		[['--output', 'xml'], '--output must be one of table, json, jsonl, csv (got "xml")'],
		[['--max-wait', 'soon'], '--max-wait must be a duration like 90s or 5m, or a number of seconds (got "soon")'],
		[['--max-wait=-5s'], '--max-wait must be a duration like 90s or 5m, or a number of seconds (got "-5s")'],
		[['--max-wait='], '--max-wait needs a value (e.g. --max-wait 90s)'],
		[['--max-wait', '1m', '--max-wait', '2m'], '--max-wait can only be given once'],
		[['--region', 'notaregion'], '--region must be an AWS region name like eu-west-1 (got "notaregion")'],
		[['--endpoint-url', 'not-a-url'], '--endpoint-url must be an http:// or https:// URL (got "not-a-url")'],
		[['--endpoint-url', 'ftp://x'], '--endpoint-url must be an http:// or https:// URL (got "ftp://x")'],
		[['--profile'], '--profile needs a value (e.g. --profile dev)'],
		[['--profile', '--demo'], '--profile needs a value (e.g. --profile dev)'],
		[['--region='], '--region needs a value (e.g. --region eu-west-1)'],
		[['--frobnicate'], 'unknown flag --frobnicate'],
		[['--endpointUrl', 'http://x'], 'unknown flag --endpointUrl'],
		[['--no-profile'], 'unknown flag --no-profile'],
		[['-x'], 'unknown flag -x'],
		[['--profile', 'a,,b'], '--profile "a,,b" has an empty name; list several as --profile a,b,c'],
		[['--profile='], '--profile needs a value (e.g. --profile dev)'],
		[['--profile', 'a', '--profile'], '--profile needs a value (e.g. --profile dev)'],
		[['--follow', '--output', 'json'], '--follow prints each event as it arrives: use --output jsonl or csv (got --output json)'],
		[['--follow', '--output', 'table'], '--follow prints each event as it arrives: use --output jsonl or csv (got --output table)'],
		[['--follow', '--until', '1h'], '--follow prints events as they arrive, so it takes no --until'],
		[['--all-regions', '--all-regions', '--region', 'x'], '--region must be an AWS region name like eu-west-1 (got "x")'],
		[['--region', 'a', '--region', 'b'], '--region can only be given once'],
		[['extra'], 'unexpected argument "extra" (trailview takes only flags)'],
		[['--demo', '--endpoint-url', 'http://x'], '--demo runs its own local emulator and cannot be combined with --endpoint-url'],
	])('rejects %j', (argv, expected) => {
		expect(message(argv)).toBe(expected);
	});

	it('keeps every message to one line', () => {
		for (const argv of [['--frobnicate', '--other'], ['--output', 'a\nb']]) {
			expect(message(argv)).not.toContain('\n');
		}
	});
});

describe('checkArgvShape', () => {
	it('does not mistake a flag value for a flag', () => {
		expect(checkArgvShape(['--profile', 'dev', '--limit', '-3'])).toBeUndefined();
	});

	it('stops at --', () => {
		expect(checkArgvShape(['--', '--anything'])).toBeUndefined();
	});

	it('allows --no-demo but not --no-limit', () => {
		expect(checkArgvShape(['--no-demo'])).toBeUndefined();
		expect(checkArgvShape(['--no-limit'])).toBe('unknown flag --no-limit');
	});
});
