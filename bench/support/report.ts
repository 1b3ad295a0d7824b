// The bench's report: a markdown table of every figure, with its baseline and ratio.
import {figures} from './figures.js';

function fmt(n: number | undefined, unit: string): string {
	if (n === undefined || Number.isNaN(n)) {
		return '–';
	}

	return unit === 'MB' ? n.toFixed(1) : unit === 'ms' || unit === 'B' || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(1);
}

export function table(): string {
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
