import React, {act} from 'react';
import {describe, expect, it, vi} from 'vitest';
import {SpinnerLine} from '../../source/components/spinner-line.js';
import {renderInk} from '../helpers/ink.js';
import {safe} from '../../source/lib/sanitize.js';

vi.mock('ink-spinner', () => import('../app/static-spinner.js'));

describe('SpinnerLine', () => {
	it('shows the spinner, the label and the way out', async () => {
		const ui = await renderInk(<SpinnerLine label={safe`Resolving credentials for prod…`} hint={safe`Esc to cancel`} />);
		const frame = await ui.waitForFrame('Resolving credentials for prod…');
		expect(frame).toContain('⠋');
		expect(frame).toContain('Esc to cancel');
		await act(async () => {
			ui.unmount();
		});
	});
});
