import {describe, expect, it} from 'vitest';
import {lakeColumns} from '../../../source/domain/archive/columns.js';
import {lakeRowToEvent} from '../../../source/domain/archive/rows.js';
import {knownAccountIds} from '../../../source/emulator/accounts.js';
import {EventStore} from '../../../source/emulator/event-store.js';
import {toTrailEvent} from '../../../source/services/events.js';
import {typedRowFromRecord} from '../../helpers/archive-rows.js';
import {lakeResultRow, lakeTypedRow} from '../../helpers/lake-rows.js';

const mapKeys = new Set(lakeColumns.filter(column => column.kind === 'map').map(column => column.key));

/**
 * What a Lake map keeps of a record's object: numbers and booleans become their text, and a string
 * holding an object's or array's JSON (an IAM policy document) cannot be told from one, so reads as one.
 */
function asLakeHolds(record: Record<string, unknown>): Record<string, unknown> {
	const item = (value: unknown): unknown => {
		if (typeof value === 'number' || typeof value === 'boolean') {
			return String(value);
		}

		if (typeof value === 'string' && /^[[{]/.test(value)) {
			try {
				return JSON.parse(value) as unknown;
			} catch {
				return value;
			}
		}

		return value;
	};

	return Object.fromEntries(
		Object.entries(record).map(([key, value]) => [
			key,
			mapKeys.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([name, each]) => [name, item(each)])) : value,
		]),
	);
}

describe('lakeRowToEvent', () => {
	const store = new EventStore(42, new Date('2026-03-01T00:00:00Z'), 300);
	const pairs = [...knownAccountIds].flatMap(account =>
		['us-east-1', 'eu-west-1'].flatMap(region =>
			store.events(account, region).map((stored, index) => {
				const lookup = toTrailEvent({
					EventId: stored.id,
					EventName: stored.name,
					EventSource: stored.source,
					EventTime: new Date(stored.timeMs),
					ReadOnly: String(stored.readOnly),
					Username: stored.username,
					AccessKeyId: stored.accessKeyId,
					Resources: stored.resources.map(resource => ({ResourceType: resource.type, ResourceName: resource.name})),
					CloudTrailEvent: stored.cloudTrailEvent(),
				})!;
				const record = JSON.parse(stored.cloudTrailEvent()) as Record<string, unknown>;
				// Half the rows as Trino spells a TIMESTAMP without a zone: still UTC.
				const row = lakeResultRow(lakeTypedRow(typedRowFromRecord(record, {account, region})), index % 2 === 0 ? 'Z' : '');
				return {lookup, lake: lakeRowToEvent(row)!, record};
			}),
		),
	);

	it('derives Username and the other LookupEvents fields from the record as the service does', () => {
		expect(pairs.length).toBeGreaterThan(500);
		for (const {lookup, lake} of pairs) {
			const pick = ({id, time, name, source, username, accessKeyId, readOnly, errorCode, errorMessage, sourceIp, userAgent, region}: typeof lookup) =>
				({id, time, name, source, username, accessKeyId, readOnly, errorCode, errorMessage, sourceIp, userAgent, region});
			expect(pick(lake)).toEqual(pick(lookup));
		}
	});

	it('reads Resources from the record, where the record names them (KMS keys)', () => {
		const kms = pairs.filter(pair => pair.record['resources'] !== undefined);
		expect(kms.length).toBeGreaterThan(5);
		for (const {lookup, lake} of kms) {
			expect(lake.resources).toEqual(lookup.resources);
		}
	});

	it('gives back the record, with CloudTrail\'s time and the maps\' objects and arrays parsed', () => {
		const held = new Set(lakeColumns.map(column => column.key));
		let nested = 0;
		for (const {lake, record} of pairs) {
			const expected = Object.fromEntries(Object.entries(asLakeHolds(record)).filter(([key, value]) => held.has(key) && value !== null));
			expect(JSON.parse(lake.raw!)).toEqual(expected);
			nested += JSON.stringify(record['requestParameters'] ?? '').includes('{', 1) ? 1 : 0;
		}

		expect(nested).toBeGreaterThan(10);
	});

	it('says where each row was logged from the record, with no partitions', () => {
		const event = lakeRowToEvent({eventid: 'e1', eventtime: '2026-01-01T00:00:00.000Z', recipientaccountid: '111111111111', awsregion: 'eu-west-1'}, {accountLabel: id => (id === '111111111111' ? 'prod' : undefined)});
		expect(event?.origin).toEqual({account: '111111111111', accountLabel: 'prod', region: 'eu-west-1'});
		expect(JSON.parse(event!.raw!).eventTime).toBe('2026-01-01T00:00:00Z');
	});

	it('reads map values: JSON text of objects and arrays parsed, other text and nulls kept, __proto__ as data', () => {
		const requestparameters = '{"a":"{\\"b\\":1}","c":"[1,\\"x\\"]","d":"{not json","e":null,"f":"12","__proto__":"x"}';
		const event = lakeRowToEvent({eventid: 'e1', eventtime: '2026-01-01T00:00:00', requestparameters, resources: JSON.stringify([{arn: 'a', arnprefix: 'p', type: 't', accountid: null}]), readonly: 'false'});
		const record = JSON.parse(event!.raw!) as Record<string, unknown>;
		expect(record).toMatchObject({eventTime: '2026-01-01T00:00:00Z', readOnly: false, resources: [{ARN: 'a', ARNPrefix: 'p', type: 't'}]});
		expect(record['requestParameters']).toEqual(JSON.parse('{"a":{"b":1},"c":[1,"x"],"d":"{not json","e":null,"f":"12","__proto__":"x"}'));
		expect(event?.time).toEqual(new Date('2026-01-01T00:00:00Z'));
	});

	it('skips rows nothing can key or sort, and reads broken values as absent', () => {
		expect(lakeRowToEvent({eventtime: '2026-01-01T00:00:00.000Z'})).toBeUndefined();
		expect(lakeRowToEvent({eventid: 'e1', eventtime: 'yesterday'})).toBeUndefined();
		const event = lakeRowToEvent({eventid: 'e1', eventtime: '2026-01-01T00:00:00.000Z', requestparameters: 'not json', useridentity: '{'});
		expect(JSON.parse(event!.raw!)).toEqual({eventTime: '2026-01-01T00:00:00Z', eventID: 'e1'});
	});
});
