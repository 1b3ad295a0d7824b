import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import type {Session} from '../domain/types.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';

const gap = safe`  `;

type Props = {
	session?: Session | undefined;
	region?: string | undefined;
	/** e.g. "loaded 12 s ago"; the main screen fills it in. */
	freshness?: SafeText | undefined;
	/** Shown instead of identity before a profile is chosen, e.g. "Choose a profile". */
	title?: SafeText | undefined;
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
					{safe`trailview`}
				</Text>
				{session ? (
					<>
						{gap}
						<Text bold>{sanitizeLine(session.identity.account)}</Text>
						{gap}
						<Text color="green">{sanitizeLine(session.profile.name)}</Text>
						{region ? safe`  ${sanitizeLine(region)}` : null}
						{freshness ? <Text dimColor>{safe`  ${freshness}`}</Text> : null}
					</>
				) : (
					<Text dimColor>{title ? safe`  ${title}` : null}</Text>
				)}
			</Text>
			{session ? (
				<Text dimColor wrap="truncate-end">
					{sanitizeLine(session.identity.arn)}
					{session.maskedAccessKeyId ? safe`  key ${sanitizeLine(session.maskedAccessKeyId)}` : null}
					{/* The locale's own format: sanitised like any text the app did not write itself. */}
					{session.expiration ? safe`  expires ${sanitizeLine(session.expiration.toLocaleString())}` : null}
				</Text>
			) : null}
		</Box>
	);
}
