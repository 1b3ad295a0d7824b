// The Glue Data Catalog the archive discovery reads, and CREATE EXTERNAL TABLE through Athena
// adding to it: a table over a trail's bucket then reads that trail's logs.
import {GetDatabasesCommand, GetTablesCommand, type Table} from '@aws-sdk/client-glue';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {organizationTableName, startEmulator, type Emulator} from '../../source/emulator/index.js';
import {athena, fixedNow, glue, rejectionOf, runQuery} from './helpers.js';

const day = 86_400_000;
const partitionDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/');
const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;
let emulator: Emulator;

async function allTables(label: string, region: string, database: string, pageSize?: number): Promise<Table[]> {
	const client = glue(emulator, label, region);
	const tables: Table[] = [];
	let token: string | undefined;
	do {
		const page = await client.send(new GetTablesCommand({DatabaseName: database, NextToken: token, MaxResults: pageSize}));
		tables.push(...(page.TableList ?? []));
		token = page.NextToken;
	} while (token);
	return tables;
}

/** AWS's partition-projection DDL for a single-account, single-region trail (Athena user guide). */
function devTableDdl(name: string, bucket: string, ifNotExists = false): string {
	const root = `s3://${bucket}/AWSLogs/222222222222/CloudTrail/us-east-1`;
	return `CREATE EXTERNAL TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${name}(
    eventversion STRING,
    useridentity STRUCT<
        type: STRING, principalid: STRING, arn: STRING, accountid: STRING, invokedby: STRING,
        accesskeyid: STRING, username: STRING,
        sessioncontext: STRUCT<attributes: STRUCT<mfaauthenticated: STRING, creationdate: STRING>,
            sessionissuer: STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, username: STRING>>>,
    eventtime STRING, eventsource STRING, eventname STRING, awsregion STRING, sourceipaddress STRING,
    useragent STRING, errorcode STRING, errormessage STRING, requestparameters STRING,
    responseelements STRING, additionaleventdata STRING, requestid STRING, eventid STRING, readonly STRING,
    resources ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>,
    eventtype STRING, apiversion STRING, recipientaccountid STRING, eventcategory STRING,
    \`comment\` STRING COMMENT 'not a CloudTrail field'
  )
PARTITIONED BY (\`timestamp\` string)
ROW FORMAT SERDE 'org.apache.hive.serde2.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION '${root}'
TBLPROPERTIES (
  'projection.enabled'='true',
  'projection.timestamp.format'='yyyy/MM/dd',
  'projection.timestamp.interval'='1',
  'projection.timestamp.interval.unit'='DAYS',
  'projection.timestamp.range'='2024/01/01,NOW',
  'projection.timestamp.type'='date',
  'storage.location.template'='${root}/\${timestamp}')`;
}

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, eventsPerRegion: 200, rateLimitPerSecond: false, athena: {queuedMs: 0, minRunMs: 0}});
});

afterAll(async () => {
	await emulator.stop();
});

describe('Glue catalog', () => {
	it('pages through the databases', async () => {
		const client = glue(emulator);
		const first = await client.send(new GetDatabasesCommand({MaxResults: 1}));
		expect(first.DatabaseList?.map(database => database.Name)).toEqual(['default']);
		const second = await client.send(new GetDatabasesCommand({MaxResults: 1, NextToken: first.NextToken}));
		expect(second.DatabaseList?.map(database => database.Name)).toEqual(['weblogs']);
		expect(second.NextToken).toBeUndefined();
	});

	it('describes the organization trail\'s table as the console makes it, with AWS\'s partition projection', async () => {
		const [table, ...others] = await allTables('demo-prod', 'us-east-1', 'default');
		expect(others).toEqual([]);
		expect(table?.Name).toBe(organizationTableName);
		expect(table?.StorageDescriptor?.Location).toBe('s3://aws-cloudtrail-logs-111111111111-org/o-a1b2c3d4e5/AWSLogs/o-a1b2c3d4e5/');
		expect(table?.StorageDescriptor?.SerdeInfo?.SerializationLibrary).toBe('org.apache.hive.serde2.JsonSerDe');
		expect(table?.PartitionKeys?.map(key => key.Name)).toEqual(['account', 'region', 'timestamp']);
		const columns = new Map(table?.StorageDescriptor?.Columns?.map(column => [column.Name, column.Type]));
		expect(columns.get('eventtime')).toBe('string');
		expect(columns.get('requestparameters')).toBe('string');
		expect(columns.get('resources')).toBe('array<struct<arn:string,accountid:string,type:string>>');
		expect(columns.get('useridentity')).toMatch(/^struct<type:string,principalid:string,arn:string,/);
		expect(table?.Parameters).toMatchObject({
			'projection.enabled': 'true',
			'projection.account.type': 'enum',
			'projection.account.values': '111111111111,222222222222,333333333333',
			'projection.region.type': 'enum',
			'projection.timestamp.format': 'yyyy/MM/dd',
			'projection.timestamp.range': `${partitionDay(fixedNow.getTime() - 400 * day)},NOW`,
			'storage.location.template': 's3://aws-cloudtrail-logs-111111111111-org/o-a1b2c3d4e5/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}',
		});
		// Not a CloudTrail table: discovery must pass over it.
		const [alb] = await allTables('demo-prod', 'us-east-1', 'weblogs');
		expect(alb?.StorageDescriptor?.SerdeInfo?.SerializationLibrary).toBe('org.apache.hadoop.hive.serde2.RegexSerDe');
	});

	it('has no table for the other trails, and none in other regions', async () => {
		expect(await allTables('demo-dev', 'us-east-1', 'default')).toEqual([]);
		expect(await allTables('demo-prod', 'eu-west-1', 'default')).toEqual([]);
		expect(await allTables('demo-restricted', 'us-east-1', 'default')).toEqual([]);
	});

	it('answers EntityNotFoundException for a database that does not exist', async () => {
		const error = await rejectionOf(glue(emulator).send(new GetTablesCommand({DatabaseName: 'nosuch'})));
		expect(error.name).toBe('EntityNotFoundException');
		expect(error.message).toBe('Database nosuch not found.');
		expect(error.$metadata?.httpStatusCode).toBe(400);
	});
});

