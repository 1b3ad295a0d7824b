import {describe, expect, it} from 'vitest';
import {archiveColumns} from '../../../source/domain/archive/columns.js';
import {createTableDdl, suggestedTableName, type TableDdlOptions} from '../../../source/domain/archive/ddl.js';
import {TrailviewError} from '../../../source/domain/types.js';

const organization: TableDdlOptions = {
	database: 'default',
	table: 'cloudtrail_org',
	bucket: 'org-trail-logs',
	prefix: 'trails/',
	organizationId: 'o-abcdefghij',
	accounts: ['111111111111', '222222222222'],
	regions: ['us-east-1', 'eu-west-1'],
	since: '2025/01/01',
};
const single: TableDdlOptions = {database: 'audit', table: 'trail', bucket: 'my.trail-bucket', accounts: ['111111111111'], regions: ['us-east-1'], since: '2024/02/29'};

describe('createTableDdl', () => {
	it('projects account, region and day for an organization trail', () => {
		const ddl = createTableDdl(organization);
		expect(ddl).toMatch(/^CREATE EXTERNAL TABLE default\.cloudtrail_org \(\n {2}eventversion STRING,\n {2}useridentity STRUCT<type: STRING, /);
		expect(ddl).toContain('PARTITIONED BY (account string, region string, `timestamp` string)');
		expect(ddl).toContain("ROW FORMAT SERDE 'org.apache.hive.serde2.JsonSerDe'");
		expect(ddl).toContain("LOCATION 's3://org-trail-logs/trails/AWSLogs/o-abcdefghij/'");
		expect(ddl).toContain("'projection.account.values'='111111111111,222222222222'");
		expect(ddl).toContain("'projection.region.values'='us-east-1,eu-west-1'");
		expect(ddl).toContain("'projection.timestamp.range'='2025/01/01,NOW'");
		expect(ddl).toContain("'storage.location.template'='s3://org-trail-logs/trails/AWSLogs/o-abcdefghij/${account}/CloudTrail/${region}/${timestamp}'");
	});

	it('projects region and day for a single account\'s trail, its account fixed in the path', () => {
		const ddl = createTableDdl(single);
		expect(ddl).toContain('PARTITIONED BY (region string, `timestamp` string)');
		expect(ddl).not.toContain('projection.account');
		expect(ddl).toContain("LOCATION 's3://my.trail-bucket/AWSLogs/111111111111/CloudTrail/'");
		expect(ddl).toContain("'storage.location.template'='s3://my.trail-bucket/AWSLogs/111111111111/CloudTrail/${region}/${timestamp}'");
	});

	it('has a column for every core column the compiler selects, typed as AWS types them', () => {
		const ddl = createTableDdl(single);
		for (const column of archiveColumns.filter(candidate => candidate.core)) {
			expect(ddl).toMatch(new RegExp(`\\n {2}${column.column} (STRING|STRUCT<|ARRAY<)`));
		}

		expect(ddl).toContain('resources ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>');
		expect(ddl).toContain('attributes: MAP<STRING, STRING>');
		expect(ddl).not.toMatch(/serviceeventdata|managementevent/);
	});

	it.each([
		['a bucket with a quote', {bucket: "logs'bucket"}],
		['a bucket in capitals', {bucket: 'Logs'}],
		['a bucket shaped like an IP address', {bucket: '192.168.1.1'}],
		['a bucket with two dots', {bucket: 'a..b'}],
		['a prefix that closes the quote', {prefix: "x' , 'projection.enabled'='false"}],
		['a prefix with a template', {prefix: '${account}'}],
		['a prefix going up', {prefix: 'a/../b'}],
		['an organization id', {organizationId: 'o-ABC'}],
		['an account id', {accounts: ['1111111111111']}],
		['no accounts', {accounts: []}],
		['a region', {regions: ["us-east-1'"]}],
		['no regions', {regions: []}],
		['a day', {since: '2025/02/30'}],
		['a day written otherwise', {since: '2025-01-01'}],
		['a table name', {table: 'logs; DROP'}],
		['a database name', {database: 'a.b'}],
	] as const)('refuses %s, saying so', (_what, change) => {
		expect(() => createTableDdl({...organization, ...change})).toThrow(TrailviewError);
		expect(() => createTableDdl({...organization, ...change})).toThrow(/^Cannot write the CREATE TABLE statement: /);
	});

	it('refuses several accounts for a trail that is not an organization trail', () => {
		expect(() => createTableDdl({...single, accounts: ['111111111111', '222222222222']})).toThrow(/logs one account/);
	});
});

describe('suggestedTableName', () => {
	it('makes a table name of any trail name or ARN', () => {
		expect(suggestedTableName('arn:aws:cloudtrail:us-east-1:111111111111:trail/Org-Trail.Main')).toBe('cloudtrail_org_trail_main');
		expect(suggestedTableName('---')).toBe('cloudtrail_logs');
		expect(createTableDdl({...single, table: suggestedTableName('Ünïcode trail')})).toContain('CREATE EXTERNAL TABLE audit.cloudtrail_n_code_trail (');
	});
});
