// The status-line parts of the live and wide view: new rows above the window, a failed poll, which
// regions were skipped and why, which extra accounts are still connecting or failed.
import type {StatusPart} from '../components/footer.js';
import type {EventsState} from '../lib/events-state.js';
import {newAbove} from '../lib/events-insert.js';
import {formatDuration} from '../lib/duration.js';
import {formatRelative} from '../lib/format.js';
import {joinSafe, safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import type {FollowState} from '../hooks/use-follow.js';
import type {LiveEvents} from '../hooks/use-live-events.js';
import type {EventSources} from '../hooks/use-event-sources.js';
import type {SkipReason} from '../domain/types.js';

const reasons: Record<SkipReason, SafeText> = {'not-enabled': safe`not enabled`, 'access-denied': safe`access denied`, failed: safe`failed`};

function clock(at: Date): SafeText {
	return sanitizeLine(at.toTimeString().slice(0, 8));
}

/** The header's "following · every 10 s · polled 12:00:03". */
export function followingText(follow: FollowState): SafeText {
	const every = safe`following · every ${sanitizeLine(formatDuration(follow.intervalMs))}`;
	return follow.lastPoll ? safe`${every} · polled ${clock(follow.lastPoll)}` : safe`${every} · first poll…`;
}

/** "us-east-1", "17 regions", "3 accounts · us-east-1", "2 accounts · 17 regions". */
/** The header's word on how fresh the rows are: following, loaded when, or loading. */
export function freshnessText(follow: FollowState, events: Pick<EventsState, 'loadedAt' | 'loading'>, now: Date): SafeText | undefined {
	if (follow.on) {
		return followingText(follow);
	}

	return events.loadedAt ? safe`loaded ${formatRelative(events.loadedAt, now)}` : events.loading ? safe`loading…` : undefined;
}

/** Why F cannot start following now, or undefined when it can (stopping is always allowed). */
export function followRefusal(state: {following: boolean; until: boolean; archive: boolean}): SafeText | undefined {
	if (state.following) {
		return undefined;
	}

	// A window that ends in the past has nothing to follow.
	if (state.until) {
		return safe`Following needs a window that ends now: remove until: from the query.`;
	}

	// The archive is minutes behind by design (log files land every few minutes) and every poll is billed.
	return state.archive ? safe`Follow reads Event history (LookupEvents): a switches back to it.` : undefined;
}

export function scopeLabel(sources: Pick<EventSources, 'accounts' | 'regions'>, region: string): string {
	const regions = sources.regions > 1 ? `${sources.regions} regions` : region;
	return sources.accounts > 1 ? `${sources.accounts} accounts · ${regions}` : regions;
}

export function liveStatus(live: LiveEvents, events: EventsState): StatusPart[] {
	const parts: StatusPart[] = [];
	const above = newAbove(events);
	if (above > 0) {
		parts.push({text: safe`${above} new ↑ (g)`, color: 'green'});
	}

	const {failure} = live.follow;
	if (live.follow.on && failure) {
		const wait = Number.isFinite(failure.retryAt) ? safe` · retrying in ${sanitizeLine(formatDuration(Math.max(0, failure.retryAt - Date.now())))}` : safe``;
		parts.push({text: safe`✗ poll failed: ${sanitizeLine(failure.error.message)}${wait}`, color: 'red'});
	}

	if (live.sources.loadingRegions) {
		parts.push({text: safe`listing regions…`});
	}

	if (live.sources.regions > 1) {
		parts.push({text: regionsText(live.sources)});
		// LookupEvents records IAM, STS and CloudFront calls in us-east-1 only; each shows once.
		parts.push({text: safe`IAM, STS, CloudFront: us-east-1 only`, color: 'gray'});
	}

	for (const extra of live.extras) {
		if (extra.status === 'connecting') {
			parts.push({text: safe`connecting ${sanitizeLine(extra.profile.name)}…`});
		} else if (extra.status === 'failed') {
			const hint = extra.error.hint ? safe` (${sanitizeLine(extra.error.hint)})` : safe``;
			parts.push({text: safe`✗ ${sanitizeLine(extra.profile.name)}: ${sanitizeLine(extra.error.message)}${hint}`, color: 'red'});
		}
	}

	return parts;
}

/**
 * "19 regions · 16 not enabled · me-south-1 access denied": regions read, then the skipped ones.
 * Opt-in regions nobody enabled are many and expected, so past two they are only counted; a
 * region that denies access or fails is always named.
 */
export function regionsText(sources: Pick<EventSources, 'regions' | 'accounts' | 'skipped'>): SafeText {
	const name = (source: EventSources['skipped'][number]) =>
		safe`${sanitizeLine(source.region)}${sources.accounts > 1 ? safe` (${sanitizeLine(source.accountLabel)})` : safe``}`;
	const notEnabled = sources.skipped.filter(source => source.reason === 'not-enabled');
	const others = sources.skipped.filter(source => source.reason !== 'not-enabled');
	const regionsRead = new Set(sources.skipped.map(source => `${source.account}/${source.region}`)).size;
	const parts = [safe`${Math.max(0, sources.regions * sources.accounts - regionsRead)} of ${sources.regions * sources.accounts} ${sources.accounts > 1 ? safe`account regions` : safe`regions`} read`];
	if (notEnabled.length > 2) {
		parts.push(safe`${notEnabled.length} not enabled`);
	} else {
		parts.push(...notEnabled.map(source => safe`${name(source)} ${reasons[source.reason]}`));
	}

	parts.push(...others.map(source => safe`${name(source)} ${reasons[source.reason]}`));
	return joinSafe(parts, safe` · `);
}
