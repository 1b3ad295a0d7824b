// The one busy indicator. Every loading state shows the same ink-spinner "dots", so a user learns
// one sign for "waiting on AWS"; tests that need a still frame mock 'ink-spinner' in one place.
// Render it inside a <Text>: it is inline, and the caller's Text decides the colour.
import React from 'react';
import InkSpinner from 'ink-spinner';

export function Spinner() {
	return <InkSpinner type="dots" />;
}
