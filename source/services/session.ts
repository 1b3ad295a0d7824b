// connect(): credentials, then GetCallerIdentity as the check that they work. Everything here
// touches the SDK, so backend.ts reaches this module only through `await import()`.
import type {CloudTrailService, ProfileEntry, Session} from '../domain/types.js';
import {createClients} from './client.js';
import {createCloudTrailService} from './cloudtrail.js';
import {createCredentialsProvider, resolveCredentials, type Credentials, type DemoCredentials} from './credentials.js';
import {resolveEndpoints} from './endpoints.js';
import {toTrailviewError, type ErrorContext} from './errors.js';
import {maskAccessKeyId} from '../domain/mask.js';
import {sharedRateLimiter} from './rate-limiter.js';
import {localRetryTiming} from './throttle-retry.js';

export type ConnectOptions = {
	region: string;
	signal?: AbortSignal;
	endpointUrl?: string;
	env: NodeJS.ProcessEnv;
	demoCredentials?: (name: string) => DemoCredentials | undefined;
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
	});

	let credentials: Credentials;
	try {
		credentials = await resolveCredentials(provider, signal);
	} catch (error) {
		throw toTrailviewError(error, {...errorContext, operation: 'loading credentials'});
	}

	const home = createClients({credentials: provider, region, endpointUrl, env});
	const identity = await createCloudTrailService({
		client: home.cloudTrail,
		stsClient: home.sts,
		region,
		errorContext,
	}).getCallerIdentity(signal ? {signal} : {});

	const services = new Map<string, CloudTrailService>([[region, serviceWith(home, region)]]);
	function serviceWith(clients: ReturnType<typeof createClients>, serviceRegion: string): CloudTrailService {
		const scope = {
			account: identity.account || credentials.accessKeyId,
			region: serviceRegion,
			...(endpoints.cloudTrail ? {endpoint: endpoints.cloudTrail} : {}),
			env,
		};
		return createCloudTrailService({
			client: clients.cloudTrail,
			stsClient: clients.sts,
			region: serviceRegion,
			// Keyed by account now that it is known: every pane on this account and region shares them.
			limiter: sharedRateLimiter({quota: 'lookup-events', ...scope}),
			trailLimiter: sharedRateLimiter({quota: 'trail-reads', ...scope}),
			throttleTiming: localRetryTiming(endpoints.cloudTrail, env),
			// CloudTrail's own endpoint, named when it answers with something that is not CloudTrail.
			errorContext: {...errorContext, region: serviceRegion, endpoint: endpoints.cloudTrail},
		});
	}

	return {
		profile,
		identity,
		maskedAccessKeyId: maskAccessKeyId(credentials.accessKeyId),
		expiration: credentials.expiration,
		serviceFor(serviceRegion) {
			let service = services.get(serviceRegion);
			if (service === undefined) {
				service = serviceWith(createClients({credentials: provider, region: serviceRegion, endpointUrl, env}), serviceRegion);
				services.set(serviceRegion, service);
			}

			return service;
		},
	};
}
