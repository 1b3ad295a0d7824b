// Runs the Ink UI on the alternate screen. Ink is told not to patch the console (the capture log
// owns console.*) and to exit on Ctrl+C; every way out goes through the lifecycle, which unmounts
// Ink first and then leaves the alternate screen.
import type {ReactElement} from 'react';
import {render} from 'ink';
import {enterAltScreen} from './terminal.js';
import type {Lifecycle} from './lifecycle.js';

export type InteractiveOptions = {
	element: ReactElement;
	lifecycle: Lifecycle;
	stdout: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
	stderr: NodeJS.WriteStream;
};

export function runInteractive({element, lifecycle, stdout, stdin, stderr}: InteractiveOptions): void {
	const altScreen = enterAltScreen({stdout, stdin});
	lifecycle.onRestoreTerminal(altScreen.leave);
	const instance = render(element, {stdout, stdin, stderr, patchConsole: false, exitOnCtrlC: true});
	// Registered last so it runs first: Ink's final frame must land on the alternate screen.
	lifecycle.onRestoreTerminal(() => {
		instance.unmount();
	});
	instance.waitUntilExit().then(
		async () => lifecycle.shutdown(0),
		async (error: unknown) => lifecycle.fail(error),
	);
}
