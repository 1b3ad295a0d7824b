import {type Dispatch, useCallback, useReducer, useRef, useState} from 'react';
import {keymap, matches, type Command} from '../../keymap.js';
import type {CommandSpec} from '../../hooks/use-commands.js';
import {safe, type SafeText} from '../../lib/sanitize.js';
import {
	type FilterItem,
	type FilterListAction,
	type FilterListState,
	type MoveKind,
	filterListReducer,
	initialFilterListState,
	selectedItem,
} from './reducer.js';

export type FilterList<T extends FilterItem> = {
	state: FilterListState<T>;
	dispatch: Dispatch<FilterListAction<T>>;
	/** The state with every action dispatched so far, including those React has not rendered yet. */
	latest(): FilterListState<T>;
};

/**
 * List state for `items`, which may arrive later (loaded asynchronously): the cursor starts on
 * `selectKey` once that item exists. `visibleCount` follows the space the parent lays out.
 */
export function useFilterListState<T extends FilterItem>(options: {
	items: readonly T[];
	selectKey?: string | undefined;
	visibleCount: number;
}): FilterList<T> {
	const {items, selectKey, visibleCount} = options;
	const [state, reactDispatch] = useReducer(
		filterListReducer<T>,
		undefined,
		() => initialFilterListState(items, {visibleCount, selectKey}),
	);

	// Keys arrive in chunks (Down Enter from a paste, tmux or a fast typist): Enter is handled before
	// React renders the Down, so it must read the state as of every dispatched action. The reducer is
	// pure, so running each action here as well as in React gives the same state.
	const latestState = useRef(state);
	latestState.current = state;
	const dispatch = useCallback((action: FilterListAction<T>) => {
		latestState.current = filterListReducer(latestState.current, action);
		reactDispatch(action);
	}, []);
	const latest = useCallback(() => latestState.current, []);

	// A new items array (loaded later) or a new height is taken in during the render that brings
	// it, not in an effect: an effect would first draw the list with the cursor in the wrong place,
	// and a key pressed in between would be undone when the effect re-selected. Only a new array
	// re-selects; a parent re-render with the same list keeps the cursor.
	const [seen, setSeen] = useState({items, visibleCount});
	if (seen.items !== items || seen.visibleCount !== visibleCount) {
		setSeen({items, visibleCount});
		if (seen.items !== items) {
			dispatch({type: 'setItems', items, selectKey});
		}

		if (seen.visibleCount !== visibleCount) {
			dispatch({type: 'resize', visibleCount});
		}
	}

	return {state, dispatch, latest};
}

const moves: Partial<Record<Command, MoveKind>> = {
	pickerUp: 'up',
	pickerDown: 'down',
	pageUp: 'pageUp',
	pageDown: 'pageDown',
	pickerFirst: 'home',
	pickerLast: 'end',
};

/**
 * Keys of a picker, as command specs (the screen handles them with useCommands and shows their
 * hints). Everything printable is filter text, except `?`, which the app keeps for help. Esc
 * clears a filter first and only calls `onCancel` when there is nothing to clear.
 */
export function filterListCommands<T extends FilterItem>(
	{dispatch, latest}: FilterList<T>,
	options: {onSubmit(item: T): void; submitHint: SafeText; onCancel?: () => void; cancelHint: SafeText},
): CommandSpec[] {
	const {onSubmit, submitHint, onCancel, cancelHint} = options;
	return [
		{
			commands: ['filterType'],
			hint: safe`to filter`,
			run(_command, input) {
				if (!matches(keymap.help, input, {})) {
					dispatch({type: 'type', text: input});
				}
			},
		},
		{
			commands: ['pickerUp', 'pickerDown'],
			hint: safe`move`,
			run(command) {
				dispatch({type: 'move', move: moves[command] ?? 'down'});
			},
		},
		{
			commands: ['pageUp', 'pageDown', 'pickerFirst', 'pickerLast'],
			run(command) {
				dispatch({type: 'move', move: moves[command] ?? 'home'});
			},
		},
		{
			commands: ['pick'],
			hint: submitHint,
			run() {
				const item = selectedItem(latest());
				if (item) {
					onSubmit(item);
				}
			},
		},
		{
			commands: ['filterClear'],
			hint: cancelHint,
			run() {
				if (latest().filter === '') {
					onCancel?.();
				} else {
					dispatch({type: 'clear'});
				}
			},
		},
		{
			commands: ['filterBackspace'],
			run() {
				dispatch({type: 'backspace'});
			},
		},
	];
}
