// The bottom of the main screen: the query line while `/` is open (the term a refused query names
// underlined), the export path while `e` asks for one, then the footer.
import React from 'react';
import {Box} from 'ink';
import {LineEditorView} from '../components/line-editor/index.js';
import type {QueryLine} from '../hooks/use-query-line.js';
import {safe} from '../lib/sanitize.js';
import type {ExportPrompt} from '../hooks/use-export.js';
import {Footer, type FooterHint, type StatusPart} from '../components/footer.js';

export function QueryLineView({line, width}: {line: QueryLine; width: number}) {
	return (
		<Box height={1} flexShrink={0}>
			<LineEditorView
				state={line.editor.state}
				prompt={safe`/ `}
				width={width}
				mark={line.error?.mark}
				placeholder={safe`user:alice -event:Get* error:any since:24h   (empty: all write events)`}
			/>
		</Box>
	);
}

export function MainBottom({line, exporting, status, hints, pinned, width}: {
	line: QueryLine;
	exporting: ExportPrompt;
	status: StatusPart[];
	hints: readonly FooterHint[];
	pinned: readonly FooterHint[];
	width: number;
}) {
	return (
		<>
			{line.isOpen ? <QueryLineView line={line} width={width} /> : null}
			{exporting.stage === 'closed' ? null : (
				<Box height={1} flexShrink={0}>
					<LineEditorView state={exporting.editor.state} prompt={safe`Export to: `} width={width} />
				</Box>
			)}
			<Footer status={status} hints={hints} pinned={pinned} width={width} />
		</>
	);
}
