// One line for a pane whose request CloudTrail is throttling: what is going on, when the next try
// is, and the key that tries at once. The countdown ticks in this line alone.
import React from 'react';
import {Text} from './text.js';
import {useSecondsUntil} from '../hooks/use-seconds-until.js';
import {keymap} from '../keymap.js';
import {safe} from '../lib/sanitize.js';

function Countdown({retryAt}: {retryAt: number}) {
	const left = useSecondsUntil(retryAt);
	return (
		<Text color="yellow" wrap="truncate-end">
			{left > 0 ? safe`throttled by CloudTrail · retrying in ${left} s · ${keymap.refresh.label} now` : safe`throttled by CloudTrail · retrying now…`}
		</Text>
	);
}

export function RetryNotice({retryAt}: {retryAt: number}) {
	// Keyed by the moment, so each wait counts down from a fresh clock.
	return <Countdown key={retryAt} retryAt={retryAt} />;
}
