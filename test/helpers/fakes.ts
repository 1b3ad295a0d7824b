// Fakes of the Backend and CloudTrailService contracts, for component tests: every call is
// recorded, and answers can be held back (deferred) to show spinners and ordering.
import type {
	Backend,
	CallerIdentity,
	CloudTrailService,
	DefaultRegion,
	LookupOptions,
	ProfileEntry,
	RegionInfo,
	Session,
	Trail,
	TrailEvent,
} from '../../source/domain/types.js';
import {TrailviewError} from '../../source/domain/types.js';
import type {ArchiveService, LakeService} from '../../source/domain/archive/types.js';
import type {EventsRun} from '../../source/hooks/use-events.js';
import {parseQuery} from '../../source/domain/query/parse.js';
import {planQuery} from '../../source/domain/query/plan.js';

export type Deferred<T> = {promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void};

export function deferred<T>(): Deferred<T> {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return {promise, resolve, reject};
}

export function makeEvent(index: number, overrides: Partial<TrailEvent> = {}): TrailEvent {
	const time = new Date(Date.UTC(2026, 10, 24, 12, 0, 0) - index * 60_000);
	return {
		id: `evt-${String(index).padStart(5, '0')}`,
		time,
		name: `PutThing${index}`,
		source: 's3.amazonaws.com',
		username: `user${index % 7}`,
		accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
		readOnly: false,
		resources: [{type: 'AWS::S3::Bucket', name: `bucket-${index}`}],
		errorCode: undefined,
		errorMessage: undefined,
		sourceIp: '203.0.113.7',
		userAgent: 'aws-cli/2.15.0',
		region: 'us-east-1',
		raw: JSON.stringify({eventID: `evt-${index}`, eventName: `PutThing${index}`}),
		...overrides,
	};
}

export function makeTrail(overrides: Partial<Trail> = {}): Trail {
	return {
		name: 'org-trail',
		arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail',
		homeRegion: 'us-east-1',
		isMultiRegion: true,
		isOrganization: true,
		s3BucketName: 'org-trail-logs',
		logFileValidation: true,
		kmsKeyId: undefined,
		isLogging: true,
		latestDeliveryTime: new Date(Date.UTC(2026, 10, 24, 11, 55, 0)),
		latestDeliveryError: undefined,
		statusError: undefined,
		...overrides,
	};
}

type PageSource = (options: LookupOptions | undefined, call: number) => AsyncIterable<TrailEvent[]>;

/** A service whose trails and event pages the test controls. */
export function fakeService(
	options: {
		region?: string;
		trails?: () => Promise<Trail[]>;
		pages?: TrailEvent[][] | PageSource;
		identity?: CallerIdentity;
	} = {},
): CloudTrailService & {lookupCalls: LookupOptions[]; trailCalls: number} {
	const lookupCalls: LookupOptions[] = [];
	const service = {
		region: options.region ?? 'us-east-1',
		lookupCalls,
		trailCalls: 0,
		async listTrails() {
			service.trailCalls++;
			return options.trails ? options.trails() : [makeTrail()];
		},
		lookupEvents(lookup?: LookupOptions): AsyncIterable<TrailEvent[]> {
			lookupCalls.push(lookup ?? {});
			const {pages} = options;
			if (typeof pages === 'function') {
				return pages(lookup, lookupCalls.length);
			}

			return (async function * () {
				for (const page of pages ?? [[makeEvent(0)]]) {
					yield page;
				}
			})();
		},
		async getCallerIdentity() {
			return options.identity ?? {account: '111111111111', arn: 'arn:aws:iam::111111111111:user/alice', userId: 'AIDAEXAMPLE'};
		},
	};
	return service;
}

/** An account with no archive tables; running a query fails as an unconfigured archive would. */
export function fakeArchiveService(region = 'us-east-1'): ArchiveService {
	return {
		region,
		listTables: async () => [],
		listWorkGroups: async () => ['primary'],
		async *runQuery() {
			throw new TrailviewError('invalid-input', 'The archive table or its database does not exist.');
		},
	};
}

/** An account with no event data stores; running a query fails as a missing store would. */
export function fakeLakeService(region = 'us-east-1'): LakeService {
	return {
		region,
		listEventDataStores: async () => [],
		async *runQuery() {
			throw new TrailviewError('invalid-input', 'The event data store does not exist.');
		},
	};
}

export function fakeSession(service: CloudTrailService, overrides: Partial<Session> = {}): Session {
	return {
		profile: {name: 'prod', kind: 'static', detail: 'static keys AKIA…MPLE', region: 'us-east-1'},
		identity: {account: '111111111111', arn: 'arn:aws:iam::111111111111:user/alice', userId: 'AIDAEXAMPLE'},
		maskedAccessKeyId: 'AKIA…MPLE',
		expiration: undefined,
		serviceFor: () => service,
		archiveFor: region => fakeArchiveService(region),
		lakeFor: region => fakeLakeService(region),
		...overrides,
	};
}

export function fakeBackend(
	options: {
		profiles?: ProfileEntry[];
		regions?: RegionInfo[];
		defaultRegion?: DefaultRegion;
		connect?: Backend['connect'];
	} = {},
): Backend & {connectCalls: Array<{profile: ProfileEntry; region: string; prefetch?: true}>} {
	const connectCalls: Array<{profile: ProfileEntry; region: string; prefetch?: true}> = [];
	return {
		connectCalls,
		// Synchronous, as the real backend's listing of the shared files is.
		listProfiles() {
			return (
				options.profiles ?? [
					{name: 'default', kind: 'static', detail: 'static keys AKIA…MPLE', region: 'us-east-1'},
					{name: 'prod', kind: 'sso', detail: 'SSO · corp · 111111111111 / Admin', region: 'eu-west-1', ssoSession: 'corp'},
				]
			);
		},
		async listRegions() {
			return (
				options.regions ?? [
					{code: 'us-east-1', name: 'US East (N. Virginia)'},
					{code: 'eu-west-1', name: 'Europe (Ireland)'},
					{code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)'},
				]
			);
		},
		defaultRegion(profile) {
			return options.defaultRegion ?? {region: profile?.region ?? 'us-east-1', source: profile?.region ? 'profile' : 'fallback'};
		},
		async connect(profile, connectOptions) {
			connectCalls.push({profile, region: connectOptions.region, ...(connectOptions.prefetch ? {prefetch: true as const} : {})});
			if (options.connect) {
				return options.connect(profile, connectOptions);
			}

			return fakeSession(fakeService(), {profile});
		},
	};
}

/** What the events table loads with no query: write events, the service's own 90 days. */
export function defaultRun(query = 0): EventsRun {
	const parsed = parseQuery('');
	if (!parsed.ok) {
		throw new Error('the empty query must parse');
	}

	return {plan: planQuery(parsed.query, {writeOnly: true, now: new Date()}), query, defaultWindow: true};
}
