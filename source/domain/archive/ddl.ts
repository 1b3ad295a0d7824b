// The CREATE EXTERNAL TABLE statement for a trail's archive, following AWS's documented "CloudTrail
// table with partition projection" (Athena user guide): partitions projected from the log files'
// path (region, the day, and for an organization trail the account), so no partition is ever
// added by hand and every query can prune them. DDL takes no parameters, so every value that goes
// into it is checked against a strict pattern first; anything else is refused with a sentence.
import {TrailviewError} from '../types.js';
import {archiveColumns, type ArchiveColumn, type Shape} from './columns.js';

export type TableDdlOptions = {
	database: string;
	table: string;
	bucket: string;
	/** The trail's S3 key prefix, if it has one. */
	prefix?: string | undefined;
	/** Set for an organization trail (`o-…`): its logs lie under AWSLogs/<org id>/<account>/. */
	organizationId?: string | undefined;
	/** The accounts to project: every member for an organization trail, else the trail's own one. */
	accounts: readonly string[];
	regions: readonly string[];
	/** The first day to project, `yyyy/MM/dd`. */
	since: string;
};

// Columns AWS's table has; the others in columns.ts name what older or emulated tables call them.
const notInAwsTable = new Set(['serviceeventdata', 'managementevent']);

export function createTableDdl(options: TableDdlOptions): string {
	const database = checked('database name', options.database.toLowerCase(), /^[a-z0-9_]{1,255}$/, 'letters, digits and underscores');
	const table = checked('table name', options.table.toLowerCase(), /^[a-z0-9_]{1,255}$/, 'letters, digits and underscores');
	const bucket = checkBucket(options.bucket);
	const prefix = checkPrefix(options.prefix);
	const organization = options.organizationId === undefined ? undefined : checked('organization id', options.organizationId, /^o-[a-z0-9]{10,32}$/, 'o- and 10 to 32 lower-case letters or digits');
	const accounts = unique(options.accounts.map(account => checked('account id', account, /^\d{12}$/, '12 digits')));
	const regions = unique(options.regions.map(region => checked('region', region, /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/, 'a region code like us-east-1')));
	const since = checkDay(options.since);
	if (regions.length === 0) {
		throw invalid('No regions to project: give at least one region the trail logs.');
	}

	if (organization === undefined && accounts.length !== 1) {
		throw invalid(`A trail that is not an organization trail logs one account; ${accounts.length} were given.`);
	}

	if (accounts.length === 0) {
		throw invalid('No accounts to project: give at least one account the organization trail logs.');
	}

	const root = `s3://${bucket}/${prefix === undefined ? '' : `${prefix}/`}AWSLogs/`;
	const location = organization === undefined ? `${root}${accounts[0]}/CloudTrail/` : `${root}${organization}/`;
	const template = organization === undefined ? `${location}\${region}/\${timestamp}` : `${location}\${account}/CloudTrail/\${region}/\${timestamp}`;
	const partitions = [...(organization === undefined ? [] : ['account string']), 'region string', '`timestamp` string'];
	const properties: Array<[string, string]> = [
		['projection.enabled', 'true'],
		...(organization === undefined
			? []
			: ([
					['projection.account.type', 'enum'],
					['projection.account.values', accounts.join(',')],
				] as Array<[string, string]>)),
		['projection.region.type', 'enum'],
		['projection.region.values', regions.join(',')],
		['projection.timestamp.type', 'date'],
		['projection.timestamp.format', 'yyyy/MM/dd'],
		['projection.timestamp.interval', '1'],
		['projection.timestamp.interval.unit', 'DAYS'],
		['projection.timestamp.range', `${since},NOW`],
		['storage.location.template', template],
	];
	const columns = archiveColumns.filter(column => !notInAwsTable.has(column.column)).map(column => `  ${column.column} ${columnType(column)}`);
	return [
		`CREATE EXTERNAL TABLE ${database}.${table} (`,
		columns.join(',\n'),
		')',
		`PARTITIONED BY (${partitions.join(', ')})`,
		"ROW FORMAT SERDE 'org.apache.hive.serde2.JsonSerDe'",
		"STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'",
		"OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
		`LOCATION '${location}'`,
		'TBLPROPERTIES (',
		properties.map(([key, value]) => `  '${key}'='${value}'`).join(',\n'),
		')',
	].join('\n');
}

/** A table name for a trail: `cloudtrail_` and the trail's name in the letters a table name may hold. */
export function suggestedTableName(trailName: string): string {
	const base = trailName.split('/').at(-1)!.toLowerCase().replaceAll(/[^a-z0-9_]+/g, '_').replaceAll(/^_+|_+$/g, '');
	return `cloudtrail_${base || 'logs'}`.slice(0, 128);
}

function columnType(column: ArchiveColumn): string {
	if (column.kind !== 'struct' || !column.shape) {
		return 'STRING';
	}

	const struct = structType(column.shape);
	return column.array ? `ARRAY<${struct}>` : struct;
}

function structType(shape: Shape): string {
	const fields = Object.entries(shape).map(([name, field]) => `${name}: ${field.map ? 'MAP<STRING, STRING>' : field.fields ? structType(field.fields) : 'STRING'}`);
	return `STRUCT<${fields.join(', ')}>`;
}

function checked(what: string, value: string, pattern: RegExp, rule: string): string {
	if (!pattern.test(value)) {
		throw invalid(`${JSON.stringify(value)} is not a valid ${what} (${rule}).`);
	}

	return value;
}

/** S3's bucket naming rules: what a trail's bucket can be called, and nothing that could leave the quotes. */
function checkBucket(bucket: string): string {
	checked('S3 bucket name', bucket, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, '3 to 63 lower-case letters, digits, dots and hyphens');
	if (/\.\.|\.-|-\./.test(bucket) || /^\d+\.\d+\.\d+\.\d+$/.test(bucket) || /^(?:xn--|sthree-)/.test(bucket) || /(?:-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(bucket)) {
		throw invalid(`${JSON.stringify(bucket)} is not a valid S3 bucket name.`);
	}

	return bucket;
}

/** A trail's key prefix: S3's safe characters in `/`-separated parts (no quote, no `${`). */
function checkPrefix(prefix: string | undefined): string | undefined {
	const trimmed = prefix?.replace(/\/$/, '');
	if (trimmed === undefined || trimmed === '') {
		return undefined;
	}

	checked('S3 key prefix', trimmed, /^[A-Za-z0-9!_.*()-]+(?:\/[A-Za-z0-9!_.*()-]+)*$/, "letters, digits and ! _ . * ( ) - between slashes");
	if (trimmed.length > 200 || trimmed.split('/').some(part => part === '.' || part === '..')) {
		throw invalid(`${JSON.stringify(trimmed)} is not a valid S3 key prefix for a trail.`);
	}

	return trimmed;
}

function checkDay(day: string): string {
	checked('first day', day, /^\d{4}\/\d{2}\/\d{2}$/, 'yyyy/MM/dd');
	const date = new Date(`${day.replaceAll('/', '-')}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day.replaceAll('/', '-')) {
		throw invalid(`${JSON.stringify(day)} is not a real day.`);
	}

	return day;
}

function unique(values: readonly string[]): string[] {
	return [...new Set(values)];
}

function invalid(message: string): TrailviewError {
	return new TrailviewError('invalid-input', `Cannot write the CREATE TABLE statement: ${message}`, {
		hint: 'Check the trail\'s bucket and prefix, the table name, and the accounts and regions given.',
	});
}
