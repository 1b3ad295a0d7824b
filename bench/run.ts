// `npm run bench`: trailview's speed and memory, each against a baseline measured in the same run.
// Figures are medians of several runs after a warm-up; nothing here is asserted, only reported
// (machines are noisy). Writes bench/results.json and, with --update-readme, the README table.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import * as pty from '@lydell/node-pty';
import {startEmulator, type Emulator} from '../source/emulator/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli.js');
const runs = Number(process.env['BENCH_RUNS'] ?? 5);

type Figure = {
	id: string;
	figure: string;
	unit: string;
	median: number;
	p95?: number;
	min: number;
	max: number;
	runs: number;
	target?: string;
	met?: boolean;
	baseline?: {what: string; median: number};
	/** figure / baseline (for times: how many times the baseline it takes). */
	ratio?: number;
	note?: string;
};

const figures: Figure[] = [];

// ---------------------------------------------------------------- helpers

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stats(values: number[]) {
	return {median: median(values), p95: percentile(values, 95), min: Math.min(...values), max: Math.max(...values), runs: values.length};
}

const tmp = mkdtempSync(path.join(tmpdir(), 'trailview-bench-'));
process.on('exit', () => {
	rmSync(tmp, {recursive: true, force: true});
});

/** A config dir whose `bench` profile holds the static keys of an emulator account. */
function awsFiles(emulator: Emulator, accountLabel = 'demo-prod'): Record<string, string> {
	const account = emulator.accounts.find(a => a.label === accountLabel)!;
	const dir = mkdtempSync(path.join(tmp, 'aws-'));
	writeFileSync(path.join(dir, 'config'), '[profile bench]\nregion = us-east-1\n[profile other]\nregion = eu-west-1\n');
	writeFileSync(
		path.join(dir, 'credentials'),
		`[bench]\naws_access_key_id = ${account.accessKeyId}\naws_secret_access_key = ${account.secretAccessKey}\n[other]\naws_access_key_id = ${account.accessKeyId}\naws_secret_access_key = ${account.secretAccessKey}\n`,
	);
	return {
		AWS_CONFIG_FILE: path.join(dir, 'config'),
		AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
		AWS_ACCESS_KEY_ID: account.accessKeyId,
		AWS_SECRET_ACCESS_KEY: account.secretAccessKey,
	};
}

function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
	return {
		PATH: process.env['PATH'] ?? '/usr/bin:/bin',
		HOME: tmp,
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		AWS_CONFIG_FILE: '/nonexistent',
		AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
		AWS_EC2_METADATA_DISABLED: 'true',
		...extra,
	};
}

/** Strips escape sequences so the accumulated output can be searched as text. */
function plain(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(\u0007|\u001B\\)|\u001B[()][0-9A-B]|\u001B[=>78]/g, '');
}

type PtyRun = {
	child: pty.IPty;
	startedAt: number;
	/** Resolves with ms from spawn when the (plain) output matches. */
	when(match: RegExp, timeoutMs?: number): Promise<number>;
	output(): string;
	/**
	 * Writes `data` and resolves with ms until a complete frame arrives whose selected (inverse)
	 * row differs from the one before: a redraw for another reason (the "loaded 12 s ago" clock)
	 * does not count as the key's frame.
	 */
	keyToFrame(data: string, timeoutMs?: number): Promise<number>;
	done: Promise<number>;
};

