// A local CloudTrail + STS endpoint (plus Athena, Glue and CloudTrail Lake over the trail's
// archive) that the real AWS SDK and CLI talk to, for tests, the benchmark and `trailview --demo`.
// Starting it is cheap: event history is generated per account+region on first use, and DuckDB,
// which runs the archive's SQL, loads on the first Athena or Lake query.
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {performance} from 'node:perf_hooks';
import {demoAccounts} from './accounts.js';
import {Archive} from './athena/archive.js';
import {CredentialStore} from './auth.js';
import {EventStore} from './event-store.js';
import {FailureRules} from './failures.js';
import {RateLimiter} from './rate-limiter.js';
import {demoOptInRegions, RegionAccess} from './regions.js';
import {createHandler, type ServerState} from './server.js';
import type {Emulator, EmulatorOptions} from './types.js';
export {emulatorMfaCode} from './sts.js';

export {organizationTableName} from './glue/tables.js';
export {organizationStoreId} from './lake/stores.js';

export type {
	AddEventInput,
	ArchiveStats,
	AthenaOptions,
	DataRegions,
	DemoAccount,
	EmulatedOperation,
	Emulator,
	EmulatorOptions,
	FailureOptions,
	InjectedError,
	InjectedFailure,
	InjectedHttpAnswer,
	LakeOptions,
} from './types.js';

export {defaultRegions, optInRegions} from './regions.js';

export const defaultSeed = 42;

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const dataNow = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
	const now = options.clock ?? (() => performance.now());
	const startedAt = now();
	const eventsPerRegion = options.eventsPerRegion ?? 6000;
	if (!Number.isFinite(eventsPerRegion) || eventsPerRegion < 0) {
		throw new RangeError(`eventsPerRegion must be a number >= 0, got ${eventsPerRegion}`);
	}

	const store = new EventStore(options.seed ?? defaultSeed, dataNow, eventsPerRegion, options.regions, options.evenRegions);
	const clock = (): Date => new Date(dataNow.getTime() + (now() - startedAt));
	const state: ServerState = {
		credentials: new CredentialStore(),
		store,
		regions: new RegionAccess(options.enabledOptInRegions ?? demoOptInRegions),
		failures: new FailureRules(),
		limiter: new RateLimiter(options.rateLimitPerSecond ?? 2, now),
		counts: new Map(),
		latencyMs: options.latencyMs ?? 0,
		minSessionSeconds: options.minSessionSeconds ?? 900,
		clock,
		dataNow,
		archive: new Archive(store, dataNow, clock, options.athena, options.lake),
	};

	const server = createServer(createHandler(state));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		// Loopback only: the emulator accepts well-known demo keys and must never be reachable from outside.
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;

	let stopped: Promise<void> | undefined;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		accounts: demoAccounts.map(account => ({...account})),
		stop() {
			stopped ??= Promise.all([
				new Promise<void>(resolve => {
					server.close(() => {
						resolve();
					});
					server.closeAllConnections();
				}),
				state.archive.close(),
			]).then(() => undefined);
			return stopped;
		},
		addEvent: input => state.store.add(input, state.clock()),
		failOperation(op, error, failureOptions) {
			state.failures.add(op, error, failureOptions);
		},
		throttle(op, ms, throttleOptions) {
			state.failures.throttle(op, state.clock().getTime() + Math.max(0, ms), throttleOptions?.accountId);
		},
		clearFailures() {
			state.failures.clear();
		},
		enableRegion(accountId, region) {
			state.regions.enable(accountId, region);
		},
		disableRegion(accountId, region) {
			state.regions.disable(accountId, region);
		},
		enabledRegions: accountId => state.regions.enabledRegions(accountId),
		denyRegion(accountId, region) {
			state.regions.deny(accountId, region);
		},
		allowRegion(accountId, region) {
			state.regions.allow(accountId, region);
		},
		eventCount: (accountId, region) => state.store.count(accountId, region),
		setLatency(ms) {
			state.latencyMs = Math.max(0, ms);
		},
		setRateLimit(perSecond) {
			state.limiter.set(perSecond);
		},
		requestCounts: () => Object.fromEntries(state.counts),
		resetCounts() {
			state.counts.clear();
		},
		archiveStats: async () => state.archive.stats(),
	};
}
