// The archive end to end over real HTTP: the app's own session, discovery, compiler and service
// against the emulator's Athena (the SQL runs in DuckDB). What comes back is checked against the
// emulator's generated history read directly (its archive index), filtered by the query
// language's own matcher as LookupEvents-shaped events, so the SQL path is compared with plain code.
import {GetQueryExecutionCommand} from '@aws-sdk/client-athena';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compileArchiveQuery} from '../../source/domain/archive/compile.js';
import {compileArchiveGroupBy, groupsFromRows} from '../../source/domain/archive/group-by.js';
import {archiveRowLimit} from '../../source/domain/archive/lookup.js';
import {pickArchive} from '../../source/domain/archive/pick.js';
import {archiveRowToEvent} from '../../source/domain/archive/rows.js';
import type {ArchiveProgress, ArchiveRow, ArchiveService, ArchiveTable, CompiledQuery} from '../../source/domain/archive/types.js';
import {matchesQuery} from '../../source/domain/query/plan.js';
import type {Query} from '../../source/domain/query/types.js';
import {summarize, type GroupField} from '../../source/domain/summary.js';
import type {Session, TrailEvent} from '../../source/domain/types.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createAwsBackend} from '../../source/services/backend.js';
import {athena, fixedNow} from './helpers.js';
import {archiveHistory, parsed} from '../helpers/archive-history.js';

const day = 86_400_000;
const eventsPerRegion = 300;
const year = {start: new Date(fixedNow.getTime() - 365 * day), end: fixedNow};
const ninetyDaysAgo = fixedNow.getTime() - 90 * day;

async function connect(emulator: Emulator, label = 'demo-prod', region = 'us-east-1'): Promise<{session: Session; archive: ArchiveService; table: ArchiveTable}> {
	const backend = createAwsBackend({env: {}, demo: {endpoint: emulator.endpoint, accounts: emulator.accounts}});
	const profile = (await backend.listProfiles()).find(entry => entry.name === label)!;
	const session = await backend.connect(profile, {region});
	const archive = session.archiveFor(region);
	const [tables, trails] = await Promise.all([archive.listTables(), session.serviceFor(region).listTrails()]);
	const pick = pickArchive({tables, trails, accounts: [session.identity.account], regions: [region], now: fixedNow});
	expect(pick.table).toBeDefined();
	return {session, archive, table: pick.table!};
}

type Ran = {rows: ArchiveRow[]; last: ArchiveProgress | undefined};

