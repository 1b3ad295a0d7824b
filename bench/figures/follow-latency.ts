// Follow latency (issue 13): from an event being added to the emulator to it being shown, on
// screen in the UI (`--follow` in a terminal) and as a line of `--follow --output jsonl`, with the
// real 10 s poll interval. An event waits for the next poll, so a latency between 0 and the
// interval is expected, its spread set by when the event lands between two polls: the events are
// added at random moments spread over the interval, and the yardstick is the interval itself
// (target: <= interval + 1 s, the longest wait plus the poll and the drawing).
// The emulator runs in this process so an event can be added at a known instant; a poll is one
// request a 10 s, so nothing it does competes with the apps being timed.
import {performance} from 'node:perf_hooks';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {followIntervalMs} from '../../source/services/follow.js';
import {record, runs, stats, type Figure} from '../support/figures.js';
import {awsFiles, cli, sleep} from '../support/env.js';
import {kill, spawnPty} from '../support/pty-run.js';
import {spawnStream} from '../support/stream-run.js';

const prod = '111111111111';
const intervalMs = followIntervalMs(1);
const targetMs = intervalMs + 1000;

function args(emulator: Emulator, extra: string[]): string[] {
	return [process.execPath, cli, '--profile', 'bench', '--region', 'us-east-1', '--follow', ...extra, '--endpoint-url', emulator.endpoint];
}

async function polled(emulator: Emulator, calls: number): Promise<void> {
	const deadline = performance.now() + 30_000;
	while ((emulator.requestCounts()['LookupEvents'] ?? 0) < calls) {
		if (performance.now() > deadline) {
			throw new Error('the followed script never polled');
		}

		await sleep(50);
	}
}

function figure(id: string, what: string, latencies: number[], note: string): Figure {
	const s = stats(latencies);
	return {
		id,
		figure: `Follow latency, event added to the emulator to ${what} (10 s polls)`,
		unit: 'ms',
		...s,
		target: `<= poll interval + 1 s (${targetMs} ms), every sample`,
		met: s.max <= targetMs,
		baseline: {what: 'poll interval (pause between polls)', median: intervalMs},
		ratio: s.median / intervalMs,
		note: `${note}; max ${(s.max / intervalMs).toFixed(2)}× the interval; samples ${latencies.map(ms => (ms / 1000).toFixed(1)).join(', ')} s`,
	};
}

export async function followLatency(): Promise<void> {
	console.error(`9. follow latency, ${runs} events added at random moments, ${intervalMs / 1000} s polls`);
	// One emulator per app, so each sees its own requests and both get the same event at once.
	const [forScreen, forScript] = await Promise.all([startEmulator({eventsPerRegion: 600}), startEmulator({eventsPerRegion: 600})]);
	const ui = spawnPty(args(forScreen, []), awsFiles(forScreen));
	const script = spawnStream(args(forScript, ['--output', 'jsonl']), awsFiles(forScript));
	try {
		// The UI's last poll, as near as can be told from outside: when its result was on screen.
		let lastPoll = ui.startedAt + (await ui.when(/following · every 10s · polled/));
		// The baseline read, then the first poll.
		await polled(forScript, 2);
		const screen: number[] = [];
		const line: number[] = [];
		// Stratified: each event lands in its own slice of the interval after the UI's last poll (the
		// slices in random order, a random moment within each), so the samples span early and late
		// arrivals; the script's polls run on a phase of their own.
		const slots = Array.from({length: runs}, (_, index) => index).sort(() => Math.random() - 0.5);
		for (const [index, slot] of slots.entries()) {
			let addAt = lastPoll + ((slot + Math.random()) / runs) * intervalMs;
			while (addAt < performance.now()) {
				addAt += intervalMs;
			}

			await sleep(addAt - performance.now());
			const probe = `probe-${index}-${Math.random().toString(36).slice(2, 6)}`;
			const event = {accountId: prod, region: 'us-east-1', eventName: 'PutBucketPolicy', username: probe};
			const addedAt = performance.now();
			forScreen.addEvent(event);
			const id = forScript.addEvent(event);
			const wait = 2 * intervalMs + 5000;
			const [shownMs, printedAt] = await Promise.all([ui.when(new RegExp(probe), wait), script.whenText(id, wait)]);
			lastPoll = ui.startedAt + shownMs;
			screen.push(lastPoll - addedAt);
			line.push(printedAt - addedAt);
		}

		record(figure('follow-latency-screen', 'row on screen (UI, --follow in a pty)', screen, 'the row is found in the terminal output by its unique user name'));
		record(figure('follow-latency-jsonl', 'line on stdout (--follow --output jsonl)', line, 'the line is found on stdout by the event id the emulator gave'));
	} finally {
		await kill(ui);
		script.child.kill('SIGINT');
		await Promise.race([script.done, sleep(3000)]);
		await Promise.all([forScreen.stop(), forScript.stop()]);
	}
}
