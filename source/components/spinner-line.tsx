import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import {Spinner} from './spinner.js';

type Props = {
	/** What is happening, e.g. "Resolving credentials for prod…". Callers sanitise AWS/file text. */
	label: string;
	/** How to get out of it, e.g. "Esc to cancel". */
	hint?: string;
};

export function SpinnerLine({label, hint}: Props) {
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate-end">
				<Text color="cyan">
					<Spinner />
				</Text>
				{` ${label}`}
				{hint ? <Text dimColor>{`  ${hint}`}</Text> : null}
			</Text>
		</Box>
	);
}
