// The CloudTrail table's columns as trailview reads them: what the compiler selects, how each
// comes back from GetQueryResults, and the record key it stands for. One list, so the SELECT and
// the row converter (rows.ts) cannot disagree. Names follow AWS's documented table ("Create the
// table for CloudTrail logs in Athena using partition projection"); Glue lower-cases them.
import type {ArchiveTable} from './types.js';

/**
 * - text: a string column, read as it is.
 * - flag: a 'true'/'false' string column that records hold as a JSON boolean (readOnly).
 * - json: a string column holding JSON text (requestParameters): parsed back into the record.
 * - struct: a STRUCT or ARRAY column, selected as JSON text (json_format) and parsed.
 * - map: CloudTrail Lake's MAP<VARCHAR,VARCHAR> (requestparameters there), selected as JSON text;
 *   a value that is itself an object or array is JSON text inside it.
 * - time: CloudTrail Lake's TIMESTAMP eventtime, selected with to_iso8601.
 */
export type ColumnKind = 'text' | 'flag' | 'json' | 'struct' | 'map' | 'time';

/** A struct's fields, by their lower-case column names: the record's spelling and any sub-fields. */
export type Shape = Readonly<Record<string, Field>>;

export type Field = {
	key: string;
	fields?: Shape;
	/** A MAP column: keys are data, spelt as written, so nothing below is renamed or known. */
	map?: true;
	/**
	 * In every variant of AWS's table (the console's, the older CloudTrailSerde one and today's),
	 * so the compiler may name it directly; others are read through the struct's JSON text, which
	 * is NULL rather than an error where a table lacks them.
	 */
	direct?: true;
};

export type ArchiveColumn = {
	column: string;
	key: string;
	kind: ColumnKind;
	/** In every variant of the table, so always selected; others only when Glue lists them. */
	core: boolean;
	shape?: Shape;
	/** An ARRAY of the shape's structs (resources). */
	array?: true;
	/** A BOOLEAN column (Lake's readonly), read as 'true'/'false' through CAST(… AS varchar). */
	boolean?: true;
};

const scalar = (key: string, direct = true): Field => (direct ? {key, direct: true} : {key});

const issuerShape: Shape = {
	type: scalar('type'),
	principalid: scalar('principalId'),
	arn: scalar('arn'),
	accountid: scalar('accountId'),
	username: scalar('userName'),
};

/** useridentity, as CloudTrail's record spells it. */
export const identityShape: Shape = {
	type: scalar('type'),
	principalid: scalar('principalId'),
	arn: scalar('arn'),
	accountid: scalar('accountId'),
	invokedby: scalar('invokedBy'),
	accesskeyid: scalar('accessKeyId'),
	username: scalar('userName'),
	onbehalfof: {key: 'onBehalfOf', fields: {userid: scalar('userId', false), identitystorearn: scalar('identityStoreArn', false)}},
	sessioncontext: {
		key: 'sessionContext',
		fields: {
			attributes: {key: 'attributes', fields: {mfaauthenticated: scalar('mfaAuthenticated'), creationdate: scalar('creationDate')}},
			sessionissuer: {key: 'sessionIssuer', fields: issuerShape},
			sourceidentity: scalar('sourceIdentity', false),
			ec2roledelivery: scalar('ec2RoleDelivery', false),
			webidfederationdata: {key: 'webIdFederationData', fields: {federatedprovider: scalar('federatedProvider', false), attributes: {key: 'attributes', map: true}}},
		},
	},
};

/** One element of `resources`: the record spells the ARN in capitals. */
export const resourceShape: Shape = {
	arn: scalar('ARN'),
	accountid: scalar('accountId'),
	type: scalar('type'),
};

const tlsShape: Shape = {
	tlsversion: scalar('tlsVersion', false),
	ciphersuite: scalar('cipherSuite', false),
	clientprovidedhostheader: scalar('clientProvidedHostHeader', false),
};

const addendumShape: Shape = {
	reason: scalar('reason', false),
	updatedfields: scalar('updatedFields', false),
	originalrequestid: scalar('originalRequestID', false),
	originaleventid: scalar('originalEventID', false),
};

