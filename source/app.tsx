// The app shell: profile picker -> connect -> region picker -> main screen, the `?` help overlay
// and the keys that work everywhere. Screens read state and actions from context.
import React, {useMemo} from 'react';
import {Box, useInput} from 'ink';
import type {Backend} from './domain/types.js';
import {actionFor} from './keymap.js';
import {Header} from './components/header.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {AppProvider, useAppActions, useAppState} from './context/app-context.js';
import {headerSession} from './context/app-reducer.js';
import {ProfileScreen} from './screens/profile-screen.js';
import {RegionScreen} from './screens/region-screen.js';
import {HelpScreen} from './screens/help-screen.js';
import {MainScreen} from './screens/main-screen.js';

export type AppProps = {
	backend: Backend;
	/** --profile or AWS_PROFILE: preselected in the picker. */
	initialProfile?: string;
	/** --region given explicitly (flag). */
	initialRegion?: string;
	/** --profile and --region both given: connect straight away, go to the main screen. */
	skipPickers?: boolean;
	/** Shown on the profile screen, e.g. "Demo mode: local sample data (emulator at http://127.0.0.1:PORT)". */
	notice?: string;
};

export function App({backend, initialProfile, initialRegion, skipPickers, notice}: AppProps) {
	const config = useMemo(
		() => ({initialProfile, initialRegion, skipPickers, notice}),
		[initialProfile, initialRegion, skipPickers, notice],
	);
	return (
		<AppProvider backend={backend} config={config}>
			<AppShell />
		</AppProvider>
	);
}

function AppShell() {
	const state = useAppState();
	const actions = useAppActions();
	const {columns, rows} = useTerminalSize();
	const onMain = state.screen === 'main' && !state.helpOpen;

	useInput(
		(input, key) => {
			// Ctrl+C quits from anywhere, mid-connect and mid-filter included.
			const global = actionFor(['forceQuit', 'help'], input, key);
			if (global === 'forceQuit') {
				actions.quit();
			} else if (global === 'help' && !state.helpOpen) {
				actions.toggleHelp();
			}
		},
		{isActive: true},
	);

	// The main screen has no text entry, so its single letters are commands. They are handled here
	// as well as through MainScreen's callbacks; the actions are idempotent, so both firing is fine.
	useInput(
		(input, key) => {
			switch (actionFor(['switchProfile', 'switchRegion', 'quit'], input, key)) {
				case 'switchProfile': {
					actions.openProfiles();
					break;
				}

				case 'switchRegion': {
					actions.openRegions();
					break;
				}

				case 'quit': {
					actions.quit();
					break;
				}

				case undefined: {
					break;
				}
			}
		},
		{isActive: onMain},
	);

	// The main screen draws its own header (with freshness); every other screen gets this one.
	const session = headerSession(state);
	const showHeader = state.screen !== 'main' || state.helpOpen;
	const headerLines = session ? 2 : 1;
	const height = Math.max(1, rows - (showHeader ? headerLines : 0));
	const headerRegion = session === state.active?.session ? state.active?.region : undefined;
	const {active} = state;

	return (
		<Box flexDirection="column">
			{showHeader ? <Header session={session} region={headerRegion} /> : null}
			{state.helpOpen ? (
				<HelpScreen isActive height={height} width={columns} onClose={actions.closeHelp} onQuit={actions.quit} />
			) : null}
			{state.screen === 'profiles' ? (
				<Box display={state.helpOpen ? 'none' : 'flex'}>
					<ProfileScreen isActive={!state.helpOpen} height={height} width={columns} />
				</Box>
			) : null}
			{state.screen === 'regions' ? (
				<Box display={state.helpOpen ? 'none' : 'flex'}>
					<RegionScreen isActive={!state.helpOpen} height={height} width={columns} />
				</Box>
			) : null}
			{active ? (
				// Stays mounted (hidden) under the pickers and help so backing out of a switch keeps
				// its state; a new session or region means a new key, which remounts it and aborts
				// every request of the old choice.
				<Box display={onMain ? 'flex' : 'none'}>
					<MainScreen
						key={active.mainKey}
						session={active.session}
						region={active.region}
						isActive={onMain}
						onSwitchProfile={actions.openProfiles}
						onSwitchRegion={actions.openRegions}
						onQuit={actions.quit}
					/>
				</Box>
			) : null}
		</Box>
	);
}
