// Rows of the CloudTrail table for archive tests: typed as the table holds them (for the evaluator
// in athena-eval.ts) and as GetQueryResults returns them (for the row converter), from the same
// values. Values come from a small, awkward vocabulary so generated queries often match.
import fc from 'fast-check';
import {archiveColumns, identityShape, resourceShape, selectedColumns, type Shape} from '../../source/domain/archive/columns.js';
import type {ArchiveRow, ArchiveTable} from '../../source/domain/archive/types.js';
import type {TypedRow} from './athena-eval.js';

export const orgTable: ArchiveTable = {
	catalog: 'AwsDataCatalog',
	database: 'default',
	name: 'cloudtrail_logs',
	location: 's3://org-trail/AWSLogs/o-abcdefghij/',
	serde: 'org.apache.hive.serde2.JsonSerDe',
	partitionKeys: ['account', 'region', 'timestamp'],
	parameters: {'projection.enabled': 'true'},
	columns: ['eventversion', 'useridentity', 'eventtime', 'eventsource', 'eventname', 'awsregion', 'sourceipaddress', 'useragent', 'errorcode', 'errormessage', 'requestparameters', 'responseelements', 'additionaleventdata', 'requestid', 'eventid', 'readonly', 'resources', 'eventtype', 'apiversion', 'recipientaccountid', 'serviceeventdetails', 'sharedeventid', 'vpcendpointid', 'eventcategory', 'tlsdetails'],
};

/** Text that tests quoting, LIKE escapes, case and the user-name rules. */
export const words = ['alice', 'Alice', 'root', 'deploy-role', 'jane.doe@example.com', 'a%b', 'a_b', 'axb', "o'brien", 'back\\slash', 'x/y', '', 'null', 'true', '1', 'é', 'É', 'Get', 'GetObject', 'us-east-1', '111111111111'];

export const word = fc.constantFrom(...words);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, {nil: null, freq: 3});

const arns = fc.constantFrom(
	'arn:aws:iam::111111111111:root',
	'arn:aws:iam::111111111111:user/alice',
	'arn:aws:sts::111111111111:assumed-role/deploy-role/jane.doe@example.com',
	'arn:aws:sts::111111111111:federated-user/root',
	'arn:aws:sts::111111111111:assumed-role/r/',
	'no-slash',
	'x/y',
);

/** A struct with every field of its shape, as Athena holds one: NULL where the record had none. */
function struct(shape: Shape, leaf: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
	const fields: Record<string, fc.Arbitrary<unknown>> = {};
	for (const [name, field] of Object.entries(shape)) {
		fields[name] = field.map ? maybe(fc.dictionary(fc.constantFrom('aud', 'sub', 'Sub'), leaf, {maxKeys: 2})) : field.fields ? maybe(struct(field.fields, leaf)) : maybe(leaf);
	}

	return fc.record(fields);
}

const identity = struct(identityShape, word).chain(base =>
	fc.record({type: maybe(fc.constantFrom('IAMUser', 'AssumedRole', 'Root', 'AWSService', 'FederatedUser')), arn: maybe(arns)}).map(extra => ({...base, ...extra})),
);

/** requestParameters-like JSON: nested objects, arrays of objects, numbers, booleans, null, or not JSON at all. */
const jsonText = fc.oneof(
	{weight: 6, arbitrary: fc.record({bucketName: maybe(word), instancesSet: maybe(fc.record({items: fc.array(fc.record({instanceId: word}), {maxLength: 2})})), n: fc.constantFrom(1, 12), flag: fc.boolean(), nil: fc.constant(null), tags: fc.array(word, {maxLength: 2})}, {requiredKeys: []}).map(value => JSON.stringify(value))},
	{weight: 1, arbitrary: fc.constantFrom('not json', 'null', '"a%b"', '[]', '{}')},
);