async function run(archive: ArchiveService, table: ArchiveTable, compiled: CompiledQuery, signal?: AbortSignal, onProgress?: (progress: ArchiveProgress) => void): Promise<Ran> {
	const rows: ArchiveRow[] = [];
	let last: ArchiveProgress | undefined;
	for await (const page of archive.runQuery(compiled, {
		database: table.database,
		workgroup: 'primary',
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
		const event = archiveRowToEvent(row);
		return event ? [event] : [];
	});
}

describe('the archive through the app', () => {
	let emulator: Emulator;
	let archive: ArchiveService;
	let table: ArchiveTable;
	let session: Session;
	/** Every record of the year the emulator's archive holds, from its generator, not through SQL. */
	let history: Array<{event: TrailEvent; account: string}>;

	beforeAll(async () => {
		emulator = await startEmulator({now: fixedNow, eventsPerRegion, rateLimitPerSecond: false, athena: {queuedMs: 0, minRunMs: 0}});
		({archive, table, session} = await connect(emulator));
		history = archiveHistory(fixedNow, eventsPerRegion);
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('finds, over a year, exactly the records the query matches, older than 90 days included', async () => {
		const within = history.filter(({event}) => event.time.getTime() >= year.start.getTime() && event.time.getTime() <= year.end.getTime());
		let older = 0;
		for (const [text, writeOnly] of [
			['user:alice', false],
			['event:Delete* -source:s3.amazonaws.com', true],
			['error:any', false],
			['deploy', true],
			['resource:arn:aws:kms:* -event:Decrypt', false],
			['user:alice user:jane* -event:Get* -event:List* -event:Describe*', true],
		] as const) {
			const query = parsed(text);
			const compiled = compileArchiveQuery(query, {table, window: year, writeOnly, limit: archiveRowLimit});
			expect(compiled.exact, text).toBe(true);
			const found = events((await run(archive, table, compiled)).rows);
			const matches = matchesQuery(query, {writeOnly});
			const expected = within.filter(({event}) => matches(event)).map(({event}) => event.id);
			expect(expected.length, text).toBeGreaterThan(5);
			expect(found.map(event => event.id).sort(), text).toEqual([...expected].sort());
			// Newest first, as LookupEvents pages come.
			expect(found.map(event => event.time.getTime()), text).toEqual(found.map(event => event.time.getTime()).sort((a, b) => b - a));
			older += found.filter(event => event.time.getTime() < ninetyDaysAgo).length;
		}

		expect(older).toBeGreaterThan(20);
	});

	it('scans far fewer bytes for one day than for a year', async () => {
		const query = parsed('event:RunInstances');
		const scanned = async (window: {start: Date; end: Date}) => (await run(archive, table, compileArchiveQuery(query, {table, window, writeOnly: true, limit: 50}))).last?.scannedBytes ?? 0;
		const oneDay = await scanned({start: new Date(fixedNow.getTime() - day), end: fixedNow});
		const wholeYear = await scanned(year);
		expect(oneDay).toBeGreaterThan(0);
		expect(wholeYear).toBeGreaterThan(oneDay * 50);
	});

	it('finds nothing for a value that would be SQL injection, and everything for its negation', async () => {
		const window = {start: new Date(fixedNow.getTime() - 30 * day), end: fixedNow};
		const count = async (text: string) => {
			const compiled = compileArchiveQuery(parsed(text), {table, window, writeOnly: false, limit: archiveRowLimit});
			// The value never reaches the SQL text, only ExecutionParameters.
			expect(compiled.sql).not.toContain("'1'='1");
			return (await run(archive, table, compiled)).rows.length;
		};

		const all = await count('');
		expect(all).toBeGreaterThan(100);
		expect(await count('user:alice')).toBeGreaterThan(0);
		for (const text of [`user:"' OR '1'='1"`, `event:"x' OR eventname LIKE '%"`, `user:"o'brien\\" OR \\"1\\"=\\"1"`, `"') OR ('1'='1"`]) {
			expect(await count(text), text).toBe(0);
		}

		expect(await count(`-user:"' OR '1'='1"`)).toBe(all);
	});

	it('counts groups in Athena as the local summary counts the same events', async () => {
		const window = {start: new Date(fixedNow.getTime() - 120 * day), end: fixedNow};
		const query = parsed('-event:Get* -event:List*');
		const fetched = events((await run(archive, table, compileArchiveQuery(query, {table, window, writeOnly: false, limit: archiveRowLimit}))).rows);
		expect(fetched.some(event => event.time.getTime() < ninetyDaysAgo)).toBe(true);
		const account = session.identity.account;
		const span = {start: window.start.getTime(), end: window.end.getTime()};
		for (const field of ['user', 'event', 'source', 'ip', 'error', 'region', 'account'] satisfies GroupField[]) {
			const compiled = compileArchiveGroupBy(query, field, {table, window, writeOnly: false, limit: archiveRowLimit, buckets: 12});
			expect(compiled.exact, field).toBe(true);
			const fromAthena = groupsFromRows((await run(archive, table, compiled)).rows, field, {window: span, slices: 12, account});
			const local = summarize(fetched, field, {window: span, slices: 12, account});
			expect(fromAthena.total, field).toBe(fetched.length);
			expect(fromAthena, field).toEqual(local);
		}
	});
});

describe('stopping a running archive query', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		// Queries run until stopped.
		emulator = await startEmulator({now: fixedNow, eventsPerRegion: 50, athena: {queuedMs: 0, minRunMs: 60_000}});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('stops it with StopQueryExecution when aborted (as Esc does), and ends quietly', async () => {
		const {archive, table} = await connect(emulator);
		const controller = new AbortController();
		const compiled = compileArchiveQuery(parsed('user:alice'), {table, window: {start: new Date(fixedNow.getTime() - day), end: fixedNow}, writeOnly: true, limit: 50});
		emulator.resetCounts();
		const started = Date.now();
		const {rows, last} = await run(archive, table, compiled, controller.signal, progress => {
			if (progress.state === 'RUNNING') {
				controller.abort();
			}
		});
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(rows).toEqual([]);
		expect(last?.state).toBe('RUNNING');
		expect(emulator.requestCounts()['StopQueryExecution']).toBe(1);
		const {QueryExecution: execution} = await athena(emulator).send(new GetQueryExecutionCommand({QueryExecutionId: last!.queryId}));
		expect(execution?.Status?.State).toBe('CANCELLED');
		expect(emulator.requestCounts()['GetQueryResults']).toBeUndefined();
	});
});
