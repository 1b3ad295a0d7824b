// The frame writer puts only changed lines on the terminal, by absolute row, so a cursor move
// costs two rows and nothing can drift; a resize draws the next frame whole.
import xtermHeadless from '@xterm/headless';
import {describe, expect, test} from 'vitest';
import {controls, frameUpdate} from '../../source/runtime/frame-diff.js';
import {FrameWriter} from '../../source/runtime/frame-writer.js';
import {FakeTerminal} from '../helpers/real-runtime.js';

const {Terminal} = xtermHeadless;

function frameOf(...lines: string[]): string {
	return lines.join('\n');
}

/** Feeds what the writer wrote into a headless xterm and reads the screen back. */
async function screenAfter(writes: string[], cols: number, rows: number): Promise<string[]> {
	const terminal = new Terminal({cols, rows, allowProposedApi: true});
	for (const text of writes) {
		await new Promise<void>(resolve => {
			terminal.write(text, resolve);
		});
	}

	const buffer = terminal.buffer.active;
	return Array.from({length: rows}, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
}

describe('frameUpdate', () => {
	test('the first frame clears the screen and draws every line', () => {
		const update = frameUpdate(undefined, frameOf('one', 'two', 'three'), 10);
		expect(update.output).toContain(controls.clearScreen);
		expect(update.output).toContain('one');
		expect(update.output).toContain('three');
		expect(update.changed).toBe(3);
	});

	test('a frame that moves a highlight rewrites only the two rows involved', () => {
		const before = frameOf('header', '> a', '  b', '  c', 'footer');
		const after = frameOf('header', '  a', '> b', '  c', 'footer');
		const first = frameUpdate(undefined, before, 10);
		const update = frameUpdate(first.screen, after, 10);
		expect(update.changed).toBe(2);
		expect(update.output).not.toContain('header');
		expect(update.output).not.toContain('footer');
		expect(update.output).not.toContain(controls.clearScreen);
	});

	test('an identical frame writes nothing', () => {
		const first = frameUpdate(undefined, frameOf('a', 'b'), 10);
		expect(frameUpdate(first.screen, frameOf('a', 'b'), 10)).toEqual({screen: ['a', 'b'], output: '', changed: 0});
	});

	test('a shorter frame blanks the rows it no longer uses', async () => {
		const first = frameUpdate(undefined, frameOf('a', 'b', 'c'), 5);
		const second = frameUpdate(first.screen, frameOf('a'), 5);
		expect(await screenAfter([first.output, second.output], 10, 5)).toEqual(['a', '', '', '', '']);
	});

	test('lines past the last row are not written, so the screen never scrolls', async () => {
		const update = frameUpdate(undefined, frameOf('1', '2', '3', '4', '5'), 3);
		expect(update.screen).toEqual(['1', '2', '3']);
		expect(await screenAfter([update.output], 5, 3)).toEqual(['1', '2', '3']);
	});

	test('a line that fills the last column keeps its last cell, and a too-wide one stays on its row (the last cell takes what overflows)', async () => {
		const first = frameUpdate(undefined, frameOf('abcde', 'x'), 3);
		const second = frameUpdate(first.screen, frameOf('ABCDE', 'toolongline', 'z'), 3);
		expect(await screenAfter([first.output, second.output], 5, 3)).toEqual(['ABCDE', 'toole', 'z']);
	});

	test('many frames in a row land exactly where a full redraw would put them', async () => {
		const frames = Array.from({length: 30}, (_, n) => frameOf('title', ...Array.from({length: 8}, (_, row) => (row === n % 8 ? `> row ${row} ${n}` : `  row ${row}`)), `footer ${n}`));
		const writes: string[] = [];
		let screen: string[] | undefined;
		for (const frame of frames) {
			const update = frameUpdate(screen, frame, 12);
			screen = update.screen;
			writes.push(update.output);
		}

		const expected = await screenAfter([frameUpdate(undefined, frames.at(-1)!, 12).output], 40, 12);
		expect(await screenAfter(writes, 40, 12)).toEqual(expected);
	});
});

describe('FrameWriter', () => {
	test('stands in for the terminal: its size, and one write per changed frame', () => {
		const terminal = new FakeTerminal(80, 24);
		const writer = new FrameWriter(terminal);
		expect(writer.columns).toBe(80);
		expect(writer.rows).toBe(24);
		writer.write(frameOf('a', 'b'));
		writer.write(frameOf('a', 'b'));
		writer.write(frameOf('a', 'c'));
		expect(terminal.written).toHaveLength(2);
		expect(terminal.written[0]).toContain(controls.hideCursor);
		expect(terminal.written[1]).not.toContain(controls.hideCursor);
		expect(terminal.written[1]).not.toContain(controls.clearScreen);
	});

	test('a resize draws the next frame whole, then goes back to changed lines', () => {
		const terminal = new FakeTerminal(80, 24);
		const writer = new FrameWriter(terminal);
		let resized = 0;
		writer.on('resize', () => {
			resized++;
		});
		writer.write(frameOf('a', 'b'));
		terminal.rows = 10;
		terminal.emit('resize');
		expect(resized).toBe(1);
		expect(writer.rows).toBe(10);
		writer.write(frameOf('a', 'b'));
		expect(terminal.written[1]).toContain(controls.clearScreen);
		writer.write(frameOf('a', 'B'));
		expect(terminal.written[2]).not.toContain(controls.clearScreen);
		writer.dispose();
		terminal.emit('resize');
		expect(resized).toBe(1);
	});
});
