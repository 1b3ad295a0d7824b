import React, {act} from 'react';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {SpinnerLine} from '../../source/components/spinner-line.js';
import {renderInk} from '../helpers/ink.js';
import {safe} from '../../source/lib/sanitize.js';

// The real ink-spinner, on fake timers: its frames advance only when the test moves the clock,
// inside act(), so what the user would see at each moment can be checked exactly.
beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

const glyph = (frame: string) => [...frame][0];

describe('SpinnerLine', () => {
	it('shows a moving spinner, then the label, then the way out, on one line', async () => {
		const ui = await renderInk(<SpinnerLine label={safe`Resolving credentials for prod…`} hint={safe`Esc to cancel`} />);
		const first = ui.frame();
		expect(first).toMatch(/^\S Resolving credentials for prod… {2}Esc to cancel$/);

		const seen = new Set([glyph(first)]);
		for (let step = 0; step < 3; step++) {
			await act(async () => {
				await vi.advanceTimersByTimeAsync(80);
			});
			expect(ui.frame().slice(1)).toBe(first.slice(1));
			seen.add(glyph(ui.frame()));
		}

		// It animates: a frozen glyph would look like a hung app.
		expect(seen.size).toBeGreaterThan(1);
		await act(async () => {
			ui.unmount();
		});
	});

	it('cuts a long label at the terminal edge instead of wrapping', async () => {
		const label = safe`Reading profiles from ~/.aws/config and ~/.aws/credentials…`;
		const ui = await renderInk(<SpinnerLine label={label} hint={safe`Esc to cancel`} />, {columns: 30});
		const frame = ui.frame();
		expect(frame.split('\n')).toHaveLength(1);
		expect(frame).toContain(' Reading profiles');
		expect(frame.endsWith('…')).toBe(true);
		expect(frame).not.toContain('Esc to cancel');
		await act(async () => {
			ui.unmount();
		});
	});
});
