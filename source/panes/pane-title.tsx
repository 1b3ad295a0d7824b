// The first line of each pane. The focused pane's title is bright and marked, the other dim, so
// it is always clear where Up/Down will go.
import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {Spinner} from '../components/spinner.js';

export function PaneTitle({title, focused, busy, detail}: {title: string; focused: boolean; busy?: boolean; detail?: string | undefined}) {
	return (
		<Box height={1} flexShrink={0}>
			<Text wrap="truncate">
				<Text bold={focused} color={focused ? 'cyan' : 'gray'}>
					{focused ? '▶ ' : '  '}
					{title}
				</Text>
				{busy ? (
					<Text color="yellow">
						{' '}
						<Spinner />
					</Text>
				) : null}
				{detail ? <Text dimColor>{`  ${detail}`}</Text> : null}
			</Text>
		</Box>
	);
}
