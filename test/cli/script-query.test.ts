import meow from 'meow';
import {describe, expect, it} from 'vitest';
import {joinQueryValue, parseCommandLine, type CliOptions} from '../../source/cli/args.js';
import {meowFlags} from '../../source/cli/flags.js';
import {describeQueryError, scriptQuery} from '../../source/cli/script-query.js';
import {makeEvent} from '../helpers/fakes.js';

const now = new Date('2026-11-24T13:00:00Z');
const hour = 3_600_000;
const day = 24 * hour;

function options(argv: string[]): CliOptions {
	const result = parseCommandLine(argv, args =>
		meow({importMeta: import.meta, argv: args, pkg: {name: 'trailview', version: '0.0.0'}, autoHelp: false, autoVersion: false, allowUnknownFlags: true, flags: meowFlags}),
	);
	if (!result.ok) {
		throw new Error(result.message);
	}

	return result.options;
}

function flagError(argv: string[]): string {
	const result = parseCommandLine(argv, args =>
		meow({importMeta: import.meta, argv: args, pkg: {name: 'trailview', version: '0.0.0'}, autoHelp: false, autoVersion: false, allowUnknownFlags: true, flags: meowFlags}),
	);
	return result.ok ? 'accepted' : result.message;
}

function planFor(argv: string[], named = new Map<string, string>()) {
	const result = scriptQuery(options(argv), named, now);
	if (!result.ok) {
		throw new Error(result.message);
	}

	return result;
}

function messageFor(argv: string[]): string {
	const result = scriptQuery(options(argv), new Map(), now);
	return result.ok ? 'accepted' : result.message;
}

describe('the query flags on the command line', () => {
	it('reads --query, --since, --until and --all-events', () => {
		const parsed = options(['--query', 'user:alice', '--since', '2h', '--until', '2026-11-24T12:00Z', '--all-events']);
		expect(parsed.query).toBe('user:alice');
		expect(parsed.since).toMatchObject({kind: 'ago', ms: 2 * hour});
		expect(parsed.until).toMatchObject({kind: 'at', at: new Date('2026-11-24T12:00:00Z')});
		expect(parsed.allEvents).toBe(true);
		expect(options([])).toMatchObject({query: undefined, since: undefined, until: undefined, allEvents: false});
	});

	it('takes a query that starts with an exclusion as the value of --query', () => {
		expect(joinQueryValue(['--query', '-event:Get*', '--limit', '5'])).toEqual(['--query=-event:Get*', '--limit', '5']);
		expect(options(['--query', '-event:Get* error:any', '--limit', '5'])).toMatchObject({query: '-event:Get* error:any', limit: 5});
		expect(options(['--query=-user:root'])).toMatchObject({query: '-user:root'});
	});

	it.each([
		[['--query'], '--query needs a value (e.g. --query \'user:alice error:any\')'],
		[['--query', '--limit', '5'], '--query needs a value (e.g. --query \'user:alice error:any\')'],
		[['--since', 'yesterday'], /^--since: "yesterday" is not a time: /],
		[['--until', '2026-02-30'], /^--until: .*2026-02-30/],
		[['--since', '1h', '--until', '2h'], '--since must be before --until (got --since 1h --until 2h)'],
		[['--query', 'a', '--query', 'b'], '--query can only be given once'],
	])('refuses %j', (argv, expected) => {
		const message = flagError(argv);
		if (typeof expected === 'string') {
			expect(message).toBe(expected);
		} else {
			expect(message).toMatch(expected);
		}
	});
});

