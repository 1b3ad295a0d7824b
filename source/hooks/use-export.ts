// `e`: export what the view holds. A line asks for the path (a default in the current folder);
// its extension picks csv, json or jsonl; an existing file is only replaced after a yes. The
// result, written or not, is one sentence in the status line; nothing on screen is lost.
import {useCallback, useState} from 'react';
import {lineEditorCommands, lineValue, useLineEditor, type LineEditor} from '../components/line-editor/index.js';
import {exportFormat, exportRows, exportText, type ExportView} from '../output/export.js';
import {writeExport, type ExportResult} from '../storage/export-file.js';
import type {CommandSpec} from './use-commands.js';
import {safe} from '../lib/sanitize.js';

export type ExportStage = 'closed' | 'path' | 'confirm' | 'writing';

export type ExportPrompt = {
	stage: ExportStage;
	editor: LineEditor;
	/** What the last Enter or write came to: a problem with the path, or where the rows went. */
	message: {text: string; ok: boolean} | undefined;
	/** Rows and format the path would write, for the status line while it is edited. */
	preview: {rows: number; format: string | undefined};
	open(defaultPath: string): void;
	/** Forgets the last message (the person moved on). */
	clearMessage(): void;
	specs: CommandSpec[];
};

type Write = (file: string, text: string, options: {overwrite: boolean}) => Promise<ExportResult>;

export function useExport(options: {view(): ExportView; onTyping?: ((typing: boolean) => void) | undefined; write?: Write}): ExportPrompt {
	const {onTyping} = options;
	const write = options.write ?? writeExport;
	const editor = useLineEditor();
	const [stage, setStage] = useState<ExportStage>('closed');
	const [message, setMessage] = useState<ExportPrompt['message']>(undefined);

	const close = useCallback((next?: ExportPrompt['message']) => {
		setStage('closed');
		setMessage(next);
		onTyping?.(false);
	}, [onTyping]);

	const run = (overwrite: boolean) => {
		const file = lineValue(editor.latest()).trim();
		const format = exportFormat(file);
		if (!format) {
			setMessage({text: 'End the file name in .csv, .json or .jsonl: that picks the format.', ok: false});
			return;
		}

		const view = options.view();
		const rows = exportRows(view);
		setStage('writing');
		write(file, exportText(view, format), {overwrite}).then(
			result => {
				if (result.ok) {
					close({text: `Wrote ${rows} ${rows === 1 ? 'row' : 'rows'} to ${result.path}`, ok: true});
				} else if (result.exists) {
					setStage('confirm');
					setMessage({text: `${result.message}. Replace it?`, ok: false});
				} else {
					setStage('path');
					setMessage({text: result.message, ok: false});
				}
			},
			(error: unknown) => {
				setStage('path');
				setMessage({text: `Could not write ${file}: ${String(error)}`, ok: false});
			},
		);
	};

	const open = useCallback((defaultPath: string) => {
		editor.dispatch({type: 'set', value: defaultPath});
		setMessage(undefined);
		setStage('path');
		onTyping?.(true);
	}, [editor, onTyping]);

	let specs: CommandSpec[] = [];
	if (stage === 'path') {
		specs = lineEditorCommands(editor, {submitHint: safe`write`, onSubmit: () => run(false), onCancel: () => close()});
	} else if (stage === 'confirm') {
		specs = [
			{commands: ['confirmYes'], hint: safe`replace`, run: () => run(true)},
			{commands: ['confirmNo'], hint: safe`keep it`, run: () => { setStage('path'); setMessage(undefined); }},
			{commands: ['back'], hint: safe`cancel`, run: () => close()},
		];
	}

	const file = lineValue(editor.state);
	const clearMessage = useCallback(() => setMessage(undefined), []);
	return {stage, editor, message, preview: {rows: stage === 'closed' ? 0 : exportRows(options.view()), format: exportFormat(file)}, open, clearMessage, specs};
}
