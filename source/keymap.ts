// The one place that says which key does what: every key is a named command. Screens declare the
// commands they handle, with their handlers (hooks/use-commands.ts); the footer hints and the `?`
// help are built from those same declarations, so a key is shown only where something handles it.
import type {Key} from 'ink';
import type {Move} from './lib/table-window.js';

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
	/** Any printable text not bound to another command of the same screen (filter typing). */
	printable?: boolean;
	/** A shorter label for footer hints, where space is tight. */
	short?: string;
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
	refresh: {label: 'r', description: 'Refresh trails and events; retry after an error', chars: ['r']},
	toggleUtc: {label: 'u', description: 'Toggle local time / UTC', chars: ['u']},
	switchProfile: {label: 'p', description: 'Switch profile', chars: ['p']},
	switchRegion: {label: 'R', description: 'Switch region', chars: ['R']},
	// Pickers: every printable key is filter text there (profiles called "qa" or "jenkins" exist),
	// so moving uses keys that never type anything.
	filterType: {label: 'a-z 0-9 …', description: 'Type to filter the list (q, j, k are filter text here)', printable: true, short: 'type'},
	filterBackspace: {label: 'Backspace', description: 'Delete the last filter character', keys: ['backspace', 'delete']},
	filterClear: {label: 'Esc', description: 'Clear the filter; when empty, go back', keys: ['escape']},
	pickerUp: {label: '↑/Ctrl+P', description: 'Move up', chars: ['p'], ctrl: true, keys: ['upArrow'], short: '↑'},
	pickerDown: {label: '↓/Ctrl+N', description: 'Move down', chars: ['n'], ctrl: true, keys: ['downArrow'], short: '↓'},
	pickerFirst: {label: 'Home', description: 'First match', keys: ['home']},
	pickerLast: {label: 'End', description: 'Last match', keys: ['end']},
	codeDigit: {label: '0-9', description: 'Type the MFA code (shown masked)', printable: true},
	ssoLogin: {label: 'L', description: 'Run `aws sso login` for this profile, then connect again', chars: ['L']},
	pick: {label: 'Enter', description: 'Choose the highlighted entry', keys: ['return']},
} as const satisfies Record<string, KeyBinding>;

export type Command = keyof typeof keymap;

// Ink 6.8's Key also carries `eventType` (a string), so flags are read as unknown and compared to true.
type InkKeyFlags = Partial<Record<keyof Key, unknown>>;

export function matches(binding: KeyBinding, input: string, key: InkKeyFlags): boolean {
	if (binding.printable) {
		// Text typed or pasted: no modifier, no named key, nothing that is a control character.
		// eslint-disable-next-line no-control-regex
		return input !== '' && key.ctrl !== true && key.meta !== true && key.tab !== true && !/[\u0000-\u001F\u007F]/.test(input);
	}

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

/** The first of `commands` that the key press triggers, if any. */
export function commandFor<C extends Command>(commands: readonly C[], input: string, key: InkKeyFlags): C | undefined {
	return commands.find(command => matches(keymap[command], input, key));
}

/** The commands that move a cursor or scroll a view, and the move each one is. */
export const moveCommands = ['up', 'down', 'pageUp', 'pageDown', 'home', 'end'] as const satisfies readonly Move[];
