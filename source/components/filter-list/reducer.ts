// Pure state of a filterable, windowed select list. Kept outside React so the fiddly parts
// (which item the cursor lands on after the filter changes, which rows are on screen) are unit
// tested without rendering anything.

import {stripUnsafe} from '../../lib/sanitize.js';
import {keepVisible, moveIndex, type Move} from '../../lib/table-window.js';
export type FilterItem = {
	/** Stable identity: the cursor follows the item with this key across filter changes. */
	key: string;
	/** What the filter is matched against, e.g. "prod SSO corp · 111111111111". */
	searchText: string;
};

export type FilterListState<T extends FilterItem> = {
	items: readonly T[];
	filter: string;
	/** The items that match the filter, in their original order. */
	matches: readonly T[];
	/** Index into `matches`; 0 when nothing matches. */
	cursor: number;
	/** Index into `matches` of the first row on screen. */
	offset: number;
	/** How many rows the view has room for; at least 1. */
	visibleCount: number;
};

/** The same moves as every other list and table. */
export type MoveKind = Move;

export type FilterListAction<T extends FilterItem> =
	| {type: 'type'; text: string}
	| {type: 'backspace'}
	| {type: 'clear'}
	| {type: 'move'; move: MoveKind}
	/** New items (e.g. loaded later); `selectKey` puts the cursor on that item, else it stays put. */
	| {type: 'setItems'; items: readonly T[]; selectKey?: string | undefined}
	| {type: 'select'; key: string}
	| {type: 'resize'; visibleCount: number};

/**
 * Case-insensitive; whitespace separates terms that must all appear, so "prod sso" finds
 * "prod  SSO · corp" although the words are not adjacent.
 */
export function matchesFilter(searchText: string, filter: string): boolean {
	const haystack = searchText.toLowerCase();
	return filter
		.toLowerCase()
		.split(/\s+/)
		.filter(term => term !== '')
		.every(term => haystack.includes(term));
}

export function applyFilter<T extends FilterItem>(items: readonly T[], filter: string): T[] {
	return filter.trim() === '' ? [...items] : items.filter(item => matchesFilter(item.searchText, filter));
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), max);
}

function settle<T extends FilterItem>(state: FilterListState<T>, matches: readonly T[], cursor: number): FilterListState<T> {
	const bounded = matches.length === 0 ? 0 : clamp(cursor, 0, matches.length - 1);
	return {...state, matches, cursor: bounded, offset: keepVisible(state.offset, bounded, state.visibleCount, matches.length)};
}

/** Recomputes matches, keeping the cursor on `key` when it still matches, else the first match. */
function refilter<T extends FilterItem>(
	state: FilterListState<T>,
	items: readonly T[],
	filter: string,
	key: string | undefined,
): FilterListState<T> {
	const matches = applyFilter(items, filter);
	const found = key === undefined ? -1 : matches.findIndex(item => item.key === key);
	return settle({...state, items, filter}, matches, Math.max(found, 0));
}

export function selectedItem<T extends FilterItem>(state: FilterListState<T>): T | undefined {
	return state.matches[state.cursor];
}

export function visibleItems<T extends FilterItem>(state: FilterListState<T>): readonly T[] {
	return state.matches.slice(state.offset, state.offset + state.visibleCount);
}

export function initialFilterListState<T extends FilterItem>(
	items: readonly T[] = [],
	options: {visibleCount?: number; selectKey?: string | undefined} = {},
): FilterListState<T> {
	const empty: FilterListState<T> = {items: [], filter: '', matches: [], cursor: 0, offset: 0, visibleCount: Math.max(1, options.visibleCount ?? 10)};
	return refilter(empty, items, '', options.selectKey);
}

export function filterListReducer<T extends FilterItem>(state: FilterListState<T>, action: FilterListAction<T>): FilterListState<T> {
	const currentKey = selectedItem(state)?.key;
	switch (action.type) {
		case 'type': {
			// What a terminal sends that is not text (a paste may carry newlines or escapes) is dropped.
			const text = stripUnsafe(action.text);
			return text === '' ? state : refilter(state, state.items, state.filter + text, currentKey);
		}

		case 'backspace': {
			if (state.filter === '') {
				return state;
			}

			return refilter(state, state.items, [...state.filter].slice(0, -1).join(''), currentKey);
		}

		case 'clear': {
			return state.filter === '' ? state : refilter(state, state.items, '', currentKey);
		}

		case 'move': {
			return settle(state, state.matches, moveIndex(state.cursor, action.move, state.matches.length, state.visibleCount));
		}

		case 'setItems': {
			return refilter(state, action.items, state.filter, action.selectKey ?? currentKey);
		}

		case 'select': {
			const index = state.matches.findIndex(item => item.key === action.key);
			return index === -1 ? state : settle(state, state.matches, index);
		}

		case 'resize': {
			const visibleCount = Math.max(1, action.visibleCount);
			return visibleCount === state.visibleCount ? state : settle({...state, visibleCount}, state.matches, state.cursor);
		}
	}
}
