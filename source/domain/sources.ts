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

/** Past this many regions for one account and reason, the line names the first few and counts the rest. */
const namedRegions = 8;

function regionList(regions: readonly string[]): string {
	if (regions.length <= namedRegions) {
		return regions.join(', ');
	}

	const shown = namedRegions - 2;
	return `${regions.slice(0, shown).join(', ')} and ${regions.length - shown} more`;
}

/**
 * `14 regions · ap-east-1, eu-south-2 not enabled · me-south-1 access denied` for one account;
 * with several, `2 accounts · 15 regions · dev ap-east-1, me-south-1 not enabled`. What was left
 * out is grouped by reason, then account, in the order skipped; a long list of regions names the
 * first few and counts the rest (`af-south-1, … and 11 more not enabled`).
 */
export function describeSources(sources: readonly EventOrigin[], skipped: readonly SkippedSource[]): string {
	const severalAccounts = new Set(sources.map(source => source.account)).size > 1;
	const counts = liveCounts(sources, skipped);
	const parts = [severalAccounts ? `${plural(counts.accounts, 'account')} · ${plural(counts.regions, 'region')}` : plural(counts.regions, 'region')];
	const byReason = new Map<SkipReason, Map<string, {label: string; regions: string[]}>>();
	for (const skip of skipped) {
		const accounts = byReason.get(skip.reason) ?? new Map<string, {label: string; regions: string[]}>();
		const account = accounts.get(skip.account) ?? {label: skip.accountLabel, regions: []};
		account.regions.push(skip.region);
		accounts.set(skip.account, account);
		byReason.set(skip.reason, accounts);
	}

	for (const [reason, accounts] of byReason) {
		const names = [...accounts.values()].map(({label, regions}) => (severalAccounts ? `${label} ${regionList(regions)}` : regionList(regions)));
		parts.push(`${names.join(', ')} ${skipReasonText[reason]}`);
	}

	return parts.join(' · ');
}
