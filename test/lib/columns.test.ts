import {describe, expect, it} from 'vitest';
import {type ColumnSpec, fitColumns, headerCells, measureCells, renderRow} from '../../source/lib/columns.js';
import {displayWidth} from '../../source/lib/text-width.js';

const eventColumns: ColumnSpec[] = [
	{key: 'time', header: 'Time', priority: 0},
	{key: 'name', header: 'Event', min: 12, priority: 1},
	{key: 'user', header: 'User', min: 8, cap: 10, priority: 2},
	{key: 'source', header: 'Source', min: 6, priority: 4},
	{key: 'resource', header: 'Resource', min: 8, priority: 3},
];

const keys = (layout: Array<{key: string}>) => layout.map(column => column.key);
const widths = (layout: Array<{key: string; width: number}>) => Object.fromEntries(layout.map(column => [column.key, column.width]));
/** Columns plus the gaps between them: the width a rendered row must have. */
const layoutWidth = (layout: Array<{width: number}>, gap = 1) =>
	layout.reduce((sum, column) => sum + column.width, 0) + gap * Math.max(0, layout.length - 1);

const rows = [
	{time: '2026-11-24 13:05:09', name: 'RevokeSecurityGroupIngress', user: 'jane.doe@example.com', source: 'ec2', resource: 'sg-06e8eb635d3dfb9a1'},
	{time: '2026-11-24 13:04:00', name: 'PutObject', user: '管理者', source: 's3', resource: 'bucket/key'},
];
const data = measureCells(eventColumns, rows);

describe('measureCells', () => {
	it('is the widest cell of each column, by display width, 0 when all are empty', () => {
		expect(data).toEqual([19, 26, 20, 3, 20]);
		expect(measureCells(eventColumns, [{time: '', name: '日本語'}])).toEqual([0, 6, 0, 0, 0]);
	});

	it('measures cells as they will be shown, sanitised', () => {
		expect(measureCells([{key: 'u', header: 'U', priority: 0}], [{u: '\u001B[31m'}])).toEqual(['\\x1b[31m'.length]);
	});
});

describe('fitColumns', () => {
	it('without a width, gives every column its widest cell or its header', () => {
		expect(widths(fitColumns(eventColumns, data))).toEqual({time: 19, name: 26, user: 20, source: 6, resource: 20});
	});

	it('never makes a column wider than its data, leaving width unused instead', () => {
		const layout = fitColumns(eventColumns, data, {maxWidth: 200, gap: 2});
		expect(layout).toEqual(fitColumns(eventColumns, data));
	});

	it('shows the most important column in full before a less important one grows past its min', () => {
		// Room for every min (19+12+8+6+8 + 4 gaps = 57) plus 16: the event name takes 14 of it, the user the rest.
		expect(widths(fitColumns(eventColumns, data, {maxWidth: 73}))).toEqual({time: 19, name: 26, user: 10, source: 6, resource: 8});
	});

	it('grows a column to its cap, then past it only once every column has had its turn', () => {
		expect(widths(fitColumns(eventColumns, data, {maxWidth: 81}))).toEqual({time: 19, name: 26, user: 10, source: 6, resource: 16});
		expect(widths(fitColumns(eventColumns, data, {maxWidth: 89}))).toEqual({time: 19, name: 26, user: 14, source: 6, resource: 20});
	});

	it('drops the least important columns first, keeping spec order', () => {
		expect(keys(fitColumns(eventColumns, data, {maxWidth: 41}))).toEqual(['time', 'name', 'user']);
		const layout = fitColumns(eventColumns, data, {maxWidth: 40});
		expect(widths(layout)).toEqual({time: 19, name: 20});
		expect(layoutWidth(layout)).toBe(40);
		expect(fitColumns(eventColumns, data, {maxWidth: 5})).toEqual([]);
	});

	it('drops an empty column before any with data, and shows it at its header width when there is room', () => {
		const noResources = measureCells(eventColumns, rows.map(row => ({...row, resource: ''})));
		expect(keys(fitColumns(eventColumns, noResources, {maxWidth: 50}))).toEqual(['time', 'name', 'user', 'source']);
		expect(widths(fitColumns(eventColumns, noResources, {maxWidth: 120})).resource).toBe('Resource'.length);
	});

	describe('ideal widths', () => {
		const specs: ColumnSpec[] = [
			{key: 'a', header: 'A', priority: 0},
			{key: 'b', header: 'B', min: 4, ideal: 10, priority: 1},
			{key: 'c', header: 'C', min: 4, priority: 2},
			{key: 'd', header: 'D', min: 4, priority: 3},
		];
		const measured = [5, 20, 8, 8];

		it('drops less important columns, least important first, so a column reaches its ideal', () => {
			// Every min fits in 20, but b would be stuck at 4.
			expect(widths(fitColumns(specs, measured, {maxWidth: 20}))).toEqual({a: 5, b: 14});
			expect(widths(fitColumns(specs, measured, {maxWidth: 24}))).toEqual({a: 5, b: 13, c: 4});
		});

		it('drops nothing for an ideal that dropping cannot reach', () => {
			expect(widths(fitColumns(specs, measured, {maxWidth: 15}))).toEqual({a: 5, b: 4, c: 4});
		});

		it('grows every column to its ideal before any grows past it', () => {
			const pair: ColumnSpec[] = [
				{key: 'x', header: 'X', min: 4, ideal: 6, priority: 1},
				{key: 'y', header: 'Y', min: 4, ideal: 6, priority: 2},
			];
			expect(widths(fitColumns(pair, [20, 20], {maxWidth: 15}))).toEqual({x: 8, y: 6});
		});
	});

	it('never truncates a column without a min', () => {
		expect(fitColumns([{key: 'time', header: 'Time', priority: 0}], [19], {maxWidth: 18})).toEqual([]);
	});

	it('respects a wider gap', () => {
		expect(layoutWidth(fitColumns(eventColumns, data, {maxWidth: 60, gap: 3}), 3)).toBe(60);
	});

	it('carries alignment through', () => {
		expect(fitColumns([{key: 'n', header: 'N', priority: 0, align: 'right'}], [3], {maxWidth: 10})).toEqual([{key: 'n', width: 3, align: 'right'}]);
	});
});

describe('renderRow', () => {
	const layout = [
		{key: 'a', width: 5},
		{key: 'b', width: 4, align: 'right' as const},
		{key: 'c', width: 6},
	];

	it('pads, truncates and joins to exactly the layout width', () => {
		const row = renderRow({a: 'abcdefgh', b: '7', c: '日本語テ'}, layout);
		expect(row).toBe('abcd…    7 日本… ');
		expect(displayWidth(row)).toBe(layoutWidth(layout));
	});

	it('renders missing cells as blanks and headers via headerCells', () => {
		expect(renderRow({}, layout, 2)).toBe(' '.repeat(5 + 4 + 6 + 4));
		expect(renderRow(headerCells([{key: 'a', header: 'Name', min: 1, priority: 0}]), [{key: 'a', width: 6}])).toBe('Name  ');
	});

	it('keeps cells on one line and neutralises controls', () => {
		const row = renderRow({a: 'x\ny', b: '', c: '\u001B]0;t\u0007'}, layout);
		expect(row).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
		expect(row.startsWith('x y  ')).toBe(true);
		expect(displayWidth(row)).toBe(layoutWidth(layout));
	});
});
