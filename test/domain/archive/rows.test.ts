import {describe, expect, it} from 'vitest';
import {selectedColumns} from '../../../source/domain/archive/columns.js';
import {archiveRecord, archiveRowToEvent} from '../../../source/domain/archive/rows.js';
import {knownAccountIds} from '../../../source/emulator/accounts.js';
import {EventStore} from '../../../source/emulator/event-store.js';
import {toTrailEvent} from '../../../source/services/events.js';
import {orgTable, resultRow, typedRowFromRecord} from '../../helpers/archive-rows.js';

describe('archiveRowToEvent', () => {
	// The emulator's history has one of every identity type CloudTrail records: what LookupEvents
	// says of each event must be what the archive row of the same record says.
	const store = new EventStore(42, new Date('2026-03-01T00:00:00Z'), 300);
	const pairs = [...knownAccountIds].flatMap(account =>
		['us-east-1', 'eu-west-1'].flatMap(region =>
			store.events(account, region).map(stored => {
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
				return {lookup, archive: archiveRowToEvent(resultRow(typedRowFromRecord(record, {account, region})))!, record};
			}),
		),
	);

	it('derives Username and the other LookupEvents fields from the record as the service does', () => {
		expect(pairs.length).toBeGreaterThan(500);
		const kinds = new Set(pairs.map(pair => (pair.record['userIdentity'] as {type?: string}).type));
		expect(kinds).toEqual(new Set(['IAMUser', 'AssumedRole', 'Root', 'FederatedUser', 'AWSService', undefined]));
		for (const {lookup, archive} of pairs) {
			const pick = ({id, time, name, source, username, accessKeyId, readOnly, errorCode, errorMessage, sourceIp, userAgent, region}: typeof lookup) =>
				({id, time, name, source, username, accessKeyId, readOnly, errorCode, errorMessage, sourceIp, userAgent, region});
			expect(pick(archive)).toEqual(pick(lookup));
		}
	});

	it('gives back the record LookupEvents sent, key for key, of what the table holds', () => {
		// managementEvent is no column of AWS's table; a JSON null reads as NULL, so it is left out.
		const held = new Set(selectedColumns(orgTable).map(column => column.key));
		for (const {archive, record} of pairs.slice(0, 300)) {
			const expected = Object.fromEntries(Object.entries(record).filter(([key, value]) => held.has(key) && value !== null));
			expect(JSON.parse(archive.raw!)).toEqual(expected);
		}
	});

	it('reads Resources from the record, where the record names them (KMS keys)', () => {
		const kms = pairs.filter(pair => pair.record['resources'] !== undefined);
		expect(kms.length).toBeGreaterThan(5);
		for (const {lookup, archive} of kms) {
			expect(archive.resources).toEqual(lookup.resources);
		}
	});

	it('says where each row was logged: the partitions, else the record', () => {
		const row = {eventid: 'e1', eventtime: '2026-01-01T00:00:00Z', recipientaccountid: '111111111111', awsregion: 'eu-west-1'};
		expect(archiveRowToEvent({...row, account: '222222222222', region: 'us-east-1'}, {accountLabel: id => (id === '222222222222' ? 'prod' : undefined)})?.origin).toEqual({
			account: '222222222222',
			accountLabel: 'prod',
			region: 'us-east-1',
		});
		expect(archiveRowToEvent(row)?.origin).toEqual({account: '111111111111', accountLabel: '111111111111', region: 'eu-west-1'});
	});

	it('turns NULL and broken values into absent fields instead of failing', () => {
		const event = archiveRowToEvent({eventid: 'e1', eventtime: '2026-01-01T00:00:00Z', useridentity: '{not json', resources: 'null', requestparameters: 'not json', readonly: 'maybe'});
		expect(event).toMatchObject({username: undefined, resources: [], readOnly: undefined, name: '', source: ''});
		expect(JSON.parse(event!.raw!)).toEqual({eventTime: '2026-01-01T00:00:00Z', requestParameters: 'not json', eventID: 'e1', readOnly: 'maybe'});
	});

	it('skips rows nothing can key or sort', () => {
		expect(archiveRowToEvent({eventtime: '2026-01-01T00:00:00Z'})).toBeUndefined();
		expect(archiveRowToEvent({eventid: 'e1', eventtime: 'yesterday'})).toBeUndefined();
		expect(archiveRowToEvent({eventid: 'e1'})).toBeUndefined();
	});

	it('spells struct fields as CloudTrail does and leaves out NULL ones', () => {
		const identity = {type: 'AssumedRole', principalid: 'AROA:s', arn: 'arn:aws:sts::1:assumed-role/r/s', accountid: '1', invokedby: null, accesskeyid: 'ASIA1', username: null,
			sessioncontext: {attributes: {mfaauthenticated: 'false', creationdate: null}, sessionissuer: {type: 'Role', principalid: null, arn: null, accountid: null, username: 'r'}, webidfederationdata: null}, extra: 'kept'};
		const record = archiveRecord({useridentity: JSON.stringify(identity), resources: JSON.stringify([{arn: 'a', accountid: null, type: 't'}]), readonly: 'true', tlsdetails: JSON.stringify({tlsversion: null})});
		expect(record).toEqual({
			userIdentity: {type: 'AssumedRole', principalId: 'AROA:s', arn: 'arn:aws:sts::1:assumed-role/r/s', accountId: '1', accessKeyId: 'ASIA1', sessionContext: {attributes: {mfaAuthenticated: 'false'}, sessionIssuer: {type: 'Role', userName: 'r'}}, extra: 'kept'},
			readOnly: true,
			resources: [{ARN: 'a', type: 't'}],
		});
	});

	it('keeps a __proto__ key as data', () => {
		const event = archiveRowToEvent({eventid: 'e1', eventtime: '2026-01-01T00:00:00Z', useridentity: '{"__proto__": {"username": "x"}, "type": "IAMUser"}'});
		expect(event?.username).toBeUndefined();
		expect(Object.getPrototypeOf(JSON.parse(event!.raw!).userIdentity)).toBe(Object.prototype);
	});

	it('uses the table the compiler selects from', () => {
		expect(orgTable.partitionKeys).toContain('account');
	});
});
