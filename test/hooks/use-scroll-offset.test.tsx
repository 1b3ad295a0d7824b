import React, {act, useEffect} from 'react';
import {Text} from 'ink';
import {describe, expect, it} from 'vitest';
import {useScrollOffset} from '../../source/hooks/use-scroll-offset.js';
import type {Move} from '../../source/lib/table-window.js';
import {renderInk} from '../helpers/ink.js';

let scrollRef: ((move: Move) => void) | undefined;

function Probe({total, viewport}: {total: number; viewport: number}) {
	const {start, scroll} = useScrollOffset(total, viewport);
	useEffect(() => {
		scrollRef = scroll;
	}, [scroll]);
	return <Text>{`start=${start}`}</Text>;
}

describe('useScrollOffset', () => {
	it('keeps the view inside shorter content and moves from what is on screen', async () => {
		const ui = await renderInk(<Probe total={100} viewport={10} />);
		await act(async () => {
			scrollRef?.('end');
		});
		await ui.waitForFrame('start=90');

		// A refresh brings fewer lines: the view shows the new end at once, no extra correction.
		await act(async () => {
			ui.rerender(<Probe total={30} viewport={10} />);
		});
		await ui.waitForFrame('start=20');
		await act(async () => {
			scrollRef?.('up');
		});
		await ui.waitForFrame('start=19');
		await act(async () => {
			ui.unmount();
		});
	});
});
