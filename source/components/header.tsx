import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import type {Session} from '../domain/types.js';
import {sanitizeLine} from '../lib/sanitize.js';

type Props = {
	session?: Session | undefined;
	region?: string | undefined;
	/** e.g. "loaded 12 s ago"; the main screen fills it in. */
	freshness?: string | undefined;
	/** Shown instead of identity before a profile is chosen, e.g. "Choose a profile". */
	title?: string | undefined;
};

// Identity stays visible on every screen after a profile is chosen, so a person always knows
// whose account they are looking at. Only the masked key id is ever shown.
export function Header({session, region, freshness, title}: Props) {
	// One Text per line: Ink shrinks sibling Texts in a row independently, which cut the app name
	// itself at 40 columns; a single truncating Text keeps the start and cuts the end.
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text wrap="truncate-end">
				<Text bold color="cyan">
					trailview
				</Text>
				{session ? (
					<>
						{'  '}
						<Text bold>{sanitizeLine(session.identity.account)}</Text>
						{'  '}
						<Text color="green">{sanitizeLine(session.profile.name)}</Text>
						{region ? `  ${sanitizeLine(region)}` : ''}
						{freshness ? <Text dimColor>{`  ${freshness}`}</Text> : null}
					</>
				) : (
					<Text dimColor>{title ? `  ${title}` : ''}</Text>
				)}
			</Text>
			{session ? (
				<Text dimColor wrap="truncate-end">
					{sanitizeLine(session.identity.arn)}
					{session.maskedAccessKeyId ? `  key ${session.maskedAccessKeyId}` : ''}
					{session.expiration ? `  expires ${session.expiration.toLocaleString()}` : ''}
				</Text>
			) : null}
		</Box>
	);
}
