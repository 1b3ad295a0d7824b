import React, {useEffect, useState} from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import {keymap} from '../keymap.js';
import type {Session} from '../domain/types.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';

const gap = safe`  `;
import {expiryView, isLongTermKey, msUntilExpiryChange} from '../lib/expiry.js';

const toneColor = {normal: undefined, warning: 'yellow', critical: 'red'} as const;

/** The time now, re-read whenever the expiry text could change. */
function useExpiryNow(expiration: Date | undefined): Date {
	const [now, setNow] = useState(() => new Date());
	useEffect(() => {
		if (expiration === undefined) {
			return undefined;
		}

		const timer = setTimeout(() => {
			setNow(new Date());
		}, msUntilExpiryChange(expiration, new Date()));
		return () => {
			clearTimeout(timer);
		};
	}, [expiration, now]);
	return now;
}

type Props = {
	session?: Session | undefined;
	region?: string | undefined;
	/** e.g. "loaded 12 s ago"; the main screen fills it in. */
	freshness?: SafeText | undefined;
	/** Shown instead of identity before a profile is chosen, e.g. "Choose a profile". */
	title?: SafeText | undefined;
	/** The screen handles the SSO login key (L), so the header may offer it as the session runs out. */
	offerLogin?: boolean;
};

// Identity stays visible on every screen after a profile is chosen, so a person always knows
// whose account they are looking at. Only the masked key id is ever shown.
export function Header({session, region, freshness, title, offerLogin = false}: Props) {
	// Read on every render: it follows the provider's refreshes (services/session.ts).
	const expiration = session?.expiration;
	const now = useExpiryNow(expiration);
	const expiry = expiration ? expiryView(expiration, now) : undefined;
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
					{isLongTermKey(session.maskedAccessKeyId) ? safe` (long-term access key, does not expire)` : null}
					{expiry ? (
						<Text dimColor={expiry.tone === 'normal'} color={toneColor[expiry.tone]}>
							{safe`  ${sanitizeLine(expiry.text)}`}
						</Text>
					) : null}
					{offerLogin && expiry && expiry.tone !== 'normal' && session.profile.kind === 'sso' ? safe`  · ${keymap.ssoLogin.label} to log in again` : null}
				</Text>
			) : null}
		</Box>
	);
}
