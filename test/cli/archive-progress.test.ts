// What stderr says while an archive query runs: a line about every second at a terminal, only
// the last one into a pipe or a log, and the cost as Athena bills it.
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {archiveProgressReporter, describeArchiveProgress} from '../../source/cli/archive-progress.js';
import type {ArchiveProgress} from '../../source/domain/archive/types.js';

const mb = 2 ** 20;

function stderr(tty: boolean) {
	const stream = Object.assign(new PassThrough(), tty ? {isTTY: true} : {});
	const chunks: string[] = [];
	stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
	return {stream, lines: () => chunks.join('').split('\n').filter(Boolean)};
}

/** Polls as the service makes them: `at` ms after the start, in this state, with these bytes. */
function polls(steps: Array<[at: number, state: ArchiveProgress['state'], bytes: number]>) {
	return steps.map(([at, state, scannedBytes]) => ({at, progress: {queryId: 'q-1', state, elapsedMs: at, scannedBytes}}));
}

async function play(tty: boolean, steps: ReturnType<typeof polls>, stopAt?: number): Promise<string[]> {
	const err = stderr(tty);
	let now = 1_000_000;
	const reporter = archiveProgressReporter({stderr: err.stream, now: () => now});
	for (const step of steps) {
		now = 1_000_000 + step.at;
		reporter.onProgress(step.progress);
	}

	if (stopAt !== undefined) {
		now = 1_000_000 + stopAt;
		reporter.stopped();
		reporter.stopped();
	}

	await new Promise(resolve => {
		setImmediate(resolve);
	});
	return err.lines();
}

const run = polls([
	[0, 'QUEUED', 0],
	[200, 'RUNNING', 0],
	[500, 'RUNNING', 40 * mb],
	[950, 'RUNNING', 80 * mb],
	[1425, 'RUNNING', 100 * mb],
	[2137, 'RUNNING', 110 * mb],
	[3206, 'RUNNING', 120 * mb],
	[4200, 'SUCCEEDED', 120 * mb],
]);

describe('archive progress on stderr', () => {
	it('at a terminal: each new state at once, then a line about every second, and the cost at the end', async () => {
		expect(await play(true, run)).toEqual([
			'trailview: Athena queued 0ms',
			'trailview: Athena running 200ms',
			'trailview: Athena running 1.4s · 100 MB scanned · ≈ $0.0005',
			'trailview: Athena running 3.2s · 120 MB scanned · ≈ $0.0006',
			'trailview: Athena finished in 4.2s · 120 MB scanned · ≈ $0.0006',
		]);
	});

	it('into a pipe or a log: only the last line', async () => {
		expect(await play(false, run)).toEqual(['trailview: Athena finished in 4.2s · 120 MB scanned · ≈ $0.0006']);
	});

	it('says what a query stopped here (Ctrl+C) had scanned and cost, once', async () => {
		expect(await play(false, run.slice(0, 4), 1800)).toEqual(['trailview: Athena query stopped after 1.8s · 80.0 MB scanned · ≈ $0.0004']);
	});

	it('leaves a failure to the error line (Athena bills nothing for it)', async () => {
		expect(await play(false, polls([[0, 'QUEUED', 0], [300, 'FAILED', 0]]), 400)).toEqual([]);
	});

	it('shows the 10 MB minimum Athena bills for a finished query that scanned nothing', () => {
		expect(describeArchiveProgress({state: 'SUCCEEDED', elapsedMs: 512, scannedBytes: 0})).toBe('trailview: Athena finished in 512ms · 0 B scanned · ≈ $0.00005');
		expect(describeArchiveProgress({state: 'CANCELLED', elapsedMs: 65_000, scannedBytes: 3 * 2 ** 40})).toBe('trailview: Athena query was stopped after 1m 5s · 3.00 TB scanned · ≈ $15.00');
	});
});
