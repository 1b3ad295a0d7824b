import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {EventStore} from '../../../source/emulator/event-store.js';
import {builtInQueries, investigations, withBuiltIns} from '../../../source/domain/query/investigations.js';
import {parseQuery} from '../../../source/domain/query/parse.js';
import {describePlan, matchesQuery, planQuery} from '../../../source/domain/query/plan.js';
import type {Query} from '../../../source/domain/query/types.js';
import {fixtureAccount, fixtureRegion, investigationFixtures, storedToTrailEvent} from '../../helpers/investigation-fixtures.js';

const now = new Date('2026-11-30T12:00:00Z');

function parsed(text: string): Query {
	const result = parseQuery(text, {named: builtInQueries});
	if (!result.ok) {
		throw new Error(`${text}: ${result.error.message}`);
	}

	return result.query;
}

describe('the built-in investigations', () => {
	it('are the nine of issue 14, each with a one-line description', () => {
		expect(investigations.map(investigation => investigation.name)).toEqual([
			'tampering',
			'root',
			'console-no-mfa',
			'denied',
			'iam-changes',
			'keys',
			'network-open',
			'public-data',
			'exfil-prep',
		]);
		for (const {description} of investigations) {
			expect(description).not.toMatch(/\n/);
			expect(description.length).toBeLessThan(220);
		}
	});

	it.each([
		// [name, API attribute for write events only, API attribute with all events]
		['tampering', 'API ReadOnly=false', 'API none'],
		['root', 'API ReadOnly=false', 'API none'],
		['console-no-mfa', 'API EventName=ConsoleLogin', 'API EventName=ConsoleLogin'],
		['denied', 'API ReadOnly=false', 'API none'],
		['iam-changes', 'API EventSource=iam.amazonaws.com', 'API EventSource=iam.amazonaws.com'],
		['keys', 'API ReadOnly=false', 'API none'],
		['network-open', 'API EventName=AuthorizeSecurityGroupIngress', 'API EventName=AuthorizeSecurityGroupIngress'],
		['public-data', 'API ReadOnly=false', 'API none'],
		['exfil-prep', 'API ReadOnly=false', 'API none'],
	])('@%s parses as its own text and plans as %s', (name, writes, all) => {
		const query = parsed(`@${name}`);
		expect(query.terms.map(term => term.source).join(' ')).toBe(parsed(builtInQueries.get(name)!).terms.map(term => term.source).join(' '));
		expect(describePlan(planQuery(query, {writeOnly: true, now})).split(' · ')[0]).toBe(writes);
		expect(describePlan(planQuery(query, {writeOnly: false, now})).split(' · ')[0]).toBe(all);
		// Nothing in a built-in sets the window: `@name since:1h` must always work.
		expect([query.since, query.until]).toEqual([undefined, undefined]);
		expect(parseQuery(`@${name} since:1h`, {named: withBuiltIns(new Map())}).ok).toBe(true);
	});

	it('find exactly their events among matching calls and near misses', () => {
		const store = new EventStore(42, now, 0);
		const ids = investigationFixtures.map((fixture, index) =>
			store.add({...fixture.event, accountId: fixtureAccount, region: fixtureRegion, time: new Date(now.getTime() - (index + 1) * 60_000)}, now),
		);
		const events = store.events(fixtureAccount, fixtureRegion).map(stored => storedToTrailEvent(stored));
		const labelOf = new Map(events.map(event => [event, investigationFixtures[ids.indexOf(event.id)]!.label]));
		for (const {name} of investigations) {
			const found = events.filter(matchesQuery(parsed(`@${name}`), {writeOnly: false})).map(event => labelOf.get(event));
			const expected = events.filter(event => investigationFixtures[ids.indexOf(event.id)]!.in.includes(name)).map(event => labelOf.get(event));
			expect({name, events: found}).toEqual({name, events: expected});
			expect(found.length).toBeGreaterThan(0);
		}
	});

	it('each find something in the demo data, among the write events it shows first', () => {
		const store = new EventStore(42, now, 6000);
		const events = ['us-east-1', 'eu-west-1'].flatMap(region => store.events(fixtureAccount, region)).map(stored => storedToTrailEvent(stored));
		for (const {name} of investigations) {
			const found = events.filter(matchesQuery(parsed(`@${name}`), {writeOnly: true}));
			expect({name, some: found.length > 0}).toEqual({name, some: true});
		}
	});
});

describe('the README', () => {
	it('lists every investigation with its query as the code has it', () => {
		const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
		const rows = [...readme.matchAll(/^\| `@([a-z-]+)` \| `([^`]+)` \|/gm)].map(([, name, query]) => [name, query]);
		expect(rows).toEqual([...builtInQueries]);
	});
});

describe('withBuiltIns', () => {
	it('adds the built-ins to the user file, which cannot replace one', () => {
		const named = withBuiltIns(new Map([['mine', '@root event:CreateUser'], ['denied', 'user:x']]));
		expect(named.get('denied')).toBe(builtInQueries.get('denied'));
		expect(named.get('mine')).toBe('@root event:CreateUser');
		expect([...named.keys()].slice(0, investigations.length)).toEqual(investigations.map(investigation => investigation.name));
	});
});
