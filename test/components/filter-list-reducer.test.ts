import {describe, expect, it} from 'vitest';
import {
	type FilterItem,
	type FilterListAction,
	type FilterListState,
	filterListReducer,
	initialFilterListState,
	matchesFilter,
	selectedItem,
	visibleItems,
} from '../../source/components/filter-list/reducer.js';
import {keepVisible} from '../../source/lib/table-window.js';

const item = (key: string, searchText = key): FilterItem => ({key, searchText});
const many = (count: number) => Array.from({length: count}, (_, index) => item(`p${String(index).padStart(2, '0')}`));

function run(state: FilterListState<FilterItem>, ...actions: Array<FilterListAction<FilterItem>>) {
	return actions.reduce(filterListReducer<FilterItem>, state);
}

const keysOf = (items: readonly FilterItem[]) => items.map(entry => entry.key);

describe('matchesFilter', () => {
	it('is a case-insensitive substring match', () => {
		expect(matchesFilter('Prod SSO corp', 'sso')).toBe(true);
		expect(matchesFilter('Prod SSO corp', 'ROD')).toBe(true);
		expect(matchesFilter('Prod SSO corp', 'dev')).toBe(false);
	});

	it('needs every whitespace-separated term, in any order', () => {
		expect(matchesFilter('prod  SSO · corp', 'corp prod')).toBe(true);
		expect(matchesFilter('prod  SSO · corp', 'corp dev')).toBe(false);
	});

	it('matches everything with an empty or blank filter', () => {
		expect(matchesFilter('anything', '')).toBe(true);
		expect(matchesFilter('anything', '   ')).toBe(true);
	});
});

describe('filterListReducer', () => {
	const profiles = [item('default', 'default static'), item('dev', 'dev sso'), item('prod', 'prod sso'), item('staging', 'staging role')];

	it('starts on selectKey, or the first item when it is absent', () => {
		expect(selectedItem(initialFilterListState(profiles, {selectKey: 'prod'}))?.key).toBe('prod');
		expect(selectedItem(initialFilterListState(profiles, {selectKey: 'nope'}))?.key).toBe('default');
		expect(selectedItem(initialFilterListState<FilterItem>([]))).toBeUndefined();
	});

	it('typing narrows the matches and keeps the cursor on the same item while it still matches', () => {
		const start = initialFilterListState(profiles, {selectKey: 'prod'});
		const typed = run(start, {type: 'type', text: 's'}, {type: 'type', text: 's'});
		expect(keysOf(typed.matches)).toEqual(['dev', 'prod']);
		expect(selectedItem(typed)?.key).toBe('prod');
		expect(typed.filter).toBe('ss');
	});

	it('falls back to the first match when the selected item is filtered out', () => {
		const start = initialFilterListState(profiles, {selectKey: 'default'});
		const typed = run(start, {type: 'type', text: 'sso'});
		expect(selectedItem(typed)?.key).toBe('dev');
	});

	it('backspace widens again and keeps the cursor; backspace on an empty filter changes nothing', () => {
		const start = initialFilterListState(profiles);
		const narrowed = run(start, {type: 'type', text: 'prod'});
		const widened = run(narrowed, {type: 'backspace'}, {type: 'backspace'}, {type: 'backspace'}, {type: 'backspace'});
		expect(widened.filter).toBe('');
		expect(widened.matches).toHaveLength(4);
		expect(selectedItem(widened)?.key).toBe('prod');
		expect(run(widened, {type: 'backspace'})).toBe(widened);
	});

	it('clear empties the filter and keeps the selection', () => {
		const state = run(initialFilterListState(profiles), {type: 'type', text: 'stag'}, {type: 'clear'});
		expect(state.filter).toBe('');
		expect(selectedItem(state)?.key).toBe('staging');
	});

	it('drops control characters from typed text (a paste may carry escapes or newlines)', () => {
		const state = run(initialFilterListState(profiles), {type: 'type', text: '\u001B[31mpro\nd'});
		expect(state.filter).toBe('[31mprod');
		expect(run(initialFilterListState(profiles), {type: 'type', text: '\u001B'}).filter).toBe('');
	});

	it('drops bidi controls from typed text, which would reorder the filter line', () => {
		expect(run(initialFilterListState(profiles), {type: 'type', text: 'pr\u202Eod\u2066'}).filter).toBe('prod');
	});

	it('backspace removes a whole code point, not half a surrogate pair', () => {
		const state = run(initialFilterListState(profiles), {type: 'type', text: 'a😀'}, {type: 'backspace'});
		expect(state.filter).toBe('a');
	});

	it('no match leaves no selection; moving then is harmless', () => {
		const state = run(initialFilterListState(profiles), {type: 'type', text: 'zzz'}, {type: 'move', move: 'down'}, {type: 'move', move: 'end'});
		expect(state.matches).toEqual([]);
		expect(selectedItem(state)).toBeUndefined();
		expect(state.cursor).toBe(0);
		expect(state.offset).toBe(0);
	});

	it('moves stop at both ends', () => {
		const start = initialFilterListState(profiles);
		expect(selectedItem(run(start, {type: 'move', move: 'up'}))?.key).toBe('default');
		expect(selectedItem(run(start, {type: 'move', move: 'end'}, {type: 'move', move: 'down'}))?.key).toBe('staging');
		expect(selectedItem(run(start, {type: 'move', move: 'end'}, {type: 'move', move: 'home'}))?.key).toBe('default');
	});

	it('setItems keeps the cursor item, or moves to selectKey when given', () => {
		const start = initialFilterListState(profiles, {selectKey: 'dev'});
		const reloaded = run(start, {type: 'setItems', items: [item('new'), ...profiles]});
		expect(selectedItem(reloaded)?.key).toBe('dev');
		const loaded = run(initialFilterListState<FilterItem>([]), {type: 'setItems', items: profiles, selectKey: 'staging'});
		expect(selectedItem(loaded)?.key).toBe('staging');
	});

	it('setItems applies the current filter to the new items', () => {
		const state = run(initialFilterListState<FilterItem>([]), {type: 'type', text: 'sso'}, {type: 'setItems', items: profiles});
		expect(keysOf(state.matches)).toEqual(['dev', 'prod']);
	});

	it('select moves to a key among the matches and ignores unknown keys', () => {
		const start = initialFilterListState(profiles);
		expect(selectedItem(run(start, {type: 'select', key: 'prod'}))?.key).toBe('prod');
		const unchanged = run(start, {type: 'select', key: 'nope'});
		expect(unchanged).toBe(start);
	});
});

