// What one key press writes to the terminal on the main screen at 120x40: bytes, frames and full
// clears, against a bare Ink app rendered with the same options. Moving the cursor changes two
// rows, so anything near a screenful per key is a full redraw.
import {startEmulator} from '../../source/emulator/index.js';
import {median, record, runs, stats} from '../support/figures.js';
import {awsFiles, cli, eventsLoaded, sleep} from '../support/env.js';
import {bundleInkBaseline} from '../support/bundle.js';
import {kill, plain, spawnPty, type PtyRun} from '../support/pty-run.js';

const down = '\u001B[B';
const pageDown = '\u001B[6~';
const frameStart = '\u001B[?2026h';
// ansi-escapes' clearTerminal starts with ESC[2J; so does any other whole-screen erase.
const fullClear = '\u001B[2J';

type Press = {bytes: number; frames: number; clears: number; clockFrames: number};

function count(text: string, needle: string): number {
	return text.split(needle).length - 1;
}

/**
 * A frame the relative-time clock drew ("loaded 12 s ago" ticks every second in the first
 * minute): every line it writes carries that text. It is not the key's frame, so it is counted
 * apart, and its bytes are left out of the key's.
 */
function isClockFrame(frame: string): boolean {
	// eslint-disable-next-line no-control-regex
	const lines = frame.split(/\u001B\[\d+;1H/).slice(1).map(line => plain(line));
	return lines.length > 0 && lines.every(line => /\bago\b|just now/.test(line));
}

/**
 * Presses `key` and collects everything written until the output has been quiet for `quietMs`:
 * one key's whole effect, however many frames it takes.
 */
async function press(run: PtyRun, key: string, quietMs = 150): Promise<Press> {
	const from = run.output().length;
	run.child.write(key);
	let seen = from;
	let quietSince = Date.now();
	const deadline = Date.now() + 5000;
	while (Date.now() < deadline) {
		await sleep(10);
		const length = run.output().length;
		if (length !== seen) {
			seen = length;
			quietSince = Date.now();
		} else if (seen > from && Date.now() - quietSince >= quietMs) {
			break;
		}
	}

	const frames = run.output().slice(from).split(frameStart).slice(1);
	const keyFrames = frames.filter(frame => !isClockFrame(frame));
	const written = keyFrames.map(frame => frameStart + frame).join('');
	return {
		bytes: Buffer.byteLength(written),
		frames: keyFrames.length,
		clears: count(written, fullClear),
		clockFrames: frames.length - keyFrames.length,
	};
}

/** `presses` Down then `presses` PgDn, each measured on its own. */
async function pressAll(run: PtyRun, presses: number, into: {down: Press[]; pageDown: Press[]}): Promise<void> {
	for (const [key, samples] of [[down, into.down], [pageDown, into.pageDown]] as const) {
		for (let i = 0; i < presses; i++) {
			samples.push(await press(run, key));
		}
	}
}

export async function redraw(): Promise<void> {
	console.error('redraw: bytes, frames and full clears per key press on the main screen, 120x40');
	const emulator = await startEmulator({eventsPerRegion: 4000, rateLimitPerSecond: false});
	const env = {...awsFiles(emulator), TRAILVIEW_LOOKUP_RPS: '1000'};
	const app = {down: [] as Press[], pageDown: [] as Press[]};
	const floor = {down: [] as Press[], pageDown: [] as Press[]};
	const appRuns = Math.max(2, Math.ceil(runs / 2));
	const presses = 20;
	try {
		for (let r = 0; r < appRuns; r++) {
			const run = spawnPty([process.execPath, cli, '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env);
			await run.when(eventsLoaded);
			// Every page loaded first, so a key's output is the key's alone, not a page arriving.
			const deadline = Date.now() + 60_000;
			while (!/all loaded/.test(plain(run.output()).slice(-4000)) && Date.now() < deadline) {
				run.child.write('G');
				await sleep(50);
			}

			run.child.write('g');
			await sleep(300);
			await pressAll(run, presses, app);
			await kill(run);
		}

		const floorPath = await bundleInkBaseline('ink-floor');
		for (let r = 0; r < appRuns; r++) {
			const run = spawnPty([process.execPath, floorPath], {});
			await run.when(/trailview baseline/);
			await sleep(300);
			await pressAll(run, presses, floor);
			await kill(run);
		}
	} finally {
		await emulator.stop();
	}

	const clockFrames = [...app.down, ...app.pageDown].reduce((sum, s) => sum + s.clockFrames, 0);
	const note = `${app.down.length} presses of each key over ${appRuns} app runs, every page loaded first; a key's output is everything written until 150 ms of quiet, less ${clockFrames} frames of the relative-time clock that fell in those windows`;
	for (const [name, key, samples, baseline, target] of [
		['Down', 'down', app.down, floor.down, 600],
		['PgDn', 'pgdn', app.pageDown, floor.pageDown, undefined],
	] as const) {
		const bytes = stats(samples.map(s => s.bytes));
		const floorBytes = median(baseline.map(s => s.bytes));
		record({
			id: `bytes-${key}`,
			figure: `Bytes written per ${name}, main screen 120x40`,
			unit: 'B',
			...bytes,
			...(target ? {target: `<= ${target} B`, met: bytes.median <= target} : {}),
			baseline: {what: 'bare Ink app, same render options', median: floorBytes},
			ratio: bytes.median / floorBytes,
			note,
		});
		const frames = stats(samples.map(s => s.frames));
		record({
			id: `frames-${key}`,
			figure: `Frames per ${name}`,
			unit: 'frames',
			...frames,
			target: 'exactly 1 (max)',
			met: frames.min === 1 && frames.max === 1,
			baseline: {what: 'bare Ink app, same render options', median: median(baseline.map(s => s.frames))},
			ratio: frames.median / median(baseline.map(s => s.frames)),
		});
	}

	const clears = [...app.down, ...app.pageDown].reduce((sum, s) => sum + s.clears, 0);
	const floorClears = [...floor.down, ...floor.pageDown].reduce((sum, s) => sum + s.clears, 0);
	record({
		id: 'full-clears',
		figure: 'Full-screen clears after the first frame (all presses)',
		unit: 'clears',
		median: clears,
		min: clears,
		max: clears,
		runs: appRuns,
		target: '0',
		met: clears === 0,
		baseline: {what: 'bare Ink app, same render options', median: floorClears},
	});
}
