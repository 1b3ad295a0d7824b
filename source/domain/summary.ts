// The summary view's groups (issue 14): who did most of this, what, from where, and when it
// started. One pass over the events loaded and matching, so regrouping 100,000 events never makes
// anyone wait; the UI, `--group-by` and (later) the archive's GROUP BY agree on these numbers.
import type {TrailEvent} from './types.js';

export type GroupField = 'user' | 'event' | 'source' | 'ip' | 'error' | 'region' | 'account';

/** The order ←/→ step through. */
export const groupFields: readonly GroupField[] = ['user', 'event', 'source', 'ip', 'error', 'region', 'account'];

export const groupFieldLabels: Record<GroupField, string> = {
	user: 'principal',
	event: 'event name',
	source: 'event source',
	ip: 'source IP',
	error: 'error code',
	region: 'region',
	account: 'account',
};

export type GroupOrder = 'count' | 'last' | 'name';

export const groupOrders: readonly GroupOrder[] = ['count', 'last', 'name'];

export type Group = {
	/** What the rows share: a user name, an event name, … ('' when the events have none). */
	key: string;
	/** For accounts: the profile name where known; otherwise the key. */
	label: string;
	count: number;
	first: Date;
	last: Date;
	/**
	 * Distinct event names (grouped by principal) or distinct principals (any other grouping).
	 * Counted when first read: sorting never needs it, so regrouping pays only for groups shown.
	 */
	readonly distinct: number;
	/** Events per slice of the window, oldest first. */
	buckets: number[];
};

export type Summary = {field: GroupField; groups: Group[]; total: number; buckets: number[]; window: {start: number; end: number}};

/** The value an event is grouped under. `account` uses the origin, else the account the screen reads. */
export function groupKey(event: TrailEvent, field: GroupField, account: string): string {
	switch (field) {
		case 'user': {
			return event.username ?? '';
		}

		case 'event': {
			return event.name;
		}

		case 'source': {
			return event.source;
		}

		case 'ip': {
			return event.sourceIp ?? '';
		}

		case 'error': {
			return event.errorCode ?? '';
		}

		case 'region': {
			return event.region ?? event.origin?.region ?? '';
		}

		case 'account': {
			return event.origin?.account ?? account;
		}
	}
}

type Accumulator = {key: string; label: string; count: number; first: number; last: number; members: TrailEvent[]; buckets: number[]};

function countDistinct(members: readonly TrailEvent[], field: GroupField): number {
	const seen = new Set<string>();
	for (const event of members) {
		seen.add(field === 'user' ? event.name : event.username ?? '');
	}

	return seen.size;
}

/**
 * Groups `events` by `field` over `window` (ms) in `slices` slices. `account` names the account of
 * events that carry no origin (one account open).
 */
export function summarize(
	events: readonly TrailEvent[],
	field: GroupField,
	options: {window: {start: number; end: number}; slices: number; account: string; accountLabel?: string},
): Summary {
	const {window} = options;
	const slices = Math.max(1, Math.floor(options.slices));
	const span = Math.max(1, window.end - window.start);
	const slice = (time: number) => Math.min(slices - 1, Math.max(0, Math.floor(((time - window.start) / span) * slices)));
	const totals = new Array<number>(slices).fill(0);
	const groups = new Map<string, Accumulator>();
	for (const event of events) {
		const key = groupKey(event, field, options.account);
		const time = event.time.getTime();
		let group = groups.get(key);
		if (!group) {
			const label = field === 'account' ? event.origin?.accountLabel ?? options.accountLabel ?? key : key;
			group = {key, label, count: 0, first: time, last: time, members: [], buckets: new Array<number>(slices).fill(0)};
			groups.set(key, group);
		}

		group.count++;
		if (time < group.first) {
			group.first = time;
		}

		if (time > group.last) {
			group.last = time;
		}

		group.members.push(event);
		const at = slice(time);
		group.buckets[at]!++;
		totals[at]!++;
	}

	const result = [...groups.values()].map((group): Group => {
		let distinct: number | undefined;
		return {
			key: group.key,
			label: group.label,
			count: group.count,
			first: new Date(group.first),
			last: new Date(group.last),
			get distinct() {
				distinct ??= countDistinct(group.members, field);
				return distinct;
			},
			buckets: group.buckets,
		};
	});
	return {field, groups: sortGroups(result, 'count'), total: events.length, buckets: totals, window};
}

export function sortGroups(groups: readonly Group[], order: GroupOrder): Group[] {
	const byName = (a: Group, b: Group) => a.label.localeCompare(b.label);
	const compare: Record<GroupOrder, (a: Group, b: Group) => number> = {
		count: (a, b) => b.count - a.count || byName(a, b),
		last: (a, b) => b.last.getTime() - a.last.getTime() || byName(a, b),
		name: byName,
	};
	return [...groups].sort(compare[order]);
}

const blocks = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** Counts as Unicode block characters, scaled to the largest; an empty slice is a space. */
export function sparkline(buckets: readonly number[]): string {
	const top = Math.max(0, ...buckets);
	return buckets.map(count => (count === 0 || top === 0 ? ' ' : blocks[Math.min(blocks.length - 1, Math.floor(((count - 1) / top) * blocks.length))]!)).join('');
}
