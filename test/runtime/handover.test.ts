import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {createTerminalHandover} from '../../source/runtime/handover.js';
import {sequences} from '../../source/runtime/terminal.js';

class FakeStdin extends EventEmitter {
	isTTY = true;
	isRaw = true;
	paused = false;
	setRawMode(mode: boolean) {
		this.isRaw = mode;
	}

	pause() {
		this.paused = true;
		return this;
	}

	resume() {
		this.paused = false;
		return this;
	}
}

describe('terminal handover', () => {
	it('gives the child a cooked, unread terminal off the alternate screen, then takes it back and redraws', async () => {
		const stdin = new FakeStdin();
		const reader = () => undefined;
		stdin.on('readable', reader);
		const written: string[] = [];
		let redraws = 0;
		let held = 0;
		const handover = createTerminalHandover({
			stdin: stdin as unknown as Parameters<typeof createTerminalHandover>[0]['stdin'],
			write: text => written.push(text),
			redraw() {
				redraws++;
			},
			holdInterrupts() {
				held++;
				return () => {
					held--;
				};
			},
		});

		const seen = await handover.run(async () => ({raw: stdin.isRaw, readers: stdin.listenerCount('readable'), paused: stdin.paused, held, written: [...written]}));
		expect(seen).toEqual({raw: false, readers: 0, paused: true, held: 1, written: [sequences.leaveAltScreen + sequences.showCursor]});
		expect(written.at(-1)).toBe(sequences.enterAltScreen + sequences.clearAndHome);
		expect(stdin.isRaw).toBe(true);
		expect(stdin.listeners('readable')).toEqual([reader]);
		expect(stdin.paused).toBe(false);
		expect(redraws).toBe(1);
		// Interrupts stay held until queued signals (a Ctrl+C typed for the child) are delivered.
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		expect(held).toBe(0);
	});
});
