// --archive and the --athena-* flags (issue 16), checked here so a typo is one line and exit
// status 2 rather than an Athena error after a query was started (and billed).
import {parseTableName} from '../domain/archive/pick.js';
import type {ArchiveSettings} from '../domain/archive/types.js';

export type ArchiveFlags = ArchiveSettings & {
	/** --athena-create-table: a script may create the table the UI would offer (the one write). */
	createTable: boolean;
};

const workgroupPattern = /^[\w.-]{1,128}$/;
// S3 bucket naming rules (3-63 lower-case letters, digits, dots, hyphens), then any key prefix.
const outputPattern = /^s3:\/\/[a-z\d][a-z\d.-]{1,61}[a-z\d](?:\/\S*)?$/;

function text(flags: Record<string, unknown>, name: string): string | undefined {
	const value = flags[name];
	return typeof value === 'string' ? value : undefined;
}

export function archiveFlags(flags: Record<string, unknown>): ArchiveFlags | {message: string} {
	const on = flags['archive'] === true;
	const createTable = flags['athenaCreateTable'] === true;
	const table = text(flags, 'athenaTable');
	if (table !== undefined && !parseTableName(table)) {
		return {message: `--athena-table must be DATABASE.TABLE in letters, digits and underscores, e.g. default.cloudtrail_logs (got ${JSON.stringify(table)})`};
	}

	const workgroup = text(flags, 'athenaWorkgroup') ?? 'primary';
	if (!workgroupPattern.test(workgroup)) {
		return {message: `--athena-workgroup must be a workgroup name: letters, digits, '.', '_' and '-' (got ${JSON.stringify(workgroup)})`};
	}

	const outputLocation = text(flags, 'athenaOutput');
	if (outputLocation !== undefined && !outputPattern.test(outputLocation)) {
		return {message: `--athena-output must be an S3 location like s3://my-athena-results/trailview/ (got ${JSON.stringify(outputLocation)})`};
	}

	if (flags['follow'] === true && on) {
		return {message: '--follow reads Event history (LookupEvents) as events arrive; the archive is minutes behind and bills each poll: give one'};
	}

	if (flags['allRegions'] === true && on) {
		return {message: "--archive already reads every region the trail logs; narrow with region: in --query instead of --all-regions"};
	}

	// Athena counts every match of the window; the local --group-by's "the first N events" has no SQL here.
	if (on && flags['groupBy'] !== undefined && flags['limit'] !== undefined) {
		return {message: '--group-by with --archive counts every match in Athena, so it takes no --limit; narrow with --since, --until or --query'};
	}

	return {on, table, workgroup, outputLocation, createTable};
}
