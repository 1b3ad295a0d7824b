// Which screen is up and what has been chosen so far, as a pure reducer: the screen flow
// (profile -> connect -> region -> main, and back via p / R / Esc) is tested without rendering.
import {type ProfileEntry, type Session, TrailviewError} from '../domain/types.js';

export type Screen = 'profiles' | 'regions' | 'main';

/** An error as the person sees it: what went wrong and what to do. */
export type ShownError = {
	message: string;
	hint: string | undefined;
	/** Set when `aws sso login --profile <this>` is the fix: the picker offers a key for it. */
	ssoLoginProfile?: string | undefined;
};

export type ProfilesState =
	| {status: 'loading'}
	| {status: 'ready'; entries: ProfileEntry[]}
	| {status: 'failed'; error: ShownError};

export type ConnectState = {status: 'idle'} | {status: 'connecting'; profile: ProfileEntry; attempt: number};

/**
 * What the main screen shows. `mainKey` changes whenever session, region or extras do, remounting
 * it. `extras`: more profiles marked in the picker, opened beside the session in one timeline;
 * each connects on its own on the main screen, so one that fails never blocks the others.
 */
export type ActiveChoice = {session: Session; region: string; mainKey: number; extras: readonly ProfileEntry[]};

export type AppState = {
	screen: Screen;
	helpOpen: boolean;
	profiles: ProfilesState;
	connect: ConnectState;
	/** On the profile picker: the last connect failure, or an unknown --profile. */
	profileError: ShownError | undefined;
	/** Connected in the current picker flow, waiting for a region. */
	pending: Session | undefined;
	active: ActiveChoice | undefined;
	/** Where Esc on the region picker leads: the profile picker in the first flow, main after `R`. */
	regionBack: 'profiles' | 'main';
	/** --profile and --region both given: the first successful connect goes straight to main. */
	autoConnect: boolean;
	/** The profile the picker's cursor starts on. */
	preferredProfile: string | undefined;
	/** Profiles marked beside the one being connected (Space in the picker, --profile a,b). */
	extras: readonly ProfileEntry[];
	nextMainKey: number;
};

export type AppAction =
	| {type: 'profilesLoaded'; entries: ProfileEntry[]}
	| {type: 'profilesFailed'; error: ShownError}
	/** `extras`: the other profiles to open beside this one (none by default). */
	| {type: 'connectStarted'; profile: ProfileEntry; attempt: number; extras?: readonly ProfileEntry[]}
	/** `region`: where to go when this connect skips the region picker. */
	| {type: 'connected'; attempt: number; session: Session; region: string}
	| {type: 'connectFailed'; attempt: number; error: ShownError}
	| {type: 'connectCancelled'}
	/** `aws sso login` could not run or did not finish: shown on the picker like a connect failure. */
	| {type: 'loginFailed'; error: ShownError}
	| {type: 'regionChosen'; region: string}
	| {type: 'regionBack'}
	| {type: 'profilesBack'}
	| {type: 'openProfiles'}
	| {type: 'openRegions'}
	| {type: 'toggleHelp'}
	| {type: 'closeHelp'};

export function initialAppState(options: {initialProfile?: string | undefined; skipPickers?: boolean | undefined}): AppState {
	return {
		screen: 'profiles',
		helpOpen: false,
		profiles: {status: 'loading'},
		connect: {status: 'idle'},
		profileError: undefined,
		pending: undefined,
		active: undefined,
		regionBack: 'profiles',
		autoConnect: Boolean(options.skipPickers && options.initialProfile !== undefined),
		preferredProfile: options.initialProfile,
		extras: [],
		nextMainKey: 1,
	};
}

export function toShownError(error: unknown): ShownError {
	if (error instanceof TrailviewError) {
		return {message: error.message, hint: error.hint, ...(error.ssoLoginProfile ? {ssoLoginProfile: error.ssoLoginProfile} : {})};
	}

	if (error instanceof Error) {
		return {message: error.message || error.name, hint: undefined};
	}

	return {message: String(error), hint: undefined};
}

export function profileNotFound(name: string): ShownError {
	return {
		message: `Profile '${name}' not found in ~/.aws/config or ~/.aws/credentials`,
		hint: 'Pick one below, or check the name given with --profile or AWS_PROFILE.',
	};
}

