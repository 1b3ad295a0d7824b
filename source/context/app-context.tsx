// State and actions travel in two contexts (as in gemini-cli): screens that only act do not
// re-render on every state change, and nothing drills callbacks through props.
import type {ArchiveSettings} from '../domain/archive/types.js';
import React, {type ReactNode, createContext, useContext, useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {useApp} from 'ink';
import type {Backend, DefaultRegion, ProfileEntry} from '../domain/types.js';
import {type AppState, appReducer, initialAppState, toShownError} from './app-reducer.js';
import type {TerminalHandover} from '../runtime/handover.js';
import type {QueryStore} from '../lib/query-store.js';

export type AppConfig = {
	/** Lends the terminal to `aws sso login`; without it the login key is not offered. */
	terminal?: TerminalHandover | undefined;
	initialProfile?: string | undefined;
	initialRegion?: string | undefined;
	skipPickers?: boolean | undefined;
	notice?: string | undefined;
	/** Named queries and the query history (runtime/interactive.ts reads the XDG files). */
	queries?: QueryStore | undefined;
	/** --query, --since/--until and --all-events: what the events table opens with. */
	initialQuery?: {text: string; writeOnly: boolean} | undefined;
	/** --profile a,b,c: the profiles after the first, opened beside it (marked in the picker). */
	initialExtras?: readonly string[] | undefined;
	/** --follow and --all-regions: the main screen starts following / reading every region. */
	initialLive?: {follow: boolean; allRegions: boolean} | undefined;
	/** --archive and the --athena-* flags (issue 16). */
	archive?: ArchiveSettings | undefined;
};

export type AppActions = {
	/**
	 * Resolves credentials for `profile`; a new call or cancelConnect() aborts the previous one.
	 * `extras` open beside it on the main screen (several accounts in one timeline).
	 */
	connect(profile: ProfileEntry, extras?: readonly ProfileEntry[]): void;
	cancelConnect(): void;
	/**
	 * Hands the terminal to `aws sso login --profile <loginProfile>`, then connects to `profile`
	 * again with fresh credentials. Undefined when there is no terminal to hand over.
	 */
	ssoLogin: ((profile: ProfileEntry, loginProfile: string) => void) | undefined;
	chooseRegion(region: string): void;
	/** Esc on the region picker. */
	leaveRegions(): void;
	/** Esc on the profile picker with an empty filter: back to main when there is one. */
	leaveProfiles(): void;
	openProfiles(): void;
	openRegions(): void;
	toggleHelp(): void;
	closeHelp(): void;
	quit(): void;
	/** --region when given, else the backend's answer for this profile. */
	defaultRegionFor(profile: ProfileEntry | undefined): DefaultRegion;
};

const BackendContext = createContext<Backend | undefined>(undefined);
const ConfigContext = createContext<AppConfig>({});
const AppStateContext = createContext<AppState | undefined>(undefined);
const AppActionsContext = createContext<AppActions | undefined>(undefined);

function required<T>(value: T | undefined, name: string): T {
	if (value === undefined) {
		throw new Error(`${name} used outside <AppProvider>`);
	}

	return value;
}

export const useBackend = (): Backend => required(useContext(BackendContext), 'useBackend');
/** The backend where there is one: a screen rendered on its own (tests) has none, and does without. */
export const useOptionalBackend = (): Backend | undefined => useContext(BackendContext);
export const useAppConfig = (): AppConfig => useContext(ConfigContext);
export const useAppState = (): AppState => required(useContext(AppStateContext), 'useAppState');
export const useAppActions = (): AppActions => required(useContext(AppActionsContext), 'useAppActions');

type ProviderProps = {backend: Backend; config: AppConfig; children: ReactNode};

/** A backend's answer to listProfiles(), taken as soon as it is there. */
type Listing = {entries: ProfileEntry[]} | {pending: Promise<ProfileEntry[]>} | {error: unknown};

function listProfiles(backend: Backend): Listing {
	try {
		const result = backend.listProfiles();
		if (Array.isArray(result)) {
			return {entries: result};
		}

		// Handled in an effect after this render; until then a rejection must not count as unhandled.
		result.catch(() => undefined);
		return {pending: result};
	} catch (error) {
		return {error};
	}
}

/** --profile with --region: the profile to connect to as soon as the list is in. */
function autoConnectProfile(config: AppConfig, entries: ProfileEntry[]): ProfileEntry | undefined {
	return config.skipPickers ? entries.find(entry => entry.name === config.initialProfile) : undefined;
}

/**
 * The state the first frame shows: with the profiles already in it when the backend had them at
 * once, and for --profile with --region the connect that the first effect starts (as attempt 1),
 * so that starting it changes nothing on screen.
 */
function stateWith(config: AppConfig, listing: Listing): AppState {
	const initial = initialAppState(config);
	if ('entries' in listing) {
		const listed = appReducer(initial, {type: 'profilesLoaded', entries: listing.entries});
		const wanted = autoConnectProfile(config, listing.entries);
		return wanted ? appReducer(listed, {type: 'connectStarted', profile: wanted, attempt: 1}) : listed;
	}

	return 'error' in listing ? appReducer(initial, {type: 'profilesFailed', error: toShownError(listing.error)}) : initial;
}

export function AppProvider({backend, config, children}: ProviderProps) {
	// Listed while the first frame renders (reading two small files), not in an effect after it:
	// an answer one render later would wait out Ink's frame throttle before anyone sees it.
	const [firstListing] = useState(() => ({backend, listing: listProfiles(backend)}));
	const [state, dispatch] = useReducer(appReducer, undefined, () => stateWith(config, firstListing.listing));
	const {exit} = useApp();
	const connection = useRef<AbortController | undefined>(undefined);
	const attempts = useRef(0);

	const {actions, autoConnect} = useMemo(() => {
		const defaultRegionFor = (profile: ProfileEntry | undefined): DefaultRegion => {
			const fromBackend = backend.defaultRegion(profile);
			// The backend already knows the flag and the environment; it is asked first so a region
			// that came from AWS_REGION is not labelled as the flag's.
			return config.initialRegion === undefined || fromBackend.region === config.initialRegion
				? fromBackend
				: {region: config.initialRegion, source: 'flag'};
		};

		/** `opensMain`: the answer goes straight to the main screen (--profile with --region). */
		const connect = (profile: ProfileEntry, opensMain = false, fresh = false, extras: readonly ProfileEntry[] = []) => {
			connection.current?.abort();
			const controller = new AbortController();
			connection.current = controller;
			const attempt = ++attempts.current;
			const {region} = defaultRegionFor(profile);
			dispatch({type: 'connectStarted', profile, attempt, extras});
			// Once aborted (Esc, another pick, unmount) the answer is dropped here, and the reducer
			// also ignores any attempt that is no longer current.
			backend.connect(profile, {region, signal: controller.signal, ...(opensMain ? {prefetch: true} : {}), ...(fresh ? {fresh} : {})}).then(
				session => {
					if (!controller.signal.aborted) {
						dispatch({type: 'connected', attempt, session, region});
					}
				},
				(error: unknown) => {
					if (!controller.signal.aborted) {
						dispatch({type: 'connectFailed', attempt, error: toShownError(error)});
					}
				},
			);
		};

		const appActions: AppActions = {
			connect(profile, extras) {
				connect(profile, false, false, extras);
			},
			cancelConnect() {
				connection.current?.abort();
				connection.current = undefined;
				dispatch({type: 'connectCancelled'});
			},
			ssoLogin:
				config.terminal && backend.ssoLogin
					? (profile, loginProfile) => {
							const {terminal} = config;
							const login = backend.ssoLogin;
							if (!terminal || !login) {
								return;
							}

							void terminal.run(async () => login.call(backend, loginProfile)).then(
								result => {
									if (result.ok) {
										// The SDK keeps no token in memory across this (ignoreCache), and `fresh` drops
										// trailview's own hold on the old session.
										connect(profile, false, true);
									} else {
										dispatch({type: 'loginFailed', error: {message: result.message, hint: result.hint}});
									}
								},
								(error: unknown) => {
									dispatch({type: 'loginFailed', error: toShownError(error)});
								},
							);
						}
					: undefined,
			chooseRegion(region) {
				dispatch({type: 'regionChosen', region});
			},
			leaveRegions() {
				dispatch({type: 'regionBack'});
			},
			leaveProfiles() {
				dispatch({type: 'profilesBack'});
			},
			openProfiles() {
				dispatch({type: 'openProfiles'});
			},
			openRegions() {
				dispatch({type: 'openRegions'});
			},
			toggleHelp() {
				dispatch({type: 'toggleHelp'});
			},
			closeHelp() {
				dispatch({type: 'closeHelp'});
			},
			quit() {
				connection.current?.abort();
				exit();
			},
			defaultRegionFor,
		};
		// --profile with --region: the main screen opens on the answer, so its first requests can
		// start alongside the credentials check.
		return {actions: appActions, autoConnect: (profile: ProfileEntry, extras: readonly ProfileEntry[]) => connect(profile, true, false, extras)};
	}, [backend, config.initialRegion, config.terminal, exit]);

	// Profiles are listed once per run: reopening the picker with `p` shows the same list at once.
	useEffect(() => {
		let live = true;
		const first = firstListing.backend === backend;
		const listing = first ? firstListing.listing : listProfiles(backend);
		const listed = (entries: ProfileEntry[]) => {
			// The first listing is in the initial state already when it was synchronous.
			if (!first || !('entries' in listing)) {
				dispatch({type: 'profilesLoaded', entries});
			}

			const wanted = autoConnectProfile(config, entries);
			if (wanted) {
				const extras = (config.initialExtras ?? []).flatMap(name => entries.filter(entry => entry.name === name));
				autoConnect(wanted, extras);
			}
		};

		if ('entries' in listing) {
			listed(listing.entries);
		} else if ('error' in listing) {
			if (!first) {
				dispatch({type: 'profilesFailed', error: toShownError(listing.error)});
			}
		} else {
			listing.pending.then(
				entries => {
					if (live) {
						listed(entries);
					}
				},
				(error: unknown) => {
					if (live) {
						dispatch({type: 'profilesFailed', error: toShownError(error)});
					}
				},
			);
		}

		return () => {
			live = false;
		};
		// Only a new backend lists again; config and actions are fixed for the first listing.
	}, [backend]);

	useEffect(
		() => () => {
			connection.current?.abort();
		},
		[],
	);

	return (
		<BackendContext.Provider value={backend}>
			<ConfigContext.Provider value={config}>
				<AppActionsContext.Provider value={actions}>
					<AppStateContext.Provider value={state}>{children}</AppStateContext.Provider>
				</AppActionsContext.Provider>
			</ConfigContext.Provider>
		</BackendContext.Provider>
	);
}
