import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createSeenIds, defaultTrailingMs, followEvents, followIntervalMs, sessionsFollowInterval, type FollowOptions, type FollowWindow, type PollStatus} from '../../source/services/follow.js';
import {type TrailEvent, TrailviewError} from '../../source/domain/types.js';
import {makeEvent} from '../helpers/fakes.js';

const start = new Date(Date.UTC(2026, 10, 24, 12, 0, 0));
const interval = 10_000;

/** What the service would return: the stored events whose time is inside the window, newest first, two per page. */
function fakeTrail() {
	const events: TrailEvent[] = [];
	const windows: FollowWindow[] = [];
	let failNext = 0;
	const lookup: FollowOptions['lookup'] = (window, signal) => {
		windows.push(window);
		const failing = failNext > 0;
		if (failing) {
			failNext--;
		}

		return (async function * () {
			if (failing) {
				throw new TrailviewError('network', 'Could not reach the us-east-1 endpoint: the connection was refused.');
			}

			const inside = events
				.filter(event => event.time >= window.start && event.time <= window.end)
				.sort((a, b) => b.time.getTime() - a.time.getTime());
			for (let at = 0; at < inside.length && !signal.aborted; at += 2) {
				yield inside.slice(at, at + 2);
			}
		})();
	};

	return {
		events,
		windows,
		lookup,
		add(id: string, agoMs: number, overrides: Partial<TrailEvent> = {}) {
			events.push(makeEvent(0, {id, time: new Date(Date.now() - agoMs), ...overrides}));
		},
		failPolls(count: number) {
			failNext = count;
		},
	};
}

