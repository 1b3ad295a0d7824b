import React, {act} from 'react';
import {Text} from 'ink';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {FilterListView, filterListCommands, useFilterListState} from '../../source/components/filter-list/index.js';
import {useCommands} from '../../source/hooks/use-commands.js';
import {keys, renderInk} from '../helpers/ink.js';
import {safe} from '../../source/lib/sanitize.js';

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

type Item = {key: string; searchText: string};
const items: Item[] = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'].map(name => ({key: name, searchText: name}));

function Harness(props: {isActive: boolean; onSubmit(item: Item): void; onCancel(): void; visibleCount?: number}) {
	const list = useFilterListState({items, selectKey: 'charlie', visibleCount: props.visibleCount ?? 4});
	useCommands(filterListCommands(list, {...props, submitHint: safe`choose`, cancelHint: safe`clear`}), props.isActive);
	return <FilterListView state={list.state} width={30} noun={safe`things`} renderItem={item => <Text>{item.key}</Text>} />;
}

const selected = (frame: string) => /› (\S+)/.exec(frame)?.[1];

describe('FilterList', () => {
	it('shows a window of rows around the preselected item and the count', async () => {
		const ui = await renderInk(<Harness isActive onSubmit={vi.fn()} onCancel={vi.fn()} />);
		const frame = await ui.waitForFrame('8 things');
		expect(selected(frame)).toBe('charlie');
		expect(frame).toContain('alpha');
		expect(frame).not.toContain('echo');
	});

	it('Ctrl+N / Ctrl+P and the arrows move; PgDn pages; the window follows', async () => {
		const ui = await renderInk(<Harness isActive onSubmit={vi.fn()} onCancel={vi.fn()} />);
		await ui.waitForFrame('8 things');
		await ui.press('\u000E');
		await ui.waitForFrame(frame => selected(frame) === 'delta');
		await ui.press('\u0010');
		await ui.press(keys.up);
		await ui.waitForFrame(frame => selected(frame) === 'bravo');
		await ui.press(keys.pageDown);
		const frame = await ui.waitForFrame(frame => selected(frame) === 'foxtrot');
		expect(frame).not.toContain('alpha');
	});

	it('Enter submits the highlighted item; Esc clears a filter, then cancels', async () => {
		const onSubmit = vi.fn();
		const onCancel = vi.fn();
		const ui = await renderInk(<Harness isActive onSubmit={onSubmit} onCancel={onCancel} />);
		await ui.waitForFrame('8 things');
		await ui.press('hot');
		await ui.waitForFrame('1/8');
		await ui.press(keys.enter);
		expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({key: 'hotel'}));
		await ui.press(keys.escape);
		await ui.waitForFrame('8 things');
		expect(onCancel).not.toHaveBeenCalled();
		await ui.press(keys.escape);
		expect(onCancel).toHaveBeenCalledTimes(1);
	});

	it('Enter with no match submits nothing; ? is never filter text', async () => {
		const onSubmit = vi.fn();
		const ui = await renderInk(<Harness isActive onSubmit={onSubmit} onCancel={vi.fn()} />);
		await ui.waitForFrame('8 things');
		await ui.press('zz');
		await ui.press('?');
		const frame = await ui.waitForFrame('0/8');
		expect(frame).toContain('No things match “zz”');
		await ui.press(keys.enter);
		expect(onSubmit).not.toHaveBeenCalled();
	});

	it('ignores keys while inactive', async () => {
		const onSubmit = vi.fn();
		const ui = await renderInk(<Harness isActive={false} onSubmit={onSubmit} onCancel={vi.fn()} />);
		await ui.waitForFrame('8 things');
		await ui.press('x');
		await ui.press(keys.down);
		await ui.press(keys.enter);
		expect(ui.frame()).toContain('8 things');
		expect(selected(ui.frame())).toBe('charlie');
		expect(onSubmit).not.toHaveBeenCalled();
	});
});
