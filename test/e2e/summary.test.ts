// The summary view in a real terminal (issue 14): the built CLI in a pseudo-terminal against the
// emulator. Open it, switch the grouping, drill into a group (the query narrows as a pivot) and
// come back with Backspace.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {requireBuild, staticKeyProfiles, type AwsFiles} from './support.js';

const wait = 20_000;
const eventRow = /^[ •] (?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d \S/;
/** A group row: count, share, first and last seen, distinct, then the sparkline and the label. */
const groupRow = /^\s*(\d[\d,]*)\s+(\d+\.\d)%\s+\d\d-\d\d \d\d:\d\d\s+\d\d-\d\d \d\d:\d\d\s+\d+\s/;

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'}, 'us-east-1');
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

function lines(screen: string): string[] {
	return screen.split('\n');
}

function groups(screen: string): Array<{count: number; label: string; line: string}> {
	return lines(screen).flatMap(line => {
		const match = groupRow.exec(line);
		return match ? [{count: Number(match[1]!.replaceAll(',', '')), label: line.trimEnd().split(/\s+/).at(-1)!, line}] : [];
	});
}

describe('the summary view', {timeout: 90_000}, () => {
	it('groups, regroups, drills into a group and comes back', async () => {
		session = spawnCli({args: ['--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env: files.env, cols: 130, rows: 40});
		const cli = session;
		const list = await cli.waitForScreen(screen => screen.includes('50 events loaded'), wait, 'the first page');
		const loaded = lines(list).filter(line => eventRow.test(line)).length;
		expect(loaded).toBeGreaterThan(10);

		await cli.press('s');
		const byUser = await cli.waitForScreen(screen => screen.includes('by principal · sorted by count') && groups(screen).length > 1, wait, 'the summary by principal');
		const userGroups = groups(byUser);
		// Every event loaded is in exactly one group, and the biggest comes first.
		expect(userGroups.reduce((sum, group) => sum + group.count, 0)).toBe(50);
		expect(userGroups.map(group => group.count)).toEqual([...userGroups.map(group => group.count)].sort((a, b) => b - a));
		expect(byUser).toMatch(/50 events in \d+ groups +[▁▂▃▄▅▆▇█ ]+/);

		await cli.press(ptyKeys.right);
		const byEvent = await cli.waitForScreen(screen => screen.includes('by event name') && groups(screen).length > 1, wait, 'the summary by event name');
		const top = groups(byEvent)[0]!;
		expect(top.label).toMatch(/^[A-Z]\w+$/);

		// Enter on the biggest event group narrows the query to it and shows the list again.
		await cli.press(ptyKeys.enter);
		const narrowed = await cli.waitForScreen(
			screen => screen.includes(`· event:${top.label}`) && !screen.includes('by event name') && lines(screen).some(line => eventRow.test(line)),
			wait,
			'the list narrowed to the group',
		);
		const rows = lines(narrowed).filter(line => eventRow.test(line));
		expect(rows.every(row => row.includes(top.label))).toBe(true);
		expect(narrowed).toContain(`API EventName=${top.label}`);

		// Backspace undoes the narrowing.
		await cli.press(ptyKeys.backspace);
		await cli.waitForScreen(screen => !screen.includes(`event:${top.label}`) && screen.includes('50 events loaded'), wait, 'the list as before');
	});
});
