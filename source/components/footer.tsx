// The bottom two lines: what is going on (status) and the keys that work right now. The hints come
// from the command specs of the screen that handles them (hooks/use-commands.ts).
import React from 'react';
import {Box} from 'ink';
import {Text} from './text.js';
import {hintsText, type FooterHint} from '../hooks/use-commands.js';
import {displayWidth, truncateToWidth} from '../lib/text-width.js';
import {safe, type SafeText} from '../lib/sanitize.js';

export type {FooterHint} from '../hooks/use-commands.js';

/** One piece of the status line; AWS text in it is sanitised by whoever builds it. */
export type StatusPart = {text: SafeText; color?: string};

/**
 * The hints line: the screen's hints, then `pinned` ones (help, quit) that stay in view however
 * many the screen has; the screen's are cut first when the line is too narrow for all.
 */
export function hintsLine(hints: readonly FooterHint[], pinned: readonly FooterHint[], width: number): SafeText {
	const tail = pinned.length > 0 ? hintsText(pinned) : safe``;
	const head = hintsText(hints);
	if (tail === '' || head === '') {
		return truncateToWidth(head === '' ? tail : head, width);
	}

	const room = width - displayWidth(tail) - 3;
	if (room < 12) {
		return truncateToWidth(safe`${head} · ${tail}`, width);
	}

	return safe`${truncateToWidth(head, room)} · ${tail}`;
}

export function Footer({status, hints, pinned = [], width}: {status: StatusPart[]; hints: readonly FooterHint[]; pinned?: readonly FooterHint[]; width: number}) {
	let remaining = width;
	const parts: StatusPart[] = [];
	for (const part of status) {
		// An empty part (e.g. no events summary after a failed first load) is skipped, not the end:
		// '' from truncation means the line is full, but '' here would hide the error after it.
		if (part.text === '') {
			continue;
		}

		const text = truncateToWidth(parts.length > 0 ? safe` · ${part.text}` : part.text, remaining);
		if (text === '') {
			break;
		}

		parts.push({...part, text});
		remaining -= displayWidth(text);
	}

	return (
		<Box flexDirection="column" height={2} flexShrink={0}>
			{/* A space keeps the line when there is no status, so the key hints stay on the last line. */}
			<Text wrap="truncate">
				{parts.length === 0 ? safe` ` : null}
				{parts.map(part => (
					<Text key={part.text} color={part.color}>
						{part.text}
					</Text>
				))}
			</Text>
			<Text dimColor wrap="truncate">
				{hintsLine(hints, pinned, width)}
			</Text>
		</Box>
	);
}
