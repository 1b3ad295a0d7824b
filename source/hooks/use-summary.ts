// The summary view's state: which field groups the events, in which order, and the cursor on the
// groups. The groups themselves are derived from the events loaded (domain/summary.ts) while
// rendering, so they follow every page, follow-mode insert and query without being stored.
import {useMemo, useState} from 'react';
import type {TrailEvent} from '../domain/types.js';
import {groupFields, groupOrders, sortGroups, summarize, type Group, type GroupField, type GroupOrder, type Summary} from '../domain/summary.js';
import {keepVisible, moveIndex, type Move} from '../lib/table-window.js';

export type SummaryView = {
	isOpen: boolean;
	toggle(): void;
	close(): void;
	field: GroupField;
	order: GroupOrder;
	summary: Summary;
	groups: Group[];
	cursor: number;
	top: number;
	selected: Group | undefined;
	move(move: Move): void;
	/** ←/→: the previous or next grouping. */
	step(by: -1 | 1): void;
	cycleOrder(): void;
};

export function useSummary(options: {
	events: readonly TrailEvent[];
	window: {start: Date; end: Date};
	/** Rows for groups on screen. */
	rows: number;
	/** Slices of the sparklines. */
	slices: number;
	account: string;
	accountLabel: string;
}): SummaryView {
	const [isOpen, setOpen] = useState(false);
	const [fieldIndex, setFieldIndex] = useState(0);
	const [order, setOrder] = useState<GroupOrder>('count');
	const [position, setPosition] = useState({cursor: 0, top: 0});
	const field = groupFields[fieldIndex]!;
	const {events, window, slices, account, accountLabel, rows} = options;
	const start = window.start.getTime();
	const end = window.end.getTime();
	const summary = useMemo(
		() => summarize(events, field, {window: {start, end}, slices, account, accountLabel}),
		[events, field, start, end, slices, account, accountLabel],
	);
	const groups = useMemo(() => (order === 'count' ? summary.groups : sortGroups(summary.groups, order)), [summary, order]);
	const cursor = Math.min(position.cursor, Math.max(0, groups.length - 1));
	const top = keepVisible(Math.min(position.top, cursor), cursor, Math.max(1, rows), groups.length);
	const reset = () => setPosition({cursor: 0, top: 0});
	return {
		isOpen,
		toggle: () => setOpen(current => !current),
		close: () => setOpen(false),
		field,
		order,
		summary,
		groups,
		cursor,
		top,
		selected: groups[cursor],
		move(move) {
			setPosition(current => {
				const next = moveIndex(Math.min(current.cursor, Math.max(0, groups.length - 1)), move, groups.length, Math.max(1, rows - 1));
				return {cursor: next, top: keepVisible(current.top, next, Math.max(1, rows), groups.length)};
			});
		},
		step(by) {
			setFieldIndex(current => (current + by + groupFields.length) % groupFields.length);
			reset();
		},
		cycleOrder() {
			setOrder(current => groupOrders[(groupOrders.indexOf(current) + 1) % groupOrders.length]!);
			reset();
		},
	};
}

/**
 * The span the sparklines cover: the query's window once every page is in; while more remain,
 * from the oldest event loaded, so a week loaded of 90 days does not crowd into the last slices.
 */
export function summaryWindow(window: {start: Date; end: Date}, events: {events: readonly TrailEvent[]; hasMore: boolean}): {start: Date; end: Date} {
	const oldest = events.events.at(-1)?.time;
	return events.hasMore && oldest && oldest > window.start ? {start: oldest, end: window.end} : window;
}
