// Stands in for the real MainScreen (which polls a clock and loads panes) in app tests:
//   vi.mock('../../source/screens/main-screen.js', () => import('../app/main-screen-probe.js'));
// It shows what the app handed it and records mounts, so a switch is visible as a remount.
import React, {useEffect} from 'react';
import {Box, Text} from 'ink';
import type {MainScreenProps} from '../../source/screens/main-screen.js';

export type ProbeEvent = {type: 'mount' | 'unmount'; profile: string; region: string};
export const probeEvents: ProbeEvent[] = [];

export function MainScreen({session, region, isActive}: MainScreenProps) {
	useEffect(() => {
		probeEvents.push({type: 'mount', profile: session.profile.name, region});
		return () => {
			probeEvents.push({type: 'unmount', profile: session.profile.name, region});
		};
	}, [session, region]);

	return (
		<Box flexDirection="column">
			<Text>{`MAIN profile=${session.profile.name} account=${session.identity.account} region=${region} active=${String(isActive)}`}</Text>
		</Box>
	);
}
