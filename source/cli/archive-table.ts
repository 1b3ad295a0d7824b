// Which Athena table a script's --archive reads: the one Glue describes over the trail's logs
// (discovery, as the UI's `a` does), or --athena-table. Where there is none, the CREATE EXTERNAL
// TABLE statement goes to stderr and nothing runs (exit status 2: the command needs another flag);
// with --athena-create-table the statement runs first, the one write trailview ever makes, and
// stderr says so before it does.
import {pickArchive, type ArchivePick} from '../domain/archive/pick.js';
import type {ArchiveService, ArchiveTable} from '../domain/archive/types.js';
import {TrailviewError, type Backend, type CloudTrailService, type Trail} from '../domain/types.js';
import {sanitizeLine} from '../lib/sanitize.js';
import {report} from '../output/writer.js';
import type {ArchiveFlags} from './archive-flags.js';
import type {ArchiveProgressReporter} from './archive-progress.js';

/** No table to read, and the statement (or why there is none) was printed: a different command line is needed. */
export const noTableExitCode = 2;

export type OpenArchiveInput = {
	archive: ArchiveService;
	/** The same account and region's CloudTrail, for its trails (where their logs lie). */
	cloudTrail: CloudTrailService;
	backend: Pick<Backend, 'listRegions'>;
	account: string;
	settings: Pick<ArchiveFlags, 'table' | 'workgroup' | 'outputLocation' | 'createTable'>;
	signal: AbortSignal;
	stderr: NodeJS.WritableStream & {isTTY?: boolean};
	progress: () => ArchiveProgressReporter;
	now: Date;
};

export type ArchiveTarget = {table: ArchiveTable; trail: Trail | undefined};

function where(trail: Trail): string {
	const prefix = trail.s3KeyPrefix ? `/${trail.s3KeyPrefix.replace(/^\/+|\/+$/g, '')}` : '';
	return `s3://${trail.s3BucketName ?? ''}${prefix}`;
}

/** The table to query, or the exit status once stderr said why there is none. */
export async function openArchiveTable(input: OpenArchiveInput): Promise<ArchiveTarget | number> {
	const {archive, settings, signal, stderr} = input;
	const region = sanitizeLine(archive.region);
	const discover = async (): Promise<ArchivePick> => {
		const [tables, trails, regions] = await Promise.all([
			archive.listTables({signal}),
			// The trails only match tables to trails; a named table runs without them.
			input.cloudTrail.listTrails({signal}).catch((error: unknown) => {
				if (settings.table === undefined) {
					throw error;
				}

				return [];
			}),
			// The statement projects every region of the partition; the home region at least.
			input.backend.listRegions().then(
				list => list.map(info => info.code),
				() => [archive.region],
			),
		]);
		return pickArchive({tables, trails, override: settings.table, accounts: [input.account], regions: regions.length > 0 ? regions : [archive.region], now: input.now});
	};

	const pick = await discover();
	if (pick.table) {
		if (settings.createTable) {
			await report(stderr, [`trailview: ${sanitizeLine(`${pick.table.database}.${pick.table.name}`)} already exists; --athena-create-table created nothing`]);
		}

		if (settings.table !== undefined && pick.table.partitionKeys.length === 0 && stderr.isTTY === true) {
			await report(stderr, [`trailview: Glue lists no CloudTrail table ${sanitizeLine(settings.table)} in ${region}; without its partitions the query reads the whole table`]);
		}

		return {table: pick.table, trail: pick.trail};
	}

	if (!pick.ddl || !pick.trail) {
		await report(stderr, [
			`trailview: no Athena table over CloudTrail logs in the Glue Data Catalog of ${region}. ${sanitizeLine(pick.ddlProblem ?? '')}`.trimEnd(),
			'  Pass --athena-table DATABASE.TABLE to read a table discovery did not find.',
		]);
		return noTableExitCode;
	}

	const {ddl, trail} = pick;
	const name = sanitizeLine(`${ddl.database}.${ddl.table}`);
	const logs = sanitizeLine(where(trail));
	if (!settings.createTable) {
		await report(stderr, [
			`trailview: no Athena table over the logs of trail ${sanitizeLine(trail.name)} (${logs}) in ${region}. This statement creates one:`,
			'',
			...ddl.sql.split('\n').map(line => sanitizeLine(line)),
			'',
			`trailview: re-run with --athena-create-table to create ${name} with it (a table definition in the Glue Data Catalog, the one thing trailview writes), or run it in the Athena console.`,
		]);
		return noTableExitCode;
	}

	await report(stderr, [`trailview: creating the Athena table ${name} over ${logs} (--athena-create-table: this writes a table definition to the Glue Data Catalog)`]);
	const progress = input.progress();
	const pages = archive.runQuery(
		{sql: ddl.sql, parameters: []},
		{database: ddl.database, workgroup: settings.workgroup, outputLocation: settings.outputLocation, signal, onProgress: progress.onProgress},
	);
	// A DDL statement answers with no rows; reading to the end is waiting for it to finish.
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	for await (const _ of pages) {
		// Nothing to keep.
	}

	if (signal.aborted) {
		progress.stopped();
		throw new TrailviewError('cancelled', 'interrupted while creating the table');
	}

	await report(stderr, [`trailview: created ${name}`]);
	const again = await discover();
	if (!again.table) {
		await report(stderr, [`trailview: created ${name}, but the Glue Data Catalog does not list it over ${logs}`, '  Pass --athena-table DATABASE.TABLE to read it.']);
		return 1;
	}

	return {table: again.table, trail: again.trail};
}
