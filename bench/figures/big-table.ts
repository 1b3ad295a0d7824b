// Key press to frame and peak memory with 10,000 events loaded, against a bare Ink app.
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {startEmulator} from '../../source/emulator/index.js';
import {median, record, runs, stats} from '../support/figures.js';
import {awsFiles, cli, eventsLoaded, sleep} from '../support/env.js';
import {bundleInkBaseline} from '../support/bundle.js';
import {kill, plain, spawnPty, type PtyRun} from '../support/pty-run.js';

function peakRss(pid: number): number {
	// VmHWM is the process's peak resident set size.
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
	return kb / 1024;
}

/** 30 Down then 30 PgDn presses, each timed to its frame; the app and its baseline get the same. */
async function pressKeys(run: PtyRun, down: number[], pageDown: number[]): Promise<void> {
	for (const [key, samples] of [['\u001B[B', down], ['\u001B[6~', pageDown]] as const) {
		for (let i = 0; i < 30; i++) {
			samples.push(await run.keyToFrame(key));
			await sleep(60);
		}
	}
}

export async function bigTable(): Promise<void> {
	console.error('4/5. keypress to frame and peak memory with 10,000 events loaded');
	// About a third of the generated events are writes; 31,000 gives demo-prod us-east-1 > 10,000.
	const emulator = await startEmulator({eventsPerRegion: 31_000, rateLimitPerSecond: false});
	const env = {...awsFiles(emulator), TRAILVIEW_LOOKUP_RPS: '1000'};
	const down: number[] = [];
	const pageDown: number[] = [];
	const rss: number[] = [];
	const bareRss: number[] = [];
	const appRuns = Math.max(2, Math.ceil(runs / 2));
	try {
		for (let r = 0; r < appRuns; r++) {
			const run = spawnPty([process.execPath, cli, '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env);
			await run.when(eventsLoaded);
			// End jumps to the last loaded row, which asks for the next page; repeat until 10,000 are in.
			let loaded = 0;
			const deadline = performance.now() + 120_000;
			while (loaded < 10_000 && performance.now() < deadline) {
				run.child.write('G');
				await sleep(40);
				const counts = [...plain(run.output()).matchAll(/(\d[\d,]*) events? loaded/g)];
				loaded = Number(counts.at(-1)?.[1]?.replaceAll(',', '') ?? 0);
			}

			if (loaded < 10_000) {
				throw new Error(`only ${loaded} events loaded`);
			}

			run.child.write('g');
			await sleep(300);
			await pressKeys(run, down, pageDown);

			rss.push(peakRss(run.child.pid));
			await kill(run);
		}

		const floor = await bundleInkBaseline('ink-floor');
		const floorDown: number[] = [];
		const floorPageDown: number[] = [];
		for (let r = 0; r < appRuns; r++) {
			const run = spawnPty([process.execPath, floor], {});
			await run.when(/trailview baseline/);
			await sleep(300);
			await pressKeys(run, floorDown, floorPageDown);

			await kill(run);
		}

		for (let r = 0; r < runs; r++) {
			const run = spawnPty([process.execPath, '-e', 'process.stdout.write("ready"); setTimeout(() => {}, 5000)'], {});
			await run.when(/ready/);
			bareRss.push(peakRss(run.child.pid));
			await kill(run);
		}

		for (const [name, id, samples, floorSamples] of [
			['Down', 'key-down', down, floorDown],
			['PgDn', 'key-pgdn', pageDown, floorPageDown],
		] as const) {
			const k = stats(samples);
			const f = median(floorSamples);
			record({
				id,
				figure: `Keypress to frame, ${name}, 10,000 events loaded`,
				unit: 'ms',
				...k,
				target: '< 16 ms median',
				met: k.median < 16,
				baseline: {what: 'bare Ink app, same 120x40 screen', median: f},
				ratio: k.median / f,
				note: `${samples.length} presses over ${appRuns} app runs`,
			});
		}

		const m = stats(rss);
		const b = median(bareRss);
		record({
			id: 'peak-rss',
			figure: 'Peak memory (RSS), 10,000 events loaded',
			unit: 'MB',
			...m,
			target: '< 150 MB',
			met: m.median < 150,
			baseline: {what: 'bare node', median: b},
			ratio: m.median / b,
		});
	} finally {
		await emulator.stop();
	}
}
