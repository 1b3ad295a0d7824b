// An event data store as DuckDB sees it: a view in memory.lake named by the store's id, so the
// statement's `FROM <id>` becomes `FROM memory.lake."<id>"` and `"<id>".eventtime` still resolves.
// A CloudTrail store reads the archive's records (the same table Athena's views read) in Lake's
// schema ("Supported SQL schemas for event data stores"): eventtime a TIMESTAMP, the three
// request/response objects MAP(VARCHAR, VARCHAR) whose nested objects and arrays are JSON text,
// readonly and managementevent BOOLEAN, resources with arnprefix, and no partition columns. The
// Config store holds no configuration items: an empty table with the top of that schema.
import {stores, type EventDataStore} from './stores.js';

export const lakeSchema = 'lake';

/** The DuckDB name a store's id stands for. */
export function storeRelation(store: EventDataStore): string {
	return `memory.${lakeSchema}."${store.id}"`;
}

// json_transform to VARCHAR values keeps a nested object or array as its JSON text, and writes
// numbers and booleans as text: Lake's map<string,string>. Anything but an object reads as NULL.
const asMap = (column: string): string =>
	`CASE WHEN json_type(${column}) = 'OBJECT' THEN json_transform(${column}, '"MAP(VARCHAR, VARCHAR)"') END AS ${column}`;

const cloudTrailColumns = [
	'eventversion',
	'useridentity',
	'CAST(eventtime AS TIMESTAMP) AS eventtime',
	'eventsource',
	'eventname',
	'awsregion',
	'sourceipaddress',
	'useragent',
	'errorcode',
	'errormessage',
	asMap('requestparameters'),
	asMap('responseelements'),
	asMap('additionaleventdata'),
	'requestid',
	'eventid',
	'TRY_CAST(readonly AS BOOLEAN) AS readonly',
	`list_transform(resources, lambda r: {'accountid': r.accountid, 'type': r.type, 'arn': r.arn, 'arnprefix': CAST(NULL AS VARCHAR)}) AS resources`,
	'eventtype',
	'apiversion',
	'TRY_CAST(managementevent AS BOOLEAN) AS managementevent',
	'recipientaccountid',
	'sharedeventid',
	'vpcendpointid',
	'serviceeventdetails',
	'addendum',
	'eventcategory',
	'tlsdetails',
	'sessioncredentialfromconsole',
];

const configColumns = [
	'eventversion VARCHAR',
	'eventcategory VARCHAR',
	'eventtype VARCHAR',
	'eventid VARCHAR',
	'eventtime TIMESTAMP',
	'awsregion VARCHAR',
	'recipientaccountid VARCHAR',
	'eventdata STRUCT(configurationitemstatus VARCHAR, accountid VARCHAR, resourcetype VARCHAR, resourceid VARCHAR, resourcename VARCHAR, arn VARCHAR, awsregion VARCHAR, configuration VARCHAR)',
];

/** The statements that create every demo store's relation (run once, when the engine opens). */
export function lakeViewStatements(): string[] {
	const statements = [`CREATE SCHEMA memory.${lakeSchema}`];
	for (const store of stores) {
		statements.push(
			store.kind === 'cloudtrail'
				? `CREATE VIEW ${storeRelation(store)} AS SELECT ${cloudTrailColumns.join(', ')} FROM memory.main.__records`
				: `CREATE TABLE ${storeRelation(store)} (${configColumns.join(', ')})`,
		);
	}

	return statements;
}
