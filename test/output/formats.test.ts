import {describe, expect, it} from 'vitest';
import {displayWidth} from '../../source/lib/text-width.js';
import {
	csvCell,
	csvColumns,
	csvHeader,
	eventToCsvRow,
	eventToJson,
	eventToJsonLine,
	formatTable,
} from '../../source/output/formats.js';
import {makeEvent, makeEvents, parseCsv} from './helpers.js';

const terminalControls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;

describe('eventToJson', () => {
	it('carries every domain field, the time as ISO, and the parsed record', () => {
		const event = makeEvent(1, {errorCode: 'AccessDenied', username: undefined, accessKeyId: 'AKIAIOSFODNN7EXAMPLE'});
		expect(eventToJson(event)).toEqual({
			id: 'id-1',
			time: '2026-11-24T12:59:00.000Z',
			name: 'RunInstances',
			source: 'ec2.amazonaws.com',
			username: null,
			// Shown only masked, in scripts as on screen.
			accessKeyId: 'AKIA…MPLE',
			readOnly: false,
			region: 'eu-west-1',
			sourceIp: '203.0.113.7',
			userAgent: 'aws-cli/2',
			resources: [{type: 'AWS::EC2::Instance', name: 'i-1'}],
			errorCode: 'AccessDenied',
			errorMessage: null,
			record: JSON.parse(event.raw!),
		});
	});

	it('writes a record that is missing or not a JSON object as null', () => {
		for (const raw of [undefined, '', '{not json', '[1,2]', '"text"', 'null', '{truncated']) {
			expect(eventToJson(makeEvent(0, {raw})).record).toBeNull();
		}

		expect(eventToJson(makeEvent(0, {raw: '{"a":1}'})).record).toEqual({a: 1});
	});

	it('writes an invalid time as null instead of throwing', () => {
		expect(eventToJson(makeEvent(0, {time: new Date(Number.NaN)})).time).toBeNull();
	});

	it('keeps hostile data exactly but never as raw terminal bytes', () => {
		const hostile = 'evil\u001B]0;pwned\u0007\u009B2J\u009D0;x\u009C\u202E\u2028\u007F';
		const event = makeEvent(0, {username: hostile, raw: JSON.stringify({userIdentity: {userName: hostile}})});
		const line = eventToJsonLine(event);
		expect(line).not.toMatch(terminalControls);
		expect(line).not.toContain('\n');
		const parsed = JSON.parse(line) as {username: string; record: {userIdentity: {userName: string}}};
		expect(parsed.username).toBe(hostile);
		expect(parsed.record.userIdentity.userName).toBe(hostile);
	});
});

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['', ''],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['line\nbreak', '"line\nbreak"'],
		['carriage\rreturn', '"carriage\rreturn"'],
		['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
		['+1', "'+1"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		['\r=1', '"\'\r=1"'],
		['a=1', 'a=1'],
	])('%j -> %j', (input, expected) => {
		expect(csvCell(input)).toBe(expected);
	});
});

describe('CSV rows', () => {
	it('has a header naming the columns, matching the json field names', () => {
		expect(csvHeader()).toBe(csvColumns.join(','));
		for (const column of csvColumns) {
			expect(Object.keys(eventToJson(makeEvent(0)))).toContain(column);
		}
	});

	it('round-trips through an RFC 4180 reader with formulas neutralised and controls escaped', () => {
		const event = makeEvent(0, {
			username: '=cmd|\' /C calc\'!A0',
			errorMessage: 'Not "allowed",\r\nreally\u001B[2J',
			userAgent: '@evil',
			resources: [{type: 'a', name: 'arn:aws:s3:::b'}, {type: 'b', name: undefined}, {type: 'c', name: 'k,2'}],
		});
		const text = `${csvHeader()}\n${eventToCsvRow(event)}\n`;
		expect(text.split('\n')).toHaveLength(3);
		expect(text).not.toMatch(terminalControls);
		const [header, row] = parseCsv(text);
		expect(header).toEqual([...csvColumns]);
		const cells = Object.fromEntries(csvColumns.map((column, index) => [column, row![index]]));
		expect(cells).toMatchObject({
			time: '2026-11-24T13:00:00.000Z',
			id: 'id-0',
			username: '\'=cmd|\' /C calc\'!A0',
			userAgent: "'@evil",
			errorMessage: 'Not "allowed", really\\x1b[2J',
			resources: 'arn:aws:s3:::b; k,2',
			errorCode: '',
		});
	});
});

