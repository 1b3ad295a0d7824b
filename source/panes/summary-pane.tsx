// The summary view in the events pane's place (`s`): the loaded, matching events grouped by one
// field, each group with its count, share, first and last seen, how many distinct events or
// principals, and a sparkline of its activity over the query's window.
import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {groupFieldLabels, sparkline, type Group} from '../domain/summary.js';
import type {SummaryView} from '../hooks/use-summary.js';
import {formatEventTime} from '../lib/format.js';
import {formatCount} from '../lib/events-view.js';
import {joinSafe, safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {padToWidth, truncateToWidth} from '../lib/text-width.js';
import {PaneTitle} from './pane-title.js';
import type {ArchiveProgress} from '../domain/archive/types.js';
import {formatScanned} from '../domain/archive/discovery.js';
import {formatDuration} from '../lib/duration.js';

/** Columns before the sparkline: count, share, first seen, last seen, distinct. */
const fixedWidth = 7 + 1 + 6 + 1 + 11 + 1 + 11 + 1 + 8 + 1;
const labelMin = 14;

/** Sparkline slices that fit `width`, between 8 and 32. */
export function summarySlices(width: number): number {
	return Math.max(8, Math.min(32, width - fixedWidth - labelMin - 2));
}

/** "11-30 07:55": the year and seconds would only crowd a summary. */
function shortTime(date: Date, utc: boolean): SafeText {
	return sanitizeLine(formatEventTime(date, {utc}).slice(5, 16));
}

function row(group: Group, total: number, slices: number, width: number, utc: boolean): SafeText {
	const share = total === 0 ? 0 : (group.count / total) * 100;
	const cells = [
		padToWidth(formatCount(group.count), 7, 'right'),
		padToWidth(sanitizeLine(`${share.toFixed(1)}%`), 6, 'right'),
		shortTime(group.first, utc),
		shortTime(group.last, utc),
		padToWidth(formatCount(group.distinct), 8, 'right'),
		padToWidth(sanitizeLine(sparkline(group.buckets)), slices),
		group.label === '' ? safe`(none)` : sanitizeLine(group.label),
	];
	return truncateToWidth(joinSafe(cells, safe` `), width);
}

/** Who groups: Athena or CloudTrail Lake, once the first progress report says which. */
function engineLabel(progress: ArchiveProgress | undefined): SafeText {
	return progress === undefined ? safe`The archive` : progress.engine === 'lake' ? safe`CloudTrail Lake` : safe`Athena`;
}

/** The archive groups in Athena or the Lake: its state while the GROUP BY runs. */
function remoteRunning(progress: ArchiveProgress | undefined): SafeText {
	if (!progress) {
		return safe`The archive is grouping every matching event…`;
	}

	const scanned = progress.scannedBytes > 0 ? safe` · ${sanitizeLine(formatScanned(progress.scannedBytes))} scanned` : safe``;
	return safe`${engineLabel(progress)} is grouping every matching event in the archive: ${sanitizeLine(progress.state.toLowerCase())} ${sanitizeLine(formatDuration(progress.elapsedMs))}${scanned} · Esc stops it`;
}

export function SummaryPane({view, width, height, focused, utc, title}: {view: SummaryView; width: number; height: number; focused: boolean; utc: boolean; title: SafeText}) {
	const {summary, groups, cursor, top, field, order} = view;
	const slices = summary.buckets.length;
	const distinct = field === 'user' ? safe`Events` : safe`Users`;
	const header = safe`${padToWidth(safe`Count`, 7, 'right')} ${padToWidth(safe`Share`, 6, 'right')} ${padToWidth(safe`First seen`, 11)} ${padToWidth(safe`Last seen`, 11)} ${padToWidth(distinct, 8, 'right')} ${padToWidth(safe`Activity`, slices)} ${sanitizeLine(groupFieldLabels[field])}`;
	const rows = Math.max(0, height - 2);
	return (
		<Box flexDirection="column" width={width} height={height + 1} flexShrink={0} overflowY="hidden">
			<PaneTitle title={title} focused={focused} detail={safe`by ${sanitizeLine(groupFieldLabels[field])} · sorted by ${sanitizeLine(order === 'last' ? 'last seen' : order)}`} />
			<Text wrap="truncate">
				{truncateToWidth(safe`${formatCount(summary.total)} ${view.remote ? safe`events in the archive` : safe`events`} in ${formatCount(groups.length)} groups  ${sanitizeLine(sparkline(summary.buckets))}`, width)}
			</Text>
			<Text bold underline wrap="truncate">
				{truncateToWidth(header, width)}
			</Text>
			{view.remote?.error ? (
				<Text color="red" wrap="truncate">
					{truncateToWidth(safe`✗ ${engineLabel(view.remote.progress)} could not group them: ${sanitizeLine(view.remote.error.message)}`, width)}
				</Text>
			) : view.remote?.running ? (
				<Text color="cyan" wrap="truncate">
					{truncateToWidth(remoteRunning(view.remote.progress), width)}
				</Text>
			) : groups.length === 0 ? (
				<Text dimColor wrap="truncate">{view.remote ? safe`Nothing to group: no events in the archive match.` : safe`Nothing to group yet: no events loaded match.`}</Text>
			) : (
				groups.slice(top, top + rows).map((group, index) => (
					<Text key={group.key} wrap="truncate" inverse={top + index === cursor}>
						{row(group, summary.total, slices, width, utc)}
					</Text>
				))
			)}
		</Box>
	);
}
