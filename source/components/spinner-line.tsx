import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import {Spinner} from './spinner.js';
import {safe, type SafeText} from '../lib/sanitize.js';

type Props = {
	/** What is happening, e.g. "Resolving credentials for prod…". */
	label: SafeText;
	/** How to get out of it, e.g. "Esc to cancel". */
	hint?: SafeText;
};

export function SpinnerLine({label, hint}: Props) {
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate-end">
				<Text color="cyan">
					<Spinner />
				</Text>
				{safe` ${label}`}
				{hint ? <Text dimColor>{safe`  ${hint}`}</Text> : null}
			</Text>
		</Box>
	);
}
