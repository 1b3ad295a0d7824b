// Which regions an account may call. The 17 regions that existed before March 2019 are enabled in
// every account; every region launched since is opt-in, and until an account enables one, each
// call signed for it fails as if the credentials were unknown there (CloudTrail:
// UnrecognizedClientException, STS: InvalidClientTokenId). The SDK's partition data lists the
// regions but not which are opt-in, so both lists are kept here; test/emulator/regions.test.ts
// checks that together they are exactly the SDK's aws partition (the emulator may not import the
// SDK, and reaching into source/services/ would tie a stand-in for AWS to the app it tests).
import {knownAccountIds, prodAccountId} from './accounts.js';
import type {EmulatedOperation} from './types.js';

/** Enabled in every account; cannot be disabled. */
export const defaultRegions = [
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ap-south-1',
	'ap-southeast-1',
	'ap-southeast-2',
	'ca-central-1',
	'eu-central-1',
	'eu-north-1',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'sa-east-1',
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
] as const;

/** Must be enabled per account before anything answers there. */
export const optInRegions = [
	'af-south-1',
	'ap-east-1',
	'ap-east-2',
	'ap-south-2',
	'ap-southeast-3',
	'ap-southeast-4',
	'ap-southeast-5',
	'ap-southeast-6',
	'ap-southeast-7',
	'ca-west-1',
	'eu-central-2',
	'eu-south-1',
	'eu-south-2',
	'il-central-1',
	'me-central-1',
	'me-south-1',
	'me-west-1',
	'mx-central-1',
	'sa-west-1',
] as const;

/**
 * Opt-in regions enabled when EmulatorOptions.enabledOptInRegions is not given: demo-prod has
 * Jakarta, so an all-regions view of the demo answers in 18 regions and skips the other 18.
 */
export const demoOptInRegions: Readonly<Record<string, readonly string[]>> = {[prodAccountId]: ['ap-southeast-3']};

const defaults = new Set<string>(defaultRegions);
const optIn = new Set<string>(optInRegions);

export function isDefaultRegion(region: string): boolean {
	return defaults.has(region);
}

function checkAccount(accountId: string, what: string): void {
	if (!knownAccountIds.has(accountId)) {
		throw new Error(`${what}: unknown account ${accountId}; use one of ${[...knownAccountIds].join(', ')}`);
	}
}

/** Per account: the opt-in regions it has enabled, and the regions where a policy denies LookupEvents. */
export class RegionAccess {
	private readonly enabled = new Map<string, Set<string>>();
	private readonly denied = new Set<string>();

	constructor(enabledOptIn: Readonly<Record<string, readonly string[]>>) {
		for (const [accountId, regions] of Object.entries(enabledOptIn)) {
			for (const region of regions) {
				this.enable(accountId, region);
			}
		}
	}

	/** Whether calls signed for `region` reach the service at all. Unknown region names never do. */
	isEnabled(accountId: string, region: string): boolean {
		return defaults.has(region) || (this.enabled.get(accountId)?.has(region) ?? false);
	}

	/** The 17 default regions plus the opt-in ones this account enabled, sorted. */
	enabledRegions(accountId: string): string[] {
		return [...defaultRegions, ...(this.enabled.get(accountId) ?? [])].sort();
	}

	enable(accountId: string, region: string): void {
		checkAccount(accountId, 'enableRegion');
		this.checkOptIn(region, 'enableRegion');
		let regions = this.enabled.get(accountId);
		if (!regions) {
			regions = new Set();
			this.enabled.set(accountId, regions);
		}

		regions.add(region);
	}

	disable(accountId: string, region: string): void {
		checkAccount(accountId, 'disableRegion');
		this.checkOptIn(region, 'disableRegion');
		this.enabled.get(accountId)?.delete(region);
	}

	deny(accountId: string, region: string): void {
		checkAccount(accountId, 'denyRegion');
		this.denied.add(`${accountId}/${region}`);
	}

	allow(accountId: string, region: string): void {
		this.denied.delete(`${accountId}/${region}`);
	}

	/** Whether a denyRegion() policy refuses this call. */
	isDenied(accountId: string, region: string, op: EmulatedOperation): boolean {
		return op === 'LookupEvents' && this.denied.has(`${accountId}/${region}`);
	}

	private checkOptIn(region: string, what: string): void {
		if (defaults.has(region)) {
			throw new RangeError(`${what}: ${region} is enabled by default in every account and cannot be changed`);
		}

		if (!optIn.has(region)) {
			throw new RangeError(`${what}: ${region} is not an opt-in region; use one of ${optInRegions.join(', ')}`);
		}
	}
}
