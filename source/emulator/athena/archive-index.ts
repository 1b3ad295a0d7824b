// Which records the organization trail's S3 archive holds, partition by partition (account,
// region, day), without building any record: the last 90 days are the very events LookupEvents
// serves (the EventStore, added events included); the 275 days before exist only here (streams
// of their own from the same generator); S3 data events span the whole year and never reach
// LookupEvents. Records are built per partition, only when a query touches it.
import {knownAccountIds} from '../accounts.js';
import {dataEventTemplates} from '../catalog-data.js';
import type {EventStore} from '../event-store.js';
import type {StoredEvent} from '../types.js';

const dayMs = 86_400_000;
const recentDays = 90;
const archiveDays = 365;
/** S3 object calls per management event (the demo trail logs data events for a few buckets). */
const dataEventShare = 0.06;
/**
 * The organization grew into its current activity: the months before the last 90 days hold fewer
 * events (as a share of today's rate). Fewer records also keep a cold full-year query quick to build.
 */
const olderSegments: ReadonlyArray<{fromDays: number; toDays: number; share: number}> = [
	{fromDays: recentDays, toDays: 180, share: 0.5},
	{fromDays: 180, toDays: 270, share: 0.3},
	{fromDays: 270, toDays: archiveDays, share: 0.15},
];

export type PartitionRef = {account: string; region: string; day: string};

export const partitionKey = (ref: PartitionRef): string => `${ref.account}|${ref.region}|${ref.day}`;

/** `yyyy/MM/dd` (UTC), the projection's timestamp format. */
export function dayOf(ms: number): string {
	return new Date(Math.floor(ms / dayMs) * dayMs).toISOString().slice(0, 10).replaceAll('-', '/');
}

function dayStart(day: string): number {
	return Date.parse(`${day.replaceAll('/', '-')}T00:00:00Z`);
}

/** First index whose event is older than `ms` in a newest-first list. */
function firstOlder(events: readonly StoredEvent[], ms: number): number {
	let low = 0;
	let high = events.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (events[middle]!.timeMs >= ms) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

function within(events: readonly StoredEvent[], from: number, to: number): StoredEvent[] {
	return events.slice(firstOlder(events, to), firstOlder(events, from));
}

export type PartitionRecords = {management: StoredEvent[]; data: StoredEvent[]};

export class ArchiveIndex {
	private readonly older = new Map<string, StoredEvent[]>();
	private readonly dataEvents = new Map<string, StoredEvent[]>();

	constructor(
		private readonly store: EventStore,
		private readonly dataNow: Date,
	) {}

	/** Accounts whose logs the organization trail delivers, sorted. */
	accounts(): string[] {
		return [...knownAccountIds].sort();
	}

	regionsOf(account: string): string[] {
		return this.store.regionsOf(account);
	}

	/** Changes whenever events are added, so partitions built before can be built again. */
	get revision(): number {
		return this.store.revision;
	}

	/** Older than the last 90 days: generated the first time a partition there is read. */
	private olderOf(account: string, region: string): StoredEvent[] {
		const key = `${account}/${region}`;
		let older = this.older.get(key);
		if (!older) {
			// Newest segment first, each newest first: the whole list stays newest first.
			older = olderSegments.flatMap(segment =>
				this.store.stream(account, region, {
					stream: `archive-${segment.fromDays}`,
					end: new Date(this.dataNow.getTime() - segment.fromDays * dayMs),
					spanMs: (segment.toDays - segment.fromDays) * dayMs,
					perRegionCount: (this.store.perRegion * segment.share * (segment.toDays - segment.fromDays)) / recentDays,
				}),
			);
			this.older.set(key, older);
		}

		return older;
	}

	private dataOf(account: string, region: string): StoredEvent[] {
		const key = `${account}/${region}`;
		let data = this.dataEvents.get(key);
		if (!data) {
			data = this.store.stream(account, region, {
				stream: 'data-events',
				end: this.dataNow,
				spanMs: archiveDays * dayMs,
				perRegionCount: (this.store.perRegion * archiveDays * dataEventShare) / recentDays,
				templates: dataEventTemplates,
			});
			this.dataEvents.set(key, data);
		}

		return data;
	}

	/**
	 * Every partition the year can hold: each day of it for each account+region with history, and
	 * the days of events added outside it. Partitions without records are empty folders: they
	 * scan nothing.
	 */
	partitions(): PartitionRef[] {
		const refs: PartitionRef[] = [];
		const last = Math.floor(this.dataNow.getTime() / dayMs);
		for (const account of this.accounts()) {
			for (const region of this.regionsOf(account)) {
				const days = new Set<number>();
				for (let day = last - archiveDays; day <= last; day++) {
					days.add(day);
				}

				for (const event of this.store.events(account, region)) {
					days.add(Math.floor(event.timeMs / dayMs));
				}

				for (const day of [...days].sort((a, b) => a - b)) {
					refs.push({account, region, day: dayOf(day * dayMs)});
				}
			}
		}

		return refs;
	}

/** The partition's records: management events, and data events apart. */
	records(ref: PartitionRef): PartitionRecords {
		const from = dayStart(ref.day);
		const to = from + dayMs;
		const management = within(this.store.events(ref.account, ref.region), from, to);
		if (from < this.dataNow.getTime() - recentDays * dayMs) {
			management.push(...within(this.olderOf(ref.account, ref.region), from, to));
		}

		return {management, data: within(this.dataOf(ref.account, ref.region), from, to)};
	}
}
