// The app shell: profile picker -> connect -> region picker -> main screen, the `?` help overlay
// and the keys that work everywhere. Screens read state and actions from context.
import type {ArchiveSettings} from './domain/archive/types.js';
import React, {useMemo, useState, useSyncExternalStore} from 'react';
import {Box} from 'ink';
import type {Backend} from './domain/types.js';
import {useCommands, type CommandSpec} from './hooks/use-commands.js';
import {CommandsProvider, useReportedCommands} from './context/commands-context.js';
import {KeyRouter} from './context/key-router.js';
import {Header} from './components/header.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {AppProvider, useAppActions, useAppState} from './context/app-context.js';
import {headerSession} from './context/app-reducer.js';
import {ProfileScreen} from './screens/profile-screen.js';
import {RegionScreen} from './screens/region-screen.js';
import {HelpScreen} from './screens/help-screen.js';
import {MainScreen} from './screens/main-screen.js';
import {safe} from './lib/sanitize.js';
import {MfaPrompt} from './components/mfa-prompt/index.js';
import type {MfaBroker} from './domain/mfa-broker.js';
import type {TerminalHandover} from './runtime/handover.js';
import type {QueryStore} from './lib/query-store.js';

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
	/** Where the backend's requests for MFA codes arrive; the prompt shows the current one. */
	mfa?: MfaBroker;
	/** Lends the terminal to `aws sso login`. */
	terminal?: TerminalHandover;
	queries?: QueryStore;
	initialQuery?: {text: string; writeOnly: boolean};
	/** --profile a,b,c: the profiles after the first. */
	initialExtras?: readonly string[];
	initialLive?: {follow: boolean; allRegions: boolean};
	/** --archive and --athena-* (issue 16). */
	archive?: ArchiveSettings;
};

const screenTitles = {profiles: safe`Profile picker`, regions: safe`Region picker`, main: safe`Main screen`} as const;

const noMfa: MfaBroker = {
	ask: async () => Promise.reject(new Error('no MFA prompt')),
	current: () => undefined,
	subscribe: () => () => undefined,
	answer() {},
	cancel() {},
};

export function App({backend, initialProfile, initialRegion, skipPickers, notice, mfa = noMfa, terminal, queries, initialQuery, initialExtras, initialLive, archive}: AppProps) {
	const config = useMemo(
		() => ({initialProfile, initialRegion, skipPickers, notice, terminal, queries, initialQuery, initialExtras, initialLive, archive}),
		[initialProfile, initialRegion, skipPickers, notice, terminal, queries, initialQuery, initialExtras, initialLive, archive],
	);
	return (
		<KeyRouter>
			<AppProvider backend={backend} config={config}>
				<CommandsProvider>
					<AppShell mfa={mfa} />
				</CommandsProvider>
			</AppProvider>
		</KeyRouter>
	);
}

function AppShell({mfa}: {mfa: MfaBroker}) {
	const state = useAppState();
	const actions = useAppActions();
	const {columns, rows} = useTerminalSize();
	const mfaRequest = useSyncExternalStore(mfa.subscribe, mfa.current);
	// The MFA prompt is modal: the screen beneath keeps its state but gets no keys.
	const covered = state.helpOpen || mfaRequest !== undefined;
	const onMain = state.screen === 'main' && !covered;
	// While the main screen's query line is open, its letters (and ?) are query text, not commands.
	const [typing, setTyping] = useState(false);
	const typingOnMain = onMain && typing;
	const reported = useReportedCommands();

	// Keys that work on every screen. Ctrl+C reaches this handler (Ink is told not to exit on it),
	// so it quits through the one exit path, mid-connect and mid-filter included.
	const everywhere = useMemo<CommandSpec[]>(
		() => [
			{commands: ['help'], hint: safe`help`, run: actions.toggleHelp},
			{commands: ['forceQuit'], hint: safe`quit`, run: actions.quit},
		],
		[actions],
	);
	// The main screen has no text entry, so its single letters are commands there (and only there:
	// in the pickers every letter is filter text).
	// An SSO session cannot be refreshed past its token: L logs in again before anything fails
	// (the header offers it as the expiry nears).
	const activeProfile = state.active?.session.profile;
	const {ssoLogin} = actions;
	const onMainScreen = useMemo<CommandSpec[]>(
		() => [
			{commands: ['switchProfile'], hint: safe`profile`, run: actions.openProfiles},
			{commands: ['switchRegion'], hint: safe`region`, run: actions.openRegions},
			{commands: ['quit'], hint: safe`quit`, run: actions.quit},
			...(activeProfile?.kind === 'sso' && ssoLogin ? [{commands: ['ssoLogin'] as const, run: () => ssoLogin(activeProfile, activeProfile.name)}] : []),
		],
		[actions, activeProfile, ssoLogin],
	);
	// The main screen's footer shows these with `?` before `q`; each is handled once, above.
	const mainHints = useMemo(() => [onMainScreen[0]!, onMainScreen[1]!, everywhere[0]!, onMainScreen[2]!], [onMainScreen, everywhere]);
	// While the help is open it handles ? and Esc itself; Ctrl+C still quits.
	useCommands(covered || typingOnMain ? everywhere.filter(spec => !spec.commands.includes('help')) : everywhere, true);
	useCommands(onMainScreen, onMain && !typing);

	// The main screen draws its own header (with freshness); every other screen gets this one.
	const session = headerSession(state);
	const showHeader = state.screen !== 'main' || covered;
	const headerLines = session ? 2 : 1;
	const height = Math.max(1, rows - (showHeader ? headerLines : 0));
	const headerRegion = session === state.active?.session ? state.active?.region : undefined;
	const {active} = state;

	return (
		<Box flexDirection="column">
			{showHeader ? <Header session={session} region={headerRegion} /> : null}
			{mfaRequest ? (
				<MfaPrompt request={mfaRequest} isActive width={columns} onSubmit={mfa.answer} onCancel={mfa.cancel} />
			) : null}
			{state.helpOpen && !mfaRequest ? (
				<HelpScreen
					isActive={!mfaRequest}
					height={height}
					width={columns}
					sections={[
						{title: screenTitles[state.screen], specs: reported(state.screen)},
						{title: safe`Everywhere`, specs: state.screen === 'main' ? [...everywhere, ...onMainScreen] : everywhere},
					]}
					onClose={actions.closeHelp}
					onQuit={actions.quit}
				/>
			) : null}
			{state.screen === 'profiles' ? (
				<Box display={covered ? 'none' : 'flex'}>
					<ProfileScreen isActive={!covered} height={height} width={columns} globalSpecs={everywhere} />
				</Box>
			) : null}
			{state.screen === 'regions' ? (
				<Box display={covered ? 'none' : 'flex'}>
					<RegionScreen isActive={!covered} height={height} width={columns} globalSpecs={everywhere} />
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
						globalSpecs={mainHints}
						onTyping={setTyping}
						extras={active.extras}
					/>
				</Box>
			) : null}
		</Box>
	);
}
