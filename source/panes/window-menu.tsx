// `t`: the time windows, as a small list in the events pane's place. Picking one rewrites the
// query's since:/until: (hooks/use-query-session.ts); "custom" opens the query line to type them.
import React, {useCallback, useState} from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {FilterListView, filterListChromeLines, filterListCommands, useFilterListState} from '../components/filter-list/index.js';
import type {CommandSpec} from '../hooks/use-commands.js';
import {safe, sanitizeLine} from '../lib/sanitize.js';
import {padToWidth} from '../lib/text-width.js';
import {windowChoices, type WindowChoice} from '../lib/time-windows.js';
import {PaneTitle} from './pane-title.js';

type Item = WindowChoice & {searchText: string};

const items: readonly Item[] = windowChoices.map(choice => ({...choice, searchText: `${choice.key} ${choice.label}`}));

export type WindowMenuState = {
	isOpen: boolean;
	open(): void;
	specs: CommandSpec[];
	list: ReturnType<typeof useFilterListState<Item>>;
};

export function useWindowMenu(options: {
	height: number;
	/** The window in use, as since: has it (undefined: the default 90 days), to open the list on. */
	current: string | undefined;
	choose(since: string | undefined): void;
	custom(): void;
	/** The list takes the keyboard (true) or gives it back: its letters are filter text, not the app's keys. */
	onTyping?: ((typing: boolean) => void) | undefined;
}): WindowMenuState {
	const [isOpen, setOpen] = useState(false);
	const list = useFilterListState({items, selectKey: '24h', visibleCount: Math.max(1, options.height - filterListChromeLines)});
	const {current, onTyping} = options;
	const open = useCallback(() => {
		list.dispatch({type: 'clear'});
		const key = current === undefined ? '90d' : items.find(item => item.since === current)?.key ?? 'custom';
		list.dispatch({type: 'select', key});
		setOpen(true);
		onTyping?.(true);
	}, [list, current, onTyping]);
	const close = () => {
		setOpen(false);
		onTyping?.(false);
	};

	const specs = filterListCommands(list, {
		submitHint: safe`choose`,
		cancelHint: safe`cancel`,
		onCancel: close,
		onSubmit(item) {
			// Before custom(), which opens the query line and takes the keyboard again.
			close();
			if (item.custom) {
				options.custom();
			} else {
				options.choose(item.since);
			}
		},
	});
	return {isOpen, open, specs, list};
}

export function WindowMenu({menu, width, height}: {menu: WindowMenuState; width: number; height: number}) {
	return (
		<Box flexDirection="column" width={width} height={height + 1} flexShrink={0} overflowY="hidden">
			<PaneTitle title={safe`Time window`} focused />
			<FilterListView
				state={menu.list.state}
				width={width}
				noun={safe`windows`}
				renderItem={(item, {selected}) => (
					<Text bold={selected} inverse={selected} wrap="truncate">
						{safe`${padToWidth(sanitizeLine(item.key), 8)}${sanitizeLine(item.label)}`}
					</Text>
				)}
			/>
		</Box>
	);
}
