// Domain types: what the UI, the script output and the tests see. Nothing here depends on the AWS
// SDK; source/services/ converts SDK shapes into these at the edge.
import type {ArchiveService, LakeService} from './archive/types.js';

export type ErrorKind =
	| 'expired-credentials'
	| 'missing-credentials'
	| 'invalid-credentials'
	| 'access-denied'
	| 'throttled'
	| 'network'
	| 'invalid-input'
	| 'cancelled'
	| 'service';

/** The one error type every service call rejects with. `message` is for a person; `hint` is the fix. */
export class TrailviewError extends Error {
	override readonly name = 'TrailviewError';
	readonly kind: ErrorKind;
	/** What to do about it, e.g. "Run `aws sso login --profile dev`". */
	readonly hint: string | undefined;
	/** The service's error code (AccessDeniedException, ...), when there was one. */
	readonly code: string | undefined;
	/** The SSO profile whose `aws sso login` fixes this, when that is the fix. */
	readonly ssoLoginProfile: string | undefined;

	constructor(kind: ErrorKind, message: string, options: {hint?: string; code?: string; cause?: unknown; ssoLoginProfile?: string} = {}) {
		super(message, options.cause === undefined ? undefined : {cause: options.cause});
		this.kind = kind;
		this.hint = options.hint;
		this.code = options.code;
		this.ssoLoginProfile = options.ssoLoginProfile;
	}
}

export type Trail = {
	name: string;
	arn: string;
	homeRegion: string;
	isMultiRegion: boolean;
	isOrganization: boolean;
	s3BucketName: string | undefined;
	/** The trail's S3 key prefix (logs lie under BUCKET/PREFIX/AWSLogs/), when it has one. */
	s3KeyPrefix?: string | undefined;
	logFileValidation: boolean;
	kmsKeyId: string | undefined;
	/** undefined when the status could not be read (see statusError). */
	isLogging: boolean | undefined;
	latestDeliveryTime: Date | undefined;
	latestDeliveryError: string | undefined;
	/** Why GetTrailStatus failed for this trail, when it did; the rest of the trail still shows. */
	statusError: string | undefined;
};

export type EventResource = {type: string | undefined; name: string | undefined};

export type TrailEvent = {
	id: string;
	time: Date;
	name: string;
	source: string;
	username: string | undefined;
	accessKeyId: string | undefined;
	readOnly: boolean | undefined;
	resources: EventResource[];
	errorCode: string | undefined;
	errorMessage: string | undefined;
	sourceIp: string | undefined;
	userAgent: string | undefined;
	region: string | undefined;
	/** The CloudTrailEvent string exactly as the service sent it. */
	raw: string | undefined;
	/** Where the row was read, set when several accounts or regions are open at once (issue 13). */
	origin?: EventOrigin | undefined;
};

/** The account and region an event was read from. */
export type EventOrigin = {
	/** The account id. */
	account: string;
	/** What the UI calls the account: the profile name where known, else the id. */
	accountLabel: string;
	region: string;
};

/** One account+region the merged view reads, with the service bound to it. */
export type EventSource = EventOrigin & {service: CloudTrailService};

/** Why a merged view left an account+region out; the others carry on. */
export type SkipReason = 'not-enabled' | 'access-denied' | 'failed';

export type SkippedSource = EventOrigin & {reason: SkipReason; error: TrailviewError};

export type LookupAttributeKey =
	| 'EventId'
	| 'EventName'
	| 'ReadOnly'
	| 'Username'
	| 'ResourceType'
	| 'ResourceName'
	| 'EventSource'
	| 'AccessKeyId';

/** One LookupEvents lookup attribute: exact and case-sensitive, as the service matches. */
export type LookupAttribute = {key: LookupAttributeKey; value: string};

/** The attribute that asks the service for write events only (trailview's default view). */
export const writeEventsAttribute: LookupAttribute = Object.freeze({key: 'ReadOnly', value: 'false'});

export type LookupOptions = {
	start?: Date;
	end?: Date;
	/**
	 * Sent as the request's single LookupAttributes entry (the service takes one, never two); absent,
	 * no attribute is sent and every event comes back, read-only ones too. A caller that wants write
	 * events only passes {key: 'ReadOnly', value: 'false'}; anything more is the caller's to apply.
	 */
	attribute?: LookupAttribute;
	/** 1..50; the service default is 50. */
	pageSize?: number;
	signal?: AbortSignal;
	/** Whether and how long to wait out throttling once the SDK's own retries are spent. */
	throttle?: ThrottlePolicy;
};

/** One wait between tries of a throttled request (services/throttle-retry.ts). */
export type ThrottleWait = {
	/** 1 for the first wait of this request, then 2, 3… */
	retry: number;
	/** When the next try starts, in Date.now() milliseconds. */
	retryAt: number;
	/** The throttling error the last try ended with. */
	error: TrailviewError;
	/** Ends this wait early: the next try starts at once. */
	retryNow(): void;
};

/**
 * What a caller wants when CloudTrail keeps throttling after the SDK's retries: keep trying with
 * back-off (lib/backoff.ts), and hear about each wait. Without a policy a throttle is an error.
 */
