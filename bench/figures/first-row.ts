// Spawn with --profile/--region to the first event row, against a bare SDK script that fetches one
// page, and against the least an Ink app can do for the same page (bench/ink-sdk-floor.tsx).
import path from 'node:path';
import {startEmulator} from '../../source/emulator/index.js';
import {median, record, runs, stats} from '../support/figures.js';
import {awsFiles, cli, eventsLoaded, root, runProcess, sleep} from '../support/env.js';
import {kill, spawnPty} from '../support/pty-run.js';
import {bundleInkBaseline} from '../support/bundle.js';

export async function firstRow(latencyMs: number): Promise<void> {
	console.error(`2. start to first event row, ${latencyMs} ms latency`);
	const emulator = await startEmulator({latencyMs});
	const env = awsFiles(emulator);
	const baselineScript = path.join(root, 'bench/one-page.mjs');
	const floorScript = await bundleInkBaseline('ink-sdk-floor');
	try {
		const appOnce = async () => {
			const run = spawnPty([process.execPath, cli, '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env);
			const ms = await run.when(eventsLoaded);
			await kill(run);
			// Keep the emulator's 2 calls/s budget from carrying one run's calls into the next.
			await sleep(1100);
			return ms;
		};

		const sdkOnce = async () => {
			const result = await runProcess(process.execPath, [baselineScript, emulator.endpoint], env);
			if (result.code !== 0) {
				throw new Error(`baseline failed: ${result.stderr}`);
			}

			await sleep(600);
			return result.wallMs;
		};

		const floorOnce = async () => {
			const run = spawnPty([process.execPath, floorScript, emulator.endpoint], env);
			const ms = await run.when(eventsLoaded);
			await kill(run);
			await sleep(1100);
			return ms;
		};

		await appOnce();
		await sdkOnce();
		await floorOnce();
		const app: number[] = [];
		const sdk: number[] = [];
		const floor: number[] = [];
		for (let i = 0; i < runs; i++) {
			app.push(await appOnce());
			sdk.push(await sdkOnce());
			floor.push(await floorOnce());
		}

		const s = stats(app);
		const b = median(sdk);
		const f = stats(floor);
		// Identity, trails and the first page go out together; what is left over the bare script is
		// startup and drawing, which weigh less the longer the round trip.
		const target = latencyMs >= 150 ? 1.3 : 1.5;
		record({
			id: `first-row-${latencyMs}ms`,
			figure: `Start to first event row (--profile/--region, ${latencyMs} ms latency)`,
			unit: 'ms',
			...s,
			target: `<= ${target}× bare SDK script`,
			met: s.median / b <= target,
			baseline: {what: 'bare SDK script, one LookupEvents page', median: b},
			ratio: s.median / b,
			note: `${(s.median / f.median).toFixed(2)}× the bundled Ink app that shows the same page (${f.median.toFixed(0)} ms)`,
		});
		record({
			id: `first-row-floor-${latencyMs}ms`,
			figure: `Bundled Ink app + SDK to the same first row (${latencyMs} ms latency): the floor under the target`,
			unit: 'ms',
			...f,
			baseline: {what: 'bare SDK script, one LookupEvents page', median: b},
			ratio: f.median / b,
		});
	} finally {
		await emulator.stop();
	}
}