export const typedRow: fc.Arbitrary<TypedRow> = fc.record({
	eventid: fc.uuid(),
	eventtime: fc.integer({min: Date.parse('2025-06-01T00:00:00Z') / 1000, max: Date.parse('2026-06-01T00:00:00Z') / 1000}).map(seconds => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')),
	eventversion: fc.constant('1.09'),
	eventname: maybe(word),
	eventsource: maybe(fc.constantFrom('s3.amazonaws.com', 'iam.amazonaws.com', 'Alice.amazonaws.com')),
	awsregion: maybe(fc.constantFrom('us-east-1', 'eu-west-1', '')),
	sourceipaddress: maybe(word),
	useragent: maybe(word),
	errorcode: maybe(word),
	errormessage: maybe(word),
	readonly: maybe(fc.constantFrom('true', 'false', 'TRUE', '')),
	recipientaccountid: maybe(fc.constantFrom('111111111111', '222222222222', '')),
	eventtype: maybe(word),
	useridentity: maybe(identity),
	resources: maybe(fc.array(maybe(struct(resourceShape, word)), {maxLength: 3})),
	requestparameters: maybe(jsonText),
	responseelements: maybe(jsonText),
	additionaleventdata: maybe(jsonText),
	eventcategory: maybe(word),
	tlsdetails: maybe(fc.record({tlsversion: maybe(word), ciphersuite: maybe(word), clientprovidedhostheader: maybe(word)})),
	account: fc.constantFrom('111111111111', '222222222222'),
	region: fc.constantFrom('us-east-1', 'eu-west-1'),
}).map(row => ({
	...row,
	// CloudTrail files an event under its recipient account and region (the compiler prunes on that).
	account: row.recipientaccountid || row.account,
	region: row.awsregion || row.region,
	timestamp: String(row.eventtime).slice(0, 10).replaceAll('-', '/'),
}));

/** The row as GetQueryResults returns the compiler's SELECT: strings, structs as JSON text, NULL as undefined. */
export function resultRow(row: TypedRow, table: ArchiveTable = orgTable): ArchiveRow {
	const result: ArchiveRow = {};
	for (const column of selectedColumns(table)) {
		const value = row[column.column];
		result[column.column] = value === null || value === undefined ? undefined : column.kind === 'struct' ? JSON.stringify(value) : String(value);
	}

	for (const name of ['account', 'region']) {
		if (table.partitionKeys.includes(name)) {
			result[name] = row[name] === null || row[name] === undefined ? undefined : String(row[name]);
		}
	}

	return result;
}

/**
 * A CloudTrail record as AWS's table reads it (the JSON SerDe matches keys whatever their case):
 * top-level keys to columns, structs with every field of their shape, JSON-valued fields as text.
 */
export function typedRowFromRecord(record: Record<string, unknown>, partitions: {account: string; region: string}): TypedRow {
	const row: TypedRow = {...partitions, timestamp: String(record['eventTime']).slice(0, 10).replaceAll('-', '/')};
	for (const column of archiveColumns) {
		const value = fieldOf(record, column.key);
		row[column.column] =
			value === undefined || value === null
				? null
				: column.kind === 'json'
					? JSON.stringify(value)
					: column.kind === 'struct'
						? Array.isArray(value)
							? value.map(item => structOf(item, column.shape!))
							: structOf(value, column.shape!)
						: String(value);
	}

	return row;
}

function fieldOf(value: unknown, key: string): unknown {
	if (typeof value !== 'object' || value === null) {
		return undefined;
	}

	const found = Object.keys(value).find(name => name.toLowerCase() === key.toLowerCase());
	return found === undefined ? undefined : (value as Record<string, unknown>)[found];
}

function structOf(value: unknown, shape: Shape): Record<string, unknown> | null {
	if (typeof value !== 'object' || value === null) {
		return null;
	}

	return Object.fromEntries(
		Object.entries(shape).map(([name, field]) => {
			const item = fieldOf(value, field.key);
			return [name, item === undefined || item === null ? null : field.map ? item : field.fields ? structOf(item, field.fields) : typeof item === 'string' ? item : JSON.stringify(item)];
		}),
	);
}
