// The events table view: a header and the rows the state hook says are on screen. Each row is one
// pre-rendered string of exact display width, so nothing wraps and columns line up.
import React, {memo, useMemo} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {Spinner} from '../spinner.js';
import {eventRow, type EventTable} from '../../domain/event-table.js';
import type {TrailEvent} from '../../domain/types.js';
import type {VisibleRow} from '../../lib/events-state.js';
import {eventOutcome} from '../../lib/format.js';
import {safe} from '../../lib/sanitize.js';

export type EventsTableProps = {
	rows: VisibleRow[];
	/** Show a "loading more…" row after the last event. */
	tail: boolean;
	/** Columns fitted to the loaded events and the terminal (domain/event-table.ts). */
	table: EventTable;
	/** Dim the selection when the table does not have focus. */
	focused: boolean;
};

type EventRowProps = {
	event: TrailEvent;
	table: EventTable;
	isNew: boolean;
	selected: boolean;
	focused: boolean;
};

// A key press changes the selection of two rows at most, so the others keep their element (memo)
// and every row keeps its text until the event or the table (a page, a resize, the time zone)
// changes (useMemo): formatting, sanitising and measuring a row is most of the table's own cost per frame.
const EventRow = memo(function EventRow({event, table, isNew, selected, focused}: EventRowProps) {
	const text = useMemo(() => eventRow(table, event, isNew), [event, table, isNew]);
	const failed = useMemo(() => eventOutcome(event).kind !== 'success', [event]);
	return (
		<Text wrap="truncate" inverse={selected} dimColor={selected && !focused} color={failed ? 'red' : isNew ? 'green' : undefined}>
			{text}
		</Text>
	);
});

export function EventsTable({rows, tail, table, focused}: EventsTableProps) {
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
				/>
			))}
			{tail ? (
				<Text color="yellow" wrap="truncate">
					<Spinner />
					{safe` loading more…`}
				</Text>
			) : null}
		</Box>
	);
}
