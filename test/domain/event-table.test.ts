import {describe, expect, test} from 'vitest';
import stringWidth from 'string-width';
import {eventColumn, screenTable} from '../../source/domain/event-columns.js';
import {eventRow, measureEvents, screenEventTable} from '../../source/domain/event-table.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {makeEvent} from '../helpers/fakes.js';

const keys = (events: TrailEvent[], width: number, utc = false) =>
	screenEventTable(events, {utc, width}).table.layout.map(column => column.key);

/** Rows like the demo account's: long event names, short users, IPv4 addresses, almost no errors. */
const demo = [
	makeEvent(0, {name: 'RevokeSecurityGroupIngress', username: 'jane.doe@example.com', source: 'ec2.amazonaws.com', resources: [{type: 'AWS::EC2::SecurityGroup', name: 'sg-06e8eb635d3dfb9a1'}], sourceIp: '198.51.100.23'}),
	makeEvent(1, {name: 'AuthorizeSecurityGroupIngress', username: 'ci-deployer', source: 'ec2.amazonaws.com', sourceIp: '192.0.2.58'}),
	makeEvent(2, {name: 'UpdateFunctionCode20150331v2', username: 'GitHubActions-deploy', source: 'lambda.amazonaws.com', resources: [{type: 'AWS::Lambda::Function', name: 'arn:aws:lambda:us-east-1:111111111111:function:orders-api'}]}),
	makeEvent(3, {name: 'CreateBucket', username: 'alice', errorCode: 'BucketAlreadyOwnedByYou', source: 's3.amazonaws.com', resources: [{type: 'AWS::S3::Bucket', name: 'terraform-state-111111111111-eu-west-1'}]}),
	makeEvent(4, {name: 'ConsoleLogin', username: 'raj.patel@example.com', source: 'signin.amazonaws.com', resources: []}),
];

describe('events table on screen', () => {
	test('cells shorten the source and show the error code, main resource and new marker', () => {
		const {table} = screenEventTable([makeEvent(1, {source: 'ec2.amazonaws.com', errorCode: 'AccessDenied'})], {utc: true, width: 120});
		const row = eventRow(table, makeEvent(1, {source: 'ec2.amazonaws.com', errorCode: 'AccessDenied'}), true);
		expect(row.split(/ +/)).toEqual(['•', '2026-11-24', '11:59:00', 'PutThing1', 'user1', 'ec2', 'AccessDenied', 'bucket-1', '203.0.113.7', '']);
	});

	test('event names are shown in full at 120 columns; less important columns give way', () => {
		const {table} = screenEventTable(demo, {utc: false, width: 120});
		const text = [table.header, ...demo.map(event => eventRow(table, event))].join('\n');
		for (const event of demo) {
			expect(text).toContain(`${event.name} `);
		}

		expect(table.layout.find(column => column.key === 'name')?.width).toBe('AuthorizeSecurityGroupIngress'.length);
	});

	test('at 80 columns the least important columns make way for whole event names and readable users', () => {
		const {table} = screenEventTable(demo, {utc: false, width: 80});
		expect(table.layout.map(column => column.key)).toEqual(['new', 'time', 'name', 'user', 'source', 'error']);
		expect(table.layout.find(column => column.key === 'name')?.width).toBe('AuthorizeSecurityGroupIngress'.length);
		expect(table.layout.find(column => column.key === 'user')?.width).toBe(12);
	});

	test('no column is wider than its longest value, and an empty one shrinks to its header', () => {
		const quiet = demo.filter(event => event.errorCode === undefined);
		const {table} = screenEventTable(quiet, {utc: false, width: 200});
		const width = (key: string) => table.layout.find(column => column.key === key)?.width;
		expect(width('ip')).toBe('198.51.100.23'.length);
		expect(width('error')).toBe('Error'.length);
		expect(width('user')).toBe('raj.patel@example.com'.length);
		expect(stringWidth(table.header)).toBe(200);
	});

	test('an empty column is dropped before any column with data', () => {
		const quiet = demo.filter(event => event.errorCode === undefined);
		// At 95 columns one column has to go: the Source IP when there are errors, else the empty Error.
		expect(keys(demo, 95)).toEqual(['new', 'time', 'name', 'user', 'source', 'error', 'resource']);
		expect(keys(quiet, 95)).toEqual(['new', 'time', 'name', 'user', 'source', 'resource', 'ip']);
	});

	test('narrow terminals drop low-priority columns and shorten the time', () => {
		expect(keys(demo, 200)).toEqual(['new', 'time', 'name', 'user', 'source', 'error', 'resource', 'ip']);
		expect(keys(demo, 40)).toEqual(['new', 'time', 'name', 'user']);
		const {table} = screenEventTable([makeEvent(0)], {utc: true, width: 40});
		expect(eventRow(table, makeEvent(0))).toMatch(/^  11-24 12:00:00 PutThing0 /);
	});

	test('rows are exactly the terminal width whatever the text', () => {
		const events = [makeEvent(0, {username: '山田太郎'}), makeEvent(1, {username: '👩‍💻 dev'.repeat(10)}), makeEvent(2, {username: undefined, sourceIp: undefined})];
		for (const width of [40, 60, 80, 120]) {
			const {table} = screenEventTable(events, {utc: false, width});
			const widths = [table.header, ...events.map(event => eventRow(table, event, true))].map(text => stringWidth(text));
			expect(new Set(widths)).toEqual(new Set([width]));
		}
	});

	test('the header says which time zone the times are in', () => {
		expect(screenEventTable(demo, {utc: true, width: 80}).table.header).toContain('Time (UTC)');
		expect(screenEventTable(demo, {utc: false, width: 80}).table.header).toContain('Time (local)');
	});
});

describe('measureEvents', () => {
	test('a page appended to the list measures the same as measuring everything', () => {
		const first = demo.slice(0, 2);
		const all = first.concat(demo.slice(2));
		const stepwise = measureEvents(screenTable, all, {}, measureEvents(screenTable, first));
		expect(stepwise.widths).toEqual(measureEvents(screenTable, all).widths);
	});

	test('a list that does not extend the previous one (a refresh) is measured afresh', () => {
		const before = measureEvents(screenTable, demo);
		const after = measureEvents(screenTable, [makeEvent(9, {name: 'Tiny'})], {}, before);
		expect(after.widths[screenTable.columns.indexOf('name')]).toBe(4);
	});

	test('the same list measures to the same object, so a fitted layout can be kept', () => {
		const measure = measureEvents(screenTable, demo);
		expect(measureEvents(screenTable, demo, {}, measure)).toBe(measure);
	});
});

describe('column catalogue', () => {
	test('every column has a distinct field and a value for CSV', () => {
		const fields = screenTable.columns.map(id => eventColumn(id).field);
		expect(new Set(fields).size).toBe(fields.length);
		expect(eventColumn('resource').value(demo[2]!)).toBe('arn:aws:lambda:us-east-1:111111111111:function:orders-api');
		expect(eventColumn('resource').cell(demo[2]!, {utc: true})).toBe('function:orders-api');
		expect(eventColumn('source').value(demo[0]!)).toBe('ec2.amazonaws.com');
	});
});
