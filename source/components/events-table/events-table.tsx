// The events table view: a header and the rows the state hook says are on screen. Each row is one
// pre-rendered string of exact display width, so nothing wraps and columns line up.
import React from 'react';
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import type {ColumnLayout} from '../../lib/columns.js';
import type {VisibleRow} from '../../lib/events-state.js';
import {eventRowText, eventsHeaderText, isFailedEvent} from '../../lib/events-table.js';

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

export function EventsTable({rows, tail, layout, utc, width, focused}: EventsTableProps) {
	const options = {utc, width};
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text bold underline wrap="truncate">
				{eventsHeaderText(layout, options)}
			</Text>
			{rows.map(row => {
				const failed = isFailedEvent(row.event);
				return (
					<Text
						key={row.event.id}
						wrap="truncate"
						inverse={row.selected}
						dimColor={row.selected && !focused}
						color={failed ? 'red' : row.isNew ? 'green' : undefined}
					>
						{eventRowText(row.event, layout, {...options, isNew: row.isNew})}
					</Text>
				);
			})}
			{tail ? (
				<Text color="yellow" wrap="truncate">
					<Spinner type="dots" />
					{' loading more…'}
				</Text>
			) : null}
		</Box>
	);
}
