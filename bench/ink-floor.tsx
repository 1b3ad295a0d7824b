// Baseline for "keypress to frame": the least an Ink app can do for the same key press, a
// 120x40 screen of styled rows whose highlighted row moves on Down/PgDn. What trailview spends
// beyond this is its own; this much is Ink's render and the frame writer on this machine.
import React, {useState} from 'react';
import {Box, Text, render, useInput} from 'ink';
import {FrameWriter} from '../source/runtime/frame-writer.js';

const rows = Array.from({length: 36}, (_, index) =>
	`  2026-11-24 05:03:${String(index).padStart(2, '0')} StopInstances  jane.doe@example.com  ec2  i-0bcf7680bc594008b  198.51.100.12`.padEnd(118),
);

function Floor() {
	const [cursor, setCursor] = useState(0);
	useInput((_input, key) => {
		if (key.downArrow) {
			setCursor(current => (current + 1) % rows.length);
		} else if (key.pageDown) {
			setCursor(current => (current + 10) % rows.length);
		}
	});
	return (
		<Box flexDirection="column" height={40}>
			<Text bold color="cyan">
				trailview baseline
			</Text>
			<Text dimColor>header</Text>
			{rows.map((row, index) => (
				<Text key={row} inverse={index === cursor} color={index % 5 === 0 ? 'red' : undefined}>
					{row}
				</Text>
			))}
			<Text>footer</Text>
		</Box>
	);
}

process.stdout.write('\u001B[?1049h');
// The same render options as trailview (source/runtime/interactive.ts), so the baseline is Ink's
// cost with the same writer, not a different renderer.
render(<Floor />, {stdout: new FrameWriter(process.stdout) as unknown as NodeJS.WriteStream, patchConsole: false, debug: true});