describe('formatTable', () => {
	it('prints a header and aligned columns sized to the data, times in UTC by default', () => {
		const events = [
			makeEvent(0, {name: 'CreateUser', source: 'iam.amazonaws.com', resources: [{type: 'r', name: 'arn:aws:iam::1:user/bob'}]}),
			makeEvent(1, {name: 'PutBucketPolicy', username: '管理者', errorCode: 'AccessDenied', source: 's3.amazonaws.com', resources: []}),
		];
		const lines = formatTable(events).split('\n');
		expect(lines).toEqual([
			'TIME (UTC)           EVENT            USER    SOURCE  RESOURCE  ERROR',
			'2026-11-24 13:00:00  CreateUser       user-0  iam     user/bob',
			'2026-11-24 12:59:00  PutBucketPolicy  管理者  s3                AccessDenied',
			'',
		]);
	});

	it('uses local time with a plain TIME header when asked', () => {
		const text = formatTable([makeEvent(0)], {utc: false});
		expect(text.startsWith('TIME ')).toBe(true);
		expect(text).not.toContain('UTC');
	});

	it('does not truncate without maxWidth, and fits maxWidth when given', () => {
		const long = makeEvent(0, {name: 'X'.repeat(150), username: 'someone@example.com'});
		const wide = formatTable([long]);
		expect(wide).toContain('X'.repeat(150));
		const narrow = formatTable([long], {maxWidth: 60});
		for (const line of narrow.trimEnd().split('\n')) {
			expect(displayWidth(line)).toBeLessThanOrEqual(60);
		}

		expect(narrow).toContain('…');
		expect(narrow).toContain('2026-11-24 13:00:00');
	});

	it('keeps time and event name on a 40-column terminal', () => {
		const text = formatTable(makeEvents(3), {maxWidth: 40});
		const [header, first] = text.split('\n');
		expect(header).toMatch(/^TIME \(UTC\) +EVENT/);
		expect(first).toMatch(/^2026-11-24 13:00:00 +RunInstances/);
		expect(displayWidth(first!)).toBeLessThanOrEqual(40);
	});

	it('sanitises every cell to one safe line', () => {
		const event = makeEvent(0, {username: 'evil\u001B]0;pwned\u0007\nsecond\u009B2J', errorCode: 'X\r\u202E'});
		const text = formatTable([event]);
		expect(text.replaceAll('\n', '')).not.toMatch(terminalControls);
		expect(text.split('\n')).toHaveLength(3);
		expect(text).toContain('evil\\x1b]0;pwned\\x07 second\\x9b2J');
	});

	it('prints just the header when there are no events', () => {
		expect(formatTable([])).toBe('TIME (UTC)  EVENT  USER  SOURCE  RESOURCE  ERROR\n');
	});
});

describe('rows from several accounts or regions', () => {
	const origin = {account: '222222222222', accountLabel: 'dev\u001b[31m', region: 'ap-southeast-2'};
	const event = makeEvent(3, {origin, region: undefined});

	it('json gains the account label and id, and the region where the record has none', () => {
		const json = JSON.parse(eventToJsonLine(event, true)) as Record<string, unknown>;
		expect(Object.keys(json).slice(0, 10)).toEqual(['id', 'time', 'name', 'source', 'username', 'accessKeyId', 'readOnly', 'account', 'accountId', 'region']);
		expect(json).toMatchObject({account: 'dev\u001b[31m', accountId: '222222222222', region: 'ap-southeast-2'});
		// Without origins the shape is the one scripts already rely on.
		expect(Object.keys(JSON.parse(eventToJsonLine(event)) as object)).toEqual(Object.keys(eventToJson(event)));
		expect(eventToJson(event)).not.toHaveProperty('account');
	});

	it('csv gains account and accountId columns before region, sanitised like every cell', () => {
		const header = parseCsv(`${csvHeader(true)}\n`)[0]!;
		expect(header).toEqual([...csvColumns.slice(0, csvColumns.indexOf('region')), 'account', 'accountId', ...csvColumns.slice(csvColumns.indexOf('region'))]);
		const row = parseCsv(`${eventToCsvRow(event, true)}\n`)[0]!;
		expect(row[header.indexOf('account')]).not.toMatch(terminalControls);
		expect(row[header.indexOf('account')]).toMatch(/^dev/);
		expect(row[header.indexOf('accountId')]).toBe('222222222222');
		expect(row[header.indexOf('region')]).toBe('ap-southeast-2');
		expect(row).toHaveLength(header.length);
	});

	it('the table gains ACCOUNT and REGION after the time', () => {
		const table = formatTable([makeEvent(1, {origin: {account: '111111111111', accountLabel: 'prod', region: 'eu-west-1'}})], {origins: true});
		const [header, row] = table.split('\n');
		expect(header).toMatch(/^TIME \(UTC\)\s+ACCOUNT\s+REGION\s+EVENT/);
		expect(row).toMatch(/^\S+ \S+\s+prod\s+eu-west-1\s+RunInstances/);
	});
});
