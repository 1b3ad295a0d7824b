import {performance} from 'node:perf_hooks';
import {startEmulator} from '../../source/emulator/index.js';
import {awsFiles, cli, eventsLoaded, sleep} from '../support/env.js';
import {kill, plain, spawnPty} from '../support/pty-run.js';
const emulator = await startEmulator({eventsPerRegion: 31_000, rateLimitPerSecond: false});
const env = {...awsFiles(emulator), TRAILVIEW_LOOKUP_RPS: '1000'};
const key = process.env.KEY === 'down' ? '\u001B[B' : '\u001B[6~';
const run = spawnPty([process.execPath, '--cpu-prof', '--cpu-prof-dir=/tmp/pgprof', cli, '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env);
await run.when(eventsLoaded);
let loaded = 0;
while (loaded < 10_000) {
	run.child.write('G');
	await sleep(40);
	const counts = [...plain(run.output()).matchAll(/(\d[\d,]*) events? loaded/g)];
	loaded = Number(counts.at(-1)?.[1]?.replaceAll(',', '') ?? 0);
}
run.child.write('g');
await sleep(1500);
const t0 = performance.now();
const samples: number[] = [];
for (let i = 0; i < 60; i++) { samples.push(await run.keyToFrame(key)); await sleep(60); }
const phase = performance.now() - t0;
samples.sort((a, b) => a - b);
console.log('median', samples[30]!.toFixed(1), 'phase ms', Math.round(phase));
run.child.write('q');
await run.done;
await emulator.stop();
