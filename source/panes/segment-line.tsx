// One terminal line made of styled pieces, cut to an exact display width. Ink's own truncation
// counts code units in some paths; cutting here with truncateToWidth keeps CJK and emoji exact.
import React from 'react';
import {Text} from '../components/text.js';
import type {SafeText} from '../lib/sanitize.js';
import {displayWidth, truncateToWidth} from '../lib/text-width.js';

export type Segment = {
	/** No newline in it: sanitizeLine's output, a line of sanitizeLines, or the app's own safe`…`. */
	text: SafeText;
	color?: string | undefined;
	bold?: boolean | undefined;
	dim?: boolean | undefined;
	inverse?: boolean | undefined;
	underline?: boolean | undefined;
	background?: string | undefined;
};

/** The segments that fit in `width` columns, the last one cut with an ellipsis when needed. */
export function fitSegments(segments: Segment[], width: number): Segment[] {
	const fitted: Segment[] = [];
	let remaining = width;
	for (const segment of segments) {
		if (remaining <= 0) {
			break;
		}

		const {text} = segment;
		const textWidth = displayWidth(text);
		if (textWidth <= remaining) {
			fitted.push({...segment, text});
			remaining -= textWidth;
		} else {
			fitted.push({...segment, text: truncateToWidth(text, remaining)});
			remaining = 0;
		}
	}

	return fitted;
}

export function SegmentLine({segments, width}: {segments: Segment[]; width: number}) {
	return (
		<Text wrap="truncate">
			{fitSegments(segments, width).map((segment, index) => (
				// Segments never reorder within a line, so the index is a stable key.
				<Text
					key={index}
					color={segment.color}
					backgroundColor={segment.background}
					bold={segment.bold}
					dimColor={segment.dim}
					inverse={segment.inverse}
					underline={segment.underline}
				>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}
