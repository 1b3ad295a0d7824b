import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import type {TrailviewError} from '../domain/types.js';
import {sanitizeLine} from '../lib/sanitize.js';

type Props = {
	error: Pick<TrailviewError, 'message' | 'hint'>;
	/** Extra line, e.g. "Press r to retry." */
	action?: string;
};

// Every pane shows failures the same way: what went wrong, then the fix.
export function ErrorBox({error, action}: Props) {
	return (
		<Box flexDirection="column">
			<Text color="red" wrap="truncate-end">
				✗ {sanitizeLine(error.message)}
			</Text>
			{error.hint ? (
				<Text color="yellow" wrap="truncate-end">
					{'  '}
					{sanitizeLine(error.hint)}
				</Text>
			) : null}
			{action ? (
				<Text dimColor wrap="truncate-end">
					{'  '}
					{action}
				</Text>
			) : null}
		</Box>
	);
}
