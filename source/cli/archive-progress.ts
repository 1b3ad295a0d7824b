// What a script says on stderr while Athena runs its query: the state, the time since it started,
// the data scanned and what that costs (Athena bills by the byte). At a terminal a line about every
// second, and at once when the state changes; into a pipe or a log only the last line, which says
// what the query cost, so a log is not filled with a line per poll. A failed query's error says
// the rest (and Athena bills nothing for it).
import {estimateCostUsd, formatCostUsd, formatScanned} from '../domain/archive/discovery.js';
import type {ArchiveProgress} from '../domain/archive/types.js';
import {formatDuration} from '../lib/duration.js';
import {report} from '../output/writer.js';

export type ArchiveProgressReporter = {
	onProgress(progress: ArchiveProgress): void;
	/** The query was stopped here (Ctrl+C): its last line, unless one was written. */
	stopped(): void;
};

const finalStates = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

function cost(bytes: number): string {
	return `${formatScanned(bytes)} scanned · ≈ ${formatCostUsd(estimateCostUsd(bytes))}`;
}

/**
 * `trailview: Athena running 4.2s · 120 MB scanned · ≈ $0.0006`. Until Athena reports bytes a
 * price would only be its 10 MB minimum, so a running query shows none; a finished one always
 * does (the minimum is billed even for a query that scanned nothing).
 */
export function describeArchiveProgress(progress: Pick<ArchiveProgress, 'state' | 'elapsedMs' | 'scannedBytes'>, stoppedHere = false): string {
	const elapsed = formatDuration(progress.elapsedMs);
	if (stoppedHere) {
		return `trailview: Athena query stopped after ${elapsed} · ${cost(progress.scannedBytes)}`;
	}

	switch (progress.state) {
		case 'QUEUED':
		case 'RUNNING': {
			const scanned = progress.scannedBytes > 0 ? ` · ${cost(progress.scannedBytes)}` : '';
			return `trailview: Athena ${progress.state.toLowerCase()} ${elapsed}${scanned}`;
		}

		case 'SUCCEEDED': {
			return `trailview: Athena finished in ${elapsed} · ${cost(progress.scannedBytes)}`;
		}

		case 'FAILED': {
			// Athena bills nothing for a failed query.
			return `trailview: Athena query failed after ${elapsed}`;
		}

		case 'CANCELLED': {
			return `trailview: Athena query was stopped after ${elapsed} · ${cost(progress.scannedBytes)}`;
		}
	}
}

export function archiveProgressReporter(options: {stderr: NodeJS.WritableStream & {isTTY?: boolean}; now?: () => number; intervalMs?: number}): ArchiveProgressReporter {
	const {stderr} = options;
	const now = options.now ?? Date.now;
	const intervalMs = options.intervalMs ?? 1000;
	const tty = stderr.isTTY === true;
	let last: ArchiveProgress | undefined;
	let startedAt: number | undefined;
	let lastLineAt: number | undefined;
	let finished = false;
	const write = (line: string) => {
		void report(stderr, [line]);
	};

	return {
		onProgress(progress) {
			const at = now();
			startedAt ??= at - progress.elapsedMs;
			const changed = last?.state !== progress.state;
			last = progress;
			if (finished) {
				return;
			}

			if (finalStates.has(progress.state)) {
				finished = true;
				// A failure is the error line that follows; this one would only repeat it.
				if (progress.state !== 'FAILED') {
					write(describeArchiveProgress(progress));
				}

				return;
			}

			if (tty && (changed || lastLineAt === undefined || at - lastLineAt >= intervalMs)) {
				lastLineAt = at;
				write(describeArchiveProgress(progress));
			}
		},
		stopped() {
			if (finished || last === undefined) {
				return;
			}

			finished = true;
			write(describeArchiveProgress({...last, elapsedMs: now() - (startedAt ?? now())}, true));
		},
	};
}
