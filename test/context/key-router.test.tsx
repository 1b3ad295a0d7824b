// A key typed the moment a screen appears reaches it. Ink subscribes each useInput in a passive
// effect, which runs a task after the screen's frame is drawn; a key arriving in between found no
// listener and was dropped (q pressed as the main screen appears). Keys go through one router
// that screens join while the frame is committed.
import React, {useEffect, useState} from 'react';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test, vi} from 'vitest';
import {useCommands} from '../../source/hooks/use-commands.js';
import {KeyRouter} from '../../source/context/key-router.js';
import {withoutActEnvironment} from '../helpers/real-runtime.js';

withoutActEnvironment();

let unmount: (() => void) | undefined;
afterEach(() => {
	unmount?.();
	unmount = undefined;
});

function Main({onQuit}: {onQuit: () => void}) {
	useCommands([{commands: ['quit'], run: onQuit}], true);
	return <Text>main screen</Text>;
}

/** Shows the main screen once something other than a key (an answer from AWS) says so. */
function Loading({onQuit}: {onQuit: () => void}) {
	const [ready, setReady] = useState(false);
	useEffect(() => {
		const timer = setTimeout(() => {
			setReady(true);
		}, 20);
		return () => {
			clearTimeout(timer);
		};
	}, []);
	return ready ? <Main onQuit={onQuit} /> : <Text>loading</Text>;
}

/** Renders `tree` and types `key` right after the first frame holding `text`, before the next task. */
function typeAheadOf(tree: React.ReactElement, text: string, key: string) {
	const instance = render(tree);
	unmount = instance.unmount;
	const write = instance.stdout.write;
	let typed = false;
	instance.stdout.write = (frame: string) => {
		write(frame);
		if (!typed && frame.includes(text)) {
			typed = true;
			// Data from the terminal comes in a later event, never inside the commit that drew the
			// frame; a microtask is the earliest it can arrive.
			queueMicrotask(() => {
				instance.stdin.write(key);
			});
		}
	};

	return () => typed;
}

describe('keys typed as a screen appears', () => {
	test('q pressed the instant the main screen is drawn quits', async () => {
		const onQuit = vi.fn();
		const typed = typeAheadOf(
			<KeyRouter>
				<Loading onQuit={onQuit} />
			</KeyRouter>,
			'main screen',
			'q',
		);
		await vi.waitFor(() => {
			expect(typed()).toBe(true);
		});
		await vi.waitFor(() => {
			expect(onQuit).toHaveBeenCalledTimes(1);
		});
	});

	test('the key that switches screens is not seen again by the screen it switches to', async () => {
		const seen: string[] = [];
		function Picker({onPick}: {onPick: () => void}) {
			useCommands([{commands: ['select'], run: onPick}], true);
			return <Text>picker</Text>;
		}

		function Next() {
			useCommands([{commands: ['select'], run: () => seen.push('next')}], true);
			return <Text>next screen</Text>;
		}

		function Flow() {
			const [picked, setPicked] = useState(false);
			return picked ? <Next /> : <Picker onPick={() => {
				seen.push('picker');
				setPicked(true);
			}} />;
		}

		const instance = render(
			<KeyRouter>
				<Flow />
			</KeyRouter>,
		);
		unmount = instance.unmount;
		await vi.waitFor(() => {
			expect(instance.lastFrame()).toContain('picker');
		});
		instance.stdin.write('\r');
		await vi.waitFor(() => {
			expect(instance.lastFrame()).toContain('next screen');
		});
		expect(seen).toEqual(['picker']);
		instance.stdin.write('\r');
		await vi.waitFor(() => {
			expect(seen).toEqual(['picker', 'next']);
		});
	});
});
