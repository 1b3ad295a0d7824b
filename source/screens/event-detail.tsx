// One event in full: a summary, then the whole CloudTrail record as coloured JSON, with strings
// that hold JSON documents decoded. The record is highlighted and laid out in rows once (per event,
// width and mode), and only the rows on screen are cut and drawn, so a 100 KB record scrolls freely.
// The state (scroll, wrapping, search) lives in use-detail-keys.ts; this draws it.
import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {LineEditorView, type LineEditorState} from '../components/line-editor/index.js';
import type {TrailEvent} from '../domain/types.js';
import type {JsonLine, JsonTokenKind} from '../lib/json-highlight.js';
import type {SummaryRow, SummaryTone} from '../lib/events-detail.js';
import {cutColumns, rowPieces, type MarkRange, type RowPiece} from '../lib/row-pieces.js';
import {matchesOnLine, type Match} from '../lib/text-search.js';
import type {RowLayout} from '../lib/wrap-rows.js';
import {joinSafe, repeatSafe, safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {padToWidth} from '../lib/text-width.js';
import {SegmentLine, type Segment} from '../panes/segment-line.js';
import {PaneTitle} from '../panes/pane-title.js';

/** What the detail shows: everything laid out, and where the reader is in it. */
export type DetailView = {
	event: TrailEvent;
	summary: SummaryRow[];
	/** Why the record is shown as raw text, or that there is none. */
	note: SafeText | undefined;
	lines: readonly JsonLine[];
	layout: RowLayout;
	/** First row on screen, and how many rows fit. */
	top: number;
	viewport: number;
	/** Columns scrolled sideways. */
	x: number;
	matches: readonly Match[];
	/** Index of the current match in `matches`, -1 for none. */
	current: number;
	/** Strings shown decoded (0: nothing to decode); `raw`: shown as strings instead. */
	decoded: number;
	raw: boolean;
	/** The find line's state while it is open. */
	find: LineEditorState | undefined;
};

export type EventDetailProps = {
	view: DetailView;
	width: number;
	/** Lines the view may use, title (and find line) included. */
	height: number;
};

const tokenColor: Record<JsonTokenKind, string | undefined> = {
	key: 'cyan',
	string: 'green',
	number: 'yellow',
	boolean: 'magenta',
	null: 'gray',
	punct: undefined,
	note: undefined,
};

const toneColor: Record<SummaryTone, string | undefined> = {ok: 'green', error: 'red', plain: undefined};

const labelWidth = 9;

/**
 * A match is yellow and underlined, the current one inverse: without colour the underline and
 * inverse (attributes, not colours) still tell them apart.
 */
function segmentOf(piece: RowPiece): Segment {
	if (piece.mark === 'current') {
		return {text: piece.text, color: tokenColor[piece.kind], inverse: true, bold: true, underline: true};
	}

	if (piece.mark === 'match') {
		return {text: piece.text, color: 'black', background: 'yellow', underline: true};
	}

	return {text: piece.text, color: tokenColor[piece.kind], dim: piece.kind === 'note'};
}

/** The segments of the rows on screen; nothing is cut or measured for the rows off it. */
export function visibleRows(view: DetailView, width: number): Segment[][] {
	const {layout, lines, matches, current} = view;
	return layout.rows.slice(view.top, view.top + view.viewport).map(row => {
		const {from, to} = matchesOnLine(matches, row.line);
		const marks: MarkRange[] = [];
		for (let index = from; index < to; index++) {
			marks.push({start: matches[index]!.start, end: matches[index]!.end, current: index === current});
		}

		const pieces = rowPieces(lines[row.line] ?? [], row, marks);
		return (layout.wrap ? pieces : cutColumns(pieces, view.x, width)).map(piece => segmentOf(piece));
	});
}

function titleDetail(view: DetailView, shown: number): SafeText | undefined {
	const {layout} = view;
	const parts: SafeText[] = [];
	if (layout.rows.length > view.viewport) {
		const first = (layout.rows[view.top]?.line ?? 0) + 1;
		const last = (layout.rows[view.top + shown - 1]?.line ?? 0) + 1;
		parts.push(safe`lines ${first}–${last} of ${view.lines.length}`);
	}

	if (view.x > 0) {
		parts.push(safe`from column ${view.x + 1}`);
	}

	if (view.raw && view.decoded > 0) {
		parts.push(safe`JSON strings shown raw`);
	}

	return parts.length > 0 ? joinSafe(parts, safe` · `) : undefined;
}

export function EventDetail({view, width, height}: EventDetailProps) {
	const {event, summary, note} = view;
	const visible = visibleRows(view, width);
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflow="hidden">
			<Box flexDirection="column" flexShrink={0}>
				<PaneTitle title={safe`Event ${sanitizeLine(event.name)}`} focused detail={titleDetail(view, visible.length)} />
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
			{view.find ? (
				<Box height={1} flexShrink={0} marginTop={Math.max(0, view.viewport - visible.length)}>
					<LineEditorView state={view.find} prompt={safe`Find: `} width={width} placeholder={safe`text in the record (Enter finds, Esc cancels)`} />
				</Box>
			) : null}
		</Box>
	);
}
