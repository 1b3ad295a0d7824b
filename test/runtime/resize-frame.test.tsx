// A resize draws the screen at the new size straight away: Ink's own resize handler redraws the
// tree it has, so a size held in React state must change before that redraw, or the terminal gets
// one frame laid out for the old size (40 rows on a 20-row screen scroll the header away).
import {EventEmitter} from 'node:events';
import React from 'react';
import {render, Text, Box} from 'ink';
import {afterEach, describe, expect, test} from 'vitest';
import {FrameWriter} from '../../source/runtime/frame-writer.js';
import {useTerminalSize} from '../../source/hooks/use-terminal-size.js';
import {FakeTerminal, withoutActEnvironment} from '../helpers/real-runtime.js';

function Fixed() {
	return <Text>a screen that does not size itself</Text>;
}

function FullScreen() {
	const {columns, rows} = useTerminalSize();
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Text>{`size ${columns}x${rows}`}</Text>
			{Array.from({length: rows - 1}, (_, row) => (
				<Text key={row}>{`row ${row}`}</Text>
			))}
		</Box>
	);
}

withoutActEnvironment();

let cleanup: (() => void) | undefined;
afterEach(() => {
	cleanup?.();
	cleanup = undefined;
});

async function until(check: () => boolean): Promise<void> {
	for (let tries = 0; tries < 200 && !check(); tries++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}

	expect(check()).toBe(true);
}

function start(element: React.ReactElement): FakeTerminal {
	const terminal = new FakeTerminal(120, 40);
	const frames = new FrameWriter(terminal);
	const stdin = Object.assign(new EventEmitter(), {isTTY: false, setEncoding() {}, resume() {}, pause() {}, ref() {}, unref() {}, read: () => null});
	const instance = render(element, {
		stdout: frames as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		patchConsole: false,
		exitOnCtrlC: false,
		debug: true,
	});
	cleanup = () => {
		instance.unmount();
		frames.dispose();
	};
	return terminal;
}

describe('resize', () => {
	test('every frame drawn after a resize is laid out for the new size', async () => {
		const terminal = start(<FullScreen />);
		await until(() => terminal.written.join('').includes('size 120x40'));
		const before = terminal.written.length;
		terminal.resize(60, 20);
		await until(() => terminal.written.slice(before).join('').includes('size 60x20'));
		const after = terminal.written.slice(before).join('');
		expect(after).not.toContain('size 120x40');
		expect(after).not.toContain('row 19');
	});

	test('a screen that does not size itself is still drawn again, whole, after a resize', async () => {
		const terminal = start(<Fixed />);
		await until(() => terminal.written.join('').includes('does not size itself'));
		const before = terminal.written.length;
		terminal.resize(60, 20);
		await until(() => terminal.written.slice(before).join('').includes('does not size itself'));
		expect(terminal.written.slice(before).join('')).toContain('\u001B[2J');
	});
});
