// AWS's documented CloudTrail table (Athena user guide, partition projection), as one description
// that yields the three forms the emulator needs: the Glue column types, the DuckDB structure that
// reads the records CloudTrail writes, and the SELECT list that renames CloudTrail's camelCase keys
// to the table's lower-case columns (the Hive JsonSerDe matches keys case-insensitively; DuckDB does
// not, so the renaming is spelled out).

/** A field: a string, a struct, an array of structs or a string map; `key` is CloudTrail's spelling. */
export type Field = {name: string; key: string; type: 'string' | 'map' | Field[] | {array: Field[]}};

const s = (name: string, key = name): Field => ({name: name.toLowerCase(), key, type: 'string'});
const struct = (name: string, key: string, fields: Field[]): Field => ({name, key, type: fields});

const sessionContext = struct('sessioncontext', 'sessionContext', [
	struct('attributes', 'attributes', [s('mfaAuthenticated'), s('creationDate')]),
	struct('sessionissuer', 'sessionIssuer', [s('type'), s('principalId'), s('arn'), s('accountId'), s('userName')]),
	s('ec2RoleDelivery'),
	struct('webidfederationdata', 'webIdFederationData', [s('federatedProvider'), {name: 'attributes', key: 'attributes', type: 'map'}]),
]);

export const recordFields: readonly Field[] = [
	s('eventVersion'),
	struct('useridentity', 'userIdentity', [
		s('type'),
		s('principalId'),
		s('arn'),
		s('accountId'),
		s('invokedBy'),
		s('accessKeyId'),
		s('userName'),
		struct('onbehalfof', 'onBehalfOf', [s('userId'), s('identityStoreArn')]),
		sessionContext,
	]),
	s('eventTime'),
	s('eventSource'),
	s('eventName'),
	s('awsRegion'),
	s('sourceIPAddress'),
	s('userAgent'),
	s('errorCode'),
	s('errorMessage'),
	s('requestParameters'),
	s('responseElements'),
	s('additionalEventData'),
	s('requestID'),
	s('eventID'),
	s('readOnly'),
	{name: 'resources', key: 'resources', type: {array: [s('arn', 'ARN'), s('accountId'), s('type')]}},
	s('eventType'),
	s('apiVersion'),
	s('recipientAccountId'),
	s('serviceEventDetails'),
	s('sharedEventID'),
	s('vpcEndpointId'),
	s('vpcEndpointAccountId'),
	s('eventCategory'),
	s('managementEvent'),
	struct('addendum', 'addendum', [s('reason'), s('updatedFields'), s('originalRequestId'), s('originalEventId')]),
	s('sessionCredentialFromConsole'),
	s('edgeDeviceDetails'),
	struct('tlsdetails', 'tlsDetails', [s('tlsVersion'), s('cipherSuite'), s('clientProvidedHostHeader')]),
];

/** The partition columns AWS's DDL projects, in its order. */
export const partitionColumns = ['account', 'region', 'timestamp'] as const;
export type PartitionColumn = (typeof partitionColumns)[number];

function hiveType(field: Field): string {
	const {type} = field;
	if (type === 'string') {
		return 'string';
	}

	if (type === 'map') {
		return 'map<string,string>';
	}

	const members = Array.isArray(type) ? type : type.array;
	const inner = `struct<${members.map(member => `${member.name}:${hiveType(member)}`).join(',')}>`;
	return Array.isArray(type) ? inner : `array<${inner}>`;
}

/** Glue StorageDescriptor.Columns, as the console's DDL registers them. */
export function glueColumns(): Array<{Name: string; Type: string}> {
	return recordFields.map(field => ({Name: field.name, Type: hiveType(field)}));
}

function structure(field: Field): unknown {
	const {type} = field;
	if (type === 'string') {
		return 'VARCHAR';
	}

	if (type === 'map') {
		return 'MAP(VARCHAR, VARCHAR)';
	}

	const members = Array.isArray(type) ? type : type.array;
	const object = Object.fromEntries(members.map(member => [member.key, structure(member)]));
	return Array.isArray(type) ? object : [object];
}

/** json_transform's structure for one CloudTrail record; objects read as strings keep their JSON text. */
export function recordStructure(): string {
	return JSON.stringify(Object.fromEntries(recordFields.map(field => [field.key, structure(field)])));
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The table's (lower-case) DuckDB type for a field. */
function duckType(field: Field): string {
	const {type} = field;
	if (type === 'string') {
		return 'VARCHAR';
	}

	if (type === 'map') {
		return 'MAP(VARCHAR, VARCHAR)';
	}

	const members = Array.isArray(type) ? type : type.array;
	const struct = `STRUCT(${members.map(member => `${quote(member.name)} ${duckType(member)}`).join(', ')})`;
	return Array.isArray(type) ? struct : `${struct}[]`;
}

// DuckDB casts struct to struct by field name, ignoring case: the cheap way to rename.
function renamed(field: Field, source: string): string {
	return field.type === 'string' || field.type === 'map' ? source : `CAST(${source} AS ${duckType(field)})`;
}

/** SELECT list turning the transformed record `source` into the table's lower-case columns. */
export function renamingSelect(source: string): string {
	return recordFields.map(field => `${renamed(field, `${source}.${quote(field.key)}`)} AS ${quote(field.name)}`).join(',\n');
}

export const columnNames: ReadonlySet<string> = new Set(recordFields.map(field => field.name));
