// The main screen's first requests, started before it mounts. With --profile and --region the
// screen opens as soon as connect() resolves, so its trails and its first page of events can go
// out together with the identity check instead of one round trip after it. The screen's first
// matching call takes over the request in flight, and from then on that call's signal aborts it;
// until then the connect's signal does, so an abandoned choice leaves nothing running.
import {writeEventsAttribute, type CloudTrailService, type LookupOptions, type ThrottlePolicy, type ThrottleWait, type Trail, type TrailEvent} from '../domain/types.js';

export type PrefetchingService = CloudTrailService & {
	/** Aborts whatever no one has taken over (the connect failed after starting them). */
	abandon(): void;
};

type FirstPage = {iterator: AsyncIterator<TrailEvent[]>; first: Promise<IteratorResult<TrailEvent[]>>};

/**
 * A throttle policy for a request started before anyone asked for it: it waits throttling out (the
 * screen that takes the request over always does) and, once taken over, tells that caller about
 * each wait, so its pane can count down. A wait already under way is passed on at take-over.
 */
function deferredThrottle(): {policy: ThrottlePolicy; adopt(policy: ThrottlePolicy | undefined): void} {
	let owner: ThrottlePolicy | undefined;
	let pending: ThrottleWait | undefined;
	return {
		policy: {
			onWait(wait) {
				pending = wait;
				owner?.onWait?.(wait);
			},
		},
		adopt(policy) {
			owner = policy;
			if (pending && pending.retryAt > Date.now()) {
				owner?.onWait?.(pending);
			}
		},
	};
}

export function prefetchingService(service: CloudTrailService, signal?: AbortSignal): PrefetchingService {
	const trailsThrottle = deferredThrottle();
	const eventsThrottle = deferredThrottle();
	const trails = handOver(signal, started => {
		const request = service.listTrails({signal: started, throttle: trailsThrottle.policy});
		request.catch(() => undefined);
		return request;
	});
	const events = handOver(signal, (started): FirstPage => {
		const iterator = service.lookupEvents({attribute: writeEventsAttribute, signal: started, throttle: eventsThrottle.policy})[Symbol.asyncIterator]();
		const first = iterator.next();
		first.catch(() => undefined);
		return {iterator, first};
	});

	return {
		region: service.region,
		listTrails(options = {}): Promise<Trail[]> {
			const taken = trails.take(options.signal);
			if (taken) {
				trailsThrottle.adopt(options.throttle);
			}

			return taken ?? service.listTrails(options);
		},
		lookupEvents(options: LookupOptions): AsyncIterable<TrailEvent[]> {
			// Only the screen's own request (write events, the whole window, default page size) matches.
			const plain = options.start === undefined && options.end === undefined && options.pageSize === undefined
				&& options.attribute?.key === writeEventsAttribute.key && options.attribute.value === writeEventsAttribute.value;
			const page = plain ? events.take(options.signal) : undefined;
			if (page) {
				eventsThrottle.adopt(options.throttle);
			}

			return page ? resume(page) : service.lookupEvents(options);
		},
		async getCallerIdentity(options) {
			return service.getCallerIdentity(options);
		},
		abandon() {
			trails.abandon();
			events.abandon();
		},
	};
}

type HandOver<T> = {
	/** The started request, once; its abort now follows `signal`. */
	take(signal: AbortSignal | undefined): T | undefined;
	abandon(): void;
};

function handOver<T>(parent: AbortSignal | undefined, start: (signal: AbortSignal) => T): HandOver<T> {
	const controller = new AbortController();
	const abort = () => {
		controller.abort();
	};

	if (parent?.aborted) {
		controller.abort();
	}

	parent?.addEventListener('abort', abort, {once: true});
	let waiting: T | undefined = start(controller.signal);
	const release = () => {
		waiting = undefined;
		parent?.removeEventListener('abort', abort);
	};

	return {
		take(signal) {
			const taken = waiting;
			if (taken === undefined) {
				return undefined;
			}

			release();
			if (signal?.aborted) {
				controller.abort();
			} else {
				signal?.addEventListener('abort', abort, {once: true});
			}

			return taken;
		},
		abandon() {
			if (waiting !== undefined) {
				release();
				controller.abort();
			}
		},
	};
}

/** The prefetched first page, then the rest of the same walk (same time window, same NextToken chain). */
async function * resume({iterator, first}: FirstPage): AsyncGenerator<TrailEvent[], void, undefined> {
	try {
		for (let next = await first; !next.done; next = await iterator.next()) {
			yield next.value;
		}
	} finally {
		await iterator.return?.();
	}
}
