// `trailview --lake` in script mode against the emulator's CloudTrail Lake over real HTTP (the
// demo backend, as `--demo` runs it): the organization's store of CloudTrail events is chosen,
// its rows are the same events Event history gives where both hold them, the cost line says Lake,
// and --group-by counts in Lake what the local --group-by counts.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {bound, day, hour, minute, options, rowsOf, run, type Row} from '../helpers/script-run.js';

const finished = /^trailview: Lake finished in \d+(?:\.\d)?m?s · [\d.]+ (?:B|KB|MB) scanned · ≈ (?:<)?\$0\.\d+$/;
const lake = {archive: {on: false, workgroup: 'primary', createTable: false}, lake: {on: true, store: undefined}};

describe('script mode --lake', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		// Data up to the real now: script windows count back from it.
		emulator = await startEmulator({eventsPerRegion: 300, rateLimitPerSecond: false, lake: {queuedMs: 0, minRunMs: 300}});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('gives the same events as Event history where both hold them, with only the cost line on stderr', async () => {
		const window = {since: minute(Date.now() - 30 * day), until: minute(Date.now() - hour)};
		const query = 'region:us-east-1 account:111111111111 -source:s3.amazonaws.com';
		const history = await run(emulator, options({...window, query, limit: 0, archive: {on: false, workgroup: 'primary', createTable: false}}));
		const fromLake = await run(emulator, options({...window, query, limit: 0, ...lake}));
		expect([history.code, fromLake.code]).toEqual([0, 0]);
		const pick = (row: Row) => ({id: row.id, time: row.time, name: row.name, username: row.username, readOnly: row.readOnly});
		expect(rowsOf(history.stdout).length).toBeGreaterThan(20);
		expect(rowsOf(fromLake.stdout).map(row => pick(row))).toEqual(rowsOf(history.stdout).map(row => pick(row)));
		expect(fromLake.lines).toHaveLength(1);
		expect(fromLake.lines[0]).toMatch(finished);
	});

	it('reaches past 90 days, across the organization\'s accounts', async () => {
		const result = await run(emulator, options({since: bound('130d'), until: bound('100d'), limit: 0, ...lake}));
		expect(result.code).toBe(0);
		const rows = rowsOf(result.stdout);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.every(row => Date.now() - Date.parse(row.time) > 99 * day)).toBe(true);
		expect(new Set(rows.map(row => row.accountId)).size).toBeGreaterThan(1);
	});

	it('--group-by counts in Lake what the local --group-by counts over the same events', async () => {
		const window = {since: minute(Date.now() - 20 * day), until: minute(Date.now() - hour)};
		// Event history has no S3 data events; the store has.
		const query = 'region:us-east-1 account:111111111111 -source:s3.amazonaws.com';
		emulator.resetCounts();
		const remote = await run(emulator, options({...window, query, limit: 0, output: 'json', groupBy: 'event', ...lake}));
		// Only counts came back: one Lake query, no LookupEvents.
		expect(emulator.requestCounts()).toMatchObject({StartQuery: 1});
		expect(emulator.requestCounts()['LookupEvents']).toBeUndefined();
		const local = await run(emulator, options({...window, query, limit: 0, output: 'json', groupBy: 'event', archive: {on: false, workgroup: 'primary', createTable: false}}));
		expect([local.code, remote.code]).toEqual([0, 0]);
		expect(JSON.parse(remote.stdout)).toEqual(JSON.parse(local.stdout));
	});
});
