// The emulator's generated year of records read directly (its archive index), as the app would
// read each through LookupEvents: what the archive's engines (Athena, CloudTrail Lake) are checked
// against in test/emulator/archive-app.test.ts and lake-app.test.ts.
import {parseQuery} from '../../source/domain/query/parse.js';
import type {Query} from '../../source/domain/query/types.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {ArchiveIndex} from '../../source/emulator/athena/archive-index.js';
import {EventStore} from '../../source/emulator/event-store.js';
import {defaultSeed} from '../../source/emulator/index.js';
import type {StoredEvent} from '../../source/emulator/types.js';
import {toTrailEvent} from '../../source/services/events.js';

export function parsed(text: string): Query {
	const result = parseQuery(text);
	if (!result.ok) {
		throw new Error(`bad test query ${text}: ${result.error.message}`);
	}

	return result.query;
}

/**
 * A stored record as LookupEvents would give it to the app (services/events.ts reads the wire
 * shape), but with the resources the log file holds: Event history derives its Resources from the
 * request for many events whose record names none (DeleteUser's user), and that list is not in
 * the archive, so `resource:` and bare words can only match what the record says there.
 */
export function asLookedUp(stored: StoredEvent): TrailEvent {
	const record = JSON.parse(stored.cloudTrailEvent()) as {resources?: Array<{ARN?: string; type?: string}>};
	const event = toTrailEvent({
		EventId: stored.id,
		EventName: stored.name,
		ReadOnly: String(stored.readOnly),
		EventTime: new Date(stored.timeMs),
		EventSource: stored.source,
		...(stored.username === undefined ? {} : {Username: stored.username}),
		...(stored.accessKeyId === undefined ? {} : {AccessKeyId: stored.accessKeyId}),
		Resources: (record.resources ?? []).map(resource => ({ResourceType: resource.type, ResourceName: resource.ARN})),
		CloudTrailEvent: stored.cloudTrailEvent(),
	});
	return event!;
}

/** Every record of the year the emulator's archive holds, with the account whose logs hold it. */
export function archiveHistory(now: Date, eventsPerRegion: number): Array<{event: TrailEvent; account: string}> {
	const index = new ArchiveIndex(new EventStore(defaultSeed, now, eventsPerRegion), now);
	return index.partitions().flatMap(ref => {
		const {management, data} = index.records(ref);
		return [...management, ...data].map(stored => ({event: asLookedUp(stored), account: ref.account}));
	});
}