describe('scriptQuery', () => {
	it('asks for write events of the last 90 days when nothing is given', () => {
		const result = planFor([]);
		expect(result.custom).toBe(false);
		expect(result.plan.attribute).toEqual({key: 'ReadOnly', value: 'false'});
		expect(result.plan.window).toEqual({start: new Date(now.getTime() - 90 * day), end: now});
		expect(result.plan.filtersLocally).toBe(false);
	});

	it('sends one attribute and filters the rest locally, write-only included', () => {
		const result = planFor(['--query', 'user:alice -event:Get* error:any']);
		expect(result.plan.attribute).toEqual({key: 'Username', value: 'alice'});
		expect(result.description).toBe('API Username=alice · local: -event:Get* error:any write-only');
		expect(result.plan.matches(makeEvent(0, {errorCode: 'AccessDenied', readOnly: false}))).toBe(true);
		expect(result.plan.matches(makeEvent(0, {errorCode: 'AccessDenied', readOnly: true}))).toBe(false);
		expect(result.plan.matches(makeEvent(0, {errorCode: 'AccessDenied', name: 'GetObject'}))).toBe(false);
	});

	it('--all-events sends no attribute when the query has none', () => {
		const result = planFor(['--all-events', '--query', 'error:any']);
		expect(result.plan.attribute).toBeUndefined();
		expect(result.custom).toBe(true);
	});

	it('takes the window from --since/--until or from since:/until: in the query, fixed at `now`', () => {
		expect(planFor(['--since', '2h']).plan.window).toEqual({start: new Date(now.getTime() - 2 * hour), end: now});
		expect(planFor(['--query', 'since:7d until:1d']).plan.window).toEqual({start: new Date(now.getTime() - 7 * day), end: new Date(now.getTime() - day)});
		// One from each side is fine: they set different ends.
		expect(planFor(['--since', '3d', '--query', 'until:1d']).plan.window).toEqual({start: new Date(now.getTime() - 3 * day), end: new Date(now.getTime() - day)});
	});

	it('reads 7 days in the archive when no start is given: up to now, or up to the end asked for', () => {
		const archive = (argv: string[]) => {
			const result = scriptQuery(options(argv), new Map(), now, {archive: true});
			if (!result.ok) {
				throw new Error(result.message);
			}

			return result;
		};

		const plain = archive([]);
		expect(plain.plan.window).toEqual({start: new Date(now.getTime() - 7 * day), end: now});
		expect(plain.archiveDefault).toBe(true);
		expect(plain.custom).toBe(false);
		// An end long ago is no mistake in the archive: the 7 days before it.
		const ended = archive(['--until', '2025-03-01']);
		expect(ended.plan.window).toEqual({start: new Date('2025-02-22T00:00:00Z'), end: new Date('2025-03-01T00:00:00Z')});
		expect(ended.query.since).toMatchObject({kind: 'at', source: '7 days before 2025-03-01'});
		expect(messageFor(['--until', '2025-03-01'])).toBe('the start (90 days ago) is after the end (2025-03-01)');
		const given = archive(['--query', 'user:alice since:365d']);
		expect(given.plan.window.start).toEqual(new Date(now.getTime() - 365 * day));
		expect(given.archiveDefault).toBe(false);
		expect(given.query.terms).toHaveLength(1);
		// Event history keeps its 90 days.
		expect(planFor([]).plan.window.start).toEqual(new Date(now.getTime() - 90 * day));
	});

	it('expands named queries', () => {
		const result = planFor(['--query', '@denied'], new Map([['denied', 'error:AccessDenied*']]));
		expect(result.plan.local).toEqual(['error:AccessDenied*']);
	});

	it.each([
		[['--query', 'usr:alice'], '--query: unknown field "usr" (did you mean "user"?) at "usr:alice"'],
		[['--query', 'since:2h', '--since', '1h'], '--since 1h and since:2h in --query both set the start; give one'],
		[['--query', 'until:1h', '--until', '2026-11-01'], '--until 2026-11-01 and until:1h in --query both set the end; give one'],
		[['--since', '1h', '--query', 'until:2h'], 'the start (1h) must be before the end (2h)'],
		[['--since', '2026-11-25', '--query', 'until:1h'], 'the start (2026-11-25) is after the end (1h)'],
	])('refuses %j in one line', (argv, expected) => {
		expect(messageFor(argv)).toBe(expected);
	});

	it('points at the end of the query when that is where the mistake is', () => {
		expect(describeQueryError('user:', {message: 'user: needs a value', start: 5, end: 5})).toBe('user: needs a value at the end of the query');
		expect(describeQueryError('a  b', {message: 'odd', start: 1, end: 3})).toBe('odd');
	});
});
