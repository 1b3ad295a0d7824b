// The emulator's public shapes: what tests, the benchmark and `trailview --demo` program against,
// plus the shapes its own modules share (StoredEvent, Resource), kept here so the generator, the
// store and the catalogue need not import each other.

export type EmulatorOptions = {
	/** 0 (the default) picks a free port. The server only ever binds 127.0.0.1. */
	port?: number;
	/** Same seed + same `now` => the same accounts, trails and events (ids included). */
	seed?: number;
	/** The moment the generated 90 days of history end at; the emulated clock runs on from it. */
	now?: Date;
	/**
	 * LookupEvents calls allowed to start in any 1 s window per account+region. Default 2, as the
	 * service. The get/describe/list calls keep the service's 10 in any 1 s window between them.
	 * false turns both limits off.
	 */
	rateLimitPerSecond?: number | false;
	/**
	 * Monotonic milliseconds (default performance.now). Drives the emulated clock and the rate
	 * limits, so tests step time instead of sleeping.
	 */
	clock?: () => number;
	/** Added before every response, to make loading states visible. Default 0. */
	latencyMs?: number;
	/**
	 * Shortest AssumeRole DurationSeconds accepted (the service's 900 by default). Tests lower it to
	 * watch temporary credentials refresh and expire (expired ones answer ExpiredToken).
	 */
	minSessionSeconds?: number;
	/** Events in the busiest account+region (demo-prod us-east-1); the others scale with it. Default 6000. */
	eventsPerRegion?: number;
	/** Which regions hold generated history (see DataRegions). Default 'demo'. */
	regions?: DataRegions;
	/**
	 * Every region with history holds as many events as the account's busiest (eventsPerRegion ×
	 * the account's weight: prod 1, dev 0.5, restricted 0.15) instead of the demo's busy and quiet
	 * regions. Default false. The all-regions benchmark needs it: a newest-first merge moves back in
	 * time only as fast as its densest region pages, so sparser regions would idle on their budget.
	 */
	evenRegions?: boolean;
	/**
	 * Opt-in regions each account (by id) has enabled; every other opt-in region answers
	 * UnrecognizedClientException. Replaces the default, which enables ap-southeast-3 for demo-prod.
	 */
	enabledOptInRegions?: Readonly<Record<string, readonly string[]>>;
	/** The Athena archive: query timing, the concurrency limit, and how DuckDB is loaded. */
	athena?: AthenaOptions;
	/**
	 * CloudTrail Lake's queries (over the same archive, so DuckDB loads as `athena` says). Timings
	 * default to `athena`'s, the limit to Lake's 10 queries at once.
	 */
	lake?: LakeOptions;
};

/**
 * Where generated history lives (events added with addEvent go wherever they are told).
 * - 'demo': demo-prod us-east-1 (eventsPerRegion), eu-west-1 (40 %), ap-southeast-2 (20 %) and its
 *   opt-in ap-southeast-3 (5 %); demo-dev and demo-restricted the same three default regions, quieter.
 * - 'all-default': the demo data plus each of the other 14 default regions at 30 % of the account's
 *   weight (prod 1, dev 0.5, restricted 0.15): about 9.7 × eventsPerRegion events in all.
 * - a list: exactly those regions; demo regions keep their demo share, others get the 30 % one.
 * IAM, STS, CloudFront and console sign-in events are generated in us-east-1 only, as CloudTrail
 * records them there whatever region the caller used.
 */
export type DataRegions = 'demo' | 'all-default' | readonly string[];

export type AthenaOptions = {
	/** Shortest time a query stays RUNNING, ms (default 300): long enough to watch it run, or stop it. */
	minRunMs?: number;
	/** Time a query spends QUEUED before it runs, ms (default 100). */
	queuedMs?: number;
	/** Queries QUEUED or RUNNING at once per account+region (default 5); one more is TooManyRequestsException. */
	concurrentQueries?: number;
	/** Loads @duckdb/node-api (default: a dynamic import); a test passes one that fails to see the archive unavailable. */
	loadDuckDb?: () => Promise<unknown>;
};

export type LakeOptions = {
	/** Shortest time a query stays RUNNING, ms. */
	minRunMs?: number;
	/** Time a query spends QUEUED before it runs, ms. */
	queuedMs?: number;
	/** Queries QUEUED or RUNNING at once per account+region; one more is MaxConcurrentQueriesException. */
	concurrentQueries?: number;
};

/** What the archive has built in DuckDB: partitions hold one account+region+day of records each. */
export type ArchiveStats = {
	/** Partitions with records in the whole archive. */
	partitions: number;
	partitionsBuilt: number;
	recordsBuilt: number;
	/** Time spent building records into DuckDB, summed over queries. */
	buildMs: number;
	/** JSON bytes of the built partitions' files before gzip. */
	rawBytes: number;
};

export type DemoAccount = {
	/** e.g. "demo-prod". */
	label: string;
	description: string;
	accountId: string;
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken?: string;
	/** Every call with these credentials fails with ExpiredTokenException. */
	expired?: boolean;
	userArn: string;
};

export type AthenaOperation = 'StartQueryExecution' | 'GetQueryExecution' | 'GetQueryResults' | 'StopQueryExecution' | 'ListWorkGroups';

export type GlueOperation = 'GetDatabases' | 'GetTables';

