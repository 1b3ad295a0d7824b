// LookupEvents allows 2 calls per second per account and region, and every pane, the script
// output and a multi-region scan may page at once. One limiter per (endpoint, account, region),
// shared through a module-level registry, keeps the sum of them under the limit; the SDK's adaptive
// retry handles whatever still gets throttled.
//
// It is a sliding-window scheduler, not a token bucket: a bucket of 2 refilling at 2/s lets 3 calls
// start within one second (2 at t=0, 1 at t=0.5), which the service may count as a burst. By default
// the window holds one call per 510 ms: evenly paced calls never bunch up when the network delays
// one of them, and they keep paging at ~98% of the service's 2 calls/s (a 1.1 s window of 2 calls
// would leave it at ~91%).
import {TrailviewError} from './types.js';

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

/** The service's documented limit, per account and region. */
export const LOOKUP_EVENTS_PER_SECOND = 2;
export const LOOKUP_EVENTS_LIMIT = 1;
/** Half a second plus headroom for timer and network jitter. */
export const LOOKUP_EVENTS_WINDOW_MS = 510;

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
	const limit = options.limit ?? LOOKUP_EVENTS_LIMIT;
	const windowMs = options.windowMs ?? LOOKUP_EVENTS_WINDOW_MS;
	const clock = options.clock ?? systemClock;
	// Start times handed out so far (some in the future), ascending.
	let slots: number[] = [];

	const reserve = (): number => {
		const now = clock.now();
		slots = slots.filter((slot) => slot > now - windowMs);
		const last = slots.at(-1) ?? now;
		const bound = slots.length >= limit ? (slots[slots.length - limit] ?? now) + windowMs : now;
		const slot = Math.max(now, last, bound);
		slots.push(slot);
		return slot;
	};

	return {
		async acquire(signal) {
			if (signal?.aborted) {
				throw cancelled();
			}

			const slot = reserve();
			const delay = slot - clock.now();
			if (delay <= 0) {
				return;
			}

			await new Promise<void>((resolve, reject) => {
				const onAbort = () => {
					clock.clearTimeout(handle);
					// Give the slot back: later callers keep theirs, new ones may use the gap.
					const index = slots.indexOf(slot);
					if (index !== -1) {
						slots.splice(index, 1);
					}

					reject(cancelled());
				};

				const handle = clock.setTimeout(() => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				}, delay);
				signal?.addEventListener('abort', onAbort, {once: true});
			});
		},
	};
}

const registry = new Map<string, RateLimiter>();

export type LimiterScope = {account: string; region: string; endpoint?: string; env?: NodeJS.ProcessEnv};

const keyOf = (scope: LimiterScope): string => `${scope.endpoint ?? 'aws'}|${scope.account}|${scope.region}`;

/**
 * The limiter for one account and region. The key is the account id when known; before that
 * (requests started alongside GetCallerIdentity), callers pass the access key id, which maps to
 * exactly one account, and adoptRateLimiter() carries its calls over once the account is known.
 * The endpoint is part of the key so the local emulator and AWS do not share a budget.
 */
export function sharedRateLimiter(scope: LimiterScope): RateLimiter {
	const key = keyOf(scope);
	let limiter = registry.get(key);
	if (limiter === undefined) {
		limiter = createRateLimiter(localPacing(scope.endpoint, scope.env ?? process.env));
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

function isLoopback(endpoint: string): boolean {
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
