// The events table view: a header and the rows the state hook says are on screen. Each row is one
// pre-rendered string of exact display width, so nothing wraps and columns line up.
import React, {memo, useMemo} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {Spinner} from '../spinner.js';
import {eventRow, type EventTable} from '../../domain/event-table.js';
import type {TrailEvent} from '../../domain/types.js';
import type {VisibleRow} from '../../lib/events-view.js';
import {eventOutcome} from '../../lib/format.js';
import {safe, splitSafe, type SafeText} from '../../lib/sanitize.js';
import {highlightRanges, type Needle} from '../../lib/highlight.js';

export type EventsTableProps = {
	rows: VisibleRow[];
	/** Show a "loading more…" row after the last event. */
	tail: boolean;
	/** Columns fitted to the loaded events and the terminal (domain/event-table.ts). */
	table: EventTable;
	/** Dim the selection when the table does not have focus. */
	focused: boolean;
	/** The trailing row's words while more is fetched (a scan says how far it got). */
	tailText?: SafeText | undefined;
	/** What the query looks for, underlined where it shows in a row. */
	needles?: readonly Needle[];
};

type EventRowProps = {
	event: TrailEvent;
	table: EventTable;
	isNew: boolean;
	selected: boolean;
	focused: boolean;
	needles: readonly Needle[];
};

const noNeedles: readonly Needle[] = [];

// A key press changes the selection of two rows at most, so the others keep their element (memo)
// and every row keeps its text until the event or the table (a page, a resize, the time zone)
// changes (useMemo): formatting, sanitising and measuring a row is most of the table's own cost per frame.
const EventRow = memo(function EventRow({event, table, isNew, selected, focused, needles}: EventRowProps) {
	// Alternating plain and matched pieces: [plain, match, plain, …].
	const pieces = useMemo(() => {
		const text = eventRow(table, event, isNew);
		return needles.length === 0 ? [text] : splitSafe(text, highlightRanges(text, needles).flat());
	}, [event, table, isNew, needles]);
	const failed = useMemo(() => eventOutcome(event).kind !== 'success', [event]);
	return (
		<Text wrap="truncate" inverse={selected} dimColor={selected && !focused} color={failed ? 'red' : isNew ? 'green' : undefined}>
			{pieces.map((piece, index) =>
				index % 2 === 1 ? (
					// Pieces stand in a fixed order for a given row text; the index is a stable key.
					<Text key={index} bold underline>
						{piece}
					</Text>
				) : (
					piece
				),
			)}
		</Text>
	);
});

export function EventsTable({rows, tail, tailText, table, focused, needles = noNeedles}: EventsTableProps) {
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text bold underline wrap="truncate">
				{table.header}
			</Text>
			{rows.map(row => (
				<EventRow
					key={row.event.id}
					event={row.event}
					table={table}
					isNew={row.isNew}
					selected={row.selected}
					focused={focused}
					needles={needles}
				/>
			))}
			{tail ? (
				<Text color="yellow" wrap="truncate">
					<Spinner />
					{safe` ${tailText ?? safe`loading more…`}`}
				</Text>
			) : null}
		</Box>
	);
}
