// The archive on the main screen (issue 16), as a person at the keyboard meets it: `a` runs the
// query in Athena and the rows arrive with their account and region; the footer says what the
// query costs; Esc stops a running query; without a table the pane offers the statement and
// creates it only after a yes; `s` groups in Athena; follow stays with Event history.
import React from 'react';
import {describe, expect, test, vi} from 'vitest';
import {MainScreen} from '../../source/screens/main-screen.js';
import type {ArchiveProgress, ArchiveRow, ArchiveRunOptions, ArchiveService, ArchiveTable, CompiledQuery} from '../../source/domain/archive/types.js';
import {deferred, fakeService, fakeSession, makeTrail, type Deferred} from '../helpers/fakes.js';
import {keys, renderInk} from '../helpers/ink.js';
import {safe} from '../../source/lib/sanitize.js';
import {TrailviewError} from '../../source/domain/types.js';
import {lines} from './main-harness.js';

vi.mock('ink-spinner', () => import('../app/static-spinner.js'));
vi.mock('../../source/hooks/use-events-clock.js', () => ({useNow: () => new Date(Date.UTC(2026, 10, 24, 12, 0, 0))}));

const table: ArchiveTable = {
	catalog: 'AwsDataCatalog',
	database: 'default',
	name: 'org_logs',
	location: 's3://org-trail-logs/AWSLogs/o-abcdefghij/',
	serde: 'org.apache.hive.serde2.JsonSerDe',
	partitionKeys: ['account', 'region', 'timestamp'],
	parameters: {'projection.enabled': 'true'},
};

function row(index: number, account: string, region: string): ArchiveRow {
	return {
		eventid: `archive-${index}`,
		eventtime: new Date(Date.UTC(2026, 10, 24, 11, 0, 0) - index * 60_000).toISOString().replace('.000Z', 'Z'),
		eventname: `ArchivedThing${index}`,
		eventsource: 'iam.amazonaws.com',
		awsregion: region,
		recipientaccountid: account,
		readonly: 'false',
		useridentity: JSON.stringify({type: 'IAMUser', username: 'bob', arn: `arn:aws:iam::${account}:user/bob`, accountid: account}),
		account,
		region,
	};
}

type Call = {query: CompiledQuery; options: ArchiveRunOptions};

/** An archive whose answers the test controls; every query is recorded with its options. */
function fakeArchive(options: {tables: ArchiveTable[]; answer?: (call: Call) => AsyncIterable<ArchiveRow[]>}): ArchiveService & {calls: Call[]; listed: number} {
	const archive = {
		region: 'us-east-1',
		calls: [] as Call[],
		listed: 0,
		async listTables() {
			archive.listed++;
			return options.tables;
		},
		listWorkGroups: async () => ['primary'],
		runQuery(query: CompiledQuery, runOptions: ArchiveRunOptions) {
			const call = {query, options: runOptions};
			archive.calls.push(call);
			return (
				options.answer?.(call) ??
				(async function * () {
					runOptions.onProgress?.({queryId: 'q-1', state: 'SUCCEEDED', elapsedMs: 2100, scannedBytes: 120 * 1024 * 1024});
					yield [row(0, '222222222222', 'eu-west-1'), row(1, '333333333333', 'ap-southeast-2')];
				})()
			);
		},
	};
	return archive;
}

async function renderArchive(archive: ArchiveService, trails = [makeTrail({s3BucketName: 'org-trail-logs'})]) {
	const service = fakeService({trails: async () => trails});
	const session = fakeSession(service, {archiveFor: () => archive});
	const screen = await renderInk(<MainScreen session={session} region="us-east-1" isActive globalSpecs={[{commands: ['quit'], hint: safe`quit`, run() {}}]} />, {columns: 140, rows: 30});
	// The trails pane marks the trail once discovery has matched its table.
	return screen;
}

