// What a merged view (several accounts or regions, issue 13) says about its sources, one line
// for a status bar or stderr: `14 regions · ap-east-1 not enabled · me-south-1 access denied`.
// Unsanitised: profile names come from the config files, so the caller sanitises as for any text.
import type {EventOrigin, SkippedSource, SkipReason} from './types.js';

export const skipReasonText: Record<SkipReason, string> = {
	'not-enabled': 'not enabled',
	'access-denied': 'access denied',
	failed: 'failed',
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

const keyOf = (origin: EventOrigin) => `${origin.account}\u0000${origin.region}`;

export type SourceCounts = {
	/** Accounts with at least one source not left out. */
	accounts: number;
	/** Distinct regions with at least one source not left out. */
	regions: number;
	/** Account+region pairs not left out. */
	sources: number;
};

export function liveCounts(sources: readonly EventOrigin[], skipped: readonly EventOrigin[]): SourceCounts {
	const out = new Set(skipped.map(keyOf));
	const live = sources.filter(source => !out.has(keyOf(source)));
	return {
		accounts: new Set(live.map(source => source.account)).size,
		regions: new Set(live.map(source => source.region)).size,
		sources: live.length,
	};
}

/**
 * `14 regions · ap-east-1, eu-south-2 not enabled · me-south-1 access denied` for one account;
 * with several, `2 accounts · 15 regions · dev ap-east-1 not enabled`. Skipped sources are grouped
 * by reason, in the order they were skipped.
 */
export function describeSources(sources: readonly EventOrigin[], skipped: readonly SkippedSource[]): string {
	const severalAccounts = new Set(sources.map(source => source.account)).size > 1;
	const counts = liveCounts(sources, skipped);
	const parts = [severalAccounts ? `${plural(counts.accounts, 'account')} · ${plural(counts.regions, 'region')}` : plural(counts.regions, 'region')];
	const byReason = new Map<SkipReason, string[]>();
	for (const skip of skipped) {
		const names = byReason.get(skip.reason) ?? [];
		names.push(severalAccounts ? `${skip.accountLabel} ${skip.region}` : skip.region);
		byReason.set(skip.reason, names);
	}

	for (const [reason, names] of byReason) {
		parts.push(`${names.join(', ')} ${skipReasonText[reason]}`);
	}

	return parts.join(' · ');
}
