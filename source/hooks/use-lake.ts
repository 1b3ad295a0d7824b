// CloudTrail Lake, the archive's second engine (issue 16): finds the account's event data stores
// that hold CloudTrail events, and while the Lake is the source, hands the events table a lookup
// and the summary a GROUP BY that run there. Discovery starts with the Athena table's, after Event
// history's first page (or at once when the Lake is asked for), and fails quietly: most accounts
// have no Lake (AWS closed it to new customers in 2026) and many people may not list it.
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {Query, TimeWindow} from '../domain/query/types.js';
import {TrailviewError, type Session} from '../domain/types.js';
import type {ArchiveProgress, ArchiveRow, LakeService, LakeStore} from '../domain/archive/types.js';
import {groupsFromRows} from '../domain/archive/group-by.js';
import {archiveRowLimit, archiveWindow, type ArchiveLookup} from '../domain/archive/lookup.js';
import {compileLakeGroupBy} from '../domain/archive/lake.js';
import {lakeLookup} from '../domain/archive/lake-lookup.js';
import {pickLakeStore} from '../domain/archive/lake-pick.js';
import {toTrailviewError} from '../services/errors.js';
import type {RemoteSummary} from './use-summary.js';

export type LakeDiscovery =
	| {stage: 'idle'}
	| {stage: 'discovering'}
	| {stage: 'failed'; error: TrailviewError}
	| {stage: 'found'; stores: readonly LakeStore[]; store: LakeStore | undefined; problem: TrailviewError | undefined};

export type UseLake = {
	discovery: LakeDiscovery;
	store: LakeStore | undefined;
	lookup: ArchiveLookup | undefined;
	summarize: RemoteSummary | undefined;
};

export function useLake(options: {
	session: Session;
	region: string;
	/** Discovery may start (Event history has its first page, or the archive was asked for). */
	wanted: boolean;
	/** The Lake is the source: build the lookup and the summary. */
	on: boolean;
	/** --lake-store ID, ARN or name. */
	override: string | undefined;
	query: Query;
	writeOnly: boolean;
	window: TimeWindow;
	onProgress(progress: ArchiveProgress): void;
}): UseLake {
	const {session, region, wanted, on, override, query, writeOnly, window, onProgress} = options;
	const service = useMemo<LakeService>(() => session.lakeFor(region), [session, region]);
	const [discovery, setDiscovery] = useState<LakeDiscovery>({stage: 'idle'});

	useEffect(() => {
		if (!wanted) {
			return;
		}

		const controller = new AbortController();
		setDiscovery({stage: 'discovering'});
		service.listEventDataStores({signal: controller.signal}).then(
			stores => {
				if (!controller.signal.aborted) {
					setDiscovery({stage: 'found', stores, ...pick(stores, override)});
				}
			},
			(error: unknown) => {
				if (!controller.signal.aborted) {
					setDiscovery({stage: 'failed', error: toTrailviewError(error, {operation: 'cloudtrail:ListEventDataStores', region})});
				}
			},
		);
		return () => controller.abort();
	}, [service, wanted, override, region]);

	// The footer and the summary name the engine from the progress itself.
	const report = useCallback((progress: ArchiveProgress) => onProgress({...progress, engine: 'lake'}), [onProgress]);
	const store = discovery.stage === 'found' ? discovery.store : undefined;
	const lookup = useMemo(() => (on && store ? lakeLookup({service, store, query, writeOnly, onProgress: report}) : undefined), [on, store, service, query, writeOnly, report]);
	const summarize = useMemo<RemoteSummary | undefined>(() => {
		if (!on || !store) {
			return undefined;
		}

		return async (field, {slices, signal, onProgress: progress}) => {
			const bounds = archiveWindow(query, query.until === undefined ? {start: window.start} : window, new Date());
			const {statement} = compileLakeGroupBy(query, field, {store, window: bounds, writeOnly, limit: archiveRowLimit, buckets: slices});
			const rows: ArchiveRow[] = [];
			for await (const page of service.runQuery(statement, {signal, onProgress: update => progress({...update, engine: 'lake'})})) {
				rows.push(...page);
			}

			return groupsFromRows(rows, field, {window: {start: bounds.start.getTime(), end: bounds.end.getTime()}, slices, account: session.identity.account});
		};
	}, [on, store, query, window, writeOnly, service, session]);

	return {discovery, store, lookup, summarize};
}

/** The store to read, or why there is none (none holds CloudTrail events; --lake-store names none). */
function pick(stores: readonly LakeStore[], override: string | undefined): {store: LakeStore | undefined; problem: TrailviewError | undefined} {
	try {
		return {store: pickLakeStore(stores, override), problem: undefined};
	} catch (error) {
		return {store: undefined, problem: error instanceof TrailviewError ? error : new TrailviewError('invalid-input', String(error))};
	}
}