function spawnPty(args: string[], env: Record<string, string>, size = {cols: 120, rows: 40}): PtyRun {
	const startedAt = performance.now();
	const child = pty.spawn(args[0]!, args.slice(1), {name: 'xterm-256color', ...size, cwd: root, env: baseEnv(env)});
	let out = '';
	let waiters: Array<() => void> = [];
	let chunkListener: (() => void) | undefined;
	child.onData(data => {
		out += data;
		chunkListener?.();
		const current = waiters;
		waiters = [];
		for (const waiter of current) {
			waiter();
		}
	});
	const done = new Promise<number>(resolve => {
		child.onExit(({exitCode}) => {
			resolve(exitCode);
		});
	});
	return {
		child,
		startedAt,
		output: () => out,
		async when(match, timeoutMs = 30_000) {
			const deadline = performance.now() + timeoutMs;
			for (;;) {
				if (match.test(plain(out))) {
					return performance.now() - startedAt;
				}

				if (performance.now() > deadline) {
					throw new Error(`timed out waiting for ${match}; output:\n${plain(out).slice(-2000)}`);
				}

				await new Promise<void>(resolve => {
					waiters.push(resolve);
					setTimeout(resolve, 50);
				});
			}
		},
		async keyToFrame(data, timeoutMs = 5000) {
			const before = selectedRow(out);
			const from = out.length;
			return new Promise<number>((resolve, reject) => {
				const timer = setTimeout(() => {
					chunkListener = undefined;
					reject(new Error('no frame with a moved cursor after key press'));
				}, timeoutMs);
				const sentAt = performance.now();
				chunkListener = () => {
					const after = selectedRow(out.slice(from));
					if (after === undefined || after === before) {
						return;
					}

					chunkListener = undefined;
					clearTimeout(timer);
					resolve(performance.now() - sentAt);
				};

				child.write(data);
			});
		},
		done,
	};
}

/** The text of the inverse-video (selected) row in the last complete frame of `output`. */
function selectedRow(output: string): string | undefined {
	// Ink wraps each frame in a synchronized update; only a finished frame counts.
	const end = output.lastIndexOf('\u001B[?2026l');
	const start = output.lastIndexOf('\u001B[?2026h', end);
	if (end === -1 || start === -1) {
		return undefined;
	}

	const frame = output.slice(start, end);
	const inverse = frame.lastIndexOf('\u001B[7m');
	return inverse === -1 ? undefined : plain(frame.slice(inverse, frame.indexOf('\n', inverse) === -1 ? undefined : frame.indexOf('\n', inverse)));
}

async function kill(run: PtyRun): Promise<void> {
	run.child.kill('SIGTERM');
	await Promise.race([run.done, new Promise(resolve => setTimeout(resolve, 3000))]);
}

async function sleep(ms: number): Promise<void> {
	await new Promise(resolve => setTimeout(resolve, ms));
}

