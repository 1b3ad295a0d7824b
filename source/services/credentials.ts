// A credential provider for a picked ProfileEntry, built only from @aws-sdk/credential-providers:
// the SDK, not trailview, reads secrets, SSO caches and credential_process output. Only reached
// through dynamic import (see backend.ts).
import {fromEnv, fromIni, fromNodeProviderChain} from '@aws-sdk/credential-providers';
import type {MfaPrompt, ProfileEntry} from '../domain/types.js';
import {TrailviewError} from '../domain/types.js';
import {silentLogger} from './client.js';
import {sharedFilePaths} from './profiles.js';
import {createRoleAssumer, deferredMfaCode} from './role-assumer.js';

export type Credentials = Awaited<ReturnType<ReturnType<typeof fromEnv>>>;
export type CredentialsProvider = (() => Promise<Credentials>) & {
	/** The credentials of the last resolution that succeeded: their expiry follows refreshes. */
	latest(): Credentials | undefined;
};

export type DemoCredentials = {accessKeyId: string; secretAccessKey: string; sessionToken?: string};

export type ProviderOptions = {
	env?: NodeJS.ProcessEnv;
	region: string;
	/** Where an assume-role profile's STS calls go, so --endpoint-url covers them too. */
	stsEndpoint?: string;
	/** For 'demo' entries: the account's keys, by entry name. */
	demoCredentials?: (name: string) => DemoCredentials | undefined;
	/** Asks for an assume-role profile's MFA code; without it such a profile fails with a hint. */
	mfa?: MfaPrompt;
	/** Resolve anew (after `aws sso login`), not from credentials this run already holds. */
	fresh?: boolean;
};

/** Refresh this long before expiry, so a request never leaves with credentials about to lapse. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * Role credentials by profile, for the whole run: an MFA code is asked for once and then serves
 * every region, pane and reconnect to the same profile until the credentials expire (a TOTP
 * code cannot be used twice).
 */
const shared = new Map<string, CredentialsProvider>();

export function createCredentialsProvider(profile: ProfileEntry, options: ProviderOptions): CredentialsProvider {
	if (profile.kind !== 'assume-role') {
		return memoize(baseProvider(profile, options));
	}

	const env = options.env ?? process.env;
	// Not keyed by region: one role session serves them all (STS is global; its region only picks an endpoint).
	const key = JSON.stringify([profile.name, options.stsEndpoint, sharedFilePaths(env)]);
	let provider = shared.get(key);
	if (provider === undefined || options.fresh) {
		provider = memoize(baseProvider(profile, options));
		shared.set(key, provider);
	}

	return provider;
}

/** Forgets every shared role session (tests). */
export function forgetSharedCredentials(): void {
	shared.clear();
}

function baseProvider(profile: ProfileEntry, options: ProviderOptions): () => Promise<Credentials> {
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
			// The chain's profile step is fromIni too: the same role assumer, or an MFA role over a
			// failing source would crash the app from here as well (see role-assumer.ts).
			return fromNodeProviderChain({
				...fileOptions(env),
				logger: silentLogger,
				clientConfig: {region: options.region},
				mfaCodeProvider: deferredMfaCode,
				roleAssumer: createRoleAssumer({
					profile: env['AWS_PROFILE'] || 'default',
					region: options.region,
					...(options.mfa ? {mfa: options.mfa} : {}),
				}),
			});
		}

		default: {
			const stsRegion = profile.region ?? options.region;
			const assumesRole = profile.kind === 'assume-role';
			return fromIni({
				profile: profile.name,
				...fileOptions(env),
				logger: silentLogger,
				// Re-read after `aws sso login` or an edited file, without restarting trailview.
				ignoreCache: true,
				parentClientConfig: {region: options.region},
				...((assumesRole || profile.kind === 'sso') && options.stsEndpoint
					? {clientConfig: {endpoint: options.stsEndpoint, region: stsRegion, logger: silentLogger}}
					: {}),
				// See role-assumer.ts: the code is asked for after the source credentials resolved.
				mfaCodeProvider: deferredMfaCode,
				roleAssumer: createRoleAssumer({
					profile: profile.name,
					region: stsRegion,
					...(options.stsEndpoint ? {endpoint: options.stsEndpoint} : {}),
					...(options.mfa ? {mfa: options.mfa} : {}),
				}),
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
function memoize(provider: () => Promise<Credentials>): CredentialsProvider {
	let pending: Promise<Credentials> | undefined;
	let latest: {credentials: Credentials; at: number} | undefined;
	const resolve = async () => {
		if (pending) {
			const current = await pending.catch(() => undefined);
			if (current && !dueForRefresh(current, latest?.at ?? Date.now())) {
				return current;
			}
		}

		const started = provider();
		pending = started;
		const credentials = await started;
		if (pending === started) {
			latest = {credentials, at: Date.now()};
		}

		return credentials;
	};

	return Object.assign(resolve, {latest: () => latest?.credentials});
}

/** Within 5 minutes of expiry, or the last quarter of a shorter lifetime. */
function dueForRefresh(credentials: Credentials, obtainedAt: number): boolean {
	if (credentials.expiration === undefined) {
		return false;
	}

	const expiresAt = credentials.expiration.getTime();
	const margin = Math.min(EXPIRY_MARGIN_MS, Math.max(0, expiresAt - obtainedAt) / 4);
	return expiresAt - Date.now() <= margin;
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
