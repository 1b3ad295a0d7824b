// The first line of each pane. The focused pane's title is bright and marked, the other dim, so
// it is always clear where Up/Down will go.
import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {Spinner} from '../components/spinner.js';
import {safe, type SafeText} from '../lib/sanitize.js';

export function PaneTitle({title, focused, busy, detail}: {title: SafeText; focused: boolean; busy?: boolean; detail?: SafeText | undefined}) {
	return (
		<Box height={1} flexShrink={0}>
			<Text wrap="truncate">
				<Text bold={focused} color={focused ? 'cyan' : 'gray'}>
					{focused ? safe`▶ ` : safe`  `}
					{title}
				</Text>
				{busy ? (
					<Text color="yellow">
						{safe` `}
						<Spinner />
					</Text>
				) : null}
				{detail ? <Text dimColor>{safe`  ${detail}`}</Text> : null}
			</Text>
		</Box>
	);
}
