// `trailview --archive` in script mode against the emulator over real HTTP (the demo backend, as
// `--demo` runs it): rows on stdout in the LookupEvents formats, progress and cost on stderr, the
// GROUP BY in Athena printed as the local --group-by prints, the CREATE TABLE statement where no
// table exists (exit 2) and the table created with --athena-create-table, one-line errors with
// their fix, and Ctrl+C stopping the query.
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {bound, day, hour, minute, options, rowsOf, run, type Row} from '../helpers/script-run.js';

const finished = /^trailview: Athena finished in \d+(?:\.\d)?m?s · [\d.]+ (?:B|KB|MB) scanned · ≈ \$0\.\d+$/;

describe('script mode --archive', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		// Data up to the real now: script windows count back from it.
		emulator = await startEmulator({eventsPerRegion: 300, rateLimitPerSecond: false, athena: {queuedMs: 0, minRunMs: 300}});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('prints the matching rows as jsonl with account and region, and only the cost line on a piped stderr', async () => {
		const result = await run(emulator, options({query: 'user:alice', since: bound('365d'), limit: 30, allEvents: true}));
		expect(result.code).toBe(0);
		const rows = rowsOf(result.stdout);
		expect(rows).toHaveLength(30);
		expect(rows.every(row => row.username === 'alice' && /^\d{12}$/.test(row.accountId) && row.region !== '')).toBe(true);
		expect(rows.find(row => row.accountId === '111111111111')?.account).toBe('demo-prod');
		expect(result.lines).toHaveLength(1);
		expect(result.lines[0]).toMatch(finished);
	});

	it('reads the last 7 days without --since, and says so once', async () => {
		const result = await run(emulator, options({limit: 0}));
		expect(result.code).toBe(0);
		const rows = rowsOf(result.stdout);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.every(row => Date.now() - Date.parse(row.time) <= 7 * day + hour && row.readOnly !== true)).toBe(true);
		// The organization trail's table: every account, every region it logs.
		expect(new Set(rows.map(row => row.accountId)).size).toBeGreaterThan(1);
		expect(new Set(rows.map(row => row.region)).size).toBeGreaterThan(1);
		expect(result.lines.filter(line => line.includes('7 days'))).toEqual(['trailview: the archive reads the last 7 days unless --since says otherwise (Athena bills by the data it scans)']);
	});

	it('gives the same events as Event history where both hold them', async () => {
		const window = {since: minute(Date.now() - 30 * day), until: minute(Date.now() - hour)};
		const query = 'region:us-east-1 account:111111111111 -source:s3.amazonaws.com';
		const history = await run(emulator, options({...window, query, limit: 0, archive: {on: false, workgroup: 'primary', createTable: false}}));
		const archive = await run(emulator, options({...window, query, limit: 0}));
		expect([history.code, archive.code]).toEqual([0, 0]);
		const pick = (row: Row) => ({id: row.id, time: row.time, name: row.name, username: row.username, readOnly: row.readOnly});
		expect(rowsOf(history.stdout).length).toBeGreaterThan(20);
		expect(rowsOf(archive.stdout).map(row => pick(row))).toEqual(rowsOf(history.stdout).map(row => pick(row)));
	});

	it('shows the state, time, data scanned and cost on a terminal\'s stderr', async () => {
		const result = await run(emulator, options({since: bound('30d'), limit: 5}), {tty: true});
		expect(result.code).toBe(0);
		expect(result.lines[0]).toMatch(/^trailview: Athena table default\.cloudtrail_logs_\w+ over trail organization-trail · workgroup primary$/);
		expect(result.lines.some(line => /^trailview: Athena running \d+(?:\.\d)?m?s/.test(line))).toBe(true);
		expect(result.lines.at(-1)).toMatch(finished);
	});

	it('--group-by runs GROUP BY in Athena and prints what the local --group-by prints for the same events', async () => {
		const window = {since: minute(Date.now() - 30 * day), until: minute(Date.now() - hour)};
		const query = 'region:us-east-1 account:111111111111 -source:s3.amazonaws.com';
		for (const [groupBy, output, terms] of [
			['event', 'jsonl', ''],
			['user', 'table', ''],
			// A record path SQL can only narrow: the events come back and are counted here instead.
			['event', 'csv', ' requestParameters.userName:*'],
		] as const) {
			emulator.resetCounts();
			const archive = await run(emulator, options({...window, query: query + terms, groupBy, output, limit: 0}));
			// Only counts came back: one query, no LookupEvents.
			expect(emulator.requestCounts()).toMatchObject({StartQueryExecution: 1});
			expect(emulator.requestCounts()['LookupEvents']).toBeUndefined();
			const history = await run(emulator, options({...window, query: query + terms, groupBy, output, limit: 0, archive: {on: false, workgroup: 'primary', createTable: false}}));
			expect([archive.code, history.code]).toEqual([0, 0]);
			expect(archive.stdout.split('\n').length, output).toBeGreaterThan(3);
			expect(archive.stdout).toBe(history.stdout);
		}
	});

	it('prints the CREATE TABLE statement where no table exists, runs nothing and exits 2', async () => {
		emulator.resetCounts();
		const result = await run(emulator, options({profile: 'demo-dev', since: bound('30d')}));
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.lines[0]).toBe('trailview: no Athena table over the logs of trail dev-management-events (s3://dev-cloudtrail-222222222222) in us-east-1. This statement creates one:');
		expect(result.stderr).toContain('\nCREATE EXTERNAL TABLE default.cloudtrail_dev_management_events (\n');
		expect(result.stderr).toContain("LOCATION 's3://dev-cloudtrail-222222222222/AWSLogs/222222222222/CloudTrail/'");
		expect(result.lines.at(-1)).toMatch(/^trailview: re-run with --athena-create-table to create default\.cloudtrail_dev_management_events/);
		expect(emulator.requestCounts()['StartQueryExecution']).toBeUndefined();
	});

	it('--athena-create-table says it writes, creates the table, then queries it; the next run finds it', async () => {
		emulator.resetCounts();
		const created = await run(emulator, options({profile: 'demo-dev', since: bound('30d'), limit: 5, athena: {createTable: true}}));
		expect(created.code).toBe(0);
		expect(created.lines[0]).toBe(
			'trailview: creating the Athena table default.cloudtrail_dev_management_events over s3://dev-cloudtrail-222222222222 (--athena-create-table: this writes a table definition to the Glue Data Catalog)',
		);
		expect(created.lines).toContain('trailview: created default.cloudtrail_dev_management_events');
		expect(emulator.requestCounts()['StartQueryExecution']).toBe(2);
		const rows = rowsOf(created.stdout);
		expect(rows).toHaveLength(5);
		expect(rows.every(row => row.accountId === '222222222222')).toBe(true);

		const again = await run(emulator, options({profile: 'demo-dev', since: bound('30d'), limit: 5}));
		expect(again.code).toBe(0);
		expect(again.stdout).toBe(created.stdout);
		expect(again.lines).toHaveLength(1);
	});

	it('says a missing table or workgroup in one line with its fix, and exits 2', async () => {
		const table = await run(emulator, options({since: bound('1d'), athena: {table: 'default.nosuch'}}));
		expect(table.code).toBe(2);
		expect(table.stdout).toBe('');
		expect(table.lines).toEqual([
			"trailview: The archive table or its database does not exist. TABLE_NOT_FOUND: line 1:394: Table 'awsdatacatalog.default.nosuch' does not exist.",
			'  Check --athena-table DATABASE.TABLE, or create the table: trailview shows the CREATE TABLE statement for the trail.',
		]);
		const workgroup = await run(emulator, options({since: bound('1d'), athena: {workgroup: 'nosuch'}}));
		expect(workgroup.code).toBe(2);
		expect(workgroup.lines).toEqual([
			'trailview: The Athena workgroup nosuch does not exist in us-east-1. WorkGroup nosuch is not found.',
			'  Pass --athena-workgroup with a workgroup of this account and region (the default is primary).',
		]);
		const output = await run(emulator, options({since: bound('1d'), athena: {workgroup: 'adhoc'}}));
		expect(output.code).toBe(2);
		expect(output.lines[1]).toBe('  Pass --athena-output s3://BUCKET/PREFIX/ (a bucket you can write to), or set a query result location on the workgroup.');
	});

	it('says Athena\'s limit on queries at once as such, not as throttling it waited out, and exits 1', async () => {
		emulator.failOperation('StartQueryExecution', {code: 'TooManyRequestsException', message: 'Too many queries are running.'}, {times: 1});
		const result = await run(emulator, options({since: bound('1d')}), {env: {AWS_MAX_ATTEMPTS: '1'}});
		emulator.clearFailures();
		expect(result.code).toBe(1);
		expect(result.lines).toEqual([
			'trailview: Athena is running as many queries for this account in us-east-1 as it allows at once (TooManyRequestsException).',
			'  Wait for other queries to finish and try again, or ask for a higher active query quota.',
		]);
	});

	it('refuses several profiles: one account\'s Athena reads the organization', async () => {
		const result = await run(emulator, options({profiles: ['demo-prod', 'demo-dev']}));
		expect(result.code).toBe(2);
		expect(result.lines).toHaveLength(1);
		expect(result.lines[0]).toMatch(/^trailview: --archive queries Athena in one account/);
	});
});

describe('Ctrl+C during an archive query', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		// Queries run until stopped.
		emulator = await startEmulator({eventsPerRegion: 50, athena: {queuedMs: 0, minRunMs: 60_000}});
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('stops the query with StopQueryExecution, says what it cost, and exits 130 with nothing printed', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const running = run(emulator, options({since: bound('1d')}), {signal: controller.signal});
		// A second poll is sent only once the first one's answer (RUNNING) was reported.
		await vi.waitFor(() => {
			expect(emulator.requestCounts()['GetQueryExecution']).toBeGreaterThan(1);
		}, {timeout: 20_000, interval: 20});
		controller.abort();
		const result = await running;
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(result.code).toBe(130);
		expect(result.stdout).toBe('');
		expect(result.lines).toHaveLength(2);
		expect(result.lines[0]).toMatch(/^trailview: Athena query stopped after \d+(?:\.\d)?m?s · \d+ B scanned · ≈ \$0\.00005$/);
		expect(result.lines[1]).toBe('trailview: interrupted; 0 events printed');
		expect(emulator.requestCounts()['StopQueryExecution']).toBe(1);
		expect(emulator.requestCounts()['GetQueryResults']).toBeUndefined();
	});
});
