import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import type {TrailviewError} from '../domain/types.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';

type Props = {
	/** As the service layer made it (text from AWS in it): sanitised here. */
	error: Pick<TrailviewError, 'message' | 'hint'>;
	/** Extra line, e.g. "Press r to retry." */
	action?: SafeText | undefined;
};

// Every pane shows failures the same way: what went wrong, then the fix.
export function ErrorBox({error, action}: Props) {
	return (
		<Box flexDirection="column">
			<Text color="red" wrap="truncate-end">
				{safe`✗ ${sanitizeLine(error.message)}`}
			</Text>
			{error.hint ? (
				<Text color="yellow" wrap="truncate-end">
					{safe`  ${sanitizeLine(error.hint)}`}
				</Text>
			) : null}
			{action ? (
				<Text dimColor wrap="truncate-end">
					{safe`  ${action}`}
				</Text>
			) : null}
		</Box>
	);
}
