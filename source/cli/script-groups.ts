// A --group-by whose GROUP BY ran in the query service (Athena for --archive, CloudTrail Lake for
// --lake): the grouped rows folded into the Summary and printed as the local --group-by prints its
// own, everything or nothing.
import {archiveRowLimit} from '../domain/archive/lookup.js';
import {groupsFromRows} from '../domain/archive/group-by.js';
import type {ArchiveRowOptions} from '../domain/archive/rows.js';
import type {ArchiveRow} from '../domain/archive/types.js';
import type {GroupField} from '../domain/summary.js';
import {groupsText} from '../output/groups.js';
import {cancelledExitCode, type OutputStream} from '../output/run-output.js';
import {createWriter, isClosedPipe, report} from '../output/writer.js';
import type {OutputFormat} from './flags.js';

export type GroupRowsInput = {
	format: OutputFormat;
	stdout: OutputStream;
	stderr: OutputStream;
	signal: AbortSignal;
	pages: AsyncIterable<ArchiveRow[]>;
	field: GroupField;
	rowOptions: ArchiveRowOptions;
	window: {start: Date; end: Date};
	/** The account events without an origin belong to. */
	account: string;
	emptyNote: string;
	/** How stderr names the service: `Athena`, `CloudTrail Lake`. */
	service: string;
};

export async function printGroupRows(input: GroupRowsInput): Promise<number> {
	const {format, stdout, stderr, signal} = input;
	const rows: ArchiveRow[] = [];
	for await (const page of input.pages) {
		rows.push(...page);
	}

	if (signal.aborted) {
		await report(stderr, [`trailview: interrupted; nothing printed (--group-by prints only a complete result)`]);
		return cancelledExitCode;
	}

	if (rows.length >= archiveRowLimit) {
		await report(stderr, [`trailview: ${input.service} returned ${archiveRowLimit.toLocaleString('en-US')} groups, its most; the counts are incomplete. Narrow the query with --since, --until or --query`]);
	}

	const {start, end} = input.window;
	const summary = groupsFromRows(rows, input.field, {...input.rowOptions, window: {start: start.getTime(), end: end.getTime()}, slices: 1, account: input.account});
	const out = createWriter(stdout);
	try {
		await out.write(groupsText(format, summary));
		if (summary.total === 0 && format === 'table') {
			await report(stderr, [`trailview: ${input.emptyNote}`]);
		}

		return 0;
	} catch (error) {
		if (isClosedPipe(error)) {
			return 0;
		}

		throw error;
	} finally {
		out.dispose();
	}
}
