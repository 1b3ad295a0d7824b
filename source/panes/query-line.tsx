// The query line above the footer while `/` is open: the text being edited, with the term a
// refused query names underlined.
import React from 'react';
import {Box} from 'ink';
import {LineEditorView} from '../components/line-editor/index.js';
import type {QueryLine} from '../hooks/use-query-line.js';
import {safe} from '../lib/sanitize.js';

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
