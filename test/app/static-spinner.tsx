// ink-spinner animates from its own setInterval, which React reports as an update outside act()
// and the setup turns into a failure. Tests that render spinners mock it with this still frame:
//   vi.mock('ink-spinner', () => import('../app/static-spinner.js'));
import React from 'react';
import {Text} from 'ink';

export default function StaticSpinner() {
	return <Text>⠋</Text>;
}
