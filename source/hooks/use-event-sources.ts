// Which accounts and regions the events table reads: the main session in its region, plus the
// profiles opened beside it, plus every region with `A`. One source is the service itself (so the
// start-up prefetch is taken over); several are merged newest first (services/merged-lookup.ts),
// each at its own 2 requests a second, and the ones that are not enabled or deny access are
// skipped and named.
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {CloudTrailService, EventSource, Session, SkippedSource} from '../domain/types.js';
import {mergedLookup} from '../services/merged-lookup.js';
import {sessionsFollowInterval} from '../services/follow.js';
import {useOptionalBackend} from '../context/app-context.js';
import type {ExtraSession} from './use-extra-sessions.js';

/** What the events hook reads from: one service, or several merged. */
export type EventsLookup = Pick<CloudTrailService, 'region' | 'lookupEvents'>;

export type EventSources = {
	lookup: EventsLookup;
	sources: readonly EventSource[];
	accounts: number;
	regions: number;
	/** While `A` waits for the partition's region list. */
	loadingRegions: boolean;
	skipped: readonly SkippedSource[];
	/** The accounts' own follow pause (a loopback emulator's; sessionsFollowInterval), if all have one. */
	followIntervalMs: number | undefined;
};

function originOf(session: Session, region: string): Omit<EventSource, 'service'> {
	return {account: session.identity.account, accountLabel: session.profile.name || session.identity.account, region};
}

export function useEventSources(options: {session: Session; service: CloudTrailService; region: string; extras: readonly ExtraSession[]; allRegions: boolean}): EventSources {
	const {session, service, region, extras, allRegions} = options;
	const backend = useOptionalBackend();
	const [regionList, setRegionList] = useState<readonly string[] | undefined>(undefined);
	useEffect(() => {
		if (!allRegions || regionList) {
			return;
		}

		let live = true;
		(backend ? backend.listRegions() : Promise.reject(new Error('no backend'))).then(
			regions => live && setRegionList(regions.map(info => info.code)),
			// Without the list, the current region is all there is to show.
			() => live && setRegionList([region]),
		);
		return () => {
			live = false;
		};
	}, [allRegions, regionList, backend, region]);

	const sessions = useMemo(
		() => [session, ...extras.flatMap(extra => (extra.status === 'connected' ? [extra.session] : []))],
		[session, extras],
	);
	const regions = useMemo(() => (allRegions && regionList ? regionList : [region]), [allRegions, regionList, region]);
	const sources = useMemo<EventSource[]>(
		() => sessions.flatMap(each => regions.map(code => ({...originOf(each, code), service: each === session && code === region ? service : each.serviceFor(code)}))),
		[sessions, regions, session, region, service],
	);

	const [skipped, setSkipped] = useState<readonly SkippedSource[]>([]);
	useEffect(() => {
		setSkipped([]);
	}, [sources]);
	const onSkip = useCallback((source: SkippedSource) => {
		setSkipped(current => (current.some(each => each.account === source.account && each.region === source.region) ? current : [...current, source]));
	}, []);

	const lookup = useMemo<EventsLookup>(() => {
		if (sources.length === 1) {
			return service;
		}

		return {region: sources.length === regions.length ? 'all regions' : region, lookupEvents: lookupOptions => mergedLookup(sources, {...lookupOptions, onSkip})};
	}, [sources, service, regions.length, region, onSkip]);

	const followIntervalMs = sessionsFollowInterval(sessions);
	return {lookup, sources, accounts: sessions.length, regions: regions.length, loadingRegions: allRegions && !regionList, skipped, followIntervalMs};
}
