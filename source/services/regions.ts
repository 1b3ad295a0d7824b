// Region list, validation and the default-region rule. The list itself is loaded lazily: the
// picker needs it, the first frame does not.
import type {DefaultRegion, RegionInfo} from '../domain/types.js';

export const FALLBACK_REGION = 'us-east-1';

/** Shaped like every region name so far, and loose enough that a region launched after this SDK still passes. */
const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

export function isValidRegionName(value: string): boolean {
	return REGION_NAME.test(value);
}

/** Every region of the aws partition with its description, e.g. eu-west-1 "Europe (Ireland)". */
export async function listRegions(partitionId = 'aws'): Promise<RegionInfo[]> {
	const {partitionsInfo} = await import('./region-data.js');
	const partition = partitionsInfo.partitions.find((candidate) => candidate.id === partitionId);
	const regions = Object.entries(partition?.regions ?? {}) as Array<[string, {description?: string}]>;
	return regions
		// aws-global and friends are endpoint aliases, not regions anyone picks.
		.filter(([code]) => isValidRegionName(code))
		.map(([code, data]) => ({code, name: data.description}))
		.sort((a, b) => a.code.localeCompare(b.code));
}

/** --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region, else us-east-1: the CLI's order. */
export function resolveDefaultRegion(input: {
	flag?: string | undefined;
	env?: NodeJS.ProcessEnv;
	profileRegion?: string | undefined;
}): DefaultRegion {
	const env = input.env ?? process.env;
	const candidates: Array<[string | undefined, DefaultRegion['source']]> = [
		[input.flag, 'flag'],
		[env['AWS_REGION'], 'AWS_REGION'],
		[env['AWS_DEFAULT_REGION'], 'AWS_DEFAULT_REGION'],
		[input.profileRegion, 'profile'],
	];
	for (const [value, source] of candidates) {
		const region = value?.trim();
		if (region) {
			return {region, source};
		}
	}

	return {region: FALLBACK_REGION, source: 'fallback'};
}
