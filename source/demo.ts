// `trailview --demo`, and the "demo" entry offered when a machine has no AWS setup at all: the
// built-in emulator serves sample accounts locally, so the app shows something real without an
// AWS account. The emulator (and through the backend, the SDK) is loaded only when first needed,
// so neither slows the first frame.
import type {Backend, ProfileEntry, Session} from './domain/types.js';
import {TrailviewError} from './domain/types.js';
import {createAwsBackend, type AwsBackendOptions} from './services/backend.js';
import type {DemoAccount} from './emulator/types.js';

export const demoNotice = 'Demo mode: local sample data served by the built-in emulator';

/** The picker row offered when there is nothing else; never a real profile name in the files. */
export const demoProfileEntry: ProfileEntry = {
	name: 'demo',
	kind: 'demo',
	detail: 'Local sample data — no AWS account needed',
	region: undefined,
};

export type EmulatorHandle = {endpoint: string; accounts: DemoAccount[]; stop(): Promise<void>};

export type LazyEmulator = {
	/** Starts the emulator on the first call; later calls share it. */
	get(): Promise<EmulatorHandle>;
	/** Stops it if it was ever started. */
	stop(): Promise<void>;
};

async function startBuiltInEmulator(): Promise<EmulatorHandle> {
	const {startEmulator} = await import('./emulator/index.js');
	return startEmulator();
}

export function lazyEmulator(start: () => Promise<EmulatorHandle> = startBuiltInEmulator): LazyEmulator {
	let started: Promise<EmulatorHandle> | undefined;
	return {
		get() {
			started ??= start().catch((error: unknown) => {
				started = undefined;
				throw new TrailviewError('service', `The demo emulator did not start: ${error instanceof Error ? error.message : String(error)}`, {cause: error});
			});
			return started;
		},
		async stop() {
			const running = await started?.catch(() => undefined);
			started = undefined;
			await running?.stop();
		},
	};
}

export type DemoOptions = {
	regionFlag?: string | undefined;
	env?: NodeJS.ProcessEnv;
	emulator: LazyEmulator;
	/** Tests swap in a fake; production uses the real AWS backend pointed at the emulator. */
	createBackend?: (options: AwsBackendOptions) => Backend;
};

/**
 * A Backend over the emulator's demo accounts. It is usable at once (the first frame needs it);
 * profile listing and connecting wait for the emulator to be up.
 */
export function createDemoBackend(options: DemoOptions): Backend {
	const env = options.env ?? process.env;
	const createBackend = options.createBackend ?? createAwsBackend;
	// Regions and the default-region rule do not depend on the emulator.
	const plain = createBackend({...(options.regionFlag ? {regionFlag: options.regionFlag} : {}), env});
	let inner: Promise<Backend> | undefined;
	const demoBackend = () => {
		inner ??= options.emulator.get().then(emulator =>
			createBackend({
				...(options.regionFlag ? {regionFlag: options.regionFlag} : {}),
				env,
				demo: {endpoint: emulator.endpoint, accounts: emulator.accounts},
			}),
		).catch((error: unknown) => {
			inner = undefined;
			throw error;
		});
		return inner;
	};

	return {
		async listProfiles() {
			return (await demoBackend()).listProfiles();
		},
		listRegions: async () => plain.listRegions(),
		defaultRegion: profile => plain.defaultRegion(profile),
		async connect(profile, connectOptions) {
			return (await demoBackend()).connect(profile, connectOptions);
		},
	};
}

/** File-based profiles are anything but the synthetic environment / default-chain rows. */
export function hasNoAwsSetup(profiles: readonly ProfileEntry[], env: NodeJS.ProcessEnv): boolean {
	return !env['AWS_ACCESS_KEY_ID'] && profiles.every(profile => profile.kind === 'environment' || profile.kind === 'default-chain');
}

/**
 * Wraps the real backend so a machine with no AWS setup also gets a "demo" row in the picker;
 * choosing it starts the emulator and connects to its first demo account.
 */
export function withDemoFallback(base: Backend, options: DemoOptions): Backend {
	const env = options.env ?? process.env;
	let demo: Backend | undefined;
	let firstRun = false;
	return {
		listProfiles() {
			// First, so Enter on a fresh machine shows data instead of a missing-credentials error.
			const withDemo = (profiles: ProfileEntry[]) => {
				firstRun = hasNoAwsSetup(profiles, env);
				return firstRun ? [demoProfileEntry, ...profiles] : profiles;
			};
			const profiles = base.listProfiles();
			// Stays synchronous when the base is, so the picker's first frame keeps its list.
			return Array.isArray(profiles) ? withDemo(profiles) : profiles.then(withDemo);
		},
		listRegions: async () => base.listRegions(),
		defaultRegion: profile => base.defaultRegion(profile),
		async connect(profile, connectOptions): Promise<Session> {
			if (profile !== demoProfileEntry && !(profile.kind === 'demo' && profile.name === demoProfileEntry.name)) {
				return base.connect(profile, connectOptions);
			}

			demo ??= createDemoBackend(options);
			const [first] = await demo.listProfiles();
			if (!first) {
				throw new TrailviewError('service', 'The demo emulator offered no accounts.');
			}

			return demo.connect(first, connectOptions);
		},
		...(base.ssoLogin ? {ssoLogin: base.ssoLogin.bind(base)} : {}),
		...(base.preload ? {preload: base.preload.bind(base)} : {}),
		firstRunNote: () => (firstRun ? firstRunNote(env) : undefined),
	};
}

/** Where the picker looked for profiles (the variables that moved the files, if set) and how to add some. */
export function firstRunNote(env: NodeJS.ProcessEnv): string[] {
	const file = (variable: string, fallback: string) => (env[variable] ? `${env[variable]} (${variable})` : fallback);
	return [
		`No AWS profiles in ${file('AWS_CONFIG_FILE', '~/.aws/config')} or ${file('AWS_SHARED_CREDENTIALS_FILE', '~/.aws/credentials')}.`,
		'Add access with `aws configure sso` (IAM Identity Center) or `aws configure` (access keys), then start trailview again.',
	];
}
