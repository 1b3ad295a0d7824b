// All-regions throughput (issue 13): `--all-regions --output jsonl` reading one account with
// history in all 17 default regions, each region paced by the emulator at 2 LookupEvents calls a
// second, against one region read the same way in the same run. Each region has a budget of its
// own, so 17 regions can page 17 times as fast as one: 17 × 50 events × 2 pages/s = 1,700 events/s.
// Every region holds as many events (evenRegions): the merge is newest first, so it moves back in
// time only as fast as its densest region pages, and sparser regions would idle on their budget.
import {performance} from 'node:perf_hooks';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {median, record, runs, stats} from '../support/figures.js';
import {awsFiles, cli, sleep} from '../support/env.js';
import {spawnStream, steadyRate} from '../support/stream-run.js';

const regions = 17;
const physicalLimit = regions * 100;
/**
 * Events per region, about a third of them write events (the default query): more than any run
 * reads, so no region runs dry while the clock runs.
 */
const perRegion = 6500;
/** Per region and run: ~10 s of paging at the client's ~98 events/s a region. */
const readPerRegion = 1000;
/** The first pages of every region arrive together; the rate is taken after them. */
const skipMs = 2000;
/** How many single-region runs go side by side (each in its own region, so each its own budget). */
const baselineRegions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

async function once(emulator: Emulator, where: string[], limit: number) {
	const run = spawnStream(
		[process.execPath, cli, '--output', 'jsonl', '--limit', String(limit), '--profile', 'bench', ...where, '--endpoint-url', emulator.endpoint],
		awsFiles(emulator),
	);
	const code = await run.done;
	const wallMs = performance.now() - run.startedAt;
	const lines = run.marks.at(-1)?.lines ?? 0;
	if (code !== 0 || lines !== limit) {
		throw new Error(`all-regions run failed (exit ${code}, ${lines} of ${limit} lines): ${run.stderr()}`);
	}

	return {...steadyRate(run.marks, skipMs), firstLineMs: run.marks[0]!.ms, overall: limit / (wallMs / 1000), stderr: run.stderr()};
}

/** `work`, with the requests the emulator counted while it ran (runs side by side share the count). */
async function counted<T>(emulator: Emulator, work: () => Promise<T>) {
	emulator.resetCounts();
	const result = await work();
	const counts = emulator.requestCounts();
	// Let the budgets of the last calls lapse before the next run starts.
	await sleep(1100);
	return {result, throttled: counts['throttled'] ?? 0, lookups: counts['LookupEvents'] ?? 0};
}

export async function allRegions(): Promise<void> {
	console.error('8. all-regions throughput, 17 regions at 2 calls/s each, against one region');
	// Only the 17 default regions are enabled: the partition's 19 opt-in regions are each asked once
	// and skipped, as for an account that enabled none.
	const emulator = await startEmulator({regions: 'all-default', evenRegions: true, eventsPerRegion: perRegion, enabledOptInRegions: {}});
	// Generated up front, not while the clock runs.
	emulator.eventCount('111111111111');
	try {
		// Baseline: one region per run, the runs side by side (each waits on its own budget, not the CPU).
		const single = await counted(emulator, async () => Promise.all(baselineRegions.map(async region => once(emulator, ['--region', region], readPerRegion))));
		// Warm-up: start-up and the first pages of every region.
		await counted(emulator, async () => once(emulator, ['--all-regions'], regions * 100));
		const all = [];
		for (let index = 0; index < Math.min(runs, 3); index++) {
			const {result, ...counts} = await counted(emulator, async () => once(emulator, ['--all-regions'], regions * readPerRegion));
			all.push({...result, ...counts});
		}

		// For the record, not the figure: the same run with the emulator's limit off, so no call can be
		// throttled and only the client's own pacing (and the CPU) sets the pace.
		emulator.setRateLimit(false);
		const unthrottled = (await counted(emulator, async () => once(emulator, ['--all-regions'], regions * readPerRegion))).result;
		emulator.setRateLimit(2);

		const s = stats(all.map(r => r.rate));
		const baseline = median(single.result.map(r => r.rate));
		const throttledIn = (results: Array<{throttled: number}>) => results.reduce((sum, r) => sum + r.throttled, 0);
		const throttled = throttledIn([single, ...all]);
		const throttleNotes = all.filter(r => /thrott/i.test(r.stderr)).length;
		// The CLI's own note: "trailview: 17 regions · af-south-1, … and 13 more not enabled".
		const read = /(\d+) regions ·/.exec(all[0]!.stderr)?.[1] ?? '?';
		const skipped = all[0]!.stderr.split('·').slice(1).join('·');
		const notEnabled = (skipped.match(/[a-z]{2}-[a-z]+-\d/g)?.length ?? 0) + Number(/and (\d+) more/.exec(skipped)?.[1] ?? 0);
		const target = 0.9 * physicalLimit;
		record({
			id: 'all-regions-throughput',
			figure: `All-regions throughput, ${regions} regions at 2 calls/s each (--all-regions --output jsonl)`,
			unit: 'events/s',
			...s,
			target: `>= ${target} events/s (90 % of ${regions} × 100), no throttling`,
			met: s.median >= target && throttled === 0,
			baseline: {what: `one region, same pacing (${baselineRegions.length} runs side by side)`, median: baseline},
			ratio: s.median / baseline,
			note: [
				`${regions * readPerRegion} events a run, rate taken from ${skipMs / 1000} s after the first line to the last (${median(all.map(r => r.seconds)).toFixed(1)} s);`,
				`with start-up ${median(all.map(r => r.overall)).toFixed(0)} events/s, first line after ${median(all.map(r => r.firstLineMs)).toFixed(0)} ms;`,
				`${(s.median / physicalLimit * 100).toFixed(1)} % of ${physicalLimit} events/s;`,
				`${throttledIn(all)} throttled responses from the emulator in the ${all.length} all-regions runs (${single.throttled} in the single-region ones), throttling notes on stderr in ${throttleNotes} runs;`,
				`with the emulator's limit off (the client's pacing alone, nothing throttled) one run made ${unthrottled.rate.toFixed(0)} events/s;`,
				`${median(all.map(r => r.lookups))} LookupEvents calls a run; the CLI read ${read} regions and skipped ${notEnabled} opt-in regions as not enabled`,
			].join(' '),
		});
	} finally {
		await emulator.stop();
	}
}
