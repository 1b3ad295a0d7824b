// Ink's <Text>, honouring the colour mode decided at startup (source/lib/color-mode.ts). Every
// component takes Text from here rather than from 'ink', so one switch covers every colour on
// screen. Without colour, `color` and `backgroundColor` are dropped; bold, dim, inverse and
// underline are attributes, not colours, and stay.
import React, {createContext, useContext} from 'react';
import {Text as InkText, type TextProps} from 'ink';

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
