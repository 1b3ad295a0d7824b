// CloudTrail Lake through the real SDK client: start a statement, poll DescribeQuery until it ends
// and read every page of GetQueryResults.
import {DescribeQueryCommand, GetQueryResultsCommand, StartQueryCommand, type CloudTrailClient, type DescribeQueryCommandOutput} from '@aws-sdk/client-cloudtrail';

export type LakeRow = Array<Record<string, string | null>>;

/** A value as trailview writes it into a Lake statement: its UTF-8 bytes in hex. */
export function hexValue(value: string): string {
	return `from_utf8(from_hex('${Buffer.from(value, 'utf8').toString('hex').toUpperCase()}'))`;
}

/** `yyyy-MM-dd HH:mm:ss` (UTC), the form a Lake time bound is cast from. */
export function lakeTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const running = new Set(['QUEUED', 'RUNNING']);

/** Polls DescribeQuery until `done` holds (by default: the query ended), for up to 20 s. */
export async function waitForLake(client: CloudTrailClient, id: string, done = (query: DescribeQueryCommandOutput) => !running.has(query.QueryStatus ?? '')): Promise<DescribeQueryCommandOutput> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const query = await client.send(new DescribeQueryCommand({QueryId: id}));
		if (done(query)) {
			return query;
		}

		if (Date.now() > deadline) {
			throw new Error(`query ${id} still ${query.QueryStatus ?? 'unknown'} after 20 s`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}
}

export type LakeRun = {id: string; query: DescribeQueryCommandOutput; rows: LakeRow[]; pages: number[]};

/** Runs a statement to its end and reads every page. */
export async function runLake(client: CloudTrailClient, sql: string, pageSize = 1000): Promise<LakeRun> {
	const {QueryId: id = ''} = await client.send(new StartQueryCommand({QueryStatement: sql}));
	const query = await waitForLake(client, id);
	const rows: LakeRow[] = [];
	const pages: number[] = [];
	let token: string | undefined;
	do {
		const page = await client.send(new GetQueryResultsCommand({QueryId: id, MaxQueryResults: pageSize, NextToken: token}));
		rows.push(...((page.QueryResultRows ?? []) as LakeRow[]));
		pages.push(page.QueryResultRows?.length ?? 0);
		token = page.NextToken;
	} while (token);
	return {id, query, rows, pages};
}

/** A row's cells as one object: column -> value (null for NULL). */
export function record(row: LakeRow): Record<string, string | null> {
	return Object.assign({}, ...row) as Record<string, string | null>;
}