/** The session the pickers' header shows: the one being set up, else the one in use. */
export function headerSession(state: AppState): Session | undefined {
	return state.pending ?? state.active?.session;
}

function sameProfiles(a: readonly ProfileEntry[], b: readonly ProfileEntry[]): boolean {
	return a.length === b.length && a.every((entry, index) => entry.name === b[index]?.name);
}

function commit(state: AppState, session: Session, region: string): AppState {
	const unchanged = state.active?.session === session && state.active.region === region && sameProfiles(state.active.extras, state.extras);
	return {
		...state,
		screen: 'main',
		pending: undefined,
		profileError: undefined,
		active: unchanged ? state.active : {session, region, mainKey: state.nextMainKey, extras: state.extras},
		nextMainKey: unchanged ? state.nextMainKey : state.nextMainKey + 1,
	};
}

export function appReducer(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'profilesLoaded': {
			const wanted = state.preferredProfile;
			const known = wanted === undefined || action.entries.some(entry => entry.name === wanted);
			return {
				...state,
				profiles: {status: 'ready', entries: action.entries},
				profileError: known ? state.profileError : profileNotFound(wanted),
				autoConnect: state.autoConnect && known,
			};
		}

		case 'profilesFailed': {
			return {...state, profiles: {status: 'failed', error: action.error}, autoConnect: false};
		}

		case 'connectStarted': {
			// Already shown (the first frame of --profile with --region): no new state, no redraw.
			const extras = action.extras ?? [];
			if (
				state.connect.status === 'connecting' &&
				state.connect.attempt === action.attempt &&
				state.connect.profile === action.profile &&
				!state.profileError &&
				sameProfiles(state.extras, extras)
			) {
				return state;
			}

			return {...state, connect: {status: 'connecting', profile: action.profile, attempt: action.attempt}, profileError: undefined, extras};
		}

		case 'connected': {
			// A late answer for an attempt that was cancelled or replaced must not show up.
			if (state.connect.status !== 'connecting' || state.connect.attempt !== action.attempt) {
				return state;
			}

			const connected = {...state, connect: {status: 'idle'} as const, preferredProfile: action.session.profile.name};
			if (state.autoConnect) {
				return commit({...connected, autoConnect: false}, action.session, action.region);
			}

			return {...connected, pending: action.session, screen: 'regions', regionBack: 'profiles'};
		}

		case 'connectFailed': {
			if (state.connect.status !== 'connecting' || state.connect.attempt !== action.attempt) {
				return state;
			}

			return {...state, connect: {status: 'idle'}, profileError: action.error, autoConnect: false, preferredProfile: state.connect.profile.name};
		}

		case 'loginFailed': {
			return {...state, screen: 'profiles', profileError: action.error};
		}

		case 'connectCancelled': {
			if (state.connect.status !== 'connecting') {
				return state;
			}

			return {...state, connect: {status: 'idle'}, autoConnect: false, preferredProfile: state.connect.profile.name};
		}

		case 'regionChosen': {
			const session = headerSession(state);
			return session ? commit(state, session, action.region) : state;
		}

		case 'regionBack': {
			if (state.regionBack === 'main' && state.active) {
				return {...state, screen: 'main'};
			}

			// The session connected for this flow is dropped: the header goes back to the one in use.
			return {...state, screen: 'profiles', pending: undefined};
		}

		case 'profilesBack': {
			// Only a reopened picker has somewhere to go back to; the first one stays (Ctrl+C quits).
			if (!state.active || state.connect.status === 'connecting') {
				return state;
			}

			return {...state, screen: 'main', pending: undefined, profileError: undefined};
		}

		case 'openProfiles': {
			return {
				...state,
				screen: 'profiles',
				pending: undefined,
				profileError: undefined,
				preferredProfile: state.active?.session.profile.name ?? state.preferredProfile,
			};
		}

		case 'openRegions': {
			return state.active ? {...state, screen: 'regions', pending: undefined, regionBack: 'main'} : state;
		}

		case 'toggleHelp': {
			return {...state, helpOpen: !state.helpOpen};
		}

		case 'closeHelp': {
			return state.helpOpen ? {...state, helpOpen: false} : state;
		}
	}
}
