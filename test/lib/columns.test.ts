import {describe, expect, it} from 'vitest';
import {
	type ColumnSpec,
	fitColumnsToData,
	headerCells,
	layoutColumns,
	renderRow,
} from '../../source/lib/columns.js';
import {displayWidth} from '../../source/lib/text-width.js';

const eventColumns: ColumnSpec[] = [
	{key: 'time', header: 'Time', min: 19, max: 19, priority: 0},
	{key: 'name', header: 'Event', min: 14, max: 40, weight: 2, priority: 1},
	{key: 'user', header: 'User', min: 8, max: 30, weight: 1, priority: 2},
	{key: 'source', header: 'Source', min: 8, max: 20, weight: 1, priority: 4},
	{key: 'resource', header: 'Resource', min: 10, weight: 2, priority: 3},
];

const keys = (layout: Array<{key: string}>) => layout.map(column => column.key);
/** Columns plus the gaps between them: the width a rendered row must have. */
const layoutWidth = (layout: Array<{width: number}>, gap = 1) =>
	layout.reduce((sum, column) => sum + column.width, 0) + gap * Math.max(0, layout.length - 1);

describe('layoutColumns', () => {
	it('gives every column its min and spends the rest without exceeding the total', () => {
		const layout = layoutColumns(eventColumns, 120);
		expect(keys(layout)).toEqual(['time', 'name', 'user', 'source', 'resource']);
		for (const column of layout) {
			const spec = eventColumns.find(candidate => candidate.key === column.key)!;
			expect(column.width).toBeGreaterThanOrEqual(spec.min);
			expect(column.width).toBeLessThanOrEqual(spec.max ?? Number.POSITIVE_INFINITY);
		}

		expect(layoutWidth(layout)).toBe(120);
	});

	it('shares spare width by weight', () => {
		const layout = layoutColumns(
			[
				{key: 'a', header: 'A', min: 10, weight: 1, priority: 0},
				{key: 'b', header: 'B', min: 10, weight: 3, priority: 1},
			],
			61,
		);
		expect(layout).toEqual([
			{key: 'a', width: 20},
			{key: 'b', width: 40},
		]);
	});

	it('hands width a capped column cannot take to the others', () => {
		const layout = layoutColumns(
			[
				{key: 'a', header: 'A', min: 5, max: 6, weight: 10, priority: 0},
				{key: 'b', header: 'B', min: 5, weight: 1, priority: 1},
			],
			31,
		);
		expect(layout).toEqual([
			{key: 'a', width: 6},
			{key: 'b', width: 24},
		]);
	});

	it('leaves width unused when every column is at its max', () => {
		const layout = layoutColumns([{key: 'a', header: 'A', min: 3, max: 5, priority: 0}], 80);
		expect(layout).toEqual([{key: 'a', width: 5}]);
	});

	it('does not grow weight-0 columns', () => {
		const layout = layoutColumns(
			[
				{key: 'a', header: 'A', min: 4, weight: 0, priority: 0},
				{key: 'b', header: 'B', min: 4, priority: 1},
			],
			20,
		);
		expect(layout).toEqual([
			{key: 'a', width: 4},
			{key: 'b', width: 15},
		]);
	});

	it('drops the lowest-priority columns first on a 40-column terminal, keeping spec order', () => {
		const layout = layoutColumns(eventColumns, 40);
		expect(keys(layout)).toEqual(['time', 'name']);
		expect(layoutWidth(layout)).toBeLessThanOrEqual(40);
	});

	it('keeps time, event and user once there is room for their mins', () => {
		const layout = layoutColumns(eventColumns, 19 + 14 + 8 + 2);
		expect(keys(layout)).toEqual(['time', 'name', 'user']);
	});

	it('returns no columns when not even the most important fits', () => {
		expect(layoutColumns(eventColumns, 5)).toEqual([]);
	});

	it('respects a wider gap', () => {
		const layout = layoutColumns(eventColumns, 100, 3);
		expect(layoutWidth(layout, 3)).toBe(100);
	});

	it('carries alignment through', () => {
		expect(layoutColumns([{key: 'n', header: 'N', min: 3, max: 3, priority: 0, align: 'right'}], 10)).toEqual([
			{key: 'n', width: 3, align: 'right'},
		]);
	});
});

describe('fitColumnsToData', () => {
	const rows = [
		{time: '2026-11-24 13:05:09', name: 'RunInstances', user: '管理者', source: 'ec2', resource: ''},
		{time: '2026-11-24 13:04:00', name: 'PutObject', user: 'bob', source: 's3', resource: 'bucket/key'},
	];

	it('sizes every column to its widest cell or header, by display width', () => {
		expect(fitColumnsToData(eventColumns, rows)).toEqual([
			{key: 'time', width: 19},
			{key: 'name', width: 12},
			{key: 'user', width: 6},
			{key: 'source', width: 6},
			{key: 'resource', width: 10},
		]);
	});

	it('measures cells as they will be shown, sanitised', () => {
		const layout = fitColumnsToData([{key: 'u', header: 'U', min: 1, priority: 0}], [{u: '\u001B[31m'}]);
		expect(layout).toEqual([{key: 'u', width: '\\x1b[31m'.length}]);
	});

	it('fits into maxWidth by shrinking and dropping, never wider than the data', () => {
		const wide = fitColumnsToData(eventColumns, rows, {maxWidth: 200, gap: 2});
		expect(wide).toEqual(fitColumnsToData(eventColumns, rows));

		const narrow = fitColumnsToData(eventColumns, rows, {maxWidth: 40, gap: 2});
		expect(layoutWidth(narrow, 2)).toBeLessThanOrEqual(40);
		expect(keys(narrow)[0]).toBe('time');
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
