// The one place that says which key does what: every key is a named command. Screens declare the
// commands they handle, with their handlers (hooks/use-commands.ts); the footer hints and the `?`
// help are built from those same declarations, so a key is shown only where something handles it.
import type {Key} from 'ink';
import {isPlainText, safe, type SafeText} from './lib/sanitize.js';
import type {Move} from './lib/table-window.js';

export type KeyBinding = {
	/** Shown in the footer and the help screen. */
	label: SafeText;
	description: SafeText;
	/** Printable characters that trigger it (case-sensitive). */
	chars?: string[];
	/** Named keys from Ink's Key object. */
	keys?: Array<keyof Key>;
	/** Needs Ctrl held (with `chars`). */
	ctrl?: boolean;
	/** Any printable text not bound to another command of the same screen (filter typing). */
	printable?: boolean;
	/** A shorter label for footer hints, where space is tight. */
	short?: SafeText;
};

export const keymap = {
	quit: {label: safe`q`, description: safe`Quit`, chars: ['q']},
	forceQuit: {label: safe`Ctrl+C`, description: safe`Quit from anywhere`, chars: ['c'], ctrl: true},
	help: {label: safe`?`, description: safe`Show or hide this help`, chars: ['?']},
	up: {label: safe`↑/k`, description: safe`Move up`, chars: ['k'], keys: ['upArrow']},
	down: {label: safe`↓/j`, description: safe`Move down`, chars: ['j'], keys: ['downArrow']},
	pageUp: {label: safe`PgUp`, description: safe`Page up`, keys: ['pageUp']},
	pageDown: {label: safe`PgDn`, description: safe`Page down`, keys: ['pageDown']},
	home: {label: safe`Home/g`, description: safe`First row`, chars: ['g'], keys: ['home']},
	end: {label: safe`End/G`, description: safe`Last loaded row`, chars: ['G'], keys: ['end']},
	select: {label: safe`Enter`, description: safe`Choose / open event details`, keys: ['return']},
	back: {label: safe`Esc`, description: safe`Back / close / cancel`, keys: ['escape']},
	focusNext: {label: safe`Tab`, description: safe`Focus next pane`, keys: ['tab']},
	refresh: {label: safe`r`, description: safe`Refresh trails and events; retry after an error, or now while throttled`, chars: ['r']},
	toggleUtc: {label: safe`u`, description: safe`Toggle local time / UTC`, chars: ['u']},
	switchProfile: {label: safe`p`, description: safe`Switch profile`, chars: ['p']},
	switchRegion: {label: safe`R`, description: safe`Switch region`, chars: ['R']},
	// Pickers: every printable key is filter text there (profiles called "qa" or "jenkins" exist),
	// so moving uses keys that never type anything.
	filterType: {label: safe`a-z 0-9 …`, description: safe`Type to filter the list (q, j, k are filter text here)`, printable: true, short: safe`type`},
	filterBackspace: {label: safe`Backspace`, description: safe`Delete the last filter character`, keys: ['backspace', 'delete']},
	filterClear: {label: safe`Esc`, description: safe`Clear the filter; when empty, go back`, keys: ['escape']},
	pickerUp: {label: safe`↑/Ctrl+P`, description: safe`Move up`, chars: ['p'], ctrl: true, keys: ['upArrow'], short: safe`↑`},
	pickerDown: {label: safe`↓/Ctrl+N`, description: safe`Move down`, chars: ['n'], ctrl: true, keys: ['downArrow'], short: safe`↓`},
	pickerFirst: {label: safe`Home`, description: safe`First match`, keys: ['home']},
	pickerLast: {label: safe`End`, description: safe`Last match`, keys: ['end']},
	codeDigit: {label: safe`0-9`, description: safe`Type the MFA code (shown masked)`, printable: true},
	ssoLogin: {label: safe`L`, description: safe`Run \`aws sso login\` for this profile, then connect again`, chars: ['L']},
	pick: {label: safe`Enter`, description: safe`Choose the highlighted entry`, keys: ['return']},
	markProfile: {label: safe`Space`, description: safe`Mark the profile to open several accounts at once (Enter opens the marked ones)`, chars: [' ']},
	// The events table's investigation keys (issue 12).
	query: {label: safe`/`, description: safe`Query: filter events (field:value, -field:value, words, since:2h)`, chars: ['/']},
	timeWindow: {label: safe`t`, description: safe`Pick a time window (15 min … 90 days, or custom)`, chars: ['t']},
	pivot: {label: safe`f`, description: safe`Pivot: narrow the query to this event's user, key, resource, IP, event or error`, chars: ['f']},
	queryBack: {label: safe`Backspace`, description: safe`Undo the last pivot or query change`, keys: ['backspace', 'delete'], short: safe`⌫`},
	toggleWriteOnly: {label: safe`w`, description: safe`Toggle write events only / all events`, chars: ['w']},
	// Live and wide (issue 13).
	follow: {label: safe`F`, description: safe`Follow: keep the query running and mark new events as they arrive (F again stops)`, chars: ['F']},
	exportView: {label: safe`e`, description: safe`Export what the view holds (list or summary) to a .csv, .json or .jsonl file`, chars: ['e']},
	copyEvent: {label: safe`y`, description: safe`Copy the selected event's redacted JSON to the clipboard (OSC 52: works over SSH and in tmux)`, chars: ['y']},
	copyEventId: {label: safe`Y`, description: safe`Copy the selected event's id to the clipboard`, chars: ['Y']},
	confirmYes: {label: safe`y`, description: safe`Yes`, chars: ['y', 'Y']},
	confirmNo: {label: safe`n`, description: safe`No`, chars: ['n', 'N']},
	investigations: {label: safe`i`, description: safe`Investigations: run a built-in or named query (@tampering, @root, @denied …)`, chars: ['i']},
	plainLanguage: {label: safe`l`, description: safe`Toggle rows as plain-language sentences ("alice attached policy … to role deploy")`, chars: ['l']},
	summary: {label: safe`s`, description: safe`Summary: group the matching events on hand (s again: the list)`, chars: ['s']},
	groupPrev: {label: safe`←`, description: safe`Group by the previous field`, keys: ['leftArrow']},
	groupNext: {label: safe`→`, description: safe`Group by the next field`, keys: ['rightArrow']},
	sortOrder: {label: safe`o`, description: safe`Sort groups by count, last seen or name`, chars: ['o']},
	allRegions: {label: safe`A`, description: safe`All regions: run the query in every region enabled for the account(s), merged newest first`, chars: ['A']},
	stopScan: {label: safe`Esc`, description: safe`Stop the scan; the matches so far stay`, keys: ['escape']},
	// The archive (issue 16).
	archive: {label: safe`a`, description: safe`Archive: run the query on the trail's S3 logs through Amazon Athena (past 90 days, data events, every account of an organization trail); a again: CloudTrail Lake where the account has an event data store, then Event history`, chars: ['a']},
	stopArchive: {label: safe`Esc`, description: safe`Stop the archive query (Athena's StopQueryExecution, the Lake's CancelQuery); the rows so far stay`, keys: ['escape']},
	createTable: {label: safe`c`, description: safe`Create the Athena table shown, after a yes (the one action trailview takes that writes)`, chars: ['c']},
	// Reading an event's record in full (issue 14).
	find: {label: safe`/`, description: safe`Find text in the event's record`, chars: ['/']},
	submitFind: {label: safe`Enter`, description: safe`Find the text typed, from the top of the screen on (empty: no search)`, keys: ['return']},
	findNext: {label: safe`n`, description: safe`Next match (after the last, the first)`, chars: ['n']},
	findPrevious: {label: safe`N`, description: safe`Previous match (before the first, the last)`, chars: ['N']},
	toggleRaw: {label: safe`d`, description: safe`Show strings that hold JSON (policies) decoded, or as the raw string`, chars: ['d']},
	toggleWrap: {label: safe`W`, description: safe`Wrap long lines at the screen width, or scroll them sideways`, chars: ['W']},
	scrollLeft: {label: safe`←`, description: safe`Scroll sideways to the left (lines not wrapped)`, keys: ['leftArrow']},
	scrollRight: {label: safe`→`, description: safe`Scroll sideways to the right (lines not wrapped)`, keys: ['rightArrow']},
	// Pivot choices, shown after f with the value each would use.
	pivotUser: {label: safe`u`, description: safe`Pivot to this event's user`, chars: ['u']},
	pivotKey: {label: safe`k`, description: safe`Pivot to this event's access key`, chars: ['k']},
	pivotResource: {label: safe`r`, description: safe`Pivot to this event's first resource`, chars: ['r']},
	pivotIp: {label: safe`i`, description: safe`Pivot to this event's source IP`, chars: ['i']},
	pivotEvent: {label: safe`e`, description: safe`Pivot to this event's name`, chars: ['e']},
	pivotError: {label: safe`x`, description: safe`Pivot to this event's error code`, chars: ['x']},
	// An editable line (the query line, the detail's find line): every printable key is text there.
	lineType: {label: safe`a-z 0-9 …`, description: safe`Type the query (or, in the detail, the text to find)`, printable: true, short: safe`type`},
	lineBackspace: {label: safe`Backspace`, description: safe`Delete before the cursor; on an empty query line, undo the last pivot`, keys: ['backspace', 'delete']},
	lineLeft: {label: safe`←/Ctrl+B`, description: safe`Cursor left`, keys: ['leftArrow'], chars: ['b'], ctrl: true, short: safe`←`},
	lineRight: {label: safe`→/Ctrl+F`, description: safe`Cursor right`, keys: ['rightArrow'], chars: ['f'], ctrl: true, short: safe`→`},
	lineStart: {label: safe`Home/Ctrl+A`, description: safe`Start of the line`, keys: ['home'], chars: ['a'], ctrl: true},
	lineEnd: {label: safe`End/Ctrl+E`, description: safe`End of the line`, keys: ['end'], chars: ['e'], ctrl: true},
	lineDeleteWord: {label: safe`Ctrl+W`, description: safe`Delete the word before the cursor`, chars: ['w'], ctrl: true},
	lineDeleteToStart: {label: safe`Ctrl+U`, description: safe`Delete to the start of the line`, chars: ['u'], ctrl: true},
	lineDeleteToEnd: {label: safe`Ctrl+K`, description: safe`Delete to the end of the line`, chars: ['k'], ctrl: true},
	historyPrev: {label: safe`↑`, description: safe`Previous query from history`, keys: ['upArrow']},
	historyNext: {label: safe`↓`, description: safe`Next query from history`, keys: ['downArrow']},
	complete: {label: safe`Tab`, description: safe`Complete a field name, or a value from the events loaded`, keys: ['tab']},
	submitLine: {label: safe`Enter`, description: safe`Run the query (empty: back to the default)`, keys: ['return']},
	cancelLine: {label: safe`Esc`, description: safe`Cancel the edit`, keys: ['escape']},
} as const satisfies Record<string, KeyBinding>;

export type Command = keyof typeof keymap;

// Ink 6.8's Key also carries `eventType` (a string), so flags are read as unknown and compared to true.
type InkKeyFlags = Partial<Record<keyof Key, unknown>>;

export function matches(binding: KeyBinding, input: string, key: InkKeyFlags): boolean {
	if (binding.printable) {
		// Text typed or pasted: no modifier, no named key, nothing the sanitiser would have to escape.
		return input !== '' && key.ctrl !== true && key.meta !== true && key.tab !== true && isPlainText(input);
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
