// The profiles opened beside the main one (Space in the picker, --profile a,b): each resolves its
// credentials on its own, so an expired SSO session in one account never holds up the others.
// Unmounting (a profile or region switch) aborts whatever is still connecting.
import {useEffect, useState} from 'react';
import type {ProfileEntry, Session} from '../domain/types.js';
import {useOptionalBackend} from '../context/app-context.js';
import {toShownError, type ShownError} from '../context/app-reducer.js';

export type ExtraSession =
	| {profile: ProfileEntry; status: 'connecting'}
	| {profile: ProfileEntry; status: 'connected'; session: Session}
	| {profile: ProfileEntry; status: 'failed'; error: ShownError};

export function useExtraSessions(extras: readonly ProfileEntry[], region: string): ExtraSession[] {
	const backend = useOptionalBackend();
	const [sessions, setSessions] = useState<ExtraSession[]>(() => extras.map(profile => ({profile, status: 'connecting'})));
	useEffect(() => {
		const controller = new AbortController();
		const settle = (profile: ProfileEntry, next: ExtraSession) => {
			if (!controller.signal.aborted) {
				setSessions(current => current.map(entry => (entry.profile === profile ? next : entry)));
			}
		};

		for (const profile of extras) {
			if (!backend) {
				settle(profile, {profile, status: 'failed', error: {message: 'No way to connect here', hint: undefined}});
				continue;
			}

			backend.connect(profile, {region, signal: controller.signal}).then(
				session => settle(profile, {profile, status: 'connected', session}),
				(error: unknown) => settle(profile, {profile, status: 'failed', error: toShownError(error)}),
			);
		}

		return () => controller.abort();
	}, [backend, extras, region]);
	return sessions;
}
