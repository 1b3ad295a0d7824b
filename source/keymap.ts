// The one place that says which key does what. Input hooks ask `matches(binding, input, key)`;
// the footer and the `?` help screen read labels from here, so what is shown is what works.
import type {Key} from 'ink';

export type KeyBinding = {
	/** Shown in the footer and the help screen. */
	label: string;
	description: string;
	/** Printable characters that trigger it (case-sensitive). */
	chars?: string[];
	/** Named keys from Ink's Key object. */
	keys?: Array<keyof Key>;
	/** Needs Ctrl held (with `chars`). */
	ctrl?: boolean;
};

export const keymap = {
	quit: {label: 'q', description: 'Quit', chars: ['q']},
	forceQuit: {label: 'Ctrl+C', description: 'Quit from anywhere', chars: ['c'], ctrl: true},
	help: {label: '?', description: 'Show or hide this help', chars: ['?']},
	up: {label: '↑/k', description: 'Move up', chars: ['k'], keys: ['upArrow']},
	down: {label: '↓/j', description: 'Move down', chars: ['j'], keys: ['downArrow']},
	pageUp: {label: 'PgUp', description: 'Page up', keys: ['pageUp']},
	pageDown: {label: 'PgDn', description: 'Page down', keys: ['pageDown']},
	home: {label: 'Home/g', description: 'First row', chars: ['g'], keys: ['home']},
	end: {label: 'End/G', description: 'Last loaded row', chars: ['G'], keys: ['end']},
	select: {label: 'Enter', description: 'Choose / open event details', keys: ['return']},
	back: {label: 'Esc', description: 'Back / close / cancel', keys: ['escape']},
	focusNext: {label: 'Tab', description: 'Focus next pane', keys: ['tab']},
	refresh: {label: 'r', description: 'Refresh trails and events', chars: ['r']},
	toggleUtc: {label: 'u', description: 'Toggle local time / UTC', chars: ['u']},
	switchProfile: {label: 'p', description: 'Switch profile', chars: ['p']},
	switchRegion: {label: 'R', description: 'Switch region', chars: ['R']},
	retry: {label: 'r', description: 'Retry after an error', chars: ['r']},
	// Pickers: every printable key is filter text there (profiles called "qa" or "jenkins" exist),
	// so moving uses keys that never type anything.
	filterType: {label: 'a-z 0-9 …', description: 'Type to filter the list (q, j, k are filter text here)'},
	filterBackspace: {label: 'Backspace', description: 'Delete the last filter character', keys: ['backspace', 'delete']},
	filterClear: {label: 'Esc', description: 'Clear the filter; when empty, go back', keys: ['escape']},
	pickerUp: {label: '↑/Ctrl+P', description: 'Move up', chars: ['p'], ctrl: true, keys: ['upArrow']},
	pickerDown: {label: '↓/Ctrl+N', description: 'Move down', chars: ['n'], ctrl: true, keys: ['downArrow']},
	pickerFirst: {label: 'Home', description: 'First match', keys: ['home']},
	pickerLast: {label: 'End', description: 'Last match', keys: ['end']},
	pick: {label: 'Enter', description: 'Choose the highlighted entry', keys: ['return']},
} as const satisfies Record<string, KeyBinding>;

export type Action = keyof typeof keymap;

// Ink 6.8's Key also carries `eventType` (a string), so flags are read as unknown and compared to true.
type InkKeyFlags = Partial<Record<keyof Key, unknown>>;

export function matches(binding: KeyBinding, input: string, key: InkKeyFlags): boolean {
	if (binding.keys?.some(name => key[name] === true)) {
		// Ink reports Shift+Tab as tab+shift; keep plain Tab distinct.
		return !(binding.keys.includes('tab') && key.shift === true);
	}

	if (!binding.chars) {
		return false;
	}

	if ((binding.ctrl ?? false) !== (key.ctrl === true)) {
		return false;
	}

	return binding.chars.includes(input);
}

/** The first action in `actions` that the key press triggers, if any. */
export function actionFor<A extends Action>(actions: readonly A[], input: string, key: InkKeyFlags): A | undefined {
	return actions.find(action => matches(keymap[action], input, key));
}
