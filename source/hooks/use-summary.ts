// The summary view's state: which field groups the events, in which order, and the cursor on the
// groups. The groups themselves are derived from the events loaded (domain/summary.ts) while
// rendering, so they follow every page, follow-mode insert and query without being stored.
import {useEffect, useMemo, useState} from 'react';
import {TrailviewError, type TrailEvent} from '../domain/types.js';
import type {ArchiveProgress} from '../domain/archive/types.js';
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
	/** Set while the groups come from elsewhere (the archive's GROUP BY in Athena): how that goes. */
	remote?: {running: boolean; progress: ArchiveProgress | undefined; error: TrailviewError | undefined} | undefined;
};

/** Groups computed elsewhere for a field: the archive pushes GROUP BY down to Athena (issue 16). */
export type RemoteSummary = (field: GroupField, options: {slices: number; signal: AbortSignal; onProgress(progress: ArchiveProgress): void}) => Promise<Summary>;

type Pushed = {remote: RemoteSummary; field: GroupField; summary?: Summary; progress?: ArchiveProgress; error?: TrailviewError};

function emptySummary(field: GroupField, window: {start: number; end: number}, slices: number): Summary {
	return {field, groups: [], total: 0, buckets: new Array<number>(Math.max(1, slices)).fill(0), window};
}

export function useSummary(options: {
	events: readonly TrailEvent[];
	window: {start: Date; end: Date};
	/** Rows for groups on screen. */
	rows: number;
	/** Slices of the sparklines. */
	slices: number;
	account: string;
	accountLabel: string;
	/** When set, the groups come from here, one run per field, instead of from `events`. */
	remote?: RemoteSummary | undefined;
}): SummaryView {
	const [isOpen, setOpen] = useState(false);
	const [fieldIndex, setFieldIndex] = useState(0);
	const [order, setOrder] = useState<GroupOrder>('count');
	const [position, setPosition] = useState({cursor: 0, top: 0});
	const field = groupFields[fieldIndex]!;
	const {events, window, slices, account, accountLabel, rows, remote} = options;
	const start = window.start.getTime();
	const end = window.end.getTime();
	const [pushed, setPushed] = useState<Pushed | undefined>(undefined);
	useEffect(() => {
		if (!isOpen || !remote) {
			return;
		}

		const controller = new AbortController();
		const settle = (update: Omit<Pushed, 'remote' | 'field'>) => {
			if (!controller.signal.aborted) {
				setPushed({remote, field, ...update});
			}
		};

		remote(field, {slices, signal: controller.signal, onProgress: progress => settle({progress})}).then(
			summary => settle({summary}),
			(error: unknown) => settle({error: error instanceof TrailviewError ? error : new TrailviewError('service', error instanceof Error ? error.message : String(error))}),
		);
		// Closing the summary or another field stops the query (StopQueryExecution).
		return () => controller.abort();
	}, [isOpen, remote, field, slices]);
	const current = remote && pushed?.remote === remote && pushed.field === field ? pushed : undefined;
	const local = useMemo(
		() => (remote ? undefined : summarize(events, field, {window: {start, end}, slices, account, accountLabel})),
		[remote, events, field, start, end, slices, account, accountLabel],
	);
	const summary = local ?? current?.summary ?? emptySummary(field, {start, end}, slices);
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
		remote: remote ? {running: current?.summary === undefined && current?.error === undefined, progress: current?.progress, error: current?.error} : undefined,
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
