// Compiled by `npm run typecheck` (tsconfig includes test/), never run: each `@ts-expect-error`
// line must fail to compile, or the type check fails. It pins down what the SafeText brand buys:
// raw text cannot reach the screen, sanitised and app-written text can.
import React from 'react';
import {Text} from '../../source/components/text.js';
import {PaneTitle} from '../../source/panes/pane-title.js';
import {SpinnerLine} from '../../source/components/spinner-line.js';
import type {Segment} from '../../source/panes/segment-line.js';
import {joinSafe, safe, sanitize, sanitizeLine, type SafeText} from '../../source/lib/sanitize.js';
import {padToWidth, truncateToWidth} from '../../source/lib/text-width.js';

declare const fromAws: string;
const clean = sanitizeLine(fromAws);

export const accepted = [
	<Text key="a">{clean}</Text>,
	<Text key="b">{safe`Loading events in ${clean}…`}</Text>,
	<Text key="c">{safe`${3} events`}</Text>,
	<Text key="d">{42}</Text>,
	<Text key="e">{clean}{null}{false}<Text>{sanitize(fromAws)}</Text></Text>,
	<Text key="f">{[clean, clean]}</Text>,
	<Text key="g">{truncateToWidth(clean, 10)}{padToWidth(clean, 10)}</Text>,
	<Text key="h">{joinSafe([clean, clean], safe` · `)}</Text>,
	<PaneTitle key="i" title={safe`Trails in ${clean}`} focused />,
];

export const rejected = [
	// @ts-expect-error Raw text from AWS as a child.
	<Text key="a">{fromAws}</Text>,
	// @ts-expect-error JSX literal text is a plain string too: the app writes safe`…`.
	<Text key="b">Loading</Text>,
	// @ts-expect-error A plain template literal, even around sanitised text, is a plain string.
	<Text key="c">{`Trails in ${clean}`}</Text>,
	// @ts-expect-error An array of raw strings.
	<Text key="d">{[fromAws]}</Text>,
	// @ts-expect-error Text props that print take SafeText.
	<PaneTitle key="e" title={fromAws} focused />,
	// @ts-expect-error Text props that print take SafeText.
	<SpinnerLine key="f" label="Loading…" />,
];

// @ts-expect-error A raw interpolation in safe`…`.
safe`Loading events in ${fromAws}…`;

// @ts-expect-error Segments print their text.
export const segment: Segment = {text: fromAws};

// @ts-expect-error Cutting raw text does not make it safe.
export const cut: SafeText = truncateToWidth(fromAws, 10);

// @ts-expect-error Concatenation drops the brand.
export const joined: SafeText = clean + clean;
