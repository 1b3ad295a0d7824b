import {describe, expect, test} from 'vitest';
import {groupFields, sortGroups, sparkline, summarize} from '../../source/domain/summary.js';
import {makeEvent} from '../helpers/fakes.js';

const end = Date.UTC(2026, 10, 24, 12, 0, 0);
const window = {start: end - 100 * 60_000, end};

describe('summary groups', () => {
	// makeEvent(i): a minute apart going back from `end`, user `user${i % 7}`, name PutThing{i}.
	const events = Array.from({length: 70}, (_, index) => makeEvent(index, index % 10 === 0 ? {errorCode: 'AccessDenied'} : {}));

	test('counts per principal add up, with first/last seen and distinct event names', () => {
		const summary = summarize(events, 'user', {window, slices: 10, account: '111111111111'});
		expect(summary.total).toBe(70);
		expect(summary.groups).toHaveLength(7);
		expect(summary.groups.reduce((sum, group) => sum + group.count, 0)).toBe(70);
		const user0 = summary.groups.find(group => group.key === 'user0')!;
		expect(user0.count).toBe(10);
		expect(user0.distinct).toBe(10);
		expect(user0.last.getTime()).toBe(end);
		expect(user0.first.getTime()).toBe(end - 63 * 60_000);
		expect(user0.buckets.reduce((a, b) => a + b, 0)).toBe(10);
		expect(summary.buckets.reduce((a, b) => a + b, 0)).toBe(70);
	});

	test('grouping by error keeps successes as their own group; other groupings count distinct principals', () => {
		const summary = summarize(events, 'error', {window, slices: 4, account: 'x'});
		expect(summary.groups.map(group => [group.key, group.count])).toEqual([['', 63], ['AccessDenied', 7]]);
		expect(summary.groups[1]!.distinct).toBe(7);
	});

	test('accounts come from where a row was read, else the one account open', () => {
		const mixed = [makeEvent(1, {origin: {account: '222', accountLabel: 'dev', region: 'us-east-1'}}), makeEvent(2)];
		const summary = summarize(mixed, 'account', {window, slices: 4, account: '111', accountLabel: 'prod'});
		expect(summary.groups.map(group => [group.key, group.label]).sort()).toEqual([['111', 'prod'], ['222', 'dev']]);
	});

	test('every field groups without throwing, and events outside the window land in the edge slices', () => {
		const outside = [makeEvent(0, {time: new Date(end + 3_600_000)}), makeEvent(0, {id: 'old', time: new Date(window.start - 3_600_000)})];
		for (const field of groupFields) {
			const summary = summarize(outside, field, {window, slices: 5, account: 'a'});
			expect(summary.buckets).toEqual([1, 0, 0, 0, 1]);
		}
	});

	test('orders: by count, by last seen, by name', () => {
		const groups = summarize(events.slice(0, 9), 'user', {window, slices: 2, account: 'a'}).groups;
		expect(sortGroups(groups, 'count')[0]!.count).toBe(2);
		expect(sortGroups(groups, 'last')[0]!.key).toBe('user0');
		expect(sortGroups(groups, 'name').map(group => group.key)).toEqual(['user0', 'user1', 'user2', 'user3', 'user4', 'user5', 'user6']);
	});

	test('sparkline: the busiest slice is a full block, empty slices are blank', () => {
		expect(sparkline([0, 1, 4, 8])).toBe(' ▁▄█');
		expect(sparkline([0, 0])).toBe('  ');
		expect(sparkline([])).toBe('');
	});
});
