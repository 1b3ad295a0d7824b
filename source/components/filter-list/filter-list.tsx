import React, {type ReactNode} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {sanitizeLine} from '../../lib/sanitize.js';
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
	noun: string;
	/** Shown instead of the rows when there is nothing to filter at all. */
	emptyText?: string;
};

export function FilterListView<T extends FilterItem>({state, width, renderItem, noun, emptyText}: Props<T>) {
	const rows = visibleItems(state);
	const counter = state.filter === '' ? `${state.items.length} ${noun}` : `${state.matches.length}/${state.items.length}`;
	// The filter is keyboard input, possibly pasted: shown through the same sanitiser as AWS text.
	const filterText = sanitizeLine(state.filter);
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Box>
				<Text wrap="truncate-end">
					<Text color="cyan">{'/ '}</Text>
					{filterText === '' ? <Text dimColor>type to filter</Text> : <Text>{truncateToWidth(filterText, Math.max(1, width - 20))}</Text>}
					<Text color="cyan">▏</Text>
					<Text dimColor>{`  ${counter}`}</Text>
				</Text>
			</Box>
			{state.items.length === 0 ? (
				<Text dimColor wrap="truncate-end">{`  ${emptyText ?? `No ${noun}.`}`}</Text>
			) : rows.length === 0 ? (
				<Text dimColor wrap="truncate-end">{`  No ${noun} match “${truncateToWidth(filterText, Math.max(1, width - 20))}”.`}</Text>
			) : (
				rows.map((item, index) => {
					const selected = state.offset + index === state.cursor;
					return (
						<Box key={item.key} width={width}>
							<Text color="cyan" bold>{selected ? '› ' : '  '}</Text>
							{renderItem(item, {selected, width: Math.max(1, width - 2)})}
						</Box>
					);
				})
			)}
		</Box>
	);
}
