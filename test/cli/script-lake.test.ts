// `trailview --lake` in script mode over a fake session (the emulator's Lake is not here yet): the
// store chosen or named, rows on stdout in the LookupEvents formats with where each was logged,
// progress and cost on stderr saying "Lake", the GROUP BY sent to Lake and printed as the local
// --group-by prints, one-line errors with exit 2 for a store that is not there, and Ctrl+C
// cancelling the query with nothing printed.
import {describe, expect, it} from 'vitest';
import type {CliOptions} from '../../source/cli/args.js';
import {runLakeScript} from '../../source/cli/script-lake.js';
import {scriptQuery} from '../../source/cli/script-query.js';
import {lakeCondition} from '../../source/domain/archive/lake.js';
import type {ArchiveRow, LakeRunOptions, LakeService, LakeStore} from '../../source/domain/archive/types.js';
import {TrailviewError} from '../../source/domain/types.js';
import {keeps, type TypedRow} from '../helpers/athena-eval.js';
import {lakeResultRow} from '../helpers/lake-rows.js';
import {capturedStreams} from '../helpers/script-run.js';

const now = Date.now();
const store = (id: string, fields: Partial<LakeStore> = {}): LakeStore => ({
	arn: `arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/${id}`,
	id,
	name: id.replace('eds-', ''),
	status: 'ENABLED',
	organization: false,
	multiRegion: true,
	retentionDays: 2557,
	cloudTrailEvents: true,
	...fields,
});
const stores = [store('eds-account'), store('eds-org', {organization: true}), store('eds-config', {organization: true, cloudTrailEvents: false})];

const event = (id: string, minutesAgo: number, fields: Partial<TypedRow>): TypedRow => ({
	eventid: id,
	eventtime: Math.floor((now - minutesAgo * 60_000) / 1000) * 1000,
	eventname: 'PutObject',
	eventsource: 's3.amazonaws.com',
	awsregion: 'us-east-1',
	recipientaccountid: '111111111111',
	readonly: false,
	useridentity: {type: 'IAMUser', username: 'alice', arn: 'arn:aws:iam::111111111111:user/alice'},
	...fields,
});
const events = [
	event('e1', 5, {}),
	event('e2', 10, {eventname: 'DeleteBucket', useridentity: {type: 'IAMUser', username: "o'brien", arn: 'x'}}),
	event('e3', 15, {awsregion: 'eu-west-1', recipientaccountid: '222222222222', requestparameters: {bucketName: 'logs'}}),
	event('e4', 20, {readonly: true, eventname: 'GetObject'}),
];

type Call = {statement: string; options: LakeRunOptions};

/**
 * A Lake that answers as the real one would for these events: its rows are the events the query's
 * own condition keeps (the statement text itself is checked by the compiler's tests), newest first.
 */
function fakeLake(settings: {rows?: (calls: Call[]) => ArchiveRow[]; fail?: TrailviewError; hang?: boolean} = {}) {
	const calls: Call[] = [];
	const service: LakeService = {
		region: 'us-east-1',
		listEventDataStores: async () => stores,
		async *runQuery(statement, options) {
			calls.push({statement, options});
			options.onProgress?.({queryId: 'q-1', state: 'QUEUED', elapsedMs: 10, scannedBytes: 0});
			options.onProgress?.({queryId: 'q-1', state: 'RUNNING', elapsedMs: 700, scannedBytes: 3 * 2 ** 30});
			if (settings.fail) {
				throw settings.fail;
			}

			if (settings.hang) {
				await new Promise(resolve => {
					options.signal?.addEventListener('abort', resolve, {once: true});
				});
				return;
			}

			options.onProgress?.({queryId: 'q-1', state: 'SUCCEEDED', elapsedMs: 1500, scannedBytes: 4 * 2 ** 30});
			yield settings.rows?.(calls) ?? [];
		},
	};
	return {service, calls};
}

const options = (overrides: Partial<CliOptions> = {}): Pick<CliOptions, 'lake' | 'limit' | 'groupBy' | 'allEvents' | 'maxWaitMs' | 'query' | 'since' | 'until'> => ({
	lake: {on: true, store: undefined},
	limit: 20,
	groupBy: undefined,
	allEvents: false,
	maxWaitMs: 0,
	query: undefined,
	since: undefined,
	until: undefined,
	...overrides,
});

async function run(cli: ReturnType<typeof options>, lake: LakeService, settings: {tty?: boolean; signal?: AbortSignal; format?: 'jsonl' | 'table' | 'csv'} = {}) {
	const {stdout, stderr, out, err} = capturedStreams(settings.tty);
	const query = scriptQuery(cli, new Map(), new Date(now), {archive: true});
	if (!query.ok) {
		throw new Error(query.message);
	}

	const code = await runLakeScript({
		options: cli,
		format: settings.format ?? 'jsonl',
		query,
		source: {region: 'us-east-1', account: '111111111111', accountLabel: 'prod'},
		session: {lakeFor: () => lake},
		stdout,
		stderr,
		signal: settings.signal ?? new AbortController().signal,
	});
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	return {code, stdout: out.join(''), lines: err.join('').split('\n').filter(Boolean), query};
}

/** The rows Lake returns for the query the script ran. */
const matching = (cli: ReturnType<typeof options>) => () => {
	const query = scriptQuery(cli, new Map(), new Date(now), {archive: true});
	if (!query.ok) {
		throw new Error(query.message);
	}

	const {where} = lakeCondition(query.query, {window: query.plan.window, writeOnly: !cli.allEvents});
	return events.filter(row => keeps(where, row)).map(row => lakeResultRow(row, ''));
};