/** Runs a command to completion outside a terminal: wall time, first-stdout time, stdout, stderr. */
async function runProcess(command: string, args: string[], env: Record<string, string>) {
	const startedAt = performance.now();
	const child = spawn(command, args, {cwd: root, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	let firstByteAt: number | undefined;
	child.stdout.on('data', (chunk: Buffer) => {
		firstByteAt ??= performance.now() - startedAt;
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const code = await new Promise<number>(resolve => {
		child.on('close', c => resolve(c ?? -1));
	});
	return {code, wallMs: performance.now() - startedAt, firstByteMs: firstByteAt ?? Number.NaN, stdout, stderr};
}

function record(figure: Figure): void {
	figures.push(figure);
	const extra = figure.baseline ? `  baseline ${figure.baseline.what} ${figure.baseline.median.toFixed(1)}  ratio ${figure.ratio?.toFixed(2)}` : '';
	console.error(`  ${figure.figure}: median ${figure.median.toFixed(1)} ${figure.unit}${extra}`);
}

// Matches a row of the events table: the footer counts loaded events once the first page is in.
const eventsLoaded = /(\d[\d,]*) events? loaded/;

// ---------------------------------------------------------------- 1. start to first frame

async function firstFrame(): Promise<void> {
	console.error('1. start to first frame');
	const emulator = await startEmulator();
	const env = awsFiles(emulator);
	delete env['AWS_ACCESS_KEY_ID'];
	delete env['AWS_SECRET_ACCESS_KEY'];
	try {
		const sample = async (args: string[], match: RegExp) => {
			const run = spawnPty(args, env);
			const ms = await run.when(match);
			await kill(run);
			return ms;
		};

		const app: number[] = [];
		const bare: number[] = [];
		await sample([process.execPath, cli], /trailview/);
		await sample([process.execPath, '-e', 'process.stdout.write("ready")'], /ready/);
		for (let i = 0; i < Math.max(runs, 7); i++) {
			app.push(await sample([process.execPath, cli], /trailview/));
			bare.push(await sample([process.execPath, '-e', 'process.stdout.write("ready")'], /ready/));
		}

		const s = stats(app);
		const b = median(bare);
		record({
			id: 'first-frame',
			figure: 'Start to first frame (profile picker)',
			unit: 'ms',
			...s,
			target: '< 300 ms',
			met: s.median < 300,
			baseline: {what: 'bare node', median: b},
			ratio: s.median / b,
		});
	} finally {
		await emulator.stop();
	}
}

// ---------------------------------------------------------------- 2. start to first event row

async function firstRow(latencyMs: number): Promise<void> {
	console.error(`2. start to first event row, ${latencyMs} ms latency`);
	const emulator = await startEmulator({latencyMs});
	const env = awsFiles(emulator);
	const baselineScript = path.join(root, 'bench/one-page.mjs');
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

		await appOnce();
		await sdkOnce();
		const app: number[] = [];
		const sdk: number[] = [];
		for (let i = 0; i < runs; i++) {
			app.push(await appOnce());
			sdk.push(await sdkOnce());
		}

		const s = stats(app);
		const b = median(sdk);
		record({
			id: `first-row-${latencyMs}ms`,
			figure: `Start to first event row (--profile/--region, ${latencyMs} ms latency)`,
			unit: 'ms',
			...s,
			baseline: {what: 'bare SDK script, one LookupEvents page', median: b},
			ratio: s.median / b,
		});
	} finally {
		await emulator.stop();
	}
}

// ---------------------------------------------------------------- 3. paging throughput

async function throughput(): Promise<void> {
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

// ---------------------------------------------------------------- 4+5. keypress to frame, memory

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

/** Bundles bench/ink-floor.tsx the way the app is bundled, so the baseline pays the same costs. */
async function buildInkFloor(): Promise<string> {
	const {build} = await import('esbuild');
	const outfile = path.join(tmp, 'ink-floor.mjs');
	await build({
		entryPoints: [path.join(root, 'bench/ink-floor.tsx')],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		jsx: 'automatic',
		mainFields: ['module', 'main'],
		define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'},
		alias: {'react-devtools-core': path.join(root, 'scripts/devtools-stub.mjs')},
		banner: {js: "import {createRequire} from 'node:module';const require=createRequire(import.meta.url);"},
		logLevel: 'error',
	});
	return outfile;
}

async function bigTable(): Promise<void> {
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

		const floor = await buildInkFloor();
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

		const d = stats(down);
		const fd = median(floorDown);
		record({
			id: 'key-down',
			figure: 'Keypress to frame, Down, 10,000 events loaded',
			unit: 'ms',
			...d,
			target: '< 16 ms median',
			met: d.median < 16,
			baseline: {what: 'bare Ink app, same 120x40 screen', median: fd},
			ratio: d.median / fd,
			note: `${down.length} presses over ${appRuns} app runs`,
		});
		const p = stats(pageDown);
		const fp = median(floorPageDown);
		record({
			id: 'key-pgdn',
			figure: 'Keypress to frame, PgDn, 10,000 events loaded',
			unit: 'ms',
			...p,
			target: '< 16 ms median',
			met: p.median < 16,
			baseline: {what: 'bare Ink app, same 120x40 screen', median: fp},
			ratio: p.median / fp,
			note: `${pageDown.length} presses over ${appRuns} app runs`,
		});
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

// ---------------------------------------------------------------- 6. jsonl vs the AWS CLI

async function awsCliAvailable(): Promise<boolean> {
	const result = await runProcess('aws', ['--version'], {}).catch(() => undefined);
	return result?.code === 0;
}

async function versusAwsCli(): Promise<void> {
	console.error('6. --output jsonl --limit 1000 vs aws cloudtrail lookup-events --max-items 1000');
	// Rate limit off on both sides: this compares the tools' own overhead, not the service's pace.
	const emulator = await startEmulator({rateLimitPerSecond: false, eventsPerRegion: 10_000});
	const env = {...awsFiles(emulator), TRAILVIEW_LOOKUP_RPS: '1000', AWS_DEFAULT_REGION: 'us-east-1'};
	try {
		const ours = async () => {
			const result = await runProcess(
				process.execPath,
				[cli, '--output', 'jsonl', '--limit', '1000', '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint],
				env,
			);
			if (result.code !== 0 || result.stdout.split('\n').filter(Boolean).length !== 1000) {
				throw new Error(`trailview run failed: ${result.stderr}`);
			}

			return result.wallMs;
		};

		const theirs = async () => {
			const result = await runProcess(
				'aws',
				[
					'--endpoint-url',
					emulator.endpoint,
					'cloudtrail',
					'lookup-events',
					'--region',
					'us-east-1',
					'--lookup-attributes',
					'AttributeKey=ReadOnly,AttributeValue=false',
					'--max-items',
					'1000',
					'--output',
					'json',
				],
				{...env, AWS_PROFILE: 'bench'},
			);
			const count = (JSON.parse(result.stdout) as {Events: unknown[]}).Events.length;
			if (result.code !== 0 || count !== 1000) {
				throw new Error(`aws cli run failed: ${result.stderr}`);
			}

			return result.wallMs;
		};

		const hasAws = await awsCliAvailable();
		await ours();
		if (hasAws) {
			await theirs();
		}

		const a: number[] = [];
		const b: number[] = [];
		for (let i = 0; i < runs; i++) {
			a.push(await ours());
			if (hasAws) {
				b.push(await theirs());
			}
		}

		const s = stats(a);
		record({
			id: 'jsonl-vs-aws-cli',
			figure: '--output jsonl --limit 1000 (wall time)',
			unit: 'ms',
			...s,
			...(hasAws ? {baseline: {what: 'aws cloudtrail lookup-events --max-items 1000', median: median(b)}, ratio: s.median / median(b)} : {}),
			note: hasAws ? 'emulator rate limit off on both sides' : 'AWS CLI not installed: no baseline',
		});
	} finally {
		await emulator.stop();
	}
}

// ---------------------------------------------------------------- report

function fmt(n: number | undefined, unit: string): string {
	if (n === undefined || Number.isNaN(n)) {
		return '–';
	}

	return unit === 'ms' || unit === 'MB' ? n.toFixed(unit === 'MB' ? 1 : 0) : n.toFixed(1);
}

function table(): string {
	const lines = [
		'| figure | median | p95 (min–max) | runs | target | baseline (median) | ratio |',
		'| --- | --- | --- | --- | --- | --- | --- |',
	];
	for (const f of figures) {
		const target = f.target ? `${f.target} ${f.met ? '✓' : '✗'}` : '';
		const baseline = f.baseline ? `${f.baseline.what}: ${fmt(f.baseline.median, f.unit)} ${f.unit}` : '';
		lines.push(
			`| ${f.figure} | ${fmt(f.median, f.unit)} ${f.unit} | ${fmt(f.p95, f.unit)} (${fmt(f.min, f.unit)}–${fmt(f.max, f.unit)}) | ${f.runs} | ${target} | ${baseline} | ${f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`} |`,
		);
	}

	return lines.join('\n');
}

// `--only first-frame,first-row` runs a subset while working on one figure.
const only = process.argv.find(arg => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const steps: Array<[string, () => Promise<void>]> = [
	['first-frame', firstFrame],
	['first-row', async () => {
		await firstRow(0);
		await firstRow(150);
	}],
	['throughput', throughput],
	['big-table', bigTable],
	['aws-cli', versusAwsCli],
];
const started = performance.now();
for (const [name, step] of steps) {
	if (!only || only.includes(name)) {
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
