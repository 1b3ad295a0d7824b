// The sources a merged view keeps reading across runs of its query: follow mode polls every
// 10 s, and a region that is not enabled (or that an SCP denies) will answer the same way every
// time, so it is asked once and then left out for good. A source that failed for any other reason
// (the network, throttling past the wait) is asked again next time.
import type {EventOrigin, EventSource, SkippedSource, TrailEvent} from '../domain/types.js';
import {mergedLookup, type MergedLookupOptions} from './merged-lookup.js';

export type SourcePool = {
	/** The sources not left out for good. */
	live(): readonly EventSource[];
	/** Every source left out so far, each once (its first skip), in the order they were skipped. */
	skipped(): readonly SkippedSource[];
	/** mergedLookup over the live sources: not-enabled and access-denied ones are dropped for good; every skip reaches onSkip. */
	lookup(options: MergedLookupOptions): AsyncGenerator<TrailEvent[], void, undefined>;
};

const keyOf = (origin: EventOrigin) => `${origin.account}\u0000${origin.region}`;

export function createSourcePool(sources: readonly EventSource[]): SourcePool {
	let live = [...sources];
	const skipped = new Map<string, SkippedSource>();
	return {
		live: () => live,
		skipped: () => [...skipped.values()],
		lookup(options) {
			return mergedLookup(live, {
				...options,
				onSkip(skip) {
					const key = keyOf(skip);
					if (!skipped.has(key)) {
						skipped.set(key, skip);
					}

					if (skip.reason !== 'failed') {
						live = live.filter(source => keyOf(source) !== key);
					}

					options.onSkip?.(skip);
				},
			});
		},
	};
}
