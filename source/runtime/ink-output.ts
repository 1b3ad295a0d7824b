// Ink's Output (ink/build/output.js), which turns a laid-out tree into the frame's text, with its
// rows remembered across frames. Ink builds every frame from scratch: an object per terminal cell
// (4,800 at 120x40), every text cut into styled characters and joined back into a string. A key
// press that moves the cursor changes two rows, yet the other 38 cost the same again; with 10,000
// events loaded that work and the garbage it leaves was most of a Down's 22 ms (bench big-table).
// Here the writes that land on each row are collected first, and a row whose writes match one
// drawn before reuses its text. Rows are independent (a write's lines each stay on their row), so
// the frame is the same, character for character (test/runtime/ink-output.test.ts compares it
// with Ink's own on random trees). The build puts this in place of Ink's file (scripts/build.mjs).
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar} from '@alcalzone/ansi-tokenize';

type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Transformer = (line: string, index: number) => string;
type Operation = {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]} | {type: 'clip'; clip: Clip} | {type: 'unclip'};

/**
 * A row's text by its width and writes, and text widths, each cleared when full (as the build
 * bounds Ink's own caches). Twelve frames of rows are plenty for a cursor moving about a page;
 * more only holds on to rows scrolled away, and peak memory with 100,000 events is already over
 * its target (README, "Row limit").
 */
const rows = new Map<string, string>();
const rowLimit = 500;
const widths = new Map<string, number>();
const widthLimit = 2000;

function widthOf(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		if (widths.size >= widthLimit) {
			widths.clear();
		}

		width = stringWidth(text);
		widths.set(text, width);
	}

	return width;
}

function widestLine(text: string): number {
	let widest = 0;
	for (const line of text.split('\n')) {
		widest = Math.max(widest, widthOf(line));
	}

	return widest;
}

const blank: StyledChar = {type: 'char', value: ' ', fullWidth: false, styles: []};

/** What Ink's grid holds for one row after these writes, as text. */
function paintRow(width: number, writes: ReadonlyArray<readonly [number, string]>): string {
	const cells: Array<StyledChar | undefined> = Array.from({length: width}, () => blank);
	for (const [x, line] of writes) {
		let offsetX = x;
		for (const character of styledCharsFromTokens(tokenize(line))) {
			cells[offsetX] = character;
			const characterWidth = Math.max(1, widthOf(character.value));
			for (let index = 1; index < characterWidth; index++) {
				cells[offsetX + index] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
			}

			offsetX += characterWidth;
		}
	}

	return styledCharsToString(cells.filter((cell): cell is StyledChar => cell !== undefined)).trimEnd();
}

function rowText(width: number, writes: ReadonlyArray<readonly [number, string]>): string {
	if (writes.length === 0) {
		return '';
	}

	// Lines hold no newline and x is a number before the tab, so the key cannot be ambiguous.
	const key = `${width}\n${writes.map(([x, line]) => `${x}\t${line}`).join('\n')}`;
	let text = rows.get(key);
	if (text === undefined) {
		if (rows.size >= rowLimit) {
			rows.clear();
		}

		text = paintRow(width, writes);
		rows.set(key, text);
	}

	return text;
}

export default class Output {
	width: number;
	height: number;
	operations: Operation[] = [];

	constructor(options: {width: number; height: number}) {
		this.width = options.width;
		this.height = options.height;
	}

	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void {
		if (!text) {
			return;
		}

		this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const writes: Array<Array<[number, string]>> = Array.from({length: this.height}, () => []);
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') {
				clips.push(operation.clip);
			} else if (operation.type === 'unclip') {
				clips.pop();
			} else {
				this.place(operation, clips.at(-1), writes);
			}
		}

		return {output: writes.map(row => rowText(this.width, row)).join('\n'), height: writes.length};
	}

	/** Ink's clipping and placement, line by line, kept as Ink has them (quirks included). */
	private place(operation: Extract<Operation, {type: 'write'}>, clip: Clip | undefined, writes: Array<Array<[number, string]>>): void {
		const {text, transformers} = operation;
		let {x, y} = operation;
		let lines = text.split('\n');
		if (clip) {
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) {
				return;
			}

			if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) {
				return;
			}

			if (clipHorizontally) {
				const {x1, x2} = clip as {x1: number; x2: number};
				lines = lines.map(line => {
					const from = x < x1 ? x1 - x : 0;
					const width = widthOf(line);
					const to = x + width > x2 ? x2 - x : width;
					return sliceAnsi(line, from, to);
				});
				if (x < x1) {
					x = x1;
				}
			}

			if (clipVertically) {
				const {y1, y2} = clip as {y1: number; y2: number};
				const from = y < y1 ? y1 - y : 0;
				const to = y + lines.length > y2 ? y2 - y : lines.length;
				lines = lines.slice(from, to);
				if (y < y1) {
					y = y1;
				}
			}
		}

		// As in Ink: a line off the grid is skipped without moving on a row, so the lines after it
		// are skipped too.
		let offsetY = 0;
		for (let [index, line] of lines.entries()) {
			const row = writes[y + offsetY];
			if (!row) {
				continue;
			}

			for (const transformer of transformers) {
				line = transformer(line, index);
			}

			row.push([x, line]);
			offsetY++;
		}
	}
}