function follow(trail: ReturnType<typeof fakeTrail>, options: Partial<FollowOptions> = {}) {
	const controller = new AbortController();
	const batches: TrailEvent[][] = [];
	const polls: PollStatus[] = [];
	const done = (async () => {
		for await (const batch of followEvents({
			lookup: trail.lookup,
			matches: event => event.name !== 'Ignored',
			intervalMs: interval,
			trailingMs: defaultTrailingMs,
			signal: controller.signal,
			onPoll: status => polls.push(status),
			...options,
		})) {
			batches.push(batch);
		}
	})();
	return {controller, batches, polls, done, ids: () => batches.map(batch => batch.map(event => event.id))};
}

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(start);
});

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('followEvents', () => {
	it('yields what is not shown yet, newest first, and leaves out what the query does not match', async () => {
		const trail = fakeTrail();
		trail.add('shown', 60_000);
		trail.add('new-1', 120_000);
		trail.add('new-2', 30_000);
		trail.add('other', 10_000, {name: 'Ignored'});
		const run = follow(trail, {seen: ['shown']});
		await vi.advanceTimersByTimeAsync(0);
		expect(run.ids()).toEqual([['new-2', 'new-1']]);
		expect(run.polls).toEqual([{at: start, ok: true, added: 2}]);
		expect(trail.windows[0]).toEqual({start: new Date(start.getTime() - defaultTrailingMs), end: start});
		run.controller.abort();
		await run.done;
	});

	it('finds an event ten minutes old that arrives on a later poll, exactly once', async () => {
		const trail = fakeTrail();
		trail.add('old', 5 * 60_000);
		const run = follow(trail, {seen: ['old']});
		await vi.advanceTimersByTimeAsync(0);
		expect(run.batches).toEqual([]);
		// Delivered late: its time is ten minutes ago, but it was not there on the first poll.
		trail.add('late', 10 * 60_000);
		await vi.advanceTimersByTimeAsync(interval);
		expect(run.ids()).toEqual([['late']]);
		await vi.advanceTimersByTimeAsync(interval * 3);
		expect(run.ids()).toEqual([['late']]);
		expect(run.polls.map(poll => poll.ok && poll.added)).toEqual([0, 1, 0, 0, 0]);
		// Every poll reads the whole trailing window, up to its own now.
		const last = trail.windows.at(-1)!;
		expect(last.end.getTime()).toBe(start.getTime() + interval * 4);
		expect(last.start.getTime()).toBe(start.getTime() + interval * 3 - defaultTrailingMs);
		run.controller.abort();
		await run.done;
	});

	it('remembers no more ids than seenLimit', async () => {
		const seen = createSeenIds(3);
		for (let id = 0; id < 1000; id++) {
			seen.check(`id-${id}`);
		}

		expect(seen.size).toBe(3);
		// The least recently seen went first; one seen again moves to the front.
		expect(seen.check('id-997')).toBe(true);
		expect(seen.check('id-0')).toBe(false);
		expect(seen.check('id-997')).toBe(true);
		expect(seen.check('id-998')).toBe(false);
		// Given newest first, the newest are kept.
		const initial = createSeenIds(2, ['newest', 'newer', 'oldest']);
		expect(initial.size).toBe(2);
		expect(initial.check('newest')).toBe(true);
		expect(initial.check('oldest')).toBe(false);
	});

	it('keeps each event of a window once across polls while the window fits the memory', async () => {
		const trail = fakeTrail();
		for (let index = 0; index < 5; index++) {
			trail.add(`e${index}`, index * 60_000);
		}

		const fits = follow(trail, {seenLimit: 5});
		await vi.advanceTimersByTimeAsync(interval * 5);
		expect(fits.batches.flat()).toHaveLength(5);
		fits.controller.abort();
		await fits.done;
		// With room for fewer ids than the window holds, the memory really is bounded: ids come back.
		const tight = follow(trail, {seenLimit: 2});
		await vi.advanceTimersByTimeAsync(interval * 2);
		expect(tight.batches.flat().length).toBeGreaterThan(5);
		tight.controller.abort();
		await tight.done;
	});

	it('reports a failed poll with its retry time, backs off, and on recovery reads back to the last good poll', async () => {
		vi.spyOn(Math, 'random').mockReturnValue(0);
		const trail = fakeTrail();
		const run = follow(trail);
		await vi.advanceTimersByTimeAsync(0);
		const firstGood = trail.windows[0]!.end.getTime();
		trail.failPolls(2);
		await vi.advanceTimersByTimeAsync(interval);
		// The first retry waits half to all of one interval (here, with the jitter at 0, half).
		expect(run.polls[1]).toMatchObject({ok: false, retryAt: start.getTime() + interval + interval / 2});
		expect(run.polls[1]!.ok === false && run.polls[1]!.error.kind).toBe('network');
		await vi.advanceTimersByTimeAsync(interval / 2);
		expect(run.polls[2]).toMatchObject({ok: false, retryAt: start.getTime() + interval * 1.5 + interval});
		trail.add('during-outage', 1000);
		await vi.advanceTimersByTimeAsync(interval);
		expect(run.polls[3]).toMatchObject({ok: true, added: 1});
		expect(run.ids()).toEqual([['during-outage']]);
		expect(trail.windows[3]!.start.getTime()).toBe(firstGood - defaultTrailingMs);
		run.controller.abort();
		await run.done;
	});

	it('ends quietly when aborted between polls or during one', async () => {
		const trail = fakeTrail();
		const waiting = follow(trail);
		await vi.advanceTimersByTimeAsync(0);
		waiting.controller.abort();
		await waiting.done;
		expect(waiting.polls).toHaveLength(1);

		let release!: () => void;
		const hanging = follow(trail, {
			lookup: (_window, signal) =>
				(async function * () {
					await new Promise<void>(resolve => {
						release = resolve;
						signal.addEventListener('abort', () => {
							resolve();
						});
					});
					yield [makeEvent(1)];
				})(),
		});
		await vi.advanceTimersByTimeAsync(0);
		hanging.controller.abort();
		release();
		await hanging.done;
		expect(hanging.polls).toEqual([]);
		expect(hanging.batches).toEqual([]);
	});
});

describe('followIntervalMs', () => {
	it('polls every 10 s, and slows down only for very many sources', () => {
		expect(followIntervalMs(1)).toBe(10_000);
		expect(followIntervalMs(17)).toBe(10_000);
		expect(followIntervalMs(50)).toBe(10_000);
		expect(followIntervalMs(100)).toBe(20_000);
	});
});

describe('sessionsFollowInterval', () => {
	it('takes the local pause only when every session has one (the slowest), so a real account keeps followIntervalMs', () => {
		expect(sessionsFollowInterval([{followIntervalMs: 500}])).toBe(500);
		expect(sessionsFollowInterval([{followIntervalMs: 500}, {followIntervalMs: 1000}])).toBe(1000);
		expect(sessionsFollowInterval([{followIntervalMs: 500}, {}])).toBeUndefined();
		expect(sessionsFollowInterval([{}])).toBeUndefined();
		expect(sessionsFollowInterval([])).toBeUndefined();
	});
});
