// Paging throughput of script output against the service's 2 LookupEvents calls a second.
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {record, runs, stats} from '../support/figures.js';
import {awsFiles, cli, runProcess} from '../support/env.js';

export async function throughput(): Promise<void> {
	console.error('3. paging throughput, 3,000 write events at 2 calls/s');
	// One emulator per run, each with its own 2 calls/s budget, so the runs can go side by side
	// (each is waiting on the rate limit, not on the CPU) and the figure takes ~35 s, not 3 minutes.
	const emulators = await Promise.all(Array.from({length: runs + 1}, async () => startEmulator({eventsPerRegion: 10_000})));
	try {
		const once = async (emulator: Emulator, limit: number) => {
			const env = awsFiles(emulator);
			const result = await runProcess(
				process.execPath,
				[cli, '--output', 'jsonl', '--limit', String(limit), '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint],
				env,
			);
			const lines = result.stdout.split('\n').filter(Boolean).length;
			if (result.code !== 0 || lines !== limit) {
				throw new Error(`throughput run failed (exit ${result.code}, ${lines} lines): ${result.stderr}`);
			}

			return {...result, throttled: emulator.requestCounts()['throttled'] ?? 0};
		};

		await once(emulators[0]!, 100);
		const results = await Promise.all(emulators.slice(1).map(async emulator => once(emulator, 3000)));
		// The first page arrives before the clock starts; the rest is paging at the service's pace.
		const rates = results.map(r => (3000 - 50) / ((r.wallMs - r.firstByteMs) / 1000));
		const throttled = results.reduce((sum, r) => sum + r.throttled, 0);
		const s = stats(rates);
		record({
			id: 'paging-throughput',
			figure: 'Paging throughput, 3,000 write events (--output jsonl)',
			unit: 'events/s',
			...s,
			target: '>= 95 events/s, no throttling error',
			met: s.median >= 95 && results.every(r => r.stderr.trim() === ''),
			baseline: {what: 'physical limit (50/page x 2 pages/s)', median: 100},
			ratio: s.median / 100,
			note: `${throttled} throttled responses from the emulator across all runs; stderr empty in every run: ${results.every(r => r.stderr.trim() === '')}`,
		});
	} finally {
		await Promise.all(emulators.map(async e => e.stop()));
	}
}
