// Ink's <Text>, honouring the colour mode decided at startup (source/lib/color-mode.ts), and the
// one gate text passes to reach the screen. Every component takes Text from here rather than from
// 'ink' (test/architecture checks it), so one switch covers every colour on screen, and its
// children are typed: SafeText (lib/sanitize.ts), numbers and elements only. A plain string, JSX
// literal text included, does not compile, so text from AWS cannot be printed without the sanitiser
// and the app's own words are written as safe`…`.
// Without colour, `color` and `backgroundColor` are dropped; bold, dim, inverse and underline are
// attributes, not colours, and stay.
import React, {createContext, useContext, type ReactElement} from 'react';
import {Text as InkText, type TextProps as InkTextProps} from 'ink';
import type {SafeText} from '../lib/sanitize.js';

/** What may be printed: sanitised or app-written text, numbers, elements, and nothing. */
export type SafeChild = SafeText | number | boolean | null | undefined | ReactElement;
// An array, not an Iterable: a string is itself an Iterable of strings and would slip through.
export type SafeChildren = SafeChild | readonly SafeChildren[];

export type TextProps = Omit<InkTextProps, 'children'> & {children?: SafeChildren};

const ColorContext = createContext(true);

/** `value={false}`: no colour codes below this point. Without a provider, colour is on. */
export const ColorProvider = ColorContext.Provider;

export function Text(props: TextProps) {
	const color = useContext(ColorContext);
	if (color || (props.color === undefined && props.backgroundColor === undefined)) {
		return <InkText {...props} />;
	}

	const {color: foreground, backgroundColor: _background, bold, ...rest} = props;
	// Red marks trouble (a failed event, a stopped trail, an error), so without colour it is bold.
	return <InkText {...rest} bold={bold === true || foreground === 'red'} />;
}
