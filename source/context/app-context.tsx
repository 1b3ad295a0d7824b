// State and actions travel in two contexts (as in gemini-cli): screens that only act do not
// re-render on every state change, and nothing drills callbacks through props.
import React, {type ReactNode, createContext, useContext, useEffect, useMemo, useReducer, useRef} from 'react';
import {useApp} from 'ink';
import type {Backend, DefaultRegion, ProfileEntry} from '../services/types.js';
import {type AppState, appReducer, initialAppState, toShownError} from './app-reducer.js';

export type AppConfig = {
	initialProfile?: string | undefined;
	initialRegion?: string | undefined;
	skipPickers?: boolean | undefined;
	notice?: string | undefined;
};

export type AppActions = {
	/** Resolves credentials for `profile`; a new call or cancelConnect() aborts the previous one. */
	connect(profile: ProfileEntry): void;
	cancelConnect(): void;
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
export const useAppConfig = (): AppConfig => useContext(ConfigContext);
export const useAppState = (): AppState => required(useContext(AppStateContext), 'useAppState');
export const useAppActions = (): AppActions => required(useContext(AppActionsContext), 'useAppActions');

type ProviderProps = {backend: Backend; config: AppConfig; children: ReactNode};

export function AppProvider({backend, config, children}: ProviderProps) {
	const [state, dispatch] = useReducer(appReducer, config, initialAppState);
	const {exit} = useApp();
	const connection = useRef<AbortController | undefined>(undefined);
	const attempts = useRef(0);

	const actions = useMemo<AppActions>(() => {
		const defaultRegionFor = (profile: ProfileEntry | undefined): DefaultRegion => {
			const fromBackend = backend.defaultRegion(profile);
			// The backend already knows the flag and the environment; it is asked first so a region
			// that came from AWS_REGION is not labelled as the flag's.
			return config.initialRegion === undefined || fromBackend.region === config.initialRegion
				? fromBackend
				: {region: config.initialRegion, source: 'flag'};
		};

		const connect = (profile: ProfileEntry) => {
			connection.current?.abort();
			const controller = new AbortController();
			connection.current = controller;
			const attempt = ++attempts.current;
			const {region} = defaultRegionFor(profile);
			dispatch({type: 'connectStarted', profile, attempt});
			// Once aborted (Esc, another pick, unmount) the answer is dropped here, and the reducer
			// also ignores any attempt that is no longer current.
			backend.connect(profile, {region, signal: controller.signal}).then(
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

		return {
			connect,
			cancelConnect() {
				connection.current?.abort();
				connection.current = undefined;
				dispatch({type: 'connectCancelled'});
			},
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
	}, [backend, config.initialRegion, exit]);

	// Profiles are listed once per run: reopening the picker with `p` shows the same list at once.
	useEffect(() => {
		let live = true;
		Promise.resolve(backend.listProfiles()).then(
			entries => {
				if (!live) {
					return;
				}

				dispatch({type: 'profilesLoaded', entries});
				const wanted = config.skipPickers ? entries.find(entry => entry.name === config.initialProfile) : undefined;
				if (wanted) {
					actions.connect(wanted);
				}
			},
			(error: unknown) => {
				if (live) {
					dispatch({type: 'profilesFailed', error: toShownError(error)});
				}
			},
		);
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