/**
 * CloudTrail Lake, on CloudTrail's endpoint. GetQueryResults shares its name with Athena's: a
 * failure injected for it (and its request count) applies to both services' calls.
 */
export type LakeOperation = 'ListEventDataStores' | 'StartQuery' | 'DescribeQuery' | 'GetQueryResults' | 'CancelQuery';

export type EmulatedOperation =
	| 'LookupEvents'
	| 'ListTrails'
	| 'DescribeTrails'
	| 'GetTrailStatus'
	| 'GetCallerIdentity'
	| 'AssumeRole'
	| AthenaOperation
	| GlueOperation
	| LakeOperation;

export type InjectedError = {code: string; message?: string; status?: number};

/**
 * An answer that is not an AWS error at all, as from an endpoint that does not implement the
 * operation (moto answers LookupEvents with Flask's HTML error page and HTTP 500) or a proxy:
 * `httpStatus` with a text/html page, an empty body, or plain text.
 */
export type InjectedHttpAnswer = {httpStatus: number; body: 'html' | 'empty' | 'text'};

/**
 * 'malformed' answers 200 with a body that does not parse; 'drop-connection' destroys the socket;
 * 'hang' never answers (until the client gives up or the emulator stops).
 */
export type InjectedFailure = InjectedError | InjectedHttpAnswer | 'malformed' | 'drop-connection' | 'hang';

export type FailureOptions = {
	/** How many matching calls fail; default: every call until clearFailures(). */
	times?: number;
	/** Let this many matching calls through first (e.g. 2 to fail the third page). Default 0. */
	after?: number;
	/** Only calls made with this account's credentials fail. */
	accountId?: string;
};

export type AddEventInput = {
	accountId: string;
	region: string;
	eventName: string;
	eventSource?: string;
	/** Any string, control characters included: the UI must render it safely. */
	username?: string;
	readOnly?: boolean;
	/**
	 * Default: the emulated clock's now. Truncated to the second, as CloudTrail does. A past time is
	 * late delivery: from this call on, queries return it in its time order (see lookup-events.ts
	 * for what that means to a run already paging).
	 */
	time?: Date;
	errorCode?: string;
	resources?: Array<{type: string; name: string}>;
	/** Merged (top level) into the CloudTrailEvent record. */
	record?: Record<string, unknown>;
};

export type Emulator = {
	/** http://127.0.0.1:PORT */
	endpoint: string;
	/** Credentials tests and --demo use. */
	accounts: DemoAccount[];
	stop(): Promise<void>;
	/** Returns the new event's id. */
	addEvent(input: AddEventInput): string;
	failOperation(op: EmulatedOperation, error: InjectedFailure, options?: FailureOptions): void;
	/**
	 * Every call of `op` (CloudTrail operations) answers ThrottlingException, as the service does
	 * when another client spends the account's budget, for the next `ms` of the emulator's clock.
	 */
	throttle(op: EmulatedOperation, ms: number, options?: {accountId?: string}): void;
	/**
	 * Ends injected failures and throttling. Region settings (enableRegion, denyRegion) stay: they
	 * stand for the account's configuration, not a passing fault.
	 */
	clearFailures(): void;
	/**
	 * Enables an opt-in region for an account (calls there then answer as anywhere else). Throws
	 * for an unknown account, a default region or a name that is no opt-in region.
	 */
	enableRegion(accountId: string, region: string): void;
	/** Undoes enableRegion: every call signed for the region answers UnrecognizedClientException again. */
	disableRegion(accountId: string, region: string): void;
	/** The 17 default regions plus the account's enabled opt-in ones, sorted. */
	enabledRegions(accountId: string): string[];
	/**
	 * LookupEvents in this region answers AccessDeniedException for this account, as a
	 * region-restricting SCP does; other operations still answer. Stays until allowRegion().
	 */
	denyRegion(accountId: string, region: string): void;
	allowRegion(accountId: string, region: string): void;
	/**
	 * Events held for one account+region, one account or (no arguments) everything, added ones
	 * included. Generates history not generated yet, so a benchmark can pay for it up front.
	 */
	eventCount(accountId?: string, region?: string): number;
	setLatency(ms: number): void;
	/** As `rateLimitPerSecond`; starts every budget afresh. */
	setRateLimit(perSecond: number | false): void;
	/** Requests by operation (whatever their outcome), plus 'throttled' (by the rate limit or throttle()). */
	requestCounts(): Record<string, number>;
	resetCounts(): void;
	/** What the Athena archive has built in DuckDB so far; undefined before its first query. */
	archiveStats(): Promise<ArchiveStats | undefined>;
};

/** A resource an event names, as LookupEvents returns it in Resources. */
export type Resource = {type: string; name: string};

/** One event as the store keeps it: what LookupEvents filters on, the full record built on demand. */
export type StoredEvent = {
	readonly id: string;
	/** Tie-breaker for equal times: higher is newer. Added events always beat generated ones. */
	readonly seq: number;
	/** Whole seconds, in ms. */
	readonly timeMs: number;
	readonly name: string;
	readonly source: string;
	readonly readOnly: boolean;
	readonly username: string | undefined;
	readonly accessKeyId: string | undefined;
	readonly resources: Resource[];
	/** The full record as a JSON string, exactly as LookupEvents sends it. */
	cloudTrailEvent(): string;
};
