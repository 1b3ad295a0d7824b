// Regrouping the summary (issue 14): how long switching the grouping of 100,000 loaded events
// takes (domain/summary.ts, what ←/→ in the summary view runs, plus the distinct counts of the
// groups a 40-line screen shows), so switching never waits. The
// events are real TrailEvents: the emulator's records turned into domain events by the service
// module's own converter, then compacted page by page as the events table keeps them (an earlier
// version grouped full objects with their records inline, which the app no longer holds, and read
// 5x slower for cache misses alone). Baseline in the same run: one bare pass counting the same events into a
// Map by event name, the least any grouping can cost.
import {performance} from 'node:perf_hooks';
import {EventStore} from '../../source/emulator/event-store.js';
import {toTrailEvent} from '../../source/services/events.js';
import {groupFields, summarize} from '../../source/domain/summary.js';
import {compactEvents} from '../../source/domain/compact-events.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {record, runs, stats} from '../support/figures.js';

const wanted = 100_000;

function loadedEvents(): TrailEvent[] {
	const now = new Date();
	// The busiest region holds eventsPerRegion events; several accounts and regions make up the rest.
	const store = new EventStore(42, now, 40_000);
	const events: TrailEvent[] = [];
	for (const account of ['111111111111', '222222222222', '333333333333']) {
		for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2']) {
			for (const stored of store.events(account, region)) {
				const event = toTrailEvent({
					EventId: stored.id,
					EventName: stored.name,
					EventSource: stored.source,
					EventTime: new Date(stored.timeMs),
					Username: stored.username,
					AccessKeyId: stored.accessKeyId,
					ReadOnly: String(stored.readOnly),
					Resources: stored.resources.map(resource => ({ResourceType: resource.type, ResourceName: resource.name})),
					CloudTrailEvent: stored.cloudTrailEvent(),
				});
				if (event) {
					events.push({...event, origin: {account, accountLabel: account, region}});
				}

				if (events.length === wanted) {
					return asTheTableHoldsThem(events.sort((a, b) => b.time.getTime() - a.time.getTime()));
				}
			}
		}
	}

	return asTheTableHoldsThem(events.sort((a, b) => b.time.getTime() - a.time.getTime()));
}

/** The table keeps each page of 50 compacted (hooks/use-events.ts), so the summary reads those. */
function asTheTableHoldsThem(events: TrailEvent[]): TrailEvent[] {
	const held: TrailEvent[] = [];
	for (let index = 0; index < events.length; index += 50) {
		held.push(...compactEvents(events.slice(index, index + 50)));
	}

	return held;
}

export async function regroup(): Promise<void> {
	console.error('8. regrouping 100,000 loaded events in the summary view');
	const events = loadedEvents();
	const window = {start: events.at(-1)!.time.getTime(), end: events[0]!.time.getTime()};
	const times: number[] = [];
	const floor: number[] = [];
	// A warm-up pass per field, then every field `runs` times, as ←/→ would step through them.
	for (const field of groupFields) {
		summarize(events, field, {window, slices: 32, account: '111111111111'});
	}

	for (let run = 0; run < runs; run++) {
		for (const field of groupFields) {
			const started = performance.now();
			const summary = summarize(events, field, {window, slices: 32, account: '111111111111'});
			// What the screen then draws: the distinct counts of the groups on a 40-line terminal.
			for (const group of summary.groups.slice(0, 30)) {
				void group.distinct;
			}

			times.push(performance.now() - started);
		}

		const started = performance.now();
		const counts = new Map<string, number>();
		for (const event of events) {
			counts.set(event.name, (counts.get(event.name) ?? 0) + 1);
		}

		floor.push(performance.now() - started);
	}

	const figure = stats(times);
	const baseline = stats(floor);
	record({
		id: 'regroup',
		figure: `Regroup ${events.length.toLocaleString('en-US')} events (each of ${groupFields.length} groupings)`,
		unit: 'ms',
		...figure,
		target: '< 50 ms',
		met: figure.median < 50,
		baseline: {what: 'bare count by name', median: baseline.median},
		ratio: figure.median / baseline.median,
	});
}