describe('trailview --lake (script mode)', () => {
	it('prints the matching events from the organization store, with where each was logged, and what Lake cost', async () => {
		// Read-only e4 is left out, as everywhere by default.
		const cli = options({query: 'event:*e*'});
		const lake = fakeLake({rows: matching(cli)});
		const result = await run(cli, lake.service);
		expect(result.code).toBe(0);
		const printed = result.stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(printed.map(row => [row['id'], row['name'], row['accountId'], row['region']])).toEqual([
			['e1', 'PutObject', '111111111111', 'us-east-1'],
			['e2', 'DeleteBucket', '111111111111', 'us-east-1'],
			['e3', 'PutObject', '222222222222', 'eu-west-1'],
		]);
		expect(printed[1]).toMatchObject({account: 'prod', username: "o'brien", time: new Date(events[1]!.eventtime as number).toISOString()});
		expect(lake.calls).toHaveLength(1);
		expect(lake.calls[0]!.statement).toContain(' FROM eds-org WHERE ');
		expect(result.lines).toEqual([
			'trailview: Lake reads the last 7 days unless --since says otherwise (Lake bills by the data it scans)',
			'trailview: Lake finished in 1.5s · 4.00 GB scanned · ≈ $0.02',
		]);
	});

	it('at a terminal names the store and shows Lake\'s progress', async () => {
		const cli = options({since: {kind: 'ago', ms: 3_600_000, source: '1h'}});
		const result = await run(cli, fakeLake({rows: matching(cli)}).service, {tty: true, format: 'table'});
		expect(result.code).toBe(0);
		expect(result.lines[0]).toBe('trailview: CloudTrail Lake event data store org (eds-org) in us-east-1');
		expect(result.lines).toContain('trailview: Lake queued 10ms');
		expect(result.lines).toContain('trailview: Lake running 700ms · 3.00 GB scanned · ≈ $0.01');
		expect(result.stdout).toContain('DeleteBucket');
	});

	it('reads the store --lake-store names, and exits 2 listing the stores when it names none', async () => {
		const cli = options({lake: {on: true, store: 'config'}});
		const lake = fakeLake({rows: matching(cli)});
		expect((await run(cli, lake.service)).code).toBe(0);
		expect(lake.calls[0]!.statement).toContain(' FROM eds-config WHERE ');
		const missing = await run(options({lake: {on: true, store: 'nope'}}), fakeLake().service);
		expect(missing.code).toBe(2);
		expect(missing.stdout).toBe('');
		expect(missing.lines.join('\n')).toContain('No event data store here is called "nope". The stores are: account (eds-account, ENABLED), org (eds-org, ENABLED), config (eds-config, ENABLED).');
	});

	it('sends --group-by to Lake and prints the groups as the local --group-by does', async () => {
		const cli = options({groupBy: 'user', limit: 0});
		const groups: ArchiveRow[] = [
			{eventname: 'PutObject', identity_username: 'alice', identity_type: 'IAMUser', bucket: '0', events: '5', first_time: '2026-01-01T00:00:00.000', last_time: '2026-01-02T00:00:00.000'},
			{eventname: 'DeleteBucket', identity_username: 'alice', identity_type: 'IAMUser', bucket: '0', events: '2', first_time: '2026-01-01T00:00:00.000', last_time: '2026-01-03T00:00:00.000'},
			{eventname: 'DeleteBucket', identity_username: 'bob', identity_type: 'IAMUser', bucket: '0', events: '1', first_time: '2026-01-01T00:00:00.000', last_time: '2026-01-01T00:00:00.000'},
		];
		const lake = fakeLake({rows: () => groups});
		const result = await run(cli, lake.service);
		expect(result.code).toBe(0);
		expect(lake.calls[0]!.statement).toMatch(/ GROUP BY 1, 2, 3, 4, 5 LIMIT 100000$/);
		const printed = result.stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		expect(printed.map(group => [group['group'], group['count']])).toEqual([
			['alice', 7],
			['bob', 1],
		]);
		expect(printed[0]).toMatchObject({lastSeen: '2026-01-03T00:00:00.000Z'});
	});

	it('cancels the query on Ctrl+C, says what it cost, and exits 130 with nothing printed', async () => {
		const controller = new AbortController();
		const lake = fakeLake({hang: true});
		const running = run(options(), lake.service, {signal: controller.signal});
		await new Promise(resolve => {
			setTimeout(resolve, 0);
		});
		controller.abort();
		const result = await running;
		expect(lake.calls[0]!.options.signal?.aborted).toBe(true);
		expect(result.code).toBe(130);
		expect(result.stdout).toBe('');
		expect(result.lines.slice(1)).toEqual([expect.stringMatching(/^trailview: Lake query stopped after \S+ · 3\.00 GB scanned · ≈ \$0\.01$/), 'trailview: interrupted; 0 events printed']);
	});

	it('says what failed and how to fix it, exit 1 for Lake\'s own failures', async () => {
		const fail = new TrailviewError('throttled', 'CloudTrail Lake is already running as many queries for this account as it allows at once.', {
			hint: 'Wait for a running query to finish, or cancel one.',
			code: 'MaxConcurrentQueriesException',
		});
		const result = await run(options(), fakeLake({fail}).service);
		expect(result.code).toBe(1);
		expect(result.lines.join('\n')).toMatch(/as many queries[\s\S]*Wait for a running query to finish/);
	});
});
