// CloudTrail Lake end to end over real HTTP: the app's own session, store choice, Lake compiler and
// service against the emulator's Lake (the SQL runs in DuckDB over the same year of records as the
// Athena archive). What comes back is checked against the emulator's generated history read
// directly, filtered by the query language's own matcher, as archive-app.test.ts does for Athena.
import {DescribeQueryCommand} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compileLakeGroupBy, compileLakeQuery} from '../../source/domain/archive/lake.js';
import {pickLakeStore} from '../../source/domain/archive/lake-pick.js';
import {groupsFromRows} from '../../source/domain/archive/group-by.js';
import {archiveRowLimit} from '../../source/domain/archive/lookup.js';
import {lakeRowToEvent} from '../../source/domain/archive/rows.js';
import type {ArchiveProgress, ArchiveRow, LakeService, LakeStore} from '../../source/domain/archive/types.js';
import {matchesQuery} from '../../source/domain/query/plan.js';
import type {Query} from '../../source/domain/query/types.js';
import {summarize, type GroupField} from '../../source/domain/summary.js';
import type {Session, TrailEvent} from '../../source/domain/types.js';
import {organizationStoreId, startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createAwsBackend} from '../../source/services/backend.js';
import {cloudTrail, fixedNow} from './helpers.js';
import {archiveHistory, parsed} from '../helpers/archive-history.js';

const day = 86_400_000;
const eventsPerRegion = 300;
const year = {start: new Date(fixedNow.getTime() - 365 * day), end: fixedNow};
const ninetyDaysAgo = fixedNow.getTime() - 90 * day;

async function connect(emulator: Emulator): Promise<{session: Session; lake: LakeService; store: LakeStore}> {
	const backend = createAwsBackend({env: {}, demo: {endpoint: emulator.endpoint, accounts: emulator.accounts}});
	const profile = (await backend.listProfiles()).find(entry => entry.name === 'demo-prod')!;
	const session = await backend.connect(profile, {region: 'us-east-1'});
	const lake = session.lakeFor('us-east-1');
	// The organization's store of CloudTrail events, not the Config items one beside it.
	const store = pickLakeStore(await lake.listEventDataStores());
	expect(store.id).toBe(organizationStoreId);
	return {session, lake, store};
}

type Ran = {rows: ArchiveRow[]; last: ArchiveProgress | undefined};

async function run(lake: LakeService, statement: string, signal?: AbortSignal, onProgress?: (progress: ArchiveProgress) => void): Promise<Ran> {
	const rows: ArchiveRow[] = [];
	let last: ArchiveProgress | undefined;
	for await (const page of lake.runQuery(statement, {
		...(signal ? {signal} : {}),
		onProgress(progress) {
			last = progress;
			onProgress?.(progress);
		},
	})) {
		rows.push(...page);
	}

	return {rows, last};
}

function events(rows: readonly ArchiveRow[]): TrailEvent[] {
	return rows.flatMap(row => {
		const event = lakeRowToEvent(row);
		return event ? [event] : [];
	});
}

