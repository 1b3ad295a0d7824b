// Which table the archive reads, which trails the pane marks, and what is offered where no table
// exists (domain/archive/pick.ts).
import {describe, expect, it} from 'vitest';
import {parseTableName, pickArchive} from '../../../source/domain/archive/pick.js';
import type {ArchiveTable} from '../../../source/domain/archive/types.js';
import {makeTrail} from '../../helpers/fakes.js';

const now = new Date(Date.UTC(2026, 10, 30));
const orgTrail = makeTrail({name: 'org', arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org', isOrganization: true, s3BucketName: 'org-logs'});
const localTrail = makeTrail({name: 'audit', arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/audit', isOrganization: false, isMultiRegion: false, s3BucketName: 'audit-logs-111111111111'});

function table(name: string, location: string): ArchiveTable {
	return {catalog: 'AwsDataCatalog', database: 'default', name, location, serde: 'org.apache.hive.serde2.JsonSerDe', partitionKeys: ['account', 'region', 'timestamp'], parameters: {}};
}

const base = {accounts: ['111111111111'], regions: ['us-east-1', 'eu-west-1'], now};

describe('pickArchive', () => {
	it('reads the table over the organization trail before one over a single-account trail, and marks both trails', () => {
		const org = table('org_logs', 's3://org-logs/AWSLogs/o-abcdefghij/');
		const local = table('audit_logs', 's3://audit-logs-111111111111/AWSLogs/111111111111/');
		const pick = pickArchive({...base, tables: [local, org], trails: [localTrail, orgTrail]});
		expect(pick.table).toBe(org);
		expect(pick.trail?.name).toBe('org');
		expect(pick.marks.get(orgTrail.arn)).toBe(org);
		expect(pick.marks.get(localTrail.arn)).toBe(local);
		expect(pick.ddl).toBeUndefined();
	});

	it('offers the statement for the trail without a table, with its bucket and the regions known', () => {
		const pick = pickArchive({...base, tables: [table('weblogs', 's3://web/logs/')], trails: [localTrail]});
		expect(pick.table).toBeUndefined();
		expect(pick.trail?.name).toBe('audit');
		expect(pick.ddl?.database).toBe('default');
		expect(pick.ddl?.table).toBe('cloudtrail_audit');
		expect(pick.ddl?.sql).toContain("LOCATION 's3://audit-logs-111111111111/AWSLogs/111111111111/CloudTrail/'");
		expect(pick.ddl?.sql).toContain("'projection.region.values'='us-east-1,eu-west-1'");
	});

	it('explains, rather than guesses, for an organization trail without a table', () => {
		const pick = pickArchive({...base, tables: [], trails: [orgTrail]});
		expect(pick.ddl).toBeUndefined();
		expect(pick.ddlProblem).toMatch(/organization trail.*--athena-table/);
	});

	it('says so when no trail writes to S3', () => {
		const pick = pickArchive({...base, tables: [], trails: [makeTrail({s3BucketName: undefined})]});
		expect(pick.ddlProblem).toBe('No trail here writes to S3, so there is no archive to query.');
	});

	it('refuses a bucket name the DDL could not hold safely, with the reason', () => {
		const pick = pickArchive({...base, tables: [], trails: [makeTrail({isOrganization: false, s3BucketName: "logs'); DROP TABLE x; --"})]});
		expect(pick.ddl).toBeUndefined();
		expect(pick.ddlProblem).toMatch(/Cannot write the CREATE TABLE statement/);
	});

	it('--athena-table wins over discovery, and a table discovery did not list still runs unpruned', () => {
		const org = table('org_logs', 's3://org-logs/AWSLogs/o-abcdefghij/');
		expect(pickArchive({...base, tables: [org], trails: [orgTrail], override: 'Default.Org_Logs'}).table).toBe(org);
		const other = pickArchive({...base, tables: [org], trails: [orgTrail], override: 'sec.trail_2024'}).table;
		expect(other).toMatchObject({database: 'sec', name: 'trail_2024', partitionKeys: []});
	});
});

describe('parseTableName', () => {
	it('takes DB.TABLE in letters, digits and underscores only', () => {
		expect(parseTableName('default.cloudtrail_logs')).toEqual({database: 'default', name: 'cloudtrail_logs'});
		expect(parseTableName('a.b.c')).toBeUndefined();
		expect(parseTableName('x"; DROP.y')).toBeUndefined();
		expect(parseTableName('nodot')).toBeUndefined();
	});
});
