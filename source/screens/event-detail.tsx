// One event in full: a summary, then the whole CloudTrail record as coloured JSON. The JSON is
// highlighted once and only the lines on screen are rendered, so a 100 KB record scrolls freely.
import React, {useMemo} from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {TrailEvent} from '../domain/types.js';
import type {JsonTokenKind} from '../lib/json-highlight.js';
import {detailBody, detailSummary, type SummaryTone} from '../lib/events-detail.js';
import {repeatSafe, safe, sanitizeLine} from '../lib/sanitize.js';
import {padToWidth} from '../lib/text-width.js';
import {SegmentLine, type Segment} from '../panes/segment-line.js';
import {PaneTitle} from '../panes/pane-title.js';

/** What the detail shows at a height: the summary rows that fit and the record's lines below them. */
export type DetailView = {
	event: TrailEvent;
	body: ReturnType<typeof detailBody>;
	summary: ReturnType<typeof detailSummary>;
	/** Record lines on screen at once. */
	viewport: number;
	/** Record lines in all. */
	total: number;
};

export type EventDetailProps = {
	view: DetailView;
	width: number;
	/** Lines the view may use, title included. */
	height: number;
	/** First record line shown (the main screen owns the scroll keys). */
	start: number;
};

const tokenColor: Record<JsonTokenKind, string | undefined> = {
	key: 'cyan',
	string: 'green',
	number: 'yellow',
	boolean: 'magenta',
	null: 'gray',
	punct: undefined,
};

const toneColor: Record<SummaryTone, string | undefined> = {ok: 'green', error: 'red', plain: undefined};

const labelWidth = 9;
/** On short terminals the summary gives way so some of the record stays visible. */
const minRecordLines = 3;
const summaryPriority = ['Who', 'What', 'Outcome', 'When', 'From', 'Event'];

/** Parses the event's record once (per event) and fits the summary and record to `height`. */
export function useDetailView(event: TrailEvent | undefined, height: number): DetailView | undefined {
	const body = useMemo(() => (event ? detailBody(event) : undefined), [event]);
	const fullSummary = useMemo(
		() => (event ? detailSummary(event) : []),
		[event],
	);
	if (!event || !body) {
		return undefined;
	}

	const summaryRoom = Math.max(0, Math.min(fullSummary.length, height - 2 - minRecordLines));
	const kept = new Set(summaryPriority.slice(0, summaryRoom));
	const summary = fullSummary.filter(row => kept.has(row.label));
	// Title, summary, a rule (or the note), then the record.
	const viewport = Math.max(1, height - 1 - summary.length - 1);
	return {event, body, summary, viewport, total: body.lines.length};
}

export function EventDetail({view, width, height, start}: EventDetailProps) {
	const {event, body, summary, viewport, total} = view;
	const note = body.kind === 'json' ? undefined : body.note;

	const visible: Segment[][] =
		body.kind === 'json'
			? body.lines.slice(start, start + viewport).map(line => line.map(token => ({text: token.text, color: tokenColor[token.kind]})))
			: body.lines.slice(start, start + viewport).map(line => [{text: line}]);

	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflow="hidden">
			<Box flexDirection="column" flexShrink={0}>
			<PaneTitle
				title={safe`Event ${sanitizeLine(event.name)}`}
				focused
				detail={total > viewport ? safe`lines ${start + 1}–${start + visible.length} of ${total}` : undefined}
			/>
			{summary.map(row => (
				<SegmentLine
					key={row.label}
					width={width}
					segments={[
						{text: padToWidth(row.label, labelWidth), bold: true},
						{text: row.value, color: toneColor[row.tone]},
					]}
				/>
			))}
			{note ? (
				<Text color="yellow" wrap="truncate">
					{note}
				</Text>
			) : (
				<Text dimColor wrap="truncate">
					{repeatSafe(safe`─`, width)}
				</Text>
			)}
			{visible.map((segments, index) => (
				// Screen positions, not identities: the window slides over a fixed list.
				<SegmentLine key={index} width={width} segments={segments} />
			))}
			</Box>
		</Box>
	);
}
