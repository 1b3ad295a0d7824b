// A screen's keys as data: which commands it handles, the footer hint each shows (if any), and
// what each does. One declaration feeds the input handler, the footer and the `?` help, so a hint
// cannot exist without its handler, and a handler is listed in the help.
import {useCallback, useRef} from 'react';
import {useInput, type Key} from 'ink';
import {useRoutedKeys} from '../context/key-router.js';
import {commandFor, keymap, type Command, type KeyBinding} from '../keymap.js';
import {joinSafe, safe, type SafeText} from '../lib/sanitize.js';

export type CommandSpec = {
	commands: readonly Command[];
	/** Shown in the footer after the commands' keys ("↑/k ↓/j move"); no hint, not in the footer. */
	hint?: SafeText;
	/** Runs for a key of any of `commands`; `input` is the text typed (filter typing needs it). */
	run(command: Command, input: string): void;
};

type KeyFlags = Parameters<typeof commandFor>[2];

/** The keys Ink reports for each of these characters when it arrives alone. */
const controlKeys: Record<string, KeyFlags> = {'\r': {return: true}, '\t': {tab: true}, '\b': {backspace: true}, '\u007F': {delete: true}, '\n': {}};

/**
 * Text and Enter, Tab or Backspace that arrive in one read ("user:alice⏎" pasted, sent by tmux, or
 * typed while a frame was drawing) reach useInput as one input that no binding matches, and would
 * be lost. Taken apart, each piece is what Ink reports when it arrives alone. Escape sequences are
 * split by Ink itself, so input holding one is left as it is.
 */
export function splitKeys(input: string, key: KeyFlags): Array<[string, KeyFlags]> {
	if (input.length < 2 || input.includes('\u001B') || !/[\r\n\t\b\u007F]/.test(input)) {
		return [[input, key]];
	}

	return input
		.split(/([\r\n\t\b\u007F])/)
		.filter(piece => piece !== '')
		.map(piece => (piece in controlKeys ? ['', controlKeys[piece]!] : [piece, {}]));
}

/**
 * The first spec (and its command) that a key press triggers. Typed text (a `printable` binding)
 * is whatever no other command of the screen claims, wherever its spec stands in the list.
 */
export function specFor(specs: readonly CommandSpec[], input: string, key: KeyFlags): [CommandSpec, Command] | undefined {
	for (const printable of [false, true]) {
		for (const spec of specs) {
			const commands = spec.commands.filter(command => (keymap[command] as KeyBinding).printable === true ? printable : !printable);
			const command = commandFor(commands, input, key);
			if (command) {
				return [spec, command];
			}
		}
	}

	return undefined;
}

/** Runs the handler of the first spec a key press triggers. Earlier specs win over later ones. */
export function useCommands(specs: readonly CommandSpec[], isActive: boolean): void {
	// Handlers close over this render's props; keys use the newest ones without re-subscribing.
	const current = useRef(specs);
	current.current = specs;
	const handle = useCallback((input: string, key: Key) => {
		for (const [piece, flags] of splitKeys(input, key)) {
			const found = specFor(current.current, piece, flags);
			found?.[0].run(found[1], piece);
		}
	}, []);
	// Through the app's key router (context/key-router.tsx), which a screen joins as it is drawn;
	// a component rendered on its own listens through Ink directly.
	const routed = useRoutedKeys(handle, isActive);
	useInput(handle, {isActive: isActive && !routed});
}

export type FooterHint = {commands: readonly Command[]; hint: SafeText};

/** The footer's hints: the specs that have one, in order. */
export function hintsOf(specs: readonly CommandSpec[]): FooterHint[] {
	return specs.flatMap(spec => (spec.hint ? [{commands: spec.commands, hint: spec.hint}] : []));
}

/** "↑/k ↓/j move · Enter details": labels from the keymap, words from the specs. */
export function hintsText(hints: readonly FooterHint[]): SafeText {
	return joinSafe(
		hints.map(({commands, hint}) => {
			const bindings: KeyBinding[] = commands.map(command => keymap[command]);
			// Short labels are single symbols ("↑↓ move"); full ones are spaced ("↑/k ↓/j move").
			const short = bindings.every(binding => binding.short !== undefined);
			return safe`${joinSafe(bindings.map(binding => binding.short ?? binding.label), short ? safe`` : safe` `)} ${hint}`;
		}),
		safe` · `,
	);
}
