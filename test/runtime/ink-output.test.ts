// The row-remembering Output must draw exactly what Ink's own does, for any tree: random writes
// (styled, wide, emoji, off the grid), clips and transformers, drawn by both, compared whole; and
// drawn twice by ours, so the second frame comes from remembered rows.
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import Output from '../../source/runtime/ink-output.js';

type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Transformer = (line: string, index: number) => string;
type OutputLike = {write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void; clip(clip: Clip): void; unclip(): void; get(): {output: string; height: number}};

// Ink's own file, by path: its package exports only the entry point.
const inkOutputPath = fileURLToPath(new URL('../../node_modules/ink/build/output.js', import.meta.url));
const {default: InkOutput} = (await import(inkOutputPath)) as {default: new (options: {width: number; height: number}) => OutputLike};

const esc = '\u001B[';
const piece = fc.constantFrom('plain', 'a', ' ', '  x  ', '山田太郎', '👍', 'é', '2026-11-30 12:00:00', 'ConsoleLogin', '\u200B', 'wide🇯🇵flag');
const style = fc.constantFrom<[string, string]>(['', ''], [`${esc}31m`, `${esc}39m`], [`${esc}7m`, `${esc}27m`], [`${esc}1m`, `${esc}22m`], [`${esc}2m`, `${esc}22m`]);
const styled = fc.tuple(style, piece).map(([[open, close], text]) => `${open}${text}${close}`);
const line = fc.array(styled, {maxLength: 6}).map(parts => parts.join(''));
const text = fc.array(line, {minLength: 1, maxLength: 4}).map(lines => lines.join('\n'));
const transformers = fc.constantFrom<Transformer[]>([], [(value, index) => `${esc}36m${value}${esc}39m${index === 0 ? '' : ''}`], [value => value.toUpperCase()]);
const coordinate = fc.option(fc.integer({min: -3, max: 30}), {nil: undefined});
const operation = fc.oneof(
	fc.record({type: fc.constant('write' as const), x: fc.integer({min: -4, max: 28}), y: fc.integer({min: -3, max: 12}), text, transformers}),
	fc.record({type: fc.constant('clip' as const), clip: fc.record({x1: coordinate, x2: coordinate, y1: coordinate, y2: coordinate})}),
	fc.constant({type: 'unclip' as const}),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function draw(output: OutputLike, operations: Operation[]): string {
	for (const item of operations) {
		if (item.type === 'write') {
			output.write(item.x, item.y, item.text, {transformers: item.transformers});
		} else if (item.type === 'clip') {
			output.clip(item.clip);
		} else {
			output.unclip();
		}
	}

	return output.get().output;
}

describe('Output', () => {
	test('draws what Ink draws, the first time and from remembered rows', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 24}), fc.integer({min: 1, max: 10}), fc.array(operation, {maxLength: 14}), (width, height, operations) => {
				const ink = draw(new InkOutput({width, height}), operations);
				expect(draw(new Output({width, height}), operations)).toBe(ink);
				expect(draw(new Output({width, height}), operations)).toBe(ink);
			}),
			{numRuns: 600},
		);
	});

	test('a row drawn before comes back the same when only another row changed', () => {
		const first = new Output({width: 20, height: 3});
		first.write(0, 0, `${esc}7mcursor row${esc}27m`, {transformers: []});
		first.write(0, 1, 'other row', {transformers: []});
		const second = new Output({width: 20, height: 3});
		second.write(0, 0, 'cursor row', {transformers: []});
		second.write(0, 1, 'other row', {transformers: []});
		expect(first.get().output.split('\n')[1]).toBe('other row');
		expect(second.get().output).toBe('cursor row\nother row\n');
	});
});
