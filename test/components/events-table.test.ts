import {describe, expect, test} from 'vitest';
import stringWidth from 'string-width';
import {eventCells, eventRowText, eventsHeaderText, eventsLayout} from '../../source/lib/events-table.js';
import {makeEvent} from '../helpers/fakes.js';

describe('events table columns', () => {
	test('cells shorten the source and show the error code and main resource', () => {
		const cells = eventCells(makeEvent(1, {source: 'ec2.amazonaws.com', errorCode: 'AccessDenied'}), {utc: true, width: 120, isNew: true});
		expect(cells).toMatchObject({
			new: '•',
			time: '2026-11-24 11:59:00',
			name: 'PutThing1',
			source: 'ec2',
			error: 'AccessDenied',
			resource: 'bucket-1',
			ip: '203.0.113.7',
		});
	});

	test('narrow terminals drop low-priority columns and shorten the time', () => {
		const wide = eventsLayout({utc: false, width: 120}).map(column => column.key);
		const narrow = eventsLayout({utc: false, width: 40}).map(column => column.key);
		expect(wide).toEqual(['new', 'time', 'name', 'user', 'source', 'error', 'resource', 'ip']);
		expect(narrow).toEqual(['new', 'time', 'name', 'user']);
		expect(eventCells(makeEvent(0), {utc: true, width: 40, isNew: false}).time).toBe('11-24 12:00:00');
	});

	test('rows are the same display width whatever the text', () => {
		for (const width of [40, 60, 80, 120]) {
			const layout = eventsLayout({utc: false, width});
			const options = {utc: false, width, isNew: false};
			const widths = [
				eventsHeaderText(layout, options),
				eventRowText(makeEvent(0, {username: '山田太郎'}), layout, options),
				eventRowText(makeEvent(1, {username: '👩‍💻 dev'.repeat(10)}), layout, options),
				eventRowText(makeEvent(2, {username: undefined, sourceIp: undefined}), layout, options),
			].map(text => stringWidth(text));
			expect(new Set(widths).size).toBe(1);
			expect(widths[0]).toBeLessThanOrEqual(width);
		}
	});

	test('the header says which time zone the times are in', () => {
		expect(eventsHeaderText(eventsLayout({utc: true, width: 80}), {utc: true, width: 80})).toContain('Time (UTC)');
		expect(eventsHeaderText(eventsLayout({utc: false, width: 80}), {utc: false, width: 80})).toContain('Time (local)');
	});
});