const core = (column: string, key: string, kind: ColumnKind = 'text', shape?: Shape): ArchiveColumn => ({column, key, kind, core: true, ...(shape ? {shape} : {})});
const extra = (column: string, key: string, kind: ColumnKind = 'text', shape?: Shape): ArchiveColumn => ({column, key, kind, core: false, ...(shape ? {shape} : {})});

export const archiveColumns: readonly ArchiveColumn[] = [
	core('eventversion', 'eventVersion'),
	core('useridentity', 'userIdentity', 'struct', identityShape),
	core('eventtime', 'eventTime'),
	core('eventsource', 'eventSource'),
	core('eventname', 'eventName'),
	core('awsregion', 'awsRegion'),
	core('sourceipaddress', 'sourceIPAddress'),
	core('useragent', 'userAgent'),
	core('errorcode', 'errorCode'),
	core('errormessage', 'errorMessage'),
	core('requestparameters', 'requestParameters', 'json'),
	core('responseelements', 'responseElements', 'json'),
	core('additionaleventdata', 'additionalEventData', 'json'),
	core('requestid', 'requestID'),
	core('eventid', 'eventID'),
	core('readonly', 'readOnly', 'flag'),
	{...core('resources', 'resources', 'struct', resourceShape), array: true},
	core('eventtype', 'eventType'),
	core('apiversion', 'apiVersion'),
	core('recipientaccountid', 'recipientAccountId'),
	core('sharedeventid', 'sharedEventID'),
	core('vpcendpointid', 'vpcEndpointId'),
	extra('serviceeventdetails', 'serviceEventDetails', 'json'),
	// Not in AWS's table; the emulator's first design named serviceEventDetails so.
	extra('serviceeventdata', 'serviceEventDetails', 'json'),
	extra('vpcendpointaccountid', 'vpcEndpointAccountId'),
	extra('eventcategory', 'eventCategory'),
	extra('managementevent', 'managementEvent', 'flag'),
	extra('addendum', 'addendum', 'struct', addendumShape),
	extra('sessioncredentialfromconsole', 'sessionCredentialFromConsole'),
	extra('edgedevicedetails', 'edgeDeviceDetails', 'json'),
	extra('tlsdetails', 'tlsDetails', 'struct', tlsShape),
];

/** Lake's `resources` elements also carry the ARN prefix S3 data events log. */
const lakeResourceShape: Shape = {...resourceShape, arnprefix: scalar('ARNPrefix')};

const lakeKinds: Readonly<Record<string, Partial<ArchiveColumn>>> = {
	eventtime: {kind: 'time'},
	requestparameters: {kind: 'map'},
	responseelements: {kind: 'map'},
	additionaleventdata: {kind: 'map'},
	readonly: {boolean: true},
	managementevent: {boolean: true},
	resources: {shape: lakeResourceShape},
};

/** Not in Lake's schema ("Supported SQL schemas for event data stores"): naming one fails the query. */
const notInLake = new Set(['serviceeventdata', 'vpcendpointaccountid', 'edgedevicedetails']);

/**
 * An event data store's columns: the same record keys, every one present (Lake's schema is fixed,
 * unlike the many versions of the Athena table), with Lake's own types.
 */
export const lakeColumns: readonly ArchiveColumn[] = archiveColumns
	.filter(column => !notInLake.has(column.column))
	.map(column => ({...column, core: true, ...lakeKinds[column.column]}));

/**
 * The columns a query over `table` selects: the core ones, and the others Glue lists for it (a
 * column a table lacks would fail the whole query). Each record key once.
 */
export function selectedColumns(table: Pick<ArchiveTable, 'columns'>): ArchiveColumn[] {
	const listed = new Set((table.columns ?? []).map(name => name.toLowerCase()));
	const keys = new Set<string>();
	return archiveColumns.filter(column => {
		if ((!column.core && !listed.has(column.column)) || keys.has(column.key)) {
			return false;
		}

		keys.add(column.key);
		return true;
	});
}

/** The partition columns trailview reads back: where each row was logged. */
export const originColumns = ['account', 'region'] as const;

export function hasPartition(table: Pick<ArchiveTable, 'partitionKeys'>, name: string): boolean {
	return table.partitionKeys.some(key => key.toLowerCase() === name);
}
