// The events table view: a header and the rows the state hook says are on screen. Each row is one
// pre-rendered string of exact display width, so nothing wraps and columns line up.
import React, {memo, useMemo} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {Spinner} from '../spinner.js';
import type {ColumnLayout} from '../../lib/columns.js';
import type {VisibleRow} from '../../lib/events-state.js';
import {eventRowText, eventsHeaderText, isFailedEvent} from '../../lib/events-table.js';
import type {TrailEvent} from '../../services/types.js';

export type EventsTableProps = {
	rows: VisibleRow[];
	/** Show a "loading more…" row after the last event. */
	tail: boolean;
	layout: ColumnLayout;
	utc: boolean;
	width: number;
	/** Dim the selection when the table does not have focus. */
	focused: boolean;
};

type EventRowProps = {
	event: TrailEvent;
	layout: ColumnLayout;
	utc: boolean;
	width: number;
	isNew: boolean;
	selected: boolean;
	focused: boolean;
};

// A key press changes the selection of two rows at most, so the others keep their element (memo)
// and every row keeps its text until the event, layout or time zone changes (useMemo): formatting,
// sanitising and measuring a row is most of the table's own cost per frame.
const EventRow = memo(function EventRow({event, layout, utc, width, isNew, selected, focused}: EventRowProps) {
	const text = useMemo(() => eventRowText(event, layout, {utc, width, isNew}), [event, layout, utc, width, isNew]);
	const failed = useMemo(() => isFailedEvent(event), [event]);
	return (
		<Text wrap="truncate" inverse={selected} dimColor={selected && !focused} color={failed ? 'red' : isNew ? 'green' : undefined}>
			{text}
		</Text>
	);
});

export function EventsTable({rows, tail, layout, utc, width, focused}: EventsTableProps) {
	const header = useMemo(() => eventsHeaderText(layout, {utc, width}), [layout, utc, width]);
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text bold underline wrap="truncate">
				{header}
			</Text>
			{rows.map(row => (
				<EventRow
					key={row.event.id}
					event={row.event}
					layout={layout}
					utc={utc}
					width={width}
					isNew={row.isNew}
					selected={row.selected}
					focused={focused}
				/>
			))}
			{tail ? (
				<Text color="yellow" wrap="truncate">
					<Spinner />
					{' loading more…'}
				</Text>
			) : null}
		</Box>
	);
}
