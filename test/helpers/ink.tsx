// One way to render Ink components in tests: every render and key press goes through act(),
// waits poll with vi.waitFor (never fixed sleeps), and the terminal size can be set and changed.
import type {ReactElement} from 'react';
import {act} from 'react';
import {render as inkRender} from 'ink-testing-library';
import {vi} from 'vitest';

export {keys} from './keys.js';

export type Rendered = ReturnType<typeof inkRender> & {
	/** Types text or a key (see `keys`) and lets React settle. */
	press(input: string): Promise<void>;
	/** Polls until the last frame satisfies `predicate` (a substring or a function). */
	waitForFrame(predicate: string | ((frame: string) => boolean), timeout?: number): Promise<string>;
	resize(columns: number, rows: number): Promise<void>;
	frame(): string;
};

export async function renderInk(tree: ReactElement, size: {columns?: number; rows?: number} = {}): Promise<Rendered> {
	let columns = size.columns ?? 100;
	let rows = size.rows ?? 30;
	let instance!: ReturnType<typeof inkRender>;
	await act(async () => {
		instance = inkRender(tree);
	});
	Object.defineProperty(instance.stdout, 'columns', {get: () => columns, configurable: true});
	Object.defineProperty(instance.stdout, 'rows', {get: () => rows, configurable: true});
	await act(async () => {
		instance.stdout.emit('resize');
	});

	const frame = () => instance.lastFrame() ?? '';
	return Object.assign(instance, {
		frame,
		async press(input: string) {
			await act(async () => {
				instance.stdin.write(input);
				// Let Ink's input parser (it waits briefly to tell a lone ESC from a sequence) and effects run.
				await new Promise(resolve => {
					setImmediate(resolve);
				});
			});
		},
		async waitForFrame(predicate: string | ((frame: string) => boolean), timeout = 5000) {
			const test = typeof predicate === 'string' ? (f: string) => f.includes(predicate) : predicate;
			let last = '';
			try {
				await vi.waitFor(
					async () => {
						await act(async () => {
							await new Promise(resolve => {
								setTimeout(resolve, 10);
							});
						});
						last = frame();
						if (!test(last)) {
							throw new Error('frame not ready');
						}
					},
					{timeout, interval: 10},
				);
			} catch {
				throw new Error(`Timed out waiting for frame ${typeof predicate === 'string' ? JSON.stringify(predicate) : ''}. Last frame:\n${last}`);
			}

			return last;
		},
		async resize(newColumns: number, newRows: number) {
			columns = newColumns;
			rows = newRows;
			await act(async () => {
				instance.stdout.emit('resize');
			});
		},
	});
}
