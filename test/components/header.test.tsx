import React, {act} from 'react';
import {describe, expect, it} from 'vitest';
import {Header} from '../../source/components/header.js';
import {fakeService, fakeSession} from '../helpers/fakes.js';
import {renderInk} from '../helpers/ink.js';
import {safe} from '../../source/lib/sanitize.js';

describe('Header', () => {
	it('shows account, profile, region and the masked key, and keeps the app name whole at 40 columns', async () => {
		const session = fakeSession(fakeService());
		const wide = await renderInk(<Header session={session} region="eu-west-1" freshness={safe`loaded just now`} />, {columns: 120});
		const frame = wide.frame();
		expect(frame).toContain('111111111111');
		expect(frame).toContain('prod');
		expect(frame).toContain('eu-west-1');
		expect(frame).toContain('AKIA…MPLE');
		await act(async () => {
			wide.unmount();
		});

		const narrow = await renderInk(<Header session={session} region="eu-west-1" freshness={safe`loaded just now`} />, {columns: 40});
		const lines = narrow.frame().split('\n');
		expect(lines[0]).toMatch(/^trailview {2}111111111111/);
		expect(lines.every(line => line.length <= 40)).toBe(true);
		await act(async () => {
			narrow.unmount();
		});
	});
});
