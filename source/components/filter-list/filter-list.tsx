import React, {type ReactNode} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {safe, sanitizeLine, type SafeText} from '../../lib/sanitize.js';
import {truncateToWidth} from '../../lib/text-width.js';
import {type FilterItem, type FilterListState, visibleItems} from './reducer.js';

/** Lines the view draws besides the rows: the filter line. Parents budget rows with this. */
export const filterListChromeLines = 1;

type Props<T extends FilterItem> = {
	state: FilterListState<T>;
	/** Columns available to the whole widget. */
	width: number;
	/** One row, at most `width` columns wide (the cursor marker is drawn outside it). */
	renderItem(item: T, options: {selected: boolean; width: number}): ReactNode;
	/** e.g. "profiles"; used in the counter and the empty message. */
	noun: SafeText;
	/** Shown instead of the rows when there is nothing to filter at all. */
	emptyText?: SafeText;
};

export function FilterListView<T extends FilterItem>({state, width, renderItem, noun, emptyText}: Props<T>) {
	const rows = visibleItems(state);
	const counter = state.filter === '' ? safe`${state.items.length} ${noun}` : safe`${state.matches.length}/${state.items.length}`;
	// The filter is keyboard input, possibly pasted: shown through the same sanitiser as AWS text.
	const filterText = sanitizeLine(state.filter);
	const shownFilter = truncateToWidth(filterText, Math.max(1, width - 20));
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Box>
				<Text wrap="truncate-end">
					<Text color="cyan">{safe`/ `}</Text>
					{filterText === '' ? <Text dimColor>{safe`type to filter`}</Text> : <Text>{shownFilter}</Text>}
					<Text color="cyan">{safe`▏`}</Text>
					<Text dimColor>{safe`  ${counter}`}</Text>
				</Text>
			</Box>
			{state.items.length === 0 ? (
				<Text dimColor wrap="truncate-end">{safe`  ${emptyText ?? safe`No ${noun}.`}`}</Text>
			) : rows.length === 0 ? (
				<Text dimColor wrap="truncate-end">{safe`  No ${noun} match “${shownFilter}”.`}</Text>
			) : (
				rows.map((item, index) => {
					const selected = state.offset + index === state.cursor;
					return (
						<Box key={item.key} width={width}>
							<Text color="cyan" bold>{selected ? safe`› ` : safe`  `}</Text>
							{renderItem(item, {selected, width: Math.max(1, width - 2)})}
						</Box>
					);
				})
			)}
		</Box>
	);
}
