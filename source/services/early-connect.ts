// --profile with --region: the connect the main screen will ask for is known before Ink has
// drawn anything. Starting it here lets the SDK chunk load and the identity check, the trails and
// the first events page travel while Ink loads and draws its first frames, instead of after them
// (bench figure first-row). The UI's own connect call then adopts the request already under way.
// Imports nothing from @aws-sdk/*: the backend reaches the SDK through `await import()` as before.
import type {Backend, ConnectOptions, ProfileEntry, Session} from '../domain/types.js';
import {TrailviewError} from '../domain/types.js';

export type EarlyConnect = {profile: string; region: string};

type Early = {entry: ProfileEntry; region: string; session: Promise<Session>; controller: AbortController};

/**
 * Wraps `base` so that `early.profile` in `early.region` is being connected from now on (with the
 * main screen's prefetch). The first connect() for that same profile, region and prefetch takes it
 * over, its signal included; any other connect() cancels it first. The profile listing made here
 * is handed to the first listProfiles() call, so the files are read once at startup.
 */
export function withEarlyConnect(base: Backend, early: EarlyConnect): Backend {
	let firstListing: ReturnType<Backend['listProfiles']> | undefined;
	let pending: Early | undefined;
	try {
		firstListing = base.listProfiles();
		const entry = Array.isArray(firstListing) ? firstListing.find(candidate => candidate.name === early.profile) : undefined;
		if (entry) {
			const controller = new AbortController();
			const session = base.connect(entry, {region: early.region, prefetch: true, signal: controller.signal});
			// Seen by whoever adopts it; until then a failure must not count as unhandled.
			session.catch(() => undefined);
			pending = {entry, region: early.region, session, controller};
		}
	} catch {
		// The UI lists the profiles again and shows what went wrong.
		firstListing = undefined;
	}

	const adopt = (profile: ProfileEntry, options: ConnectOptions): Promise<Session> | undefined => {
		const taken = pending;
		pending = undefined;
		if (taken === undefined) {
			return undefined;
		}

		const same = profile.name === taken.entry.name && profile.kind === taken.entry.kind
			&& options.region === taken.region && options.prefetch === true && options.fresh !== true;
		if (!same) {
			taken.controller.abort();
			return undefined;
		}

		const {signal} = options;
		if (signal?.aborted) {
			taken.controller.abort();
			return Promise.reject(new TrailviewError('cancelled', 'Cancelled.'));
		}

		signal?.addEventListener('abort', () => {
			taken.controller.abort();
		}, {once: true});
		return taken.session;
	};

	return {
		...base,
		listProfiles() {
			const listing = firstListing;
			firstListing = undefined;
			return listing ?? base.listProfiles();
		},
		listRegions: async () => base.listRegions(),
		defaultRegion: profile => base.defaultRegion(profile),
		async connect(profile, options) {
			return adopt(profile, options) ?? base.connect(profile, options);
		},
		...(base.ssoLogin ? {ssoLogin: base.ssoLogin.bind(base)} : {}),
		...(base.firstRunNote ? {firstRunNote: base.firstRunNote.bind(base)} : {}),
		...(base.preload ? {preload: base.preload.bind(base)} : {}),
	};
}