describe('windowing', () => {
	it('scrolls just enough to keep the cursor visible', () => {
		let state = initialFilterListState(many(30), {visibleCount: 5});
		expect(keysOf(visibleItems(state))).toEqual(['p00', 'p01', 'p02', 'p03', 'p04']);
		state = run(state, ...Array.from({length: 5}, () => ({type: 'move', move: 'down'}) as const));
		expect(state.cursor).toBe(5);
		expect(state.offset).toBe(1);
		expect(visibleItems(state).at(-1)?.key).toBe('p05');
		state = run(state, {type: 'move', move: 'up'}, {type: 'move', move: 'up'});
		expect(state.offset).toBe(1);
		state = run(state, {type: 'move', move: 'home'});
		expect(state.offset).toBe(0);
	});

	it('pages by the visible count and clamps at the ends', () => {
		let state = initialFilterListState(many(12), {visibleCount: 5});
		state = run(state, {type: 'move', move: 'pageDown'});
		expect(state.cursor).toBe(5);
		state = run(state, {type: 'move', move: 'pageDown'}, {type: 'move', move: 'pageDown'});
		expect(state.cursor).toBe(11);
		expect(state.offset).toBe(7);
		state = run(state, {type: 'move', move: 'pageUp'});
		expect(state.cursor).toBe(6);
		expect(state.offset).toBe(6);
		state = run(state, {type: 'move', move: 'pageUp'}, {type: 'move', move: 'pageUp'});
		expect(state.cursor).toBe(0);
		expect(state.offset).toBe(0);
	});

	it('starts with a preselected item far down the list in view', () => {
		const state = initialFilterListState(many(30), {visibleCount: 5, selectKey: 'p20'});
		expect(keysOf(visibleItems(state))).toContain('p20');
		expect(visibleItems(state)).toHaveLength(5);
	});

	it('never leaves blank rows below the last match after the filter shrinks the list', () => {
		let state = initialFilterListState(many(30), {visibleCount: 5, selectKey: 'p29'});
		expect(state.offset).toBe(25);
		state = run(state, {type: 'type', text: 'p2'});
		// p20..p29: the cursor stays on p29, the window shows the last five.
		expect(selectedItem(state)?.key).toBe('p29');
		expect(keysOf(visibleItems(state))).toEqual(['p25', 'p26', 'p27', 'p28', 'p29']);
		state = run(state, {type: 'type', text: '9'});
		expect(state.offset).toBe(0);
		expect(keysOf(visibleItems(state))).toEqual(['p29']);
	});

	it('resize keeps the cursor on screen, and at least one row', () => {
		let state = initialFilterListState(many(30), {visibleCount: 10, selectKey: 'p09'});
		expect(state.offset).toBe(0);
		state = run(state, {type: 'resize', visibleCount: 3});
		expect(keysOf(visibleItems(state))).toEqual(['p07', 'p08', 'p09']);
		state = run(state, {type: 'resize', visibleCount: 0});
		expect(state.visibleCount).toBe(1);
		expect(keysOf(visibleItems(state))).toEqual(['p09']);
		state = run(state, {type: 'resize', visibleCount: 40});
		expect(state.offset).toBe(0);
		expect(visibleItems(state)).toHaveLength(30);
	});

	it('the window (keepVisible, shared with the tables) clamps to the list', () => {
		expect(keepVisible(10, 0, 5, 30)).toBe(0);
		expect(keepVisible(0, 29, 5, 30)).toBe(25);
		expect(keepVisible(25, 3, 5, 4)).toBe(0);
	});
});
