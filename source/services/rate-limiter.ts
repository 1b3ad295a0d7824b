// CloudTrail counts requests per account and region, and every pane, the script output and a
// multi-region scan may send them at once. One limiter per (endpoint, account, region, quota),
// shared through a module-level registry, keeps the sum of them inside the quota. There are two
// quotas (lib/sliding-window.ts): LookupEvents, and the get/describe/list calls the Trails pane
// makes (ListTrails, DescribeTrails, one GetTrailStatus per trail), which without a limiter fan out
// one request per trail at once. The limiter is asked before every attempt, the SDK's retries
// included (paced.ts), since a retry the limiter never saw is what turns one throttle into more.
//
// The rule is a sliding window, "at most N calls start in any window of W ms", the one the emulator
// enforces; a token bucket of the same rate would let 3 LookupEvents through in one second. Each
// quota is kept with room to spare, counted from when calls really started (not when they were
// scheduled), so a timer that fires late cannot bunch the next calls up:
// - LookupEvents (2 in any 1 s): one call per 510 ms. Any three calls are then 1020 ms apart, 20 ms
//   of room, while paging at ~98% of the quota; the bench's throughput figure (target 95%) runs
//   against the emulator's strict check. Wider room costs speed: 550 ms would leave ~91%.
// - Trail reads (10 in any 1 s): at most 5 in any 1 s. A region's usual handful of trails loads
//   at once, 30 trails take 6 s instead of bursting, and up to a second of network jitter cannot
//   put more than 10 into one of the service's windows.
import {earliestStart, lookupEventsQuota, trailReadQuota, type WindowRule} from '../lib/sliding-window.js';
import {TrailviewError} from '../domain/types.js';

export type Clock = {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
};

/** Looked up at call time so vitest's fake timers apply to a limiter created before they were installed. */
export const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
	clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export type RateLimiterOptions = {
	/** Calls allowed to start in any window. */
	limit?: number;
	windowMs?: number;
	clock?: Clock;
};

export type RateLimiter = {
	/** Resolves when the caller may start one call; rejects with a 'cancelled' TrailviewError if aborted first. */
	acquire(signal?: AbortSignal): Promise<void>;
};

/** Which of the service's budgets a call draws on. */
export type Quota = 'lookup-events' | 'trail-reads';

/** How the client keeps inside each quota (see the top of this file). */
export const pacing: Record<Quota, WindowRule> = {
	'lookup-events': {limit: 1, windowMs: lookupEventsQuota.windowMs / lookupEventsQuota.limit + 10},
	'trail-reads': {limit: trailReadQuota.limit / 2, windowMs: trailReadQuota.windowMs},
};

type Waiter = {start(): void; cancel(): void};

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
	const rule: WindowRule = {limit: options.limit ?? pacing['lookup-events'].limit, windowMs: options.windowMs ?? pacing['lookup-events'].windowMs};
	const clock = options.clock ?? systemClock;
	// When the last `limit` calls really started, ascending.
	const started: number[] = [];
	// First come, first served. A waiter that gives up leaves the queue, and its place with it.
	const queue: Waiter[] = [];
	let timer: unknown;

	const pump = () => {
		timer = undefined;
		while (queue.length > 0) {
			const now = clock.now();
			const at = earliestStart(started, now, rule);
			if (at > now) {
				timer = clock.setTimeout(pump, at - now);
				return;
			}

			started.push(now);
			if (started.length > rule.limit) {
				started.shift();
			}

			queue.shift()!.start();
		}
	};

	return {
		async acquire(signal) {
			if (signal?.aborted) {
				throw cancelled();
			}

			await new Promise<void>((resolve, reject) => {
				const onAbort = () => {
					waiter.cancel();
				};

				const waiter: Waiter = {
					start() {
						signal?.removeEventListener('abort', onAbort);
						resolve();
					},
					cancel() {
						const index = queue.indexOf(waiter);
						if (index !== -1) {
							queue.splice(index, 1);
						}

						if (queue.length === 0 && timer !== undefined) {
							clock.clearTimeout(timer);
							timer = undefined;
						}

						reject(cancelled());
					},
				};
				queue.push(waiter);
				signal?.addEventListener('abort', onAbort, {once: true});
				if (timer === undefined) {
					pump();
				}
			});
		},
	};
}

const registry = new Map<string, RateLimiter>();

export type LimiterScope = {quota: Quota; account: string; region: string; endpoint?: string; env?: NodeJS.ProcessEnv};

const keyOf = (scope: LimiterScope): string => `${scope.quota}|${scope.endpoint ?? 'aws'}|${scope.account}|${scope.region}`;

/**
 * The limiter for one quota of one account and region. The key is the account id when known; before that
 * (requests started alongside GetCallerIdentity), callers pass the access key id, which maps to
 * exactly one account, and adoptRateLimiter() carries its calls over once the account is known.
 * The endpoint is part of the key so the local emulator and AWS do not share a budget.
 */
export function sharedRateLimiter(scope: LimiterScope): RateLimiter {
	const key = keyOf(scope);
	let limiter = registry.get(key);
	if (limiter === undefined) {
		const options = scope.quota === 'lookup-events' ? localPacing(scope.endpoint, scope.env ?? process.env) : {};
		limiter = createRateLimiter({...pacing[scope.quota], ...options});
		registry.set(key, limiter);
	}

	return limiter;
}

/**
 * Once `to` (the account) is known for `from` (an access key): the account's limiter, which is the
 * access key's own (calls already made included) unless this account already had one. In that
 * case the access key's one early call was not counted against it; the SDK's retry absorbs that.
 */
export function adoptRateLimiter(from: LimiterScope, to: LimiterScope): RateLimiter {
	const existing = registry.get(keyOf(to));
	if (existing) {
		return existing;
	}

	const limiter = sharedRateLimiter(from);
	registry.set(keyOf(to), limiter);
	return limiter;
}

/**
 * TRAILVIEW_LOOKUP_RPS lets the benchmark load 10,000 events from the local emulator (with its own
 * limit off) in seconds. It is honoured only for a loopback endpoint, so no setting can make
 * trailview exceed the real service's limit.
 */
export function localPacing(endpoint: string | undefined, env: NodeJS.ProcessEnv): RateLimiterOptions {
	const perSecond = Number(env['TRAILVIEW_LOOKUP_RPS']);
	if (!endpoint || !Number.isFinite(perSecond) || perSecond <= 0 || !isLoopback(endpoint)) {
		return {};
	}

	return {limit: 1, windowMs: 1000 / perSecond};
}

export function isLoopback(endpoint: string): boolean {
	try {
		const host = new URL(endpoint).hostname;
		return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
	} catch {
		return false;
	}
}

/** Tests only: forget every shared limiter. */
export function resetSharedRateLimiters(): void {
	registry.clear();
}

function cancelled(): TrailviewError {
	return new TrailviewError('cancelled', 'Cancelled.');
}
