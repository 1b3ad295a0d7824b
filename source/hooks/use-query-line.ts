// The `/` query line: open with the current query, edit it, Enter runs it, Esc leaves it. A query
// that does not parse keeps the line open with the bad term marked, and the table keeps showing
// the last good query's results. ↑/↓ walk the history (kept across runs), Tab completes.
import {useCallback, useRef, useState} from 'react';
import type {FieldName, QueryError} from '../domain/query/types.js';
import {applyCandidate, applyCompletion, completeAt, type Applied, type Completion} from '../domain/query/complete.js';
import {cursorAt, cursorOffset, lineValue, useLineEditor, lineEditorCommands, type LineEditor} from '../components/line-editor/index.js';
import type {CommandSpec} from './use-commands.js';
import type {QueryStore} from '../lib/query-store.js';
import {safe} from '../lib/sanitize.js';
import type {QuerySession} from './use-query-session.js';

export type QueryLine = {
	isOpen: boolean;
	editor: LineEditor;
	/** Why the last Enter was refused, while the line still holds what was refused; the mark is in code points. */
	error: {message: string; mark: {start: number; end: number}} | undefined;
	/** Completions offered by the last Tab, when more than one fits. */
	offered: readonly string[];
	/** Opens the line holding `text` and, unless `asIs`, a space to type the next term after. */
	open(text: string, asIs?: boolean): void;
	specs: CommandSpec[];
};

export type QueryLineOptions = {
	session: QuerySession;
	store: QueryStore;
	/** Values of a field among the events loaded, for Tab. */
	valuesFor(field: FieldName): string[];
	/** The line takes or gives back the keyboard (the app shell's letters are text while it is open). */
	onTyping?: ((typing: boolean) => void) | undefined;
};

function toMark(text: string, error: QueryError) {
	return {start: cursorAt(text, error.start), end: Math.max(cursorAt(text, error.end), cursorAt(text, error.start) + 1)};
}

export function useQueryLine({session, store, valuesFor, onTyping}: QueryLineOptions): QueryLine {
	const editor = useLineEditor();
	const [isOpen, setOpen] = useState(false);
	const [refused, setError] = useState<(QueryLine['error'] & {text: string}) | undefined>(undefined);
	// An edit makes the message stale: it names a term that may no longer be there.
	const error = refused && refused.text === lineValue(editor.state) ? refused : undefined;
	const [offered, setOffered] = useState<readonly string[]>([]);
	// Where ↑/↓ stand in the history (its length = the draft being typed) and that draft.
	const browse = useRef({index: 0, draft: ''});
	// Tab on a line it cannot extend cycles through the candidates while the line stays as Tab left it.
	const cycling = useRef<{completion: Completion; text: string; index: number; shown: string} | undefined>(undefined);

	const open = useCallback(
		(text: string, asIs = false) => {
			editor.dispatch({type: 'set', value: text === '' || asIs ? text : `${text} `});
			browse.current = {index: store.history().length, draft: ''};
			setError(undefined);
			setOffered([]);
			setOpen(true);
			onTyping?.(true);
		},
		[editor, store, onTyping],
	);
	const close = useCallback(() => {
		setOpen(false);
		setError(undefined);
		setOffered([]);
		onTyping?.(false);
	}, [onTyping]);

	const specs = lineEditorCommands(editor, {
		submitHint: safe`run`,
		onSubmit(text) {
			const problem = session.submit(text);
			if (problem) {
				setError({message: problem.message, mark: toMark(text, problem), text});
				return;
			}

			if (text.trim() !== '') {
				store.remember(text.trim());
			}

			close();
		},
		onCancel: close,
		onEmptyBackspace() {
			session.back();
			close();
		},
		onHistory(step) {
			const entries = store.history();
			const {index, draft} = browse.current;
			const next = Math.max(0, Math.min(entries.length, index + step));
			if (next === index) {
				return;
			}

			const current = lineValue(editor.latest());
			browse.current = {index: next, draft: index === entries.length ? current : draft};
			editor.dispatch({type: 'set', value: next === entries.length ? browse.current.draft : entries[next]!});
			setError(undefined);
		},
		onComplete() {
			const state = editor.latest();
			const text = lineValue(state);
			const cycle = cycling.current;
			let applied: Applied;
			let candidates: readonly string[];
			if (cycle && cycle.shown === text) {
				// Tab again on a line Tab left as it was: show the candidates in turn.
				cycle.index++;
				applied = applyCandidate(cycle.text, cycle.completion, cycle.index);
				candidates = cycle.completion.candidates;
			} else {
				const completion = completeAt(text, cursorOffset(state), valuesFor, {named: store.named.keys()});
				candidates = completion.candidates;
				applied = applyCompletion(text, completion);
				if (applied.text === text && candidates.length > 1) {
					cycling.current = {completion, text, index: 0, shown: ''};
					applied = applyCandidate(text, completion, 0);
				} else {
					cycling.current = undefined;
				}
			}

			if (cycling.current) {
				cycling.current.shown = applied.text;
			}

			editor.dispatch({type: 'set', value: applied.text, cursor: cursorAt(applied.text, applied.cursor)});
			setOffered(candidates.length > 1 ? candidates : []);
		},
	});

	return {isOpen, editor, error, offered, open, specs};
}
