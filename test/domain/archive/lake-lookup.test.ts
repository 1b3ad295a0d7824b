import {describe, expect, it} from 'vitest';
import {lakeLookup} from '../../../source/domain/archive/lake-lookup.js';
import {pickLakeStore} from '../../../source/domain/archive/lake-pick.js';
import type {ArchiveProgress, ArchiveRow, LakeRunOptions, LakeService, LakeStore} from '../../../source/domain/archive/types.js';
import {TrailviewError, type TrailEvent} from '../../../source/domain/types.js';
import {parsed} from '../../helpers/archive-queries.js';

const store = (fields: Partial<LakeStore>): LakeStore => ({
	arn: `arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/${fields.id ?? 'eds-1'}`,
	id: 'eds-1',
	name: 'events',
	status: 'ENABLED',
	organization: false,
	multiRegion: false,
	retentionDays: 2557,
	cloudTrailEvents: true,
	...fields,
});

describe('pickLakeStore', () => {
	const account = store({id: 'eds-account', name: 'account'});
	const everywhere = store({id: 'eds-regions', name: 'regions', multiRegion: true});
	const org = store({id: 'eds-org', name: 'org', organization: true});
	const orgStopped = store({id: 'eds-stopped', name: 'stopped', organization: true, multiRegion: true, status: 'STOPPED_INGESTION'});
	const config = store({id: 'eds-config', name: 'config', organization: true, multiRegion: true, cloudTrailEvents: false});

	it('prefers an enabled store of CloudTrail events, an organization\'s, then one of every region', () => {
		expect(pickLakeStore([account, everywhere, orgStopped, config, org]).id).toBe('eds-org');
		expect(pickLakeStore([account, everywhere, orgStopped, config]).id).toBe('eds-regions');
		expect(pickLakeStore([account, config]).id).toBe('eds-account');
	});

	it('takes the store --lake-store names by id, ARN or name, even one it would not choose', () => {
		const stores = [account, org, config];
		expect(pickLakeStore(stores, 'eds-config').id).toBe('eds-config');
		expect(pickLakeStore(stores, account.arn).id).toBe('eds-account');
		expect(pickLakeStore(stores, ' Account ').id).toBe('eds-account');
	});

	it('says which stores there are when the name matches none, or none can be used', () => {
		expect(() => pickLakeStore([account, org], 'nope')).toThrow(/"nope".*account \(eds-account, ENABLED\), org \(eds-org, ENABLED\)/);
		const error = (() => {
			try {
				pickLakeStore([orgStopped, config]);
			} catch (caught) {
				return caught;
			}
		})();
		expect(error).toBeInstanceOf(TrailviewError);
		expect((error as TrailviewError).message).toContain('stopped (eds-stopped, STOPPED_INGESTION), config (eds-config, ENABLED)');
		expect((error as TrailviewError).hint).toMatch(/--lake-store/);
		expect(() => pickLakeStore([])).toThrow(/The stores are: none/);
	});
});

describe('lakeLookup', () => {
	const now = new Date('2026-11-30T12:00:00Z');

	function fakeLake(pages: ArchiveRow[][]) {
		const calls: Array<{statement: string; options: LakeRunOptions}> = [];
		const service: LakeService = {
			region: 'eu-west-1',
			listEventDataStores: async () => [],
			async *runQuery(statement, options) {
				calls.push({statement, options});
				options.onProgress?.({queryId: 'q', state: 'SUCCEEDED', elapsedMs: 5, scannedBytes: 10});
				yield* pages;
			},
		};
		return {service, calls};
	}

	it('reads the last 7 days by default, the newest 100,000 rows, and turns rows into events', async () => {
		const {service, calls} = fakeLake([[{eventid: 'e1', eventtime: '2026-11-30T11:00:00.000Z', eventname: 'PutObject'}, {eventname: 'no id'}], [{eventid: 'e2', eventtime: '2026-11-29T11:00:00.000Z'}]]);
		const progress: ArchiveProgress[] = [];
		const lookup = lakeLookup({service, store: store({id: 'eds-9'}), query: parsed('event:Put*'), writeOnly: true, now: () => now, onProgress: p => progress.push(p)});
		const events: TrailEvent[][] = [];
		for await (const page of lookup.lookupEvents({})) {
			events.push(page);
		}

		expect(lookup.region).toBe('eu-west-1');
		expect(events.map(page => page.map(event => event.id))).toEqual([['e1'], ['e2']]);
		expect(events[0]![0]).toMatchObject({name: 'PutObject', time: new Date('2026-11-30T11:00:00Z')});
		expect(progress).toHaveLength(1);
		const hex = (text: string) => Buffer.from(text).toString('hex').toUpperCase();
		expect(calls[0]!.statement).toContain(`FROM eds-9 WHERE (eventtime >= CAST(from_utf8(from_hex('${hex('2026-11-23 12:00:00')}')) AS timestamp)`);
		expect(calls[0]!.statement).toMatch(/ LIMIT 100000$/);
	});

	it('passes the abort signal on', async () => {
		const {service, calls} = fakeLake([]);
		const controller = new AbortController();
		for await (const _ of lakeLookup({service, store: store({}), query: parsed('since:1h'), writeOnly: false, now: () => now}).lookupEvents({signal: controller.signal, start: new Date(now.getTime() - 3_600_000), end: now})) {
			// No pages.
		}

		expect(calls[0]!.options.signal).toBe(controller.signal);
		const hex = (text: string) => Buffer.from(text).toString('hex').toUpperCase();
		expect(calls[0]!.statement).toContain(hex('2026-11-30 11:00:00'));
	});
});
