// The events table's data, live and wide: the accounts opened together, every region with `A`,
// and follow mode with `F`, over the query's plan. The screen only draws what this returns.
import {useCallback, useState} from 'react';
import type {CloudTrailService, ProfileEntry, Session} from '../domain/types.js';
import type {QueryPlan} from '../domain/query/types.js';
import {useEvents, type EventsRun, type UseEvents, type ViewportFor} from './use-events.js';
import {useExtraSessions, type ExtraSession} from './use-extra-sessions.js';
import {useEventSources, type EventSources, type EventsLookup} from './use-event-sources.js';
import {useFollow, type FollowState} from './use-follow.js';

export type LiveEvents = {
	events: UseEvents;
	sources: EventSources;
	extras: readonly ExtraSession[];
	follow: FollowState;
	allRegions: boolean;
	toggleAllRegions(): void;
	toggleFollow(): void;
};

export function useLiveEvents(options: {
	session: Session;
	service: CloudTrailService;
	region: string;
	extras: readonly ProfileEntry[];
	viewportFor: ViewportFor;
	run: EventsRun;
	plan: QueryPlan;
	/** --follow / --all-regions. */
	initial?: {follow: boolean; allRegions: boolean} | undefined;
	/** While the archive is on (`a`): what the table reads instead; follow waits meanwhile. */
	archive?: EventsLookup | undefined;
}): LiveEvents {
	const [allRegions, setAllRegions] = useState(options.initial?.allRegions ?? false);
	const [following, setFollowing] = useState(options.initial?.follow ?? false);
	const extras = useExtraSessions(options.extras, options.region);
	const sources = useEventSources({session: options.session, service: options.service, region: options.region, extras, allRegions});
	const events = useEvents(options.archive ?? sources.lookup, options.viewportFor, options.run);
	const follow = useFollow({
		lookup: sources.lookup,
		plan: options.plan,
		sources: sources.sources.length,
		localIntervalMs: sources.followIntervalMs,
		on: following && !options.archive,
		onEvents: events.insert,
	});
	const toggleAllRegions = useCallback(() => setAllRegions(current => !current), []);
	const toggleFollow = useCallback(() => setFollowing(current => !current), []);
	return {events, sources, extras, follow, allRegions, toggleAllRegions, toggleFollow};
}
