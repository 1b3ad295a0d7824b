// A credential provider for a picked ProfileEntry, built only from @aws-sdk/credential-providers:
// the SDK, not trailview, reads secrets, SSO caches and credential_process output. Only reached
// through dynamic import (see backend.ts).
import {fromEnv, fromIni, fromNodeProviderChain} from '@aws-sdk/credential-providers';
import type {ProfileEntry} from '../domain/types.js';
import {TrailviewError} from '../domain/types.js';
import {silentLogger} from './client.js';
import {sharedFilePaths} from './profiles.js';

export type Credentials = Awaited<ReturnType<ReturnType<typeof fromEnv>>>;
export type CredentialsProvider = () => Promise<Credentials>;

export type DemoCredentials = {accessKeyId: string; secretAccessKey: string; sessionToken?: string};

export type ProviderOptions = {
	env?: NodeJS.ProcessEnv;
	region: string;
	/** Where an assume-role profile's STS calls go, so --endpoint-url covers them too. */
	stsEndpoint?: string;
	/** For 'demo' entries: the account's keys, by entry name. */
	demoCredentials?: (name: string) => DemoCredentials | undefined;
};

/** Refresh this long before expiry, so a request never leaves with credentials about to lapse. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export function createCredentialsProvider(profile: ProfileEntry, options: ProviderOptions): CredentialsProvider {
	return memoize(baseProvider(profile, options));
}

function baseProvider(profile: ProfileEntry, options: ProviderOptions): CredentialsProvider {
	const env = options.env ?? process.env;
	switch (profile.kind) {
		case 'demo': {
			const demo = options.demoCredentials?.(profile.name);
			return async () => {
				if (demo === undefined) {
					throw new TrailviewError('missing-credentials', `No sample account is called ${profile.name}.`);
				}

				return {...demo};
			};
		}

		case 'environment': {
			return fromEnv({logger: silentLogger});
		}

		case 'default-chain': {
			return fromNodeProviderChain({...fileOptions(env), logger: silentLogger, clientConfig: {region: options.region}});
		}

		default: {
			return fromIni({
				profile: profile.name,
				...fileOptions(env),
				logger: silentLogger,
				// Re-read after `aws sso login` or an edited file, without restarting trailview.
				ignoreCache: true,
				parentClientConfig: {region: options.region},
				...(profile.kind === 'assume-role' && options.stsEndpoint
					? {clientConfig: {endpoint: options.stsEndpoint, region: profile.region ?? options.region, logger: silentLogger}}
					: {}),
			});
		}
	}
}

function fileOptions(env: NodeJS.ProcessEnv): {filepath?: string; configFilepath?: string} {
	const paths = sharedFilePaths(env);
	return {
		...(paths.filepath ? {filepath: paths.filepath} : {}),
		...(paths.configFilepath ? {configFilepath: paths.configFilepath} : {}),
	};
}

/**
 * One resolution shared by connect() and every client, until shortly before expiry: SSO and
 * assume-role providers make a network call each time they run.
 */
function memoize(provider: CredentialsProvider): CredentialsProvider {
	let pending: Promise<Credentials> | undefined;
	return async () => {
		if (pending) {
			const current = await pending.catch(() => undefined);
			if (current && (current.expiration === undefined || current.expiration.getTime() - Date.now() > EXPIRY_MARGIN_MS)) {
				return current;
			}
		}

		pending = provider();
		return pending;
	};
}

/** Resolves credentials, giving up (with a 'cancelled' error) as soon as the signal aborts. */
export async function resolveCredentials(provider: CredentialsProvider, signal?: AbortSignal): Promise<Credentials> {
	if (signal === undefined) {
		return provider();
	}

	if (signal.aborted) {
		throw new TrailviewError('cancelled', 'Cancelled.');
	}

	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new TrailviewError('cancelled', 'Cancelled.'));
		signal.addEventListener('abort', onAbort, {once: true});
	});
	try {
		return await Promise.race([provider(), aborted]);
	} finally {
		if (onAbort) {
			signal.removeEventListener('abort', onAbort);
		}
	}
}
