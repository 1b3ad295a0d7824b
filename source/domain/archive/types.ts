// The archive's shapes (issue 16): the trail's S3 logs queried through Amazon Athena, a second
// source for the same screens as LookupEvents. The domain compiles queries and reads rows; the
// service (services/archive/) only starts, polls, pages and stops queries, so it never sees the
// query language and the compiler never sees the SDK.

/** An Athena table over CloudTrail logs, as the Glue Data Catalog describes it. */
export type ArchiveTable = {
	/** Glue catalog; Athena calls the account's own `AwsDataCatalog`. */
	catalog: string;
	database: string;
	name: string;
	/** StorageDescriptor.Location, e.g. `s3://bucket/AWSLogs/o-abc/`. */
	location: string | undefined;
	/** SerdeInfo.SerializationLibrary. */
	serde: string | undefined;
	/** Partition key names, lower-case, in order (e.g. ['account', 'region', 'timestamp']). */
	partitionKeys: string[];
	/**
	 * StorageDescriptor.Columns names, lower-case, when Glue listed them. Tables made from AWS's
	 * DDL over the years differ (serviceeventdetails, eventcategory, tlsdetails come and go), and
	 * naming a column the table lacks fails the query: the compiler selects those only when listed.
	 */
	columns?: string[] | undefined;
	/** Table parameters (`projection.*`, `storage.location.template`, …). */
	parameters: Record<string, string>;
};

/** Athena's query states, as GetQueryExecution reports them. */
export type ArchiveQueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** One poll's news about a running query: what the pane and a script's stderr show. */
export type ArchiveProgress = {
	queryId: string;
	state: ArchiveQueryState;
	/** Since StartQueryExecution returned, as measured here. */
	elapsedMs: number;
	/** Statistics.DataScannedInBytes so far (0 until Athena says). */
	scannedBytes: number;
	/** Which engine runs it, for the words on screen; absent is Athena. */
	engine?: ArchiveEngine;
};

/** The archive's engines: Athena over the trail's S3 logs, or a CloudTrail Lake event data store. */
export type ArchiveEngine = 'athena' | 'lake';

/** Where the main screen's query runs: Event history (LookupEvents) or one of the archive's engines. */
export type ArchiveSource = 'history' | ArchiveEngine;

/**
 * A compiled query: SQL whose every user-supplied value is a `?`, and the values in order, each
 * already an Athena literal (`'text'` with quotes doubled), as ExecutionParameters wants them.
 */
export type CompiledQuery = {sql: string; parameters: string[]};

export type ArchiveRunOptions = {
	/** Database the unqualified names resolve in (QueryExecutionContext.Database). */
	database: string;
	workgroup: string;
	/** ResultConfiguration.OutputLocation, for workgroups without managed results. */
	outputLocation?: string | undefined;
	/** Aborting stops the query with StopQueryExecution and ends the iteration. */
	signal?: AbortSignal;
	onProgress?(progress: ArchiveProgress): void;
	/** GetQueryResults MaxResults (Athena allows up to 1000). */
	pageSize?: number;
};

/** One result row, keyed by the header row's column names; SQL NULL is undefined. */
export type ArchiveRow = Record<string, string | undefined>;

/** What the service module offers for one account and region. */
export type ArchiveService = {
	readonly region: string;
	/** Glue databases and tables that look like CloudTrail tables (location or SerDe). */
	listTables(options?: {signal?: AbortSignal}): Promise<ArchiveTable[]>;
	/** Workgroup names, for the flag's error message and the discovery status. */
	listWorkGroups(options?: {signal?: AbortSignal}): Promise<string[]>;
	/** Runs one statement; yields result pages (header row removed) as GetQueryResults returns them. */
	runQuery(query: CompiledQuery, options: ArchiveRunOptions): AsyncIterable<ArchiveRow[]>;
};

/** What the flags ask of the archive (--archive, --athena-table, --athena-workgroup, --athena-output). */
export type ArchiveSettings = {
	/** --athena-table DB.TABLE: skips discovery's choice. */
	table?: string | undefined;
	/** --athena-workgroup (default primary). */
	workgroup: string;
	/** --athena-output s3://…, for workgroups without managed results. */
	outputLocation?: string | undefined;
	/** --archive: start on the archive. */
	on: boolean;
	/** --lake: start on CloudTrail Lake. */
	lake?: boolean | undefined;
	/** --lake-store ID, ARN or name: skips discovery's choice of event data store. */
	lakeStore?: string | undefined;
};

/** A CloudTrail Lake event data store, as ListEventDataStores describes it: the third source. */
export type LakeStore = {
	arn: string;
	/** The ARN's last segment: what a statement's FROM names. */
	id: string;
	name: string;
	/** CREATED, ENABLED, PENDING_DELETION, STARTING_INGESTION, STOPPING_INGESTION, STOPPED_INGESTION. */
	status: string;
	organization: boolean;
	multiRegion: boolean;
	retentionDays: number | undefined;
	/** holds CloudTrail management/data events (not Config items, Insights, other integrations) */
	cloudTrailEvents: boolean;
};

export type LakeRunOptions = {
	/** Aborting cancels the query with CancelQuery and ends the iteration. */
	signal?: AbortSignal;
	/** Lake's states are reported in Athena's words (FINISHED is SUCCEEDED, TIMED_OUT FAILED). */
	onProgress?(progress: ArchiveProgress): void;
	/** GetQueryResults MaxQueryResults (1-1000). */
	pageSize?: number;
};

/** What the Lake service module offers for one account and region. */
export type LakeService = {
	readonly region: string;
	listEventDataStores(options?: {signal?: AbortSignal}): Promise<LakeStore[]>;
	/** Runs one statement (values already in it, as hex); yields result pages as GetQueryResults returns them. */
	runQuery(statement: string, options: LakeRunOptions): AsyncIterable<ArchiveRow[]>;
};
