// What a script says on stderr while Athena (or CloudTrail Lake) runs its query: the state, the
// time since it started, the data scanned and what that costs (both bill by the byte). At a terminal a line about every
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

/** Which service runs the query: each names itself and bills in its own way. */
export type QueryService = 'Athena' | 'Lake';

/** Lake bills $0.005 per GB scanned, with no per-query minimum (Athena's is 10 MB). */
const lakeUsdPerByte = 0.005 / 2 ** 30;

function cost(bytes: number, service: QueryService): string {
	const usd = service === 'Lake' ? Math.max(0, bytes) * lakeUsdPerByte : estimateCostUsd(bytes);
	return `${formatScanned(bytes)} scanned · ≈ ${formatCostUsd(usd)}`;
}

/**
 * `trailview: Athena running 4.2s · 120 MB scanned · ≈ $0.0006`. Until Athena reports bytes a
 * price would only be its 10 MB minimum, so a running query shows none; a finished one always
 * does (the minimum is billed even for a query that scanned nothing).
 */
export function describeArchiveProgress(progress: Pick<ArchiveProgress, 'state' | 'elapsedMs' | 'scannedBytes'>, stoppedHere = false, service: QueryService = 'Athena'): string {
	const elapsed = formatDuration(progress.elapsedMs);
	if (stoppedHere) {
		return `trailview: ${service} query stopped after ${elapsed} · ${cost(progress.scannedBytes, service)}`;
	}

	switch (progress.state) {
		case 'QUEUED':
		case 'RUNNING': {
			const scanned = progress.scannedBytes > 0 ? ` · ${cost(progress.scannedBytes, service)}` : '';
			return `trailview: ${service} ${progress.state.toLowerCase()} ${elapsed}${scanned}`;
		}

		case 'SUCCEEDED': {
			return `trailview: ${service} finished in ${elapsed} · ${cost(progress.scannedBytes, service)}`;
		}

		case 'FAILED': {
			// Neither Athena nor Lake bills a failed query.
			return `trailview: ${service} query failed after ${elapsed}`;
		}

		case 'CANCELLED': {
			return `trailview: ${service} query was stopped after ${elapsed} · ${cost(progress.scannedBytes, service)}`;
		}
	}
}

export function archiveProgressReporter(options: {stderr: NodeJS.WritableStream & {isTTY?: boolean}; now?: () => number; intervalMs?: number; service?: QueryService}): ArchiveProgressReporter {
	const {stderr} = options;
	const service = options.service ?? 'Athena';
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
					write(describeArchiveProgress(progress, false, service));
				}

				return;
			}

			if (tty && (changed || lastLineAt === undefined || at - lastLineAt >= intervalMs)) {
				lastLineAt = at;
				write(describeArchiveProgress(progress, false, service));
			}
		},
		stopped() {
			if (finished || last === undefined) {
				return;
			}

			finished = true;
			write(describeArchiveProgress({...last, elapsedMs: now() - (startedAt ?? now())}, true, service));
		},
	};
}
