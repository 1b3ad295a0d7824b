// Durations as people type them on a command line (--max-wait 90s) and as messages show them.

const units: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000};

/** "250ms", "90s", "5m", "1h", or a bare number of seconds ("300", "1.5"), in ms; undefined otherwise. */
export function parseDuration(text: string): number | undefined {
	const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
	if (!match) {
		return undefined;
	}

	const ms = Math.round(Number(match[1]) * units[match[2] ?? 's']!);
	return Number.isSafeInteger(ms) ? ms : undefined;
}

/** 300000 → "5m", 90000 → "1m 30s", 1500 → "1.5s", 250 → "250ms". */
export function formatDuration(ms: number): string {
	if (ms < 1000) {
		return `${Math.max(0, Math.round(ms))}ms`;
	}

	if (ms < 60_000) {
		return `${Math.round(ms / 100) / 10}s`;
	}

	const totalSeconds = Math.round(ms / 1000);
	const hours = Math.floor(totalSeconds / 3600);
	const minutes = Math.floor((totalSeconds % 3600) / 60);
	const seconds = totalSeconds % 60;
	return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''].filter(Boolean).join(' ');
}
