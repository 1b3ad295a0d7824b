// A Glue table as DuckDB sees it: a view over the archive's records, limited to what the table's
// location (and its partition projection) covers. Values in the view's SQL are checked against
// strict patterns first: they come from DDL the caller sent.
import {columnNames, partitionColumns} from './schema.js';
import type {PartitionRef} from './archive-index.js';

/** Which of the archive's records a table's location covers. */
export type ArchiveScope = {
	/** Undefined: every account (an organization trail's root). */
	accounts?: readonly string[];
	regions?: readonly string[];
	/** A trail without data event selectors. */
	managementOnly: boolean;
	/** projection.timestamp.range's start, `yyyy/MM/dd`. */
	fromDay?: string;
	/** A trail that stopped logging: nothing after this ISO time. */
	untilTime?: string;
};

export type ArchiveView = {
	database: string;
	name: string;
	columns: readonly string[];
	partitionKeys: readonly string[];
	/** Undefined: a table over something that is not a demo trail's archive (it reads as empty). */
	scope: ArchiveScope | undefined;
};

export const namePattern = /^[a-z0-9_]+$/;
const accountPattern = /^\d{12}$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;
const dayPattern = /^\d{4}\/\d{2}\/\d{2}$/;
const timePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function checked(values: readonly string[], pattern: RegExp, what: string): string {
	for (const value of values) {
		if (!pattern.test(value)) {
			throw new Error(`not a valid ${what}: ${value}`);
		}
	}

	return values.map(value => `'${value}'`).join(', ');
}

const quote = (name: string): string => `"${name}"`;

const partitionNames: ReadonlySet<string> = new Set(partitionColumns);

/** CREATE OR REPLACE VIEW for the table in `catalog`. */
export function viewSql(catalog: string, view: ArchiveView): string {
	for (const name of [catalog, view.database, view.name, ...view.columns, ...view.partitionKeys]) {
		checked([name], namePattern, 'name');
	}

	const columns = view.columns.map(column => (columnNames.has(column) ? quote(column) : `CAST(NULL AS VARCHAR) AS ${quote(column)}`));
	const keys = view.partitionKeys.map(key => (partitionNames.has(key) ? quote(key) : `CAST(NULL AS VARCHAR) AS ${quote(key)}`));
	const {scope} = view;
	const conditions: string[] = [];
	if (!scope) {
		conditions.push('false');
	} else {
		if (scope.accounts) {
			conditions.push(`account IN (${checked(scope.accounts, accountPattern, 'account')})`);
		}

		if (scope.regions) {
			conditions.push(`region IN (${checked(scope.regions, regionPattern, 'region')})`);
		}

		if (scope.managementOnly) {
			conditions.push(`eventcategory = 'Management'`);
		}

		if (scope.fromDay) {
			conditions.push(`"timestamp" >= ${checked([scope.fromDay], dayPattern, 'day')}`);
		}

		if (scope.untilTime) {
			conditions.push(`eventtime <= ${checked([scope.untilTime], timePattern, 'time')}`);
		}
	}

	return (
		`CREATE OR REPLACE VIEW ${quote(catalog)}.${quote(view.database)}.${quote(view.name)} AS ` +
		`SELECT ${[...columns, ...keys].join(', ')} FROM memory.main.__records` +
		(conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '')
	);
}

/** Whether the table's location covers the partition (its files are under the table's location). */
export function inScope(ref: PartitionRef, scope: ArchiveScope | undefined): boolean {
	if (!scope) {
		return false;
	}

	return (
		(!scope.accounts || scope.accounts.includes(ref.account)) &&
		(!scope.regions || scope.regions.includes(ref.region)) &&
		(!scope.fromDay || ref.day >= scope.fromDay) &&
		(!scope.untilTime || ref.day <= scope.untilTime.slice(0, 10).replaceAll('-', '/'))
	);
}