describe('CREATE EXTERNAL TABLE', () => {
	it('registers the table in the caller\'s catalog, which then reads its trail\'s logs', async () => {
		const client = athena(emulator, 'demo-dev');
		const created = await runQuery(client, devTableDdl('dev_trail_logs', 'dev-cloudtrail-222222222222'));
		expect(created.execution.Status?.State).toBe('SUCCEEDED');
		expect(created.execution.StatementType).toBe('DDL');
		expect(created.header).toEqual([]);

		const [table] = await allTables('demo-dev', 'us-east-1', 'default');
		expect(table?.Name).toBe('dev_trail_logs');
		expect(table?.StorageDescriptor?.Location).toBe('s3://dev-cloudtrail-222222222222/AWSLogs/222222222222/CloudTrail/us-east-1');
		expect(table?.StorageDescriptor?.SerdeInfo?.SerializationLibrary).toBe('org.apache.hive.serde2.JsonSerDe');
		expect(table?.PartitionKeys).toEqual([{Name: 'timestamp', Type: 'string'}]);
		expect(table?.Parameters?.['projection.timestamp.range']).toBe('2024/01/01,NOW');

		const read = await runQuery(
			client,
			'SELECT recipientaccountid, awsregion, eventcategory, count(*) AS n, count(comment) AS comments FROM dev_trail_logs WHERE "timestamp" BETWEEN ? AND ? GROUP BY 1, 2, 3',
			[quoted(partitionDay(fixedNow.getTime() - 365 * day)), quoted(partitionDay(fixedNow.getTime()))],
		);
		// A single-region trail without data events: the dev account's us-east-1 management events only.
		expect(read.rows).toHaveLength(1);
		const [account, region, category, count, comments] = read.rows[0] ?? [];
		expect([account, region, category, comments]).toEqual(['222222222222', 'us-east-1', 'Management', '0']);
		expect(Number(count)).toBeGreaterThan(100);

		// The organization's table is another account's: not in demo-dev's catalog.
		const foreign = await runQuery(client, `SELECT 1 FROM "default"."${organizationTableName}"`);
		expect(foreign.execution.Status?.StateChangeReason).toMatch(/^TABLE_NOT_FOUND: /);
	});

	it('refuses to create a table twice, unless IF NOT EXISTS', async () => {
		const client = athena(emulator, 'demo-dev');
		const ddl = devTableDdl('twice', 'dev-cloudtrail-222222222222');
		expect((await runQuery(client, ddl)).execution.Status?.State).toBe('SUCCEEDED');
		const again = await runQuery(client, ddl);
		expect(again.execution.Status?.State).toBe('FAILED');
		expect(again.execution.Status?.StateChangeReason).toMatch(/already exists/);
		expect((await runQuery(client, devTableDdl('twice', 'dev-cloudtrail-222222222222', true))).execution.Status?.State).toBe('SUCCEEDED');
	});

	it('reads a table over a bucket that is no trail\'s as empty', async () => {
		const client = athena(emulator, 'demo-dev');
		expect((await runQuery(client, devTableDdl('elsewhere', 'some-other-bucket'))).execution.Status?.State).toBe('SUCCEEDED');
		const read = await runQuery(client, 'SELECT count(*) FROM elsewhere');
		expect(read.rows).toEqual([['0']]);
		expect(read.execution.Statistics?.DataScannedInBytes).toBe(0);
	});

	it('pages through the tables it registered', async () => {
		const all = await allTables('demo-dev', 'us-east-1', 'default');
		expect(all.map(table => table.Name)).toEqual(['dev_trail_logs', 'elsewhere', 'twice']);
		expect((await allTables('demo-dev', 'us-east-1', 'default', 1)).map(table => table.Name)).toEqual(all.map(table => table.Name));
		const first = await glue(emulator, 'demo-dev').send(new GetTablesCommand({DatabaseName: 'default', MaxResults: 2}));
		expect(first.TableList).toHaveLength(2);
		expect(first.NextToken).toEqual(expect.any(String));
	});

	it('fails DDL it cannot read, and a database that does not exist', async () => {
		const client = athena(emulator, 'demo-dev');
		const garbled = await runQuery(client, 'CREATE EXTERNAL TABLE broken (');
		expect(garbled.execution.Status?.State).toBe('FAILED');
		const missing = await runQuery(client, devTableDdl('nosuchdb.t', 'dev-cloudtrail-222222222222'));
		expect(missing.execution.Status?.StateChangeReason).toMatch(/Database does not exist: nosuchdb/);
	});
});
