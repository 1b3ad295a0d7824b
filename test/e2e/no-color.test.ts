// NO_COLOR and FORCE_COLOR in a real terminal: the built CLI (--demo) through both pickers, the main
// screen, an event's detail and the help, with every colour code in its raw output counted. Without
// colour the states colour used to carry must still show, as bold and inverse cells.
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {colorCodes} from '../helpers/sgr.js';
import {arrowTo, pickerRow, requireBuild} from './support.js';

/** An event row: the new-marker column, then the time. */
const eventRow = /^[ •] (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \S/;
const wait = 20_000;

let session: PtySession | undefined;
beforeAll(() => {
	requireBuild();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

/**
 * demo-prod in eu-west-1 (a trail that is not logging and fails delivery, write events, some of
 * them failed), then an event's detail and the help, each closed again. Returns the main screen.
 */
async function walkThrough(env: Record<string, string>): Promise<string> {
	session = spawnCli({args: ['--demo'], env, cols: 120, rows: 36});
	await session.waitForText('demo-prod', wait);
	await arrowTo(session, pickerRow('demo-prod'));
	await session.press(ptyKeys.enter);
	await session.waitForText('Choose a region', wait);
	await arrowTo(session, pickerRow('eu-west-1'));
	await session.press(ptyKeys.enter);
	const main = await session.waitForScreen(
		screen => /\d+ events? loaded/.test(screen) && screen.includes('logging OFF') && screen.split('\n').some(line => eventRow.test(line)),
		wait,
		'trails and events',
	);

	await session.press(ptyKeys.enter);
	await session.waitForText(/^▶ Event /m, wait);
	await session.press(ptyKeys.escape);
	await session.waitForText(/events? loaded/, wait);
	await session.press('?');
	await session.waitForText('Esc or ? closes', wait);
	await session.press(ptyKeys.escape);
	await session.waitForText(/events? loaded/, wait);
	return main;
}

function eventRows(screen: string): Array<{line: string; time: string}> {
	return screen
		.split('\n')
		.map(line => ({line, time: eventRow.exec(line)?.[1]}))
		.filter((row): row is {line: string; time: string} => row.time !== undefined);
}

/** The first event row whose Error column is filled in. */
function failedRow(screen: string): {line: string; time: string} | undefined {
	const header = screen.split('\n').find(line => line.includes('Time (') && line.includes('Error'));
	const column = header?.indexOf('Error') ?? -1;
	return column === -1 ? undefined : eventRows(screen).find(row => (row.line[column] ?? ' ') !== ' ');
}

describe('NO_COLOR and FORCE_COLOR', () => {
	it('NO_COLOR=1 writes no colour codes, and the cursor, a stopped trail and a failed event still stand out', async () => {
		const main = await walkThrough({NO_COLOR: '1'});
		expect(colorCodes(session!.raw())).toEqual([]);

		const [cursor] = eventRows(main);
		expect(session!.styleOf(cursor!.time)).toMatchObject({inverse: true, colored: false});
		expect(session!.styleOf('logging OFF')).toMatchObject({bold: true, colored: false});
		const failed = failedRow(main);
		expect(failed, `a failed event on the first screen:\n${main}`).toBeDefined();
		expect(session!.styleOf(failed!.time)).toMatchObject({bold: true, colored: false});
	});

	it('FORCE_COLOR=0 writes no colour codes and keeps the cursor row inverse', async () => {
		const main = await walkThrough({FORCE_COLOR: '0'});
		expect(colorCodes(session!.raw())).toEqual([]);
		expect(session!.styleOf(eventRows(main)[0]!.time)).toMatchObject({inverse: true});
	});

	it('without either, the same walk is in colour', async () => {
		await walkThrough({});
		expect(colorCodes(session!.raw()).length).toBeGreaterThan(0);
		expect(session!.styleOf('logging OFF')).toMatchObject({bold: true, colored: true});
	});

	it('FORCE_COLOR=1 wins over NO_COLOR, as in Node', async () => {
		await walkThrough({NO_COLOR: '1', FORCE_COLOR: '1'});
		expect(colorCodes(session!.raw()).length).toBeGreaterThan(0);
	});

	it('script output and error messages in a terminal carry no colour codes under NO_COLOR', async () => {
		session = spawnCli({args: ['--demo', '--output', 'table', '--limit', '5'], env: {NO_COLOR: '1'}});
		expect(await session.exitCode).toBe(0);
		expect(session.raw()).toContain('TIME (UTC)');
		expect(colorCodes(session.raw())).toEqual([]);

		session = spawnCli({args: ['--output', 'xml'], env: {NO_COLOR: '1'}});
		expect(await session.exitCode).toBe(2);
		expect(session.raw()).toContain('--output must be one of');
		expect(colorCodes(session.raw())).toEqual([]);
	});
});
