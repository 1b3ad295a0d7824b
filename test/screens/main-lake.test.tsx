// CloudTrail Lake on the main screen (issue 16), as a person at the keyboard meets it: `a` steps
// Event history -> Athena -> the Lake -> Event history where the account has an event data store
// of CloudTrail events; the Lake's rows, cost and Esc work as Athena's do; `s` groups in the Lake;
// without a store (or without permission) the pane says so and Event history keeps working.
import React from 'react';
import {describe, expect, test, vi} from 'vitest';
import {MainScreen} from '../../source/screens/main-screen.js';
import type {ArchiveRow, ArchiveService, ArchiveSettings, ArchiveTable, LakeRunOptions, LakeService, LakeStore} from '../../source/domain/archive/types.js';
import {deferred, fakeBackend, fakeService, fakeSession, makeTrail} from '../helpers/fakes.js';
import {keys, renderInk} from '../helpers/ink.js';
import {safe} from '../../source/lib/sanitize.js';
import {TrailviewError} from '../../source/domain/types.js';
import {AppProvider} from '../../source/context/app-context.js';
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

const orgStore: LakeStore = {
	arn: 'arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
	id: '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
	name: 'org-events',
	status: 'ENABLED',
	organization: true,
	multiRegion: true,
	retentionDays: 2557,
	cloudTrailEvents: true,
};

const configStore: LakeStore = {...orgStore, arn: `${orgStore.arn}-config`, id: '9e8d7c6b-0000-4000-8000-000000000001', name: 'config-items', organization: false, cloudTrailEvents: false};

function lakeRow(index: number): ArchiveRow {
	return {
		eventid: `lake-${index}`,
		eventtime: new Date(Date.UTC(2026, 10, 24, 10, 0, 0) - index * 60_000).toISOString().replace('.000Z', 'Z'),
		eventname: `LakeThing${index}`,
		eventsource: 'iam.amazonaws.com',
		awsregion: 'eu-central-1',
		recipientaccountid: '444444444444',
		readonly: 'false',
		useridentity: JSON.stringify({type: 'IAMUser', username: 'carol', arn: 'arn:aws:iam::444444444444:user/carol', accountid: '444444444444'}),
	};
}

type LakeCall = {statement: string; options: LakeRunOptions};

function fakeLake(options: {stores?: LakeStore[]; fail?: TrailviewError; answer?: (call: LakeCall) => AsyncIterable<ArchiveRow[]>}): LakeService & {calls: LakeCall[]} {
	const lake = {
		region: 'us-east-1',
		calls: [] as LakeCall[],
		async listEventDataStores() {
			if (options.fail) {
				throw options.fail;
			}

			return options.stores ?? [];
		},
		runQuery(statement: string, runOptions: LakeRunOptions) {
			const call = {statement, options: runOptions};
			lake.calls.push(call);
			return (
				options.answer?.(call) ??
				(async function * () {
					runOptions.onProgress?.({queryId: 'lq-1', state: 'SUCCEEDED', elapsedMs: 3400, scannedBytes: 2 * 1024 * 1024 * 1024});
					yield [lakeRow(0), lakeRow(1)];
				})()
			);
		},
	};
	return lake;
}

function fakeArchive(tables: ArchiveTable[]): ArchiveService {
	return {
		region: 'us-east-1',
		listTables: async () => tables,
		listWorkGroups: async () => ['primary'],
		runQuery: () =>
			(async function * () {
				yield [];
			})(),
	};
}

async function renderLake(lake: LakeService, options: {tables?: ArchiveTable[]; settings?: ArchiveSettings} = {}) {
	const service = fakeService({trails: async () => [makeTrail({s3BucketName: 'org-trail-logs'})]});
	const session = fakeSession(service, {archiveFor: () => fakeArchive(options.tables ?? [table]), lakeFor: () => lake});
	const screen = <MainScreen session={session} region="us-east-1" isActive globalSpecs={[{commands: ['quit'], hint: safe`quit`, run() {}}]} />;
	// The flags reach the screen through the app's config, as the runtime passes them.
	return renderInk(options.settings ? <AppProvider backend={fakeBackend()} config={{archive: options.settings}}>{screen}</AppProvider> : screen, {columns: 240, rows: 30});
}

