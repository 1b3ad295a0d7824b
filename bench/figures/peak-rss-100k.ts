// Peak memory with 100,000 events loaded from several accounts and regions (issue 13), the way a
// user gets them: the profile picker with two profiles marked (Space), their home region, `A` for
// every region (35 account regions with history: the 17 default regions of each account plus
// demo-prod's opt-in one; the other opt-in regions are skipped as not enabled), merged by the real
// service code over real HTTP, then End pressed until the footer counts 100,000 rows in the
// table's state. The emulator's rate limit is off: this figure is about memory, not paging speed.
import {readFileSync, writeFileSync, mkdtempSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {median, record, runs, stats} from '../support/figures.js';
import {cli, sleep, tmp} from '../support/env.js';
import {kill, plain, spawnPty, type PtyRun} from '../support/pty-run.js';

/**
 * demo-prod and demo-dev hold about 2.9 × eventsPerRegion write events over the 17 default regions
 * with `regions: 'all-default'`; 40,000 gives ~116,000, enough for 100,000 with room to spare.
 */
const eventsPerRegion = Number(process.env['PEAK_EVENTS_PER_REGION'] ?? 40_000);

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
	// VmHWM is the process's peak resident set size, VmRSS the current one.
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Profiles `prod` and `dev` with the static keys of demo-prod and demo-dev, both at home in us-east-1. */
function twoAccounts(emulator: Emulator): Record<string, string> {
	const dir = mkdtempSync(path.join(tmp, 'aws-'));
	const profiles = {prod: 'demo-prod', dev: 'demo-dev'};
	writeFileSync(path.join(dir, 'config'), Object.keys(profiles).map(name => `[profile ${name}]\nregion = us-east-1\n`).join(''));
	writeFileSync(
		path.join(dir, 'credentials'),
		Object.entries(profiles)
			.map(([name, label]) => {
				const account = emulator.accounts.find(each => each.label === label)!;
				return `[${name}]\naws_access_key_id = ${account.accessKeyId}\naws_secret_access_key = ${account.secretAccessKey}\n`;
			})
			.join(''),
	);
	return {AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), TRAILVIEW_LOOKUP_RPS: '1000'};
}

/** Waits until the output written since `from` matches. */
async function after(run: PtyRun, from: number, match: RegExp, timeoutMs = 30_000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!match.test(plain(run.output().slice(from)))) {
		if (performance.now() > deadline) {
			throw new Error(`timed out waiting for ${match}; output:\n${plain(run.output()).slice(-2000)}`);
		}

		await sleep(30);
	}
}

/** The last "N events loaded" in the output since `from`, or undefined. */
function loadedSince(run: PtyRun, from: number): number | undefined {
	const counts = [...plain(run.output().slice(from)).matchAll(/(\d[\d,]*) events? loaded/g)];
	const last = counts.at(-1)?.[1];
	return last === undefined ? undefined : Number(last.replaceAll(',', ''));
}

/** Picker: mark both profiles, open them, take the home region, then `A`. */
async function openEveryRegionOfTwoAccounts(run: PtyRun): Promise<void> {
	await run.when(/Choose a profile/);
	let from = run.output().length;
	run.child.write(' ');
	await after(run, from, /✓/);
	run.child.write('\u001B[B');
	await sleep(100);
	from = run.output().length;
	run.child.write(' ');
	await after(run, from, /open 2 accounts/);
	run.child.write('\r');
	await run.when(/Choose a region/);
	// A key sent while the just-opened picker still subscribes to input is not seen: press again if so.
	from = run.output().length;
	for (let attempt = 0; attempt < 10 && !/events? loaded/.test(plain(run.output().slice(from))); attempt++) {
		run.child.write('\r');
		await after(run, from, /events? loaded/, 1000).catch(() => undefined);
	}

	await after(run, from, /Account.*events? loaded|events? loaded/s);
	from = run.output().length;
	run.child.write('A');
	await after(run, from, /\d+ of \d+ account regions read/);
}

/** End, again and again, each time once the page it asked for is in, until `target` rows are loaded. */
async function loadAll(run: PtyRun, target: number): Promise<number> {
	let loaded = 0;
	const deadline = performance.now() + Number(process.env["PEAK_MINUTES"] ?? 15) * 60_000;
	while (loaded < target && performance.now() < deadline) {
		const from = run.output().length;
		run.child.write('G');
		const waitUntil = performance.now() + 3000;
		for (;;) {
			await sleep(15);
			const now = loadedSince(run, from);
			if ((now !== undefined && now > loaded) || performance.now() > waitUntil) {
				loaded = now ?? loaded;
				break;
			}
		}
	}

	return loaded;
}

export async function peakRss100k(): Promise<void> {
	console.error('peak memory with 100,000 events loaded from 2 accounts × every region');
	const emulator = await startEmulator({eventsPerRegion, regions: 'all-default', rateLimitPerSecond: false});
	// Generates the history up front, so the first run does not pay for it while being measured.
	emulator.eventCount();
	const env = twoAccounts(emulator);
	const rss: number[] = [];
	const settled: number[] = [];
	const seconds: number[] = [];
	// Loading 100,000 rows takes minutes a run and peak RSS varies by a few MB between runs: two runs.
	const appRuns = Math.max(2, Math.ceil(runs / 3));
	try {
		for (let r = 0; r < appRuns; r++) {
			// Wide enough that the footer never cuts its "N events loaded" (a "3 new ↑" note can precede it).
			const run = spawnPty([process.execPath, cli, '--endpoint-url', emulator.endpoint], env, {cols: 240, rows: 40});
			await openEveryRegionOfTwoAccounts(run);
			const started = performance.now();
			const wanted = Number(process.env['PEAK_ROWS'] ?? 100_000);
			const loaded = await loadAll(run, wanted);
			if (loaded < wanted) {
				throw new Error(`only ${loaded} events loaded; the footer:\n${[...plain(run.output()).matchAll(/[^\n]{0,160}events? loaded[^\n]{0,200}/g)].slice(-3).map(m => m[0]).join("\n")}`);
			}

			seconds.push((performance.now() - started) / 1000);
			// A few redraws of the loaded table (the clock, Up and Down) before reading the peak.
			run.child.write('g');
			await sleep(500);
			rss.push(procStatus(run.child.pid, 'VmHWM'));
			settled.push(procStatus(run.child.pid, 'VmRSS'));
			await kill(run);
		}

		const bare: number[] = [];
		for (let r = 0; r < runs; r++) {
			const run = spawnPty([process.execPath, '-e', 'process.stdout.write("ready"); setTimeout(() => {}, 5000)'], {});
			await run.when(/ready/);
			bare.push(procStatus(run.child.pid, 'VmHWM'));
			await kill(run);
		}

		const m = stats(rss);
		const b = median(bare);
		record({
			id: 'peak-rss-100k',
			figure: 'Peak memory (RSS), 100,000 events loaded from 2 accounts × every region',
			unit: 'MB',
			...m,
			target: '<= 250 MB',
			met: m.max <= 250,
			baseline: {what: 'bare node', median: b},
			ratio: m.median / b,
			note: `profile picker (Space on two profiles), A for every region (35 account regions with history), End until 100,000 rows are loaded (${median(seconds).toFixed(0)} s median, emulator rate limit off); RSS once loaded ${median(settled).toFixed(0)} MB median`,
		});
	} finally {
		await emulator.stop();
	}
}
