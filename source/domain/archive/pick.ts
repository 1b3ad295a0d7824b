// Which table the archive reads, which trail each table serves (the trails pane marks those), and,
// where no table exists, the CREATE EXTERNAL TABLE statement to offer for the trail that wants one.
import type {Trail} from '../types.js';
import {createTableDdl, suggestedTableName} from './ddl.js';
import {tableForTrail} from './discovery.js';
import type {ArchiveTable} from './types.js';

/** The statement the archive pane shows, and where it would create the table. */
export type ArchiveDdl = {database: string; table: string; sql: string};

export type ArchivePick = {
	/** The table queries run on, when there is one. */
	table: ArchiveTable | undefined;
	/** The trail `table` serves, or, without a table, the trail the statement is for. */
	trail: Trail | undefined;
	ddl: ArchiveDdl | undefined;
	/** Why no statement can be offered (a value the DDL would refuse, an organization id unknown here). */
	ddlProblem: string | undefined;
	/** Trail ARN -> the table over its logs. */
	marks: ReadonlyMap<string, ArchiveTable>;
};

/** The database the console's "Create Athena table" uses, and the one the statement names. */
export const ddlDatabase = 'default';

/** `DB.TABLE` as --athena-table takes it; undefined when it is not that shape. */
export function parseTableName(text: string): {database: string; name: string} | undefined {
	const match = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(text.trim());
	return match ? {database: match[1]!.toLowerCase(), name: match[2]!.toLowerCase()} : undefined;
}

/** Organization trails first (they hold every account), then trails in every region. */
function byReach(a: Trail, b: Trail): number {
	return Number(b.isOrganization) - Number(a.isOrganization) || Number(b.isMultiRegion) - Number(a.isMultiRegion);
}

function overridden(tables: readonly ArchiveTable[], text: string): ArchiveTable | undefined {
	const named = parseTableName(text);
	if (!named) {
		return undefined;
	}

	const found = tables.find(table => table.database.toLowerCase() === named.database && table.name.toLowerCase() === named.name);
	// A table discovery did not recognise still runs; without its partition keys nothing is pruned.
	return found ?? {catalog: 'AwsDataCatalog', database: named.database, name: named.name, location: undefined, serde: undefined, partitionKeys: [], parameters: {}};
}

export function pickArchive(input: {
	tables: readonly ArchiveTable[];
	trails: readonly Trail[];
	/** --athena-table. */
	override?: string | undefined;
	/** The accounts the statement projects (an organization's members where known). */
	accounts: readonly string[];
	regions: readonly string[];
	now: Date;
}): ArchivePick {
	const marks = new Map<string, ArchiveTable>();
	for (const trail of input.trails) {
		const table = tableForTrail(input.tables, trail);
		if (table) {
			marks.set(trail.arn, table);
		}
	}

	const ranked = [...input.trails].sort(byReach);
	if (input.override !== undefined) {
		const table = overridden(input.tables, input.override);
		const trail = ranked.find(each => marks.get(each.arn) === table);
		return {table, trail, ddl: undefined, ddlProblem: undefined, marks};
	}

	const served = ranked.find(trail => marks.has(trail.arn));
	if (served) {
		return {table: marks.get(served.arn), trail: served, ddl: undefined, ddlProblem: undefined, marks};
	}

	const trail = ranked.find(each => each.s3BucketName !== undefined);
	if (!trail?.s3BucketName) {
		return {table: undefined, trail: undefined, ddl: undefined, ddlProblem: 'No trail here writes to S3, so there is no archive to query.', marks};
	}

	if (trail.isOrganization) {
		return {
			table: undefined,
			trail,
			ddl: undefined,
			ddlProblem: `${trail.name} is an organization trail: its logs lie under AWSLogs/<organization id>/, which trailview cannot read from here. Create the table from the CloudTrail console (Event history → Create Athena table), then pass --athena-table DB.TABLE.`,
			marks,
		};
	}

	const table = suggestedTableName(trail.name);
	try {
		const sql = createTableDdl({
			database: ddlDatabase,
			table,
			bucket: trail.s3BucketName,
			prefix: trail.s3KeyPrefix,
			accounts: input.accounts,
			regions: input.regions,
			// Projection bounds cost nothing (every query names its days), so reach well back.
			since: `${input.now.getUTCFullYear() - 5}/01/01`,
		});
		return {table: undefined, trail, ddl: {database: ddlDatabase, table, sql}, ddlProblem: undefined, marks};
	} catch (error) {
		return {table: undefined, trail, ddl: undefined, ddlProblem: error instanceof Error ? error.message : String(error), marks};
	}
}