describe('CloudTrail Lake on the main screen', () => {
	test('a steps to Athena, then to the Lake (rows, title, cost), then back to Event history', async () => {
		const lake = fakeLake({stores: [configStore, orgStore]});
		const screen = await renderLake(lake);
		await screen.waitForFrame('athena default.org_logs');
		await screen.press('a');
		const athena = await screen.waitForFrame('Write events in the archive (Athena default.org_logs)');
		expect(athena).toContain('a lake');
		await screen.press('a');
		const frame = await screen.waitForFrame('LakeThing1');
		expect(frame).toContain('Write events in the archive (CloudTrail Lake org-events) · last 7 days');
		expect(frame).toMatch(/rows by Lake SQL in 3\.4s · 2\.00 GB scanned · ≈ \$0\.01/);
		const first = lines(frame).find(line => line.includes('LakeThing0'))!;
		expect(first).toContain('444444444444');
		expect(first).toContain('eu-central-1');
		// The store holding CloudTrail events was picked, not the Config one; one query, newest first.
		expect(lake.calls).toHaveLength(1);
		expect(lake.calls[0]!.statement).toContain(`FROM ${orgStore.id}`);
		expect(lake.calls[0]!.statement).toContain('ORDER BY eventtime DESC');
		expect(frame).toContain('a event history');
		await screen.press('a');
		await screen.waitForFrame(frame => frame.includes('Write events in us-east-1') && !frame.includes('LakeThing'));
	});

	test('without a Lake store, a goes from Athena straight back to Event history', async () => {
		const lake = fakeLake({stores: [configStore]});
		const screen = await renderLake(lake);
		await screen.waitForFrame('athena default.org_logs');
		await screen.press('a');
		const athena = await screen.waitForFrame('Write events in the archive (Athena default.org_logs)');
		expect(athena).toContain('a event history');
		await screen.press('a');
		await screen.waitForFrame('Write events in us-east-1');
		expect(lake.calls).toHaveLength(0);
	});

	test('Esc stops a running Lake query (its signal aborts, so the service sends CancelQuery)', async () => {
		let signal: AbortSignal | undefined;
		const finish = deferred<void>();
		const lake = fakeLake({
			stores: [orgStore],
			answer: call =>
				(async function * () {
					signal = call.options.signal;
					call.options.onProgress?.({queryId: 'lq-2', state: 'RUNNING', elapsedMs: 5100, scannedBytes: 0});
					await finish.promise;
					yield [];
				})(),
		});
		const screen = await renderLake(lake, {settings: {workgroup: 'primary', on: false, lake: true}});
		const running = await screen.waitForFrame('Lake: running 5.1s · Esc stops it');
		expect(running).toContain('Esc stop query');
		await screen.press(keys.escape);
		await vi.waitFor(() => expect(signal?.aborted).toBe(true));
		finish.resolve();
		await screen.waitForFrame(frame => !frame.includes('Esc stop query'));
	});

	test('s groups in the Lake, with the engine named while it runs', async () => {
		const finish = deferred<void>();
		const lake = fakeLake({
			stores: [orgStore],
			answer: call =>
				(async function * () {
					if (call.statement.includes('GROUP BY')) {
						call.options.onProgress?.({queryId: 'lq-3', state: 'RUNNING', elapsedMs: 700, scannedBytes: 0});
						await finish.promise;
						yield [{eventname: 'DeleteUser', username: 'carol', bucket: '3', events: '5', first_time: '2026-11-24T09:00:00Z', last_time: '2026-11-24T10:00:00Z'}];
					} else {
						yield [lakeRow(0)];
					}
				})(),
		});
		const screen = await renderLake(lake, {settings: {workgroup: 'primary', on: false, lake: true}});
		await screen.waitForFrame('LakeThing0');
		await screen.press('s');
		await screen.waitForFrame('CloudTrail Lake is grouping every matching event in the archive: running');
		finish.resolve();
		await screen.waitForFrame('events in the archive in 1 groups');
	});

	test('--lake where the Lake cannot be listed: the pane says why and how to fix it, and a goes back', async () => {
		const denied = new TrailviewError('access-denied', 'Not allowed to list CloudTrail Lake event data stores (cloudtrail:ListEventDataStores).', {hint: 'Ask for cloudtrail:ListEventDataStores, StartQuery, DescribeQuery and GetQueryResults.'});
		const screen = await renderLake(fakeLake({fail: denied}), {settings: {workgroup: 'primary', on: false, lake: true}});
		const frame = await screen.waitForFrame('CloudTrail Lake is unavailable');
		expect(frame).toContain('Ask for cloudtrail:ListEventDataStores');
		expect(frame).toContain('✗ CloudTrail Lake unavailable');
		await screen.press('a');
		await screen.waitForFrame('Write events in us-east-1');
	});

	test('--lake where no store holds CloudTrail events: the pane lists the stores it found', async () => {
		const screen = await renderLake(fakeLake({stores: [configStore]}), {settings: {workgroup: 'primary', on: false, lake: true}});
		const frame = await screen.waitForFrame('config-items');
		expect(frame).toContain('No enabled event data store here holds CloudTrail events.');
		expect(frame).toContain('other events');
	});
});
