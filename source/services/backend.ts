// The real Backend. Startup is a feature: the first frame must not wait for the AWS SDK, so this
// module imports nothing from @aws-sdk/* and reaches session.ts (which does) through
// `await import()`, which esbuild turns into a separately loaded chunk.
import type {Backend, MfaPrompt, ProfileEntry, RegionInfo, Session} from '../domain/types.js';
import {TrailviewError} from '../domain/types.js';
import {readProfiles} from './profiles.js';
import {listRegions, resolveDefaultRegion} from './regions.js';
import {toTrailviewError} from './errors.js';
import type {DemoAccount} from '../emulator/types.js';

/** What the backend needs of a demo account: its picker row and its keys. */
export type DemoProfile = Pick<DemoAccount, 'label' | 'description' | 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>;

export type AwsBackendOptions = {
	profileFlag?: string;
	regionFlag?: string;
	endpointUrl?: string;
	env?: NodeJS.ProcessEnv;
	demo?: {endpoint: string; accounts: DemoProfile[]};
	/** Asks for MFA codes (the UI's prompt, or the terminal in script mode). */
	mfa?: MfaPrompt;
};

export type AwsBackend = Backend & {
	/** What listProfiles() found wrong in the shared files, from its last run. */
	profileWarnings(): string[];
};

export function createAwsBackend(options: AwsBackendOptions = {}): AwsBackend {
	const env = options.env ?? process.env;
	const demo = options.demo;
	let warnings: string[] = [];
	let regions: Promise<RegionInfo[]> | undefined;

	return {
		listProfiles() {
			if (demo) {
				return demo.accounts.map(
					(account): ProfileEntry => ({
						name: account.label,
						kind: 'demo',
						detail: `${account.description} — local sample data`,
						region: undefined,
					}),
				);
			}

			const result = readProfiles(env, options.profileFlag ?? env['AWS_PROFILE']);
			warnings = result.warnings;
			return result.profiles;
		},

		listRegions() {
			regions ??= listRegions().catch((error: unknown) => {
				regions = undefined;
				throw error;
			});
			return regions;
		},

		defaultRegion(profile) {
			return resolveDefaultRegion({flag: options.regionFlag, env, profileRegion: profile?.region});
		},

		async connect(profile, {region, signal, prefetch, fresh}): Promise<Session> {
			if (signal?.aborted) {
				throw new TrailviewError('cancelled', 'Cancelled.');
			}

			try {
				const {connect} = await import('./session.js');
				return await connect(profile, {
					region,
					env,
					...(prefetch ? {prefetch} : {}),
					...(fresh ? {fresh} : {}),
					...(options.mfa ? {mfa: options.mfa} : {}),
					...(signal ? {signal} : {}),
					...(demo ? {endpointUrl: demo.endpoint} : options.endpointUrl ? {endpointUrl: options.endpointUrl} : {}),
					...(demo
						? {
								demoCredentials: (name: string) => {
									const account = demo.accounts.find((candidate) => candidate.label === name);
									return account && {
										accessKeyId: account.accessKeyId,
										secretAccessKey: account.secretAccessKey,
										...(account.sessionToken ? {sessionToken: account.sessionToken} : {}),
									};
								},
							}
						: {}),
				});
			} catch (error) {
				throw toTrailviewError(error, {profile: profile.name, profileKind: profile.kind, region});
			}
		},

		profileWarnings: () => warnings,

		async preload() {
			await import('./session.js').catch(() => undefined);
		},

		async ssoLogin(profile) {
			const {runSsoLogin} = await import('./sso-login.js');
			return runSsoLogin(profile, env);
		},
	};
}
