// `i`: the built-in investigations and the user's named queries, as a list in the events pane's
// place. Each is a plain query the person can read before running it; Enter runs it as @name,
// which they can then edit on the query line like any other.
import React, {useCallback, useMemo, useState} from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {FilterListView, filterListChromeLines, filterListCommands, useFilterListState} from '../components/filter-list/index.js';
import type {CommandSpec} from '../hooks/use-commands.js';
import {investigations} from '../domain/query/investigations.js';
import {safe, sanitizeLine} from '../lib/sanitize.js';
import {padToWidth, truncateToWidth} from '../lib/text-width.js';
import {PaneTitle} from './pane-title.js';

type Item = {key: string; searchText: string; name: string; description: string; query: string; builtIn: boolean};

export type InvestigationsMenu = {
	isOpen: boolean;
	open(): void;
	specs: CommandSpec[];
	list: ReturnType<typeof useFilterListState<Item>>;
};

/** The built-ins first, in their order, then the user's own, by name. */
export function investigationItems(named: ReadonlyMap<string, string>): Item[] {
	const builtIn = new Set(investigations.map(each => each.name));
	const own = [...named.entries()]
		.filter(([name]) => !builtIn.has(name))
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, query]) => ({name, query, description: 'your named query', builtIn: false}));
	return [...investigations.map(each => ({...each, builtIn: true})), ...own].map(item => ({
		...item,
		key: item.name,
		searchText: `${item.name} ${item.description} ${item.query}`,
	}));
}

export function useInvestigationsMenu(options: {
	named: ReadonlyMap<string, string>;
	height: number;
	run(name: string): void;
	onTyping?: ((typing: boolean) => void) | undefined;
}): InvestigationsMenu {
	const {onTyping} = options;
	const [isOpen, setOpen] = useState(false);
	const items = useMemo(() => investigationItems(options.named), [options.named]);
	// Two lines an item: the name and description, then the query it runs.
	const list = useFilterListState({items, visibleCount: Math.max(1, Math.floor((options.height - filterListChromeLines) / 2))});
	const close = useCallback(() => {
		setOpen(false);
		onTyping?.(false);
	}, [onTyping]);
	const open = useCallback(() => {
		list.dispatch({type: 'clear'});
		setOpen(true);
		// Typing filters the list, so the app's letters (q, p, R) are text meanwhile.
		onTyping?.(true);
	}, [list, onTyping]);
	const specs = filterListCommands(list, {
		submitHint: safe`run`,
		cancelHint: safe`cancel`,
		onCancel: close,
		onSubmit(item) {
			close();
			options.run(`@${item.name}`);
		},
	});
	return {isOpen, open, specs, list};
}

export function InvestigationsMenuView({menu, width, height}: {menu: InvestigationsMenu; width: number; height: number}) {
	return (
		<Box flexDirection="column" width={width} height={height + 1} flexShrink={0} overflowY="hidden">
			<PaneTitle title={safe`Investigations: built in, and yours from the named queries file`} focused />
			<FilterListView
				state={menu.list.state}
				width={width}
				noun={safe`investigations`}
				renderItem={(item, {selected, width: rowWidth}) => (
					<Box flexDirection="column">
						<Text wrap="truncate">
							<Text bold inverse={selected}>{padToWidth(sanitizeLine(`@${item.name}`), 18)}</Text>
							<Text dimColor={!item.builtIn}>{safe` ${truncateToWidth(sanitizeLine(item.description), Math.max(0, rowWidth - 19))}`}</Text>
						</Text>
						<Text dimColor wrap="truncate">
							{truncateToWidth(safe`  ${sanitizeLine(item.query)}`, rowWidth)}
						</Text>
					</Box>
				)}
			/>
		</Box>
	);
}