describe('the archive on the main screen', () => {
	test('a runs the query in Athena: rows with their account and region, the cost in the footer, a again goes back', async () => {
		const archive = fakeArchive({tables: [table]});
		const screen = await renderArchive(archive);
		await screen.waitForFrame('athena default.org_logs');
		await screen.press('a');
		const frame = await screen.waitForFrame('ArchivedThing1');
		expect(frame).toContain('Write events in the archive (Athena default.org_logs) · last 7 days');
		const first = lines(frame).find(line => line.includes('ArchivedThing0'))!;
		expect(first).toContain('222222222222');
		expect(first).toContain('eu-west-1');
		expect(frame).toMatch(/rows by Athena SQL in 2\.1s · 120 MB scanned · ≈ \$0\.000\d+/);
		// One query, with its values as parameters only.
		expect(archive.calls).toHaveLength(1);
		expect(archive.calls[0]!.query.sql).toContain('ORDER BY eventtime DESC');
		expect(archive.calls[0]!.options).toMatchObject({database: 'default', workgroup: 'primary'});
		await screen.press('a');
		await screen.waitForFrame(frame => frame.includes('Write events in us-east-1') && !frame.includes('ArchivedThing'));
	});

	test('Esc stops a running query: its signal aborts (the service then sends StopQueryExecution)', async () => {
		let signal: AbortSignal | undefined;
		const finish: Deferred<void> = deferred();
		const archive = fakeArchive({
			tables: [table],
			answer: call =>
				(async function * () {
					signal = call.options.signal;
					const running: ArchiveProgress = {queryId: 'q-2', state: 'RUNNING', elapsedMs: 4200, scannedBytes: 3 * 1024 * 1024 * 1024};
					call.options.onProgress?.(running);
					await finish.promise;
					yield [];
				})(),
		});
		const screen = await renderArchive(archive);
		await screen.waitForFrame('athena default.org_logs');
		await screen.press('a');
		const running = await screen.waitForFrame('Athena: running 4.2s');
		expect(running).toContain('3.00 GB scanned · ≈ $0.01');
		expect(running).toContain('Esc stop query');
		await screen.press(keys.escape);
		await vi.waitFor(() => expect(signal?.aborted).toBe(true));
		finish.resolve();
		await screen.waitForFrame(frame => !frame.includes('Esc stop query'));
	});

	test('without a table the pane shows the statement, and c creates it only after a yes', async () => {
		const created: string[] = [];
		const archive = fakeArchive({
			tables: [],
			answer: call =>
				(async function * () {
					created.push(call.query.sql);
					yield [];
				})(),
		});
		const trail = makeTrail({name: 'audit', arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/audit', isOrganization: false, s3BucketName: 'audit-logs-111111111111'});
		const screen = await renderArchive(archive, [trail]);
		await screen.waitForFrame('audit');
		await screen.press('a');
		const offer = await screen.waitForFrame('CREATE EXTERNAL TABLE');
		expect(offer).toContain('No Athena table over the logs of trail audit yet');
		expect(offer).toContain('c create table');
		expect(offer).toContain('Archive: no Athena table yet');
		expect(offer).not.toContain('event loaded');
		// The statement scrolls: its location is further down.
		await screen.press(keys.end);
		await screen.waitForFrame("s3://audit-logs-111111111111/AWSLogs/111111111111/CloudTrail/");
		await screen.press('c');
		const asked = await screen.waitForFrame('y / n');
		expect(asked).toContain('This is the one thing trailview writes');
		expect(created).toEqual([]);
		await screen.press('n');
		await screen.waitForFrame(frame => !frame.includes('y / n'));
		expect(created).toEqual([]);
		const listedBefore = archive.listed;
		await screen.press('c');
		await screen.waitForFrame('y / n');
		await screen.press('y');
		await vi.waitFor(() => expect(created).toHaveLength(1));
		expect(created[0]).toMatch(/^CREATE EXTERNAL TABLE default\.cloudtrail_audit/);
		// Discovery runs again to find the new table.
		await vi.waitFor(() => expect(archive.listed).toBeGreaterThan(listedBefore));
	});

	test('s groups in Athena; F says follow reads Event history, and A that the table holds every region', async () => {
		const archive = fakeArchive({
			tables: [table],
			answer: call =>
				(async function * () {
					call.options.onProgress?.({queryId: 'q-3', state: 'SUCCEEDED', elapsedMs: 900, scannedBytes: 1024});
					if (call.query.sql.includes('GROUP BY')) {
						yield [
							{eventname: 'ConsoleLogin', username: 'bob', bucket: '3', events: '7', first_time: '2026-11-24T09:00:00Z', last_time: '2026-11-24T10:00:00Z'},
						];
					} else {
						yield [row(0, '222222222222', 'eu-west-1')];
					}
				})(),
		});
		const screen = await renderArchive(archive);
		await screen.waitForFrame('athena default.org_logs');
		await screen.press('a');
		await screen.waitForFrame('ArchivedThing0');
		await screen.press('F');
		await screen.waitForFrame('Follow reads Event history (LookupEvents): a switches back to it.');
		await screen.press('A');
		await screen.waitForFrame('The archive table holds every region the trail logs: region: in the query narrows it.');
		await screen.press('s');
		await screen.waitForFrame('events in the archive in 1 groups');
		expect(archive.calls.some(call => call.query.sql.includes('GROUP BY'))).toBe(true);
	});

	test('a Glue permission missing shows in the archive pane with its fix, and Event history keeps working', async () => {
		const archive = fakeArchive({tables: []});
		archive.listTables = async () => {
			throw new TrailviewError('access-denied', 'Access denied to glue:GetTables in us-east-1.', {hint: 'Allow glue:GetDatabases and glue:GetTables for this role.'});
		};

		const screen = await renderArchive(archive);
		await screen.waitForFrame('PutThing0');
		await screen.press('a');
		const failed = await screen.waitForFrame('The archive is unavailable');
		expect(failed).toContain('Access denied to glue:GetTables in us-east-1.');
		expect(failed).toContain('Allow glue:GetDatabases and glue:GetTables for this role.');
		expect(failed).toContain('✗ archive unavailable');
		await screen.press('a');
		await screen.waitForFrame('PutThing0');
	});
});
