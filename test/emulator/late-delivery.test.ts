// Issue 13, follow mode: CloudTrail delivers some events minutes after their event time. Once
// delivered (addEvent), an event answers every query that covers its time, in its time order, once;
// a NextToken is a position, so a run already paging neither repeats nor loses anything.
import {LookupEventsCommand, type CloudTrailClient} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow} from './helpers.js';

const minute = 60_000;
const day = 86_400_000;
const prod = '111111111111';
const dev = '222222222222';
let emulator: Emulator;
/** The emulator's clock, in ms since start: tests move it instead of sleeping. */
let elapsed = 0;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, eventsPerRegion: 6000, rateLimitPerSecond: false, clock: () => elapsed});
});

afterAll(async () => {
	await emulator.stop();
});

const now = (): number => fixedNow.getTime() + elapsed;

type Row = {id: string; time: number};

type Window = {StartTime: Date; EndTime: Date};

async function page(client: CloudTrailClient, window: Window, token: string | undefined, size: number): Promise<{rows: Row[]; token: string | undefined}> {
	const output = await client.send(new LookupEventsCommand({...window, MaxResults: size, NextToken: token}));
	return {rows: (output.Events ?? []).map(event => ({id: event.EventId!, time: event.EventTime!.getTime()})), token: output.NextToken};
}

async function run(client: CloudTrailClient, window: Window, size: number): Promise<Row[]> {
	const rows: Row[] = [];
	let token: string | undefined;
	do {
		// Each page needs the previous page's token.
		const next = await page(client, window, token, size);
		rows.push(...next.rows);
		token = next.token;
	} while (token);

	return rows;
}

function expectNewestFirstWithoutRepeats(rows: Row[]): void {
	expect(new Set(rows.map(row => row.id)).size).toBe(rows.length);
	expect(rows.every((row, index) => index === 0 || rows[index - 1]!.time >= row.time)).toBe(true);
}

describe('late delivery', () => {
	it('an event ten minutes old that arrives now is in the next poll of the trailing window, in its time order, once', async () => {
		const client = cloudTrail(emulator, 'demo-dev', 'us-west-2');
		const at = (minutesAgo: number): Date => new Date(now() - minutesAgo * minute);
		const background = [14, 12, 8, 1].map(minutesAgo => emulator.addEvent({accountId: dev, region: 'us-west-2', eventName: 'RunInstances', time: at(minutesAgo)}));
		const window = (): Window => ({StartTime: new Date(now() - 15 * minute), EndTime: new Date(now())});
		const before = await run(client, window(), 2);
		expect(before.map(row => row.id)).toEqual([...background].reverse());

		elapsed += 30_000;
		const late = emulator.addEvent({accountId: dev, region: 'us-west-2', eventName: 'CreateUser', username: 'late', time: at(10)});
		const after = await run(client, window(), 2);
		expect(after.map(row => row.id)).toEqual([background[3], background[2], late, background[1], background[0]]);
		expect(after.find(row => row.id === late)?.time).toBe(Math.floor(at(10).getTime() / 1000) * 1000);
		// Every later poll still has it, and still once.
		elapsed += 30_000;
		expect((await run(client, window(), 50)).filter(row => row.id === late)).toHaveLength(1);
	});

	it('a run already paging takes in a late event older than its position, once, and leaves newer ones to the next run', async () => {
		const client = cloudTrail(emulator, 'demo-prod', 'us-east-1');
		const window: Window = {StartTime: new Date(now() - 3 * day), EndTime: new Date(now())};
		const earlier = await run(client, window, 10);
		expect(earlier.length).toBeGreaterThan(60);

		const first = await page(client, window, undefined, 10);
		const boundary = first.rows.at(-1)!.time;
		const add = (time: number, username: string): string => emulator.addEvent({accountId: prod, region: 'us-east-1', eventName: 'PutRolePolicy', username, time: new Date(time)});
		// Newer than the position (between page 1's first and last rows), at its very second, and older.
		const newer = add(first.rows[3]!.time, 'newer');
		const sameSecond = add(boundary, 'same-second');
		const older = add(earlier[40]!.time - 1000, 'older');

		const rest: Row[] = [];
		let token = first.token;
		while (token) {
			const next = await page(client, window, token, 10);
			rest.push(...next.rows);
			token = next.token;
		}

		const during = [...first.rows, ...rest];
		expectNewestFirstWithoutRepeats(during);
		// The token's stored position (time, then arrival) puts both newer ones behind it.
		expect(during.map(row => row.id)).not.toContain(newer);
		expect(during.map(row => row.id)).not.toContain(sameSecond);
		expect(during.filter(row => row.id === older)).toHaveLength(1);

		// The next run has all three, each in its place, and everything it had before, in the same order.
		const next = await run(client, window, 10);
		expectNewestFirstWithoutRepeats(next);
		const added = new Set([newer, sameSecond, older]);
		expect(next).toHaveLength(earlier.length + 3);
		expect(next.filter(row => !added.has(row.id))).toEqual(earlier);
		expect(next.filter(row => row.id !== newer && row.id !== sameSecond)).toEqual(during);
		// At the boundary second, a late arrival sorts before the events already there.
		expect(next.findIndex(row => row.id === sameSecond)).toBe(next.findIndex(row => row.time === boundary));
	});
});