export type ThrottlePolicy = {
	/** Give up (reject with the throttling error) once one request has been throttled this long; undefined: for as long as the caller's signal lives. */
	maxWaitMs?: number;
	/** Each wait as it starts, so a pane can show it and a script can say so once. */
	onWait?(wait: ThrottleWait): void;
};

export type CallerIdentity = {
	account: string;
	arn: string;
	userId: string;
};

/** What the shared service module offers every pane and the script output. */
export type CloudTrailService = {
	readonly region: string;
	listTrails(options?: {signal?: AbortSignal; throttle?: ThrottlePolicy}): Promise<Trail[]>;
	/** Pages of events matching `options.attribute` (all events without one), newest first, each id once. */
	lookupEvents(options: LookupOptions): AsyncIterable<TrailEvent[]>;
	getCallerIdentity(options?: {signal?: AbortSignal}): Promise<CallerIdentity>;
};

export type ProfileKind =
	| 'static'
	| 'sso'
	| 'assume-role'
	| 'credential-process'
	| 'web-identity'
	| 'environment'
	| 'default-chain'
	| 'demo'
	| 'unknown';

/** One row of the profile picker. Never holds a secret. */
export type ProfileEntry = {
	/** Profile name; for 'environment' and 'default-chain' a fixed label. */
	name: string;
	kind: ProfileKind;
	/** Short human description, e.g. "SSO · my-sso (123456789012 / ReadOnly)". */
	detail: string;
	/** The profile's `region` from the config file, when set. */
	region: string | undefined;
	/** For SSO profiles, so a failure can say `aws sso login --profile X`. */
	ssoSession?: string;
};

/** An assume-role profile's `mfa_serial` wants a code; `retry` says why the last one was refused. */
export type MfaRequest = {profile: string; serial: string; retry?: string};

/** Asks a person for an MFA code; rejects (with a TrailviewError) when they decline. */
export type MfaPrompt = (request: MfaRequest) => Promise<string>;

export type RegionInfo = {code: string; name: string | undefined};

export type RegionSource = 'flag' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile' | 'fallback';

export type DefaultRegion = {region: string; source: RegionSource};

/** The result of picking a profile: resolved credentials (never exposed) and who they belong to. */
export type Session = {
	profile: ProfileEntry;
	identity: CallerIdentity;
	/** Access key id masked for display, e.g. "AKIA…WXYZ". */
	maskedAccessKeyId: string | undefined;
	expiration: Date | undefined;
	/** A CloudTrail service bound to these credentials and the given region. */
	serviceFor(region: string): CloudTrailService;
	/** The trail archive (Athena over the trail's S3 logs, issue 16) with these credentials in the given region. */
	archiveFor(region: string): ArchiveService;
	/** CloudTrail Lake (event data stores queried with SQL) with these credentials in the given region. */
	lakeFor(region: string): LakeService;
	/**
	 * The pause between follow polls that TRAILVIEW_FOLLOW_INTERVAL_MS sets for a loopback emulator
	 * (tests, the benchmark); absent against AWS, where followIntervalMs paces them.
	 */
	followIntervalMs?: number;
};

export type ConnectOptions = {
	region: string;
	/** Aborts the connect, and any request it started that no screen has taken over yet. */
	signal?: AbortSignal;
	/**
	 * The main screen opens on `region` as soon as this resolves (--profile with --region): start
	 * its trails and first page of events together with the identity check, for the session's
	 * service in that region to hand over.
	 */
	prefetch?: boolean;
	/** Resolve credentials anew (after `aws sso login`), not from what this run already holds. */
	fresh?: boolean;
};

/**
 * Everything the UI needs from the outside world. The real one wraps the AWS SDK (loaded lazily);
 * tests inject fakes. Components receive it through context and never import @aws-sdk/*.
 */
export type Backend = {
	/**
	 * Profiles from the shared config/credentials files, plus environment / default chain / demo
	 * entries. Answers synchronously when it can (the files are small), so the picker's first frame
	 * already lists them; a promise when it must wait (the demo emulator starting).
	 */
	listProfiles(): ProfileEntry[] | Promise<ProfileEntry[]>;
	/** Every region of the partition, from the SDK's own region data. */
	listRegions(): Promise<RegionInfo[]>;
	/** --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1. */
	defaultRegion(profile: ProfileEntry | undefined): DefaultRegion;
	/** Resolves credentials and calls STS GetCallerIdentity. Rejects with TrailviewError. */
	connect(profile: ProfileEntry, options: ConnectOptions): Promise<Session>;
	/**
	 * Runs `aws sso login --profile <profile>`, which uses the terminal: call it only with the
	 * terminal handed over. Absent where there is nothing to log in to (the demo).
	 */
	ssoLogin?(profile: string): Promise<SsoLoginResult>;
	/**
	 * Loads what connect() needs (the SDK's chunks) ahead of the first call, for a caller that knows
	 * a connect is coming. Never rejects; a failure to load shows at connect().
	 */
	preload?(): Promise<void>;
	/**
	 * After listProfiles() found no AWS setup at all: where it looked and how to add access, one
	 * line each. Undefined when there are profiles.
	 */
	firstRunNote?(): string[] | undefined;
};

export type SsoLoginResult = {ok: true} | {ok: false; message: string; hint: string};
