// connect(): credentials, then GetCallerIdentity as the check that they work (with the main
// screen's first requests alongside it when asked to prefetch). Everything here touches the SDK,
// so backend.ts reaches this module only through `await import()`.
import type {CallerIdentity, CloudTrailService, MfaPrompt, ProfileEntry, Session} from '../domain/types.js';
import {createClients} from './client.js';
import {createCloudTrailService} from './cloudtrail.js';
import {createCredentialsProvider, resolveCredentials, type Credentials, type DemoCredentials} from './credentials.js';
import {resolveEndpoints} from './endpoints.js';
import {toTrailviewError, type ErrorContext} from './errors.js';
import {maskAccessKeyId} from '../domain/mask.js';
import {adoptRateLimiter, sharedRateLimiter, type Quota, type RateLimiter} from './rate-limiter.js';
import {prefetchingService} from './prefetch.js';
import {localRetryTiming} from './throttle-retry.js';
import {lazyArchiveService} from './archive/lazy.js';
import type {ArchiveService, LakeService} from '../domain/archive/types.js';
import {lazyLakeService} from './lake/lazy.js';
import {localFollowInterval} from './follow.js';

export type ConnectOptions = {
	region: string;
	signal?: AbortSignal;
	endpointUrl?: string;
	env: NodeJS.ProcessEnv;
	demoCredentials?: (name: string) => DemoCredentials | undefined;
	mfa?: MfaPrompt;
	fresh?: boolean;
	/** See Backend.connect: start `region`'s trails and first events page with the identity check. */
	prefetch?: boolean;
};

export async function connect(profile: ProfileEntry, options: ConnectOptions): Promise<Session> {
	const {region, signal, endpointUrl, env} = options;
	const endpoints = resolveEndpoints(endpointUrl, env);
	const errorContext: ErrorContext = {
		profile: profile.kind === 'environment' || profile.kind === 'default-chain' || profile.kind === 'demo' ? undefined : profile.name,
		profileKind: profile.kind,
		region,
		...(endpoints.sts ? {endpoint: endpoints.sts} : {}),
	};
	const provider = createCredentialsProvider(profile, {
		env,
		region,
		...(endpoints.sts ? {stsEndpoint: endpoints.sts} : {}),
		...(options.demoCredentials ? {demoCredentials: options.demoCredentials} : {}),
		...(options.mfa ? {mfa: options.mfa} : {}),
		...(options.fresh ? {fresh: true} : {}),
	});

	// The provider's first steps wait (a chunk, the shared files; for SSO or a role, the network),
	// and the clients need the provider, not its answer: they are built in the meantime.
	const resolving = resolveCredentials(provider, signal);
	resolving.catch(() => undefined);
	const home = createClients({credentials: provider, region, endpointUrl, env});
	let credentials: Credentials;
	try {
		credentials = await resolving;
	} catch (error) {
		throw toTrailviewError(error, {...errorContext, operation: 'loading credentials'});
	}

	const limiterScope = (quota: Quota, account: string, serviceRegion: string) => ({
		quota,
		account,
		region: serviceRegion,
		...(endpoints.cloudTrail ? {endpoint: endpoints.cloudTrail} : {}),
		env,
	});
	let account: string | undefined;
	function serviceWith(clients: ReturnType<typeof createClients>, serviceRegion: string): CloudTrailService {
		// Keyed by account once it is known, so every pane on this account and region shares them;
		// a request started before that counts against the access key (see adoptRateLimiter).
		const limiterFor = (quota: Quota): RateLimiter => {
			const byKey = limiterScope(quota, credentials.accessKeyId, serviceRegion);
			return {
				async acquire(acquireSignal) {
					const known = account === undefined ? undefined : limiterScope(quota, account || credentials.accessKeyId, serviceRegion);
					return (known ? adoptRateLimiter(byKey, known) : sharedRateLimiter(byKey)).acquire(acquireSignal);
				},
			};
		};
		return createCloudTrailService({
			client: clients.cloudTrail,
			stsClient: clients.sts,
			region: serviceRegion,
			limiter: limiterFor('lookup-events'),
			trailLimiter: limiterFor('trail-reads'),
			throttleTiming: localRetryTiming(endpoints.cloudTrail, env),
			// CloudTrail's own endpoint, named when it answers with something that is not CloudTrail.
			errorContext: {...errorContext, region: serviceRegion, endpoint: endpoints.cloudTrail},
		});
	}

	// Sent now rather than after the identity check: at one round trip each, the main screen would
	// otherwise wait for two in a row.
	const early = options.prefetch ? prefetchingService(serviceWith(home, region), signal) : undefined;
	let identity: CallerIdentity;
	try {
		identity = await createCloudTrailService({
			client: home.cloudTrail,
			stsClient: home.sts,
			region,
			errorContext,
		}).getCallerIdentity(signal ? {signal} : {});
	} catch (error) {
		early?.abandon();
		throw error;
	}

	account = identity.account;
	const followIntervalMs = localFollowInterval(endpoints.cloudTrail, env);
	const services = new Map<string, CloudTrailService>([[region, early ?? serviceWith(home, region)]]);
	const archives = new Map<string, ArchiveService>();
	const lakes = new Map<string, LakeService>();
	return {
		profile,
		identity,
		maskedAccessKeyId: maskAccessKeyId(credentials.accessKeyId),
		// Follows the provider's refreshes, so the header's countdown does too.
		get expiration() {
			return provider.latest()?.expiration ?? credentials.expiration;
		},
		serviceFor(serviceRegion) {
			let service = services.get(serviceRegion);
			if (service === undefined) {
				service = serviceWith(createClients({credentials: provider, region: serviceRegion, endpointUrl, env}), serviceRegion);
				services.set(serviceRegion, service);
			}

			return service;
		},
		archiveFor(serviceRegion) {
			let archive = archives.get(serviceRegion);
			if (archive === undefined) {
				archive = lazyArchiveService({credentials: provider, region: serviceRegion, endpointUrl, env, errorContext: {...errorContext, region: serviceRegion}});
				archives.set(serviceRegion, archive);
			}

			return archive;
		},
		lakeFor(serviceRegion) {
			let lake = lakes.get(serviceRegion);
			if (lake === undefined) {
				lake = lazyLakeService({credentials: provider, region: serviceRegion, endpointUrl, env, errorContext: {...errorContext, region: serviceRegion}});
				lakes.set(serviceRegion, lake);
			}

			return lake;
		},
		...(followIntervalMs === undefined ? {} : {followIntervalMs}),
	};
}
