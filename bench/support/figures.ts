// What every figure shares: the record of figures, medians and percentiles.

export const runs = Number(process.env['BENCH_RUNS'] ?? 5);

export type Figure = {
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

export const figures: Figure[] = [];

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function stats(values: number[]) {
	return {median: median(values), p95: percentile(values, 95), min: Math.min(...values), max: Math.max(...values), runs: values.length};
}

export function record(figure: Figure): void {
	figures.push(figure);
	const extra = figure.baseline ? `  baseline ${figure.baseline.what} ${figure.baseline.median.toFixed(1)}  ratio ${figure.ratio?.toFixed(2)}` : '';
	console.error(`  ${figure.figure}: median ${figure.median.toFixed(1)} ${figure.unit}${extra}`);
}