describe('CloudTrail Lake through the app', () => {
	let emulator: Emulator;
	let lake: LakeService;
	let store: LakeStore;
	let session: Session;
	let history: TrailEvent[];

	beforeAll(async () => {
		emulator = await startEmulator({now: fixedNow, eventsPerRegion, rateLimitPerSecond: false, lake: {queuedMs: 0, minRunMs: 0}});
		({lake, store, session} = await connect(emulator));
		history = archiveHistory(fixedNow, eventsPerRegion).map(({event}) => event);
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('finds, over a year, exactly the records the query matches, older than 90 days included', async () => {
		const within = history.filter(event => event.time.getTime() >= year.start.getTime() && event.time.getTime() <= year.end.getTime());
		let older = 0;
		for (const [text, writeOnly] of [
			['user:alice', false],
			['event:Delete* -source:s3.amazonaws.com', true],
			['error:any', false],
			['deploy', true],
			['requestParameters.bucketName:*logs*', false],
			['user:alice user:jane* -event:Get* -event:List* -event:Describe*', true],
		] as const) {
			const query = parsed(text);
			const compiled = compileLakeQuery(query, {store, window: year, writeOnly, limit: archiveRowLimit});
			const found = events((await run(lake, compiled.statement)).rows);
			const matches = matchesQuery(query, {writeOnly});
			const expected = within.filter(event => matches(event)).map(event => event.id);
			expect(expected.length, text).toBeGreaterThan(5);
			if (compiled.exact) {
				expect(found.map(event => event.id).sort(), text).toEqual([...expected].sort());
			} else {
				// A superset, which the events table's local filter narrows as it does every page.
				expect(found.filter(event => matches(event)).map(event => event.id).sort(), text).toEqual([...expected].sort());
			}

			expect(found.map(event => event.time.getTime()), text).toEqual(found.map(event => event.time.getTime()).sort((a, b) => b - a));
			older += found.filter(event => event.time.getTime() < ninetyDaysAgo).length;
		}

		expect(older).toBeGreaterThan(20);
	});

	it('scans far fewer bytes for one day than for a year', async () => {
		const query = parsed('event:RunInstances');
		const scanned = async (window: {start: Date; end: Date}) => (await run(lake, compileLakeQuery(query, {store, window, writeOnly: true, limit: 50}).statement)).last?.scannedBytes ?? 0;
		const oneDay = await scanned({start: new Date(fixedNow.getTime() - day), end: fixedNow});
		const wholeYear = await scanned(year);
		expect(oneDay).toBeGreaterThan(0);
		expect(wholeYear).toBeGreaterThan(oneDay * 50);
	});

	it('finds nothing for a value that would be SQL injection, and everything for its negation', async () => {
		const window = {start: new Date(fixedNow.getTime() - 30 * day), end: fixedNow};
		const count = async (text: string) => {
			const {statement} = compileLakeQuery(parsed(text), {store, window, writeOnly: false, limit: archiveRowLimit});
			// The value reaches the statement only as hex.
			expect(statement).not.toContain("'1'='1");
			expect(statement).not.toContain('OR eventname');
			return (await run(lake, statement)).rows.length;
		};

		const all = await count('');
		expect(all).toBeGreaterThan(100);
		expect(await count('user:alice')).toBeGreaterThan(0);
		for (const text of [`user:"' OR '1'='1"`, `event:"x' OR eventname LIKE '%"`, `"') OR ('1'='1"`]) {
			expect(await count(text), text).toBe(0);
		}

		expect(await count(`-user:"' OR '1'='1"`)).toBe(all);
	});

	it('counts groups in the Lake as the local summary counts the same events', async () => {
		const window = {start: new Date(fixedNow.getTime() - 120 * day), end: fixedNow};
		const query = parsed('-event:Get* -event:List*');
		const fetched = events((await run(lake, compileLakeQuery(query, {store, window, writeOnly: false, limit: archiveRowLimit}).statement)).rows);
		expect(fetched.some(event => event.time.getTime() < ninetyDaysAgo)).toBe(true);
		const account = session.identity.account;
		const span = {start: window.start.getTime(), end: window.end.getTime()};
		for (const field of ['user', 'event', 'source', 'ip', 'error', 'region', 'account'] satisfies GroupField[]) {
			const {statement} = compileLakeGroupBy(query, field, {store, window, writeOnly: false, limit: archiveRowLimit, buckets: 12});
			const fromLake = groupsFromRows((await run(lake, statement)).rows, field, {window: span, slices: 12, account});
			const local = summarize(fetched, field, {window: span, slices: 12, account});
			expect(fromLake.total, field).toBe(fetched.length);
			expect(fromLake, field).toEqual(local);
		}
	});
});

describe('stopping a running Lake query', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		// Queries run until stopped.
		emulator = await startEmulator({now: fixedNow, eventsPerRegion: 50, lake: {queuedMs: 0, minRunMs: 60_000}});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('cancels it with CancelQuery when aborted (as Esc does), and ends quietly', async () => {
		const {lake, store} = await connect(emulator);
		const controller = new AbortController();
		const {statement} = compileLakeQuery(parsed('user:alice'), {store, window: {start: new Date(fixedNow.getTime() - day), end: fixedNow}, writeOnly: true, limit: 50});
		emulator.resetCounts();
		const started = Date.now();
		const {rows, last} = await run(lake, statement, controller.signal, progress => {
			if (progress.state === 'RUNNING') {
				controller.abort();
			}
		});
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(rows).toEqual([]);
		expect(last?.state).toBe('RUNNING');
		expect(emulator.requestCounts()['CancelQuery']).toBe(1);
		const described = await cloudTrail(emulator).send(new DescribeQueryCommand({QueryId: last!.queryId}));
		expect(described.QueryStatus).toBe('CANCELLED');
	});
});
