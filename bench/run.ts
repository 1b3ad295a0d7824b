// `npm run bench`: trailview's speed and memory, each against a baseline measured in the same run.
// Figures are medians of several runs after a warm-up; nothing here is asserted, only reported
// (machines are noisy). Each figure lives in bench/figures/; this file runs them and writes
// bench/results.json and, with --update-readme, the README table.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {figures} from './support/figures.js';
import {root} from './support/env.js';
import {table} from './support/report.js';
import {firstFrame} from './figures/first-frame.js';
import {firstRow} from './figures/first-row.js';
import {throughput} from './figures/throughput.js';
import {bigTable} from './figures/big-table.js';
import {versusAwsCli} from './figures/aws-cli.js';
import {redraw} from './figures/redraw.js';
import {firstMatch} from './figures/first-match.js';
import {regroup} from './figures/regroup.js';
import {allRegions} from './figures/all-regions.js';
import {followLatency} from './figures/follow-latency.js';
import {peakRss100k} from './figures/peak-rss-100k.js';
import {archive} from './figures/archive.js';
import {lake} from './figures/lake.js';

// `--only first-frame,first-row` runs a subset while working on one figure; a step that records
// several figures answers to each of their names.
const only = process.argv.find(arg => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const steps: Array<[string | string[], () => Promise<void>]> = [
	[['first-frame', 'profiles-listed'], firstFrame],
	['first-row', async () => {
		await firstRow(0);
		await firstRow(150);
	}],
	['throughput', throughput],
	['big-table', bigTable],
	['redraw', redraw],
	['aws-cli', versusAwsCli],
	['first-match', firstMatch],
	['regroup', regroup],
	[['all-regions', 'all-regions-throughput'], allRegions],
	[['follow-latency', 'follow-latency-screen', 'follow-latency-jsonl'], followLatency],
	['peak-rss-100k', peakRss100k],
	[['archive', 'archive-first-row', 'archive-rows'], archive],
	[['lake', 'lake-first-row', 'lake-rows'], lake],
];
const started = performance.now();
for (const [names, step] of steps) {
	if (!only || [names].flat().some(name => only.includes(name))) {
		await step();
	}
}
const seconds = (performance.now() - started) / 1000;

const machine = `Node ${process.version}, ${(await import('node:os')).cpus().length} cores`;
const output = table();
console.log(output);
for (const f of figures.filter(f => f.note)) {
	console.log(`- ${f.figure}: ${f.note}`);
}

console.log(`\n${machine}; whole benchmark took ${seconds.toFixed(0)} s.`);
// A partial run (--only) must not replace the full record the README is built from.
if (!only) writeFileSync(
	path.join(root, 'bench/results.json'),
	`${JSON.stringify({date: new Date().toISOString(), machine, seconds, figures}, null, 2)}\n`,
);

if (process.argv.includes('--update-readme') && !only) {
	const readmePath = path.join(root, 'README.md');
	const readme = readFileSync(readmePath, 'utf8');
	const block = `<!-- BENCH:START -->\n${output}\n\n${figures
		.filter(f => f.note)
		.map(f => `- ${f.figure}: ${f.note}`)
		.join('\n')}\n\n${machine}, measured ${new Date().toISOString().slice(0, 10)}; the whole run took ${seconds.toFixed(0)} s.\n<!-- BENCH:END -->`;
	writeFileSync(readmePath, readme.replace(/<!-- BENCH:START -->[\s\S]*<!-- BENCH:END -->/, block));
}

process.exit(0);
