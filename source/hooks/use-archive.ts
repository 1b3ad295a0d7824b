// The archive source (issue 16, `a`): finds the Athena table over the trail's logs in the Glue
// Data Catalog (and, through use-lake.ts, a CloudTrail Lake event data store), and while the
// archive is on, hands the events table a lookup that runs the query in Athena or the Lake instead
// of LookupEvents. `a` steps Event history -> Athena -> the Lake (where there is one) -> back.
// Discovery starts once the trails are known, quietly: a failure shows only when the person asks
// for the archive. The one write trailview can make,
// CREATE EXTERNAL TABLE, runs only from `createTable`, which the screen calls after a yes.
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {Query, TimeWindow} from '../domain/query/types.js';
import {compileArchiveGroupBy, groupsFromRows} from '../domain/archive/group-by.js';
import type {RemoteSummary} from './use-summary.js';
import {TrailviewError, type Session, type Trail} from '../domain/types.js';
import type {ArchiveProgress, ArchiveRow, ArchiveService, ArchiveSettings, ArchiveSource, ArchiveTable, LakeStore} from '../domain/archive/types.js';
import {useLake, type LakeDiscovery} from './use-lake.js';

export type {ArchiveSettings} from '../domain/archive/types.js';
import {archiveLookup, archiveRowLimit, archiveWindow, type ArchiveLookup} from '../domain/archive/lookup.js';
import {pickArchive, type ArchivePick} from '../domain/archive/pick.js';
import {toTrailviewError} from '../services/errors.js';
import {useOptionalBackend} from '../context/app-context.js';


export type ArchiveDiscovery =
	| {stage: 'idle'}
	| {stage: 'discovering'}
	| {stage: 'failed'; error: TrailviewError}
	| ({stage: 'found'; tables: readonly ArchiveTable[]} & ArchivePick);

export type CreateState = {stage: 'idle'} | {stage: 'confirming'} | {stage: 'creating'; progress?: ArchiveProgress} | {stage: 'failed'; error: TrailviewError};

export type UseArchive = {
	/** Not Event history: Athena or the Lake. */
	on: boolean;
	source: ArchiveSource;
	/** What `a` switches to next (the hint says it). */
	next: ArchiveSource;
	discovery: ArchiveDiscovery;
	lakeDiscovery: LakeDiscovery;
	/** The event data store the Lake source reads. */
	store: LakeStore | undefined;
	/** The running (or last) archive query's state, elapsed time and bytes scanned. */
	progress: ArchiveProgress | undefined;
	/** What the events table reads while the archive is on and a table is known. */
	lookup: ArchiveLookup | undefined;
	table: ArchiveTable | undefined;
	workgroup: string;
	toggle(): void;
	create: CreateState;
	/** `c` where no table exists: ask first. */
	askCreate(): void;
	cancelCreate(): void;
	/** After the yes: runs the DDL, then discovers again. */
	createTable(): void;
	/** While the archive is on with a table: the summary's GROUP BY, run in Athena. */
	summarize: RemoteSummary | undefined;
	/** Called while rendering, with whether Event history has its first page (or failed): discovery waits for it. */
	noticeHistory(ready: boolean): void;
};

const defaultSettings: ArchiveSettings = {workgroup: 'primary', on: false};

