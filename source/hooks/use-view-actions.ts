// What the person can take away from the view: `e` exports it to a file, `y` copies the selected
// event's redacted JSON and `Y` its id to the clipboard (OSC 52). Each answers with one line in
// the status line.
import {useCallback, useRef, useState} from 'react';
import type {TrailEvent} from '../domain/types.js';
import {eventToJson} from '../output/formats.js';
import type {ExportView} from '../output/export.js';
import {safeJsonStringify} from '../lib/safe-json.js';
import {useAppConfig} from '../context/app-context.js';
import {useExport, type ExportPrompt} from './use-export.js';

export type ViewActions = {
	exporting: ExportPrompt;
	copy(event: TrailEvent | undefined, what: 'json' | 'id'): void;
	/** The last answer to e, y or Y. */
	notice: {text: string; ok: boolean} | undefined;
	clearNotice(): void;
};

export function useViewActions(options: {view(): ExportView; onTyping?: ((typing: boolean) => void) | undefined}): ViewActions {
	const {terminal} = useAppConfig();
	const exporting = useExport(options);
	const [copied, setCopied] = useState<ViewActions['notice']>(undefined);
	const copy = useCallback((event: TrailEvent | undefined, what: 'json' | 'id') => {
		if (!event) {
			return;
		}

		if (!terminal?.copy) {
			setCopied({text: 'No terminal to copy through here.', ok: false});
			return;
		}

		// The same redacted form `--output json` prints: no session token, key ids masked.
		const text = what === 'id' ? event.id : safeJsonStringify(eventToJson(event), 2);
		const done = terminal.copy(text);
		setCopied(
			done
				? {text: what === 'id' ? `Copied event id ${event.id}` : `Copied the event's JSON (${text.length.toLocaleString('en-US')} characters, redacted)`, ok: true}
				: {text: 'Too long for the terminal clipboard: export it with e instead.', ok: false},
		);
	}, [terminal]);
	const notice = exporting.message ?? copied;
	const {clearMessage} = exporting;
	// Read when called, so the function stays the same while the export opens and closes.
	const stage = useRef(exporting.stage);
	stage.current = exporting.stage;
	const clearNotice = useCallback(() => {
		setCopied(undefined);
		if (stage.current === 'closed') {
			clearMessage();
		}
	}, [clearMessage]);
	return {exporting, copy, notice, clearNotice};
}
