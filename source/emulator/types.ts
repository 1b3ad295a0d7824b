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

export type EmulatedOperation =
	| 'LookupEvents'
	| 'ListTrails'
	| 'DescribeTrails'
	| 'GetTrailStatus'
	| 'GetCallerIdentity'
	| 'AssumeRole';

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
	/** Default: the emulated clock's now. Truncated to the second, as CloudTrail does. */
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
	/** Ends injected failures and throttling. */
	clearFailures(): void;
	setLatency(ms: number): void;
	/** As `rateLimitPerSecond`; starts every budget afresh. */
	setRateLimit(perSecond: number | false): void;
	/** Requests by operation (whatever their outcome), plus 'throttled' (by the rate limit or throttle()). */
	requestCounts(): Record<string, number>;
	resetCounts(): void;
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
