// The line editor's state hook and its keys as command specs (ink-ui's widget shape: reducer +
// hook + view). Not ink-text-input: its cursor cannot be placed from outside (history and Tab
// completion must put it at the end of what they insert), it draws its cursor with chalk's
// inverse, which vanishes at colour level 0 (FORCE_COLOR=0), and it prints through Ink's Text
// rather than the app's one sanitising gate.
import {type Dispatch, useCallback, useReducer, useRef} from 'react';
import type {CommandSpec} from '../../hooks/use-commands.js';
import type {Command} from '../../keymap.js';
import {safe, type SafeText} from '../../lib/sanitize.js';
import {lineEditorReducer, lineEditorState, lineValue, type LineEditorAction, type LineEditorState} from './reducer.js';

export type LineEditor = {
	state: LineEditorState;
	dispatch: Dispatch<LineEditorAction>;
	/** The state after every action dispatched so far (keys can arrive in one chunk: "abc⏎"). */
	latest(): LineEditorState;
};

export function useLineEditor(initial = ''): LineEditor {
	const [state, reactDispatch] = useReducer(lineEditorReducer, initial, value => lineEditorState(value));
	const latestState = useRef(state);
	latestState.current = state;
	const dispatch = useCallback((action: LineEditorAction) => {
		latestState.current = lineEditorReducer(latestState.current, action);
		reactDispatch(action);
	}, []);
	const latest = useCallback(() => latestState.current, []);
	return {state, dispatch, latest};
}

export type LineEditorHandlers = {
	onSubmit(value: string): void;
	onCancel(): void;
	submitHint: SafeText;
	/** The command Enter runs, for its description in the help (default: the query line's). */
	submitCommand?: Extract<Command, 'submitLine' | 'submitFind'>;
	/** Backspace with nothing to delete. */
	onEmptyBackspace?: () => void;
	/** ↑ (-1) and ↓ (+1). */
	onHistory?: (step: -1 | 1) => void;
	onComplete?: () => void;
};

/** The keys of an editable line, as command specs; the owner adds them to its screen's specs. */
export function lineEditorCommands({dispatch, latest}: LineEditor, handlers: LineEditorHandlers): CommandSpec[] {
	const edit = (action: LineEditorAction) => () => {
		dispatch(action);
	};

	const specs: CommandSpec[] = [
		{commands: [handlers.submitCommand ?? 'submitLine'], hint: handlers.submitHint, run: () => handlers.onSubmit(lineValue(latest()))},
		{commands: ['cancelLine'], hint: safe`cancel`, run: handlers.onCancel},
	];
	if (handlers.onComplete) {
		specs.push({commands: ['complete'], hint: safe`complete`, run: handlers.onComplete});
	}

	if (handlers.onHistory) {
		const onHistory = handlers.onHistory;
		specs.push({commands: ['historyPrev', 'historyNext'], hint: safe`history`, run: command => onHistory(command === 'historyPrev' ? -1 : 1)});
	}

	specs.push(
		{
			commands: ['lineBackspace'],
			run() {
				const current = latest();
				if (current.cursor === 0 && current.chars.length === 0 && handlers.onEmptyBackspace) {
					handlers.onEmptyBackspace();
				} else {
					dispatch({type: 'deleteBack'});
				}
			},
		},
		{commands: ['lineLeft'], run: edit({type: 'left'})},
		{commands: ['lineRight'], run: edit({type: 'right'})},
		{commands: ['lineStart'], run: edit({type: 'start'})},
		{commands: ['lineEnd'], run: edit({type: 'end'})},
		{commands: ['lineDeleteWord'], run: edit({type: 'deleteWordBack'})},
		{commands: ['lineDeleteToStart'], run: edit({type: 'deleteToStart'})},
		{commands: ['lineDeleteToEnd'], run: edit({type: 'deleteToEnd'})},
		{commands: ['lineType'], run: (_command, input) => dispatch({type: 'insert', text: input})},
	);
	return specs;
}
