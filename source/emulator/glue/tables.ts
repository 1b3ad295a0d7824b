// The tables the demo Glue Data Catalog starts with: in demo-prod's us-east-1 (the organization
// trail's home), the table the CloudTrail console's "Create Athena table" makes, using AWS's
// partition-projection DDL for an organization trail; and one table over something else (load
// balancer logs), which discovery must pass over. The other trails have no table yet.
import {prodAccountId} from '../accounts.js';
import {glueColumns} from '../athena/schema.js';
import {defaultRegions} from '../regions.js';
import {organizationId, trailArchives} from '../trails.js';
import type {Column} from './ddl.js';

export type GlueTable = {
	database: string;
	name: string;
	createdAt: Date;
	createdBy: string;
	columns: Column[];
	partitionKeys: Column[];
	location: string | undefined;
	serde: string | undefined;
	serdeParameters: Record<string, string>;
	inputFormat: string | undefined;
	outputFormat: string | undefined;
	parameters: Record<string, string>;
};

export const organizationTableName = `cloudtrail_logs_aws_cloudtrail_logs_${prodAccountId}_org`;
export const jsonSerDe = 'org.apache.hive.serde2.JsonSerDe';
const dayMs = 86_400_000;

const day = (date: Date): string => date.toISOString().slice(0, 10).replaceAll('-', '/');

export function initialTables(accountId: string, region: string, dataNow: Date, accounts: readonly string[]): GlueTable[] {
	const trail = trailArchives(dataNow).find(candidate => candidate.organization);
	if (!trail || accountId !== trail.ownerAccountId || region !== trail.homeRegion) {
		return [];
	}

	const root = `s3://${trail.bucket}/${trail.keyPrefix === undefined ? '' : `${trail.keyPrefix}/`}AWSLogs/${organizationId}`;
	const createdAt = new Date(dataNow.getTime() - 380 * dayMs);
	const createdBy = `arn:aws:iam::${accountId}:user/alice`;
	return [
		{
			database: 'default',
			name: organizationTableName,
			createdAt,
			createdBy,
			columns: glueColumns(),
			partitionKeys: ['account', 'region', 'timestamp'].map(name => ({Name: name, Type: 'string'})),
			location: `${root}/`,
			serde: jsonSerDe,
			serdeParameters: {'serialization.format': '1'},
			inputFormat: 'com.amazon.emr.cloudtrail.CloudTrailInputFormat',
			outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
			parameters: {
				EXTERNAL: 'TRUE',
				classification: 'cloudtrail',
				'projection.enabled': 'true',
				'projection.account.type': 'enum',
				'projection.account.values': accounts.join(','),
				'projection.region.type': 'enum',
				'projection.region.values': [...defaultRegions, 'ap-southeast-3'].join(','),
				'projection.timestamp.type': 'date',
				'projection.timestamp.format': 'yyyy/MM/dd',
				'projection.timestamp.interval': '1',
				'projection.timestamp.interval.unit': 'DAYS',
				'projection.timestamp.range': `${day(new Date(dataNow.getTime() - 400 * dayMs))},NOW`,
				'storage.location.template': `${root}/\${account}/CloudTrail/\${region}/\${timestamp}`,
			},
		},
		{
			database: 'weblogs',
			name: 'alb_access_logs',
			createdAt,
			createdBy,
			columns: ['type', 'time', 'elb', 'client_ip', 'client_port', 'target_ip', 'request_verb', 'request_url', 'user_agent'].map(name => ({
				Name: name,
				Type: name.endsWith('port') ? 'int' : 'string',
			})),
			partitionKeys: [{Name: 'day', Type: 'string'}],
			location: `s3://alb-logs-${accountId}/AWSLogs/${accountId}/elasticloadbalancing/${region}/`,
			serde: 'org.apache.hadoop.hive.serde2.RegexSerDe',
			serdeParameters: {'serialization.format': '1', 'input.regex': '([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*):([0-9]*) ([^ ]*)[:-]([0-9]*) .*'},
			inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
			outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
			parameters: {EXTERNAL: 'TRUE', 'projection.enabled': 'true', 'projection.day.type': 'date', 'projection.day.format': 'yyyy/MM/dd', 'projection.day.range': '2024/01/01,NOW'},
		},
	];
}

/** The table as GetTables describes it. */
export function tableOutput(table: GlueTable, accountId: string): Record<string, unknown> {
	const seconds = table.createdAt.getTime() / 1000;
	return {
		Name: table.name,
		DatabaseName: table.database,
		Owner: 'hadoop',
		CreateTime: seconds,
		UpdateTime: seconds,
		LastAccessTime: 0,
		Retention: 0,
		StorageDescriptor: {
			Columns: table.columns,
			...(table.location === undefined ? {} : {Location: table.location}),
			...(table.inputFormat === undefined ? {} : {InputFormat: table.inputFormat}),
			...(table.outputFormat === undefined ? {} : {OutputFormat: table.outputFormat}),
			Compressed: false,
			NumberOfBuckets: -1,
			SerdeInfo: {...(table.serde === undefined ? {} : {SerializationLibrary: table.serde}), Parameters: table.serdeParameters},
			BucketColumns: [],
			SortColumns: [],
			Parameters: {},
			StoredAsSubDirectories: false,
		},
		PartitionKeys: table.partitionKeys,
		TableType: 'EXTERNAL_TABLE',
		Parameters: table.parameters,
		CreatedBy: table.createdBy,
		IsRegisteredWithLakeFormation: false,
		CatalogId: accountId,
		VersionId: '0',
	};
}
