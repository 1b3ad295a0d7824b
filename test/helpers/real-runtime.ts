// For tests that drive Ink's own scheduling and terminal handling, as the real CLI does: a fake
// terminal that records writes, and React's act() environment switched off for the file.
import {EventEmitter} from 'node:events';
import {afterAll, beforeAll} from 'vitest';

/** A terminal that keeps every write and can be resized (emit 'resize' after changing the size). */
export class FakeTerminal extends EventEmitter {
	written: string[] = [];
	constructor(public columns: number, public rows: number) {
		super();
	}

	write(text: string): boolean {
		this.written.push(text);
		return true;
	}

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

/**
 * No act() in this file: act() queues React's work until its scope ends (and flushes effects
 * then), which would change the very ordering these tests are about. The production runtime has
 * no act() either.
 */
export function withoutActEnvironment(): void {
	const environment = globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean};
	beforeAll(() => {
		environment.IS_REACT_ACT_ENVIRONMENT = false;
	});
	afterAll(() => {
		environment.IS_REACT_ACT_ENVIRONMENT = true;
	});
}
