// --lake and --lake-store (CloudTrail Lake, the third source), checked here so a typo is one line
// and exit status 2 rather than a Lake error after a query was started (and billed).
export type LakeFlags = {
	/** --lake: query a CloudTrail Lake event data store instead of Event history. */
	on: boolean;
	/** --lake-store ID|ARN|NAME: skips the choice of store. */
	store: string | undefined;
};

// An id, a name (letters, digits, '.', '_', '-') or an ARN (':' and '/' too).
const storePattern = /^[\w.:/-]{1,256}$/;

export function lakeFlags(flags: Record<string, unknown>): LakeFlags | {message: string} {
	const on = flags['lake'] === true;
	const store = typeof flags['lakeStore'] === 'string' ? flags['lakeStore'] : undefined;
	if (store !== undefined && !storePattern.test(store)) {
		return {message: `--lake-store must be an event data store's id, ARN or name (got ${JSON.stringify(store)})`};
	}

	if (!on) {
		return {on, store};
	}

	if (flags['archive'] === true) {
		return {message: '--lake and --archive are two sources (CloudTrail Lake, Athena over the trail\'s S3 logs): give one'};
	}

	if (flags['follow'] === true) {
		return {message: '--follow reads Event history (LookupEvents) as events arrive; Lake is minutes behind and bills each poll: give one'};
	}

	if (flags['allRegions'] === true) {
		return {message: '--lake reads every region the event data store collects; narrow with region: in --query instead of --all-regions'};
	}

	// Lake counts every match of the window; the local --group-by's "the first N events" has no SQL here.
	if (flags['groupBy'] !== undefined && flags['limit'] !== undefined) {
		return {message: '--group-by with --lake counts every match in CloudTrail Lake, so it takes no --limit; narrow with --since, --until or --query'};
	}

	return {on, store};
}