export function useArchive(options: {
	session: Session;
	region: string;
	trails: readonly Trail[] | undefined;
	query: Query;
	writeOnly: boolean;
	/** The query's window (the plan's); without since: or until: the archive reads its default instead. */
	window: TimeWindow;
	settings?: ArchiveSettings | undefined;
}): UseArchive {
	const {session, region, trails, query, writeOnly} = options;
	const settings = options.settings ?? defaultSettings;
	const backend = useOptionalBackend();
	const service = useMemo<ArchiveService>(() => session.archiveFor(region), [session, region]);
	const [source, setSource] = useState<ArchiveSource>(settings.lake ? 'lake' : settings.on ? 'athena' : 'history');
	const on = source !== 'history';
	const [discovery, setDiscovery] = useState<ArchiveDiscovery>({stage: 'idle'});
	const [progress, setProgress] = useState<ArchiveProgress | undefined>(undefined);
	const [create, setCreate] = useState<CreateState>({stage: 'idle'});
	const [generation, setGeneration] = useState(0);
	const regions = useRef<readonly string[]>([region]);

	// Discovery waits for Event history's first page, unless the archive is asked for: loading the
	// Glue client and asking Glue must not compete with the first rows.
	const [historyReady, setHistoryReady] = useState(false);
	const wanted = historyReady || on;
	useEffect(() => {
		if (trails === undefined || !wanted) {
			return;
		}

		const controller = new AbortController();
		const discover = async () => {
			setDiscovery({stage: 'discovering'});
			try {
				const [tables, regionList] = await Promise.all([
					service.listTables({signal: controller.signal}),
					backend ? backend.listRegions().catch(() => []) : Promise.resolve([]),
				]);
				regions.current = regionList.length > 0 ? regionList.map(info => info.code) : [region];
				if (!controller.signal.aborted) {
					const pick = pickArchive({tables, trails, override: settings.table, accounts: [session.identity.account], regions: regions.current, now: new Date()});
					setDiscovery({stage: 'found', tables, ...pick});
				}
			} catch (error) {
				if (!controller.signal.aborted) {
					setDiscovery({stage: 'failed', error: toTrailviewError(error, {operation: 'glue:GetTables', region})});
				}
			}
		};

		void discover();
		return () => controller.abort();
		// `wanted` only ever turns true: once started, a discovery is not restarted by `a`.
	}, [service, backend, trails, settings.table, session, region, generation, wanted]);

	const lake = useLake({
		session,
		region,
		wanted,
		on: source === 'lake',
		override: settings.lakeStore,
		query,
		writeOnly,
		window: options.window,
		onProgress: setProgress,
	});
	const table = discovery.stage === 'found' ? discovery.table : undefined;
	const athenaLookup = useMemo(
		() =>
			source === 'athena' && table
				? archiveLookup({service, table, query, writeOnly, workgroup: settings.workgroup, outputLocation: settings.outputLocation, onProgress: setProgress})
				: undefined,
		[source, table, service, query, writeOnly, settings.workgroup, settings.outputLocation],
	);
	const lookup = source === 'lake' ? lake.lookup : athenaLookup;

	const {window} = options;
	const athenaSummarize = useMemo<RemoteSummary | undefined>(() => {
		if (source !== 'athena' || !table) {
			return undefined;
		}

		return async (field, {slices, signal, onProgress}) => {
			const bounds = archiveWindow(query, query.until === undefined ? {start: window.start} : window, new Date());
			const compiled = compileArchiveGroupBy(query, field, {table, window: bounds, writeOnly, limit: archiveRowLimit, buckets: slices});
			const rows: ArchiveRow[] = [];
			for await (const page of service.runQuery(compiled, {database: table.database, workgroup: settings.workgroup, outputLocation: settings.outputLocation, signal, onProgress})) {
				rows.push(...page);
			}

			const ms = {start: bounds.start.getTime(), end: bounds.end.getTime()};
			return groupsFromRows(rows, field, {window: ms, slices, account: session.identity.account});
		};
	}, [source, table, query, window, writeOnly, service, settings.workgroup, settings.outputLocation, session]);
	const summarize = source === 'lake' ? lake.summarize : athenaSummarize;

	// The Lake is a stop on the way back only where a store holding CloudTrail events was found (or named).
	const hasLake = lake.store !== undefined || settings.lakeStore !== undefined;
	const next: ArchiveSource = source === 'history' ? 'athena' : source === 'athena' && hasLake ? 'lake' : 'history';
	const toggle = useCallback(() => {
		setSource(next);
		setProgress(undefined);
	}, [next]);

	const creating = useRef<AbortController | undefined>(undefined);
	useEffect(() => () => creating.current?.abort(), []);
	const ddl = discovery.stage === 'found' ? discovery.ddl : undefined;
	const createTable = useCallback(() => {
		if (!ddl) {
			return;
		}

		creating.current?.abort();
		const controller = new AbortController();
		creating.current = controller;
		setCreate({stage: 'creating'});
		void (async () => {
			try {
				const pages = service.runQuery(
					{sql: ddl.sql, parameters: []},
					{database: ddl.database, workgroup: settings.workgroup, outputLocation: settings.outputLocation, signal: controller.signal, onProgress: progress => setCreate({stage: 'creating', progress})},
				);
				// A DDL statement answers with no rows; reading to the end is waiting for it to finish.
				for await (const _ of pages) {
					// Nothing to keep.
				}

				if (!controller.signal.aborted) {
					setCreate({stage: 'idle'});
					setGeneration(current => current + 1);
				}
			} catch (error) {
				if (!controller.signal.aborted) {
					setCreate({stage: 'failed', error: error instanceof TrailviewError ? error : toTrailviewError(error, {operation: 'athena:StartQueryExecution', region})});
				}
			}
		})();
	}, [ddl, service, settings.workgroup, settings.outputLocation, region]);

	return {
		on,
		source,
		next,
		discovery,
		lakeDiscovery: lake.discovery,
		store: lake.store,
		progress,
		lookup,
		table,
		workgroup: settings.workgroup,
		toggle,
		create,
		askCreate: useCallback(() => setCreate({stage: 'confirming'}), []),
		cancelCreate: useCallback(() => setCreate({stage: 'idle'}), []),
		createTable,
		summarize,
		noticeHistory(ready) {
			// A render-phase update of this component's own state: drawn in the same frame.
			if (ready && !historyReady) {
				setHistoryReady(true);
			}
		},
	};
}
