// Which of the archive's records a table reads: its LOCATION must be under a demo trail's bucket
// (else it reads as empty), narrowed by the account and region folders in the path and by the
// partition projection's enum values and date range, as Athena would only look there.
import {trailArchives, type TrailArchive} from '../trails.js';
import type {ArchiveScope} from '../athena/views.js';

const accountPattern = /^\d{12}$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;
const dayPattern = /^\d{4}\/\d{2}\/\d{2}$/;

export function parseS3(location: string): {bucket: string; path: string[]} | undefined {
	const match = /^s3a?:\/\/([^/]+)\/?(.*)$/i.exec(location.trim());
	return match ? {bucket: match[1]!, path: match[2]!.split('/').filter(part => part !== '')} : undefined;
}

export function trailForBucket(bucket: string, dataNow: Date): TrailArchive | undefined {
	return trailArchives(dataNow).find(trail => trail.bucket === bucket);
}

function enumValues(parameters: Readonly<Record<string, string>>, key: string, pattern: RegExp): string[] | undefined {
	if (parameters['projection.enabled']?.toLowerCase() !== 'true' || parameters[`projection.${key}.type`]?.toLowerCase() !== 'enum') {
		return undefined;
	}

	return (parameters[`projection.${key}.values`] ?? '')
		.split(',')
		.map(value => value.trim())
		.filter(value => pattern.test(value));
}

function narrowed(current: readonly string[] | undefined, to: readonly string[] | undefined): string[] | undefined {
	if (!to) {
		return current ? [...current] : undefined;
	}

	return current ? current.filter(value => to.includes(value)) : [...to];
}

export function scopeFor(location: string | undefined, parameters: Readonly<Record<string, string>>, dataNow: Date): ArchiveScope | undefined {
	const s3 = location === undefined ? undefined : parseS3(location);
	const trail = s3 && trailForBucket(s3.bucket, dataNow);
	if (!s3 || !trail) {
		return undefined;
	}

	// AWSLogs/[o-org/]ACCOUNT/CloudTrail/REGION/...: whatever of it the location names narrows the scope.
	const logs = s3.path.indexOf('AWSLogs');
	const rest = logs < 0 ? [] : s3.path.slice(logs + 1);
	if (rest[0]?.startsWith('o-')) {
		rest.shift();
	}

	const account = rest[0] && accountPattern.test(rest[0]) ? rest.shift() : undefined;
	const region = rest[0] === 'CloudTrail' && rest[1] && regionPattern.test(rest[1]) ? rest[1] : undefined;
	let accounts = trail.organization ? undefined : [trail.ownerAccountId];
	let regions = trail.multiRegion ? undefined : [trail.homeRegion];
	accounts = narrowed(narrowed(accounts, account === undefined ? undefined : [account]), enumValues(parameters, 'account', accountPattern));
	regions = narrowed(narrowed(regions, region === undefined ? undefined : [region]), enumValues(parameters, 'region', regionPattern));
	const start = parameters['projection.timestamp.range']?.split(',')[0]?.trim();
	return {
		...(accounts ? {accounts} : {}),
		...(regions ? {regions} : {}),
		managementOnly: !trail.dataEvents,
		...(start && dayPattern.test(start) ? {fromDay: start} : {}),
		...(trail.stoppedAt ? {untilTime: trail.stoppedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')} : {}),
	};
}
