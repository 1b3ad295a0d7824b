// The demo trails and the three trail operations. Covers what the Trails pane must get right:
// shadow copies of multi-region trails, name-vs-ARN lookups, a trail that is not logging, a region
// with no trail at all, and ListTrails pagination (one trail per page, so clients must follow it).
import {devAccountId, prodAccountId, restrictedAccountId} from './accounts.js';
import {ApiError} from './errors.js';
import type {RequestContext} from './request-context.js';
import {openToken, sealToken} from './tokens.js';

type TrailSpec = {
	name: string;
	ownerAccountId: string;
	homeRegion: string;
	multiRegion: boolean;
	organization: boolean;
	bucket: string;
	keyPrefix?: string;
	logFileValidation: boolean;
	kmsKeyId?: string;
	logGroupArn?: string;
	logging: boolean;
	deliveryError?: string;
	/** Accounts that see it: the owner, plus organization members for an organization trail. */
	visibleTo: readonly string[];
};

const day = 86_400_000;
/** The trail that is not logging stopped this long before the data set's end. */
const stoppedDaysAgo = 12;

const trailSpecs: readonly TrailSpec[] = [
	{
		name: 'organization-trail',
		ownerAccountId: prodAccountId,
		homeRegion: 'us-east-1',
		multiRegion: true,
		organization: true,
		bucket: `aws-cloudtrail-logs-${prodAccountId}-org`,
		keyPrefix: 'o-a1b2c3d4e5',
		logFileValidation: true,
		kmsKeyId: `arn:aws:kms:us-east-1:${prodAccountId}:key/5c1a5f1e-2b7d-4c0a-9a63-0f2e8d1b7c44`,
		logGroupArn: `arn:aws:logs:us-east-1:${prodAccountId}:log-group:aws-cloudtrail-logs-org:*`,
		logging: true,
		visibleTo: [prodAccountId, restrictedAccountId],
	},
	{
		name: 'eu-audit-trail',
		ownerAccountId: prodAccountId,
		homeRegion: 'eu-west-1',
		multiRegion: false,
		organization: false,
		bucket: `eu-audit-logs-${prodAccountId}`,
		logFileValidation: false,
		logging: false,
		deliveryError: 'AccessDenied',
		visibleTo: [prodAccountId],
	},
	{
		name: 'dev-management-events',
		ownerAccountId: devAccountId,
		homeRegion: 'us-east-1',
		multiRegion: false,
		organization: false,
		bucket: `dev-cloudtrail-${devAccountId}`,
		logFileValidation: true,
		logging: true,
		visibleTo: [devAccountId],
	},
];

const listTrailsPageSize = 1;

/** The demo organization's id; the organization trail writes under AWSLogs/<this>/. */
export const organizationId = 'o-a1b2c3d4e5';

/** What the Athena archive needs to know about a trail's S3 logs. */
export type TrailArchive = {
	name: string;
	ownerAccountId: string;
	homeRegion: string;
	multiRegion: boolean;
	organization: boolean;
	bucket: string;
	keyPrefix: string | undefined;
	/** Only the organization trail has data event selectors (S3 object calls). */
	dataEvents: boolean;
	/** When a trail that is not logging stopped (nothing after it reaches S3). */
	stoppedAt: Date | undefined;
};

export function trailArchives(dataNow: Date): TrailArchive[] {
	return trailSpecs.map(trail => ({
		name: trail.name,
		ownerAccountId: trail.ownerAccountId,
		homeRegion: trail.homeRegion,
		multiRegion: trail.multiRegion,
		organization: trail.organization,
		bucket: trail.bucket,
		keyPrefix: trail.keyPrefix,
		dataEvents: trail.organization,
		stoppedAt: trail.logging ? undefined : new Date(dataNow.getTime() - stoppedDaysAgo * day),
	}));
}

function arnOf(trail: TrailSpec): string {
	return `arn:aws:cloudtrail:${trail.homeRegion}:${trail.ownerAccountId}:trail/${trail.name}`;
}

function visibleTrails(accountId: string): TrailSpec[] {
	return trailSpecs.filter(trail => trail.visibleTo.includes(accountId));
}

/** Trail names whose home is this account+region (for event records that mention a trail). */
export function trailNamesIn(accountId: string, region: string): string[] {
	return trailSpecs.filter(trail => trail.ownerAccountId === accountId && trail.homeRegion === region).map(trail => trail.name);
}

export function listTrails(context: RequestContext, input: Record<string, unknown>): Record<string, unknown> {
	const trails = visibleTrails(context.principal.accountId);
	const binding = `ListTrails/${context.principal.accountId}/${context.region}`;
	let start = 0;
	if (input['NextToken'] !== undefined) {
		const position = typeof input['NextToken'] === 'string' ? openToken(input['NextToken'], binding) : undefined;
		if (typeof position?.['offset'] !== 'number') {
			throw new ApiError('InvalidNextTokenException', 'Invalid NextToken');
		}

		start = position['offset'];
	}

	const page = trails.slice(start, start + listTrailsPageSize);
	const next = start + listTrailsPageSize;
	return {
		Trails: page.map(trail => ({TrailARN: arnOf(trail), Name: trail.name, HomeRegion: trail.homeRegion})),
		...(next < trails.length ? {NextToken: sealToken({offset: next}, binding)} : {}),
	};
}

function describe(trail: TrailSpec): Record<string, unknown> {
	return {
		Name: trail.name,
		S3BucketName: trail.bucket,
		...(trail.keyPrefix === undefined ? {} : {S3KeyPrefix: trail.keyPrefix}),
		IncludeGlobalServiceEvents: trail.multiRegion || trail.homeRegion === 'us-east-1',
		IsMultiRegionTrail: trail.multiRegion,
		HomeRegion: trail.homeRegion,
		TrailARN: arnOf(trail),
		LogFileValidationEnabled: trail.logFileValidation,
		...(trail.logGroupArn === undefined
			? {}
			: {
					CloudWatchLogsLogGroupArn: trail.logGroupArn,
					CloudWatchLogsRoleArn: `arn:aws:iam::${trail.ownerAccountId}:role/CloudTrailRoleForCloudWatchLogs`,
				}),
		...(trail.kmsKeyId === undefined ? {} : {KmsKeyId: trail.kmsKeyId}),
		HasCustomEventSelectors: false,
		HasInsightSelectors: false,
		IsOrganizationTrail: trail.organization,
	};
}

export function describeTrails(context: RequestContext, input: Record<string, unknown>): Record<string, unknown> {
	const includeShadows = input['includeShadowTrails'] !== false;
	const names = Array.isArray(input['trailNameList']) ? input['trailNameList'].filter(name => typeof name === 'string') : [];
	let trails = visibleTrails(context.principal.accountId).filter(
		trail => trail.homeRegion === context.region || (includeShadows && trail.multiRegion),
	);
	if (names.length > 0) {
		// A bare name only matches a trail whose home is this region; other trails need their ARN.
		trails = visibleTrails(context.principal.accountId).filter(trail =>
			names.some(name => name === arnOf(trail) || (name === trail.name && trail.homeRegion === context.region)),
		);
	}

	return {trailList: trails.map(trail => describe(trail))};
}

function seconds(ms: number): number {
	return Math.floor(ms / 1000);
}

function isoSeconds(ms: number): string {
	return new Date(seconds(ms) * 1000).toISOString().replace('.000Z', 'Z');
}

export function getTrailStatus(context: RequestContext, input: Record<string, unknown>): Record<string, unknown> {
	const name = input['Name'];
	if (typeof name !== 'string' || name === '') {
		throw new ApiError('InvalidTrailNameException', 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).');
	}

	const {accountId} = context.principal;
	const trail = visibleTrails(accountId).find(candidate =>
		name.startsWith('arn:') ? arnOf(candidate) === name : candidate.name === name && candidate.homeRegion === context.region,
	);
	if (!trail) {
		const arn = name.startsWith('arn:') ? name : `arn:aws:cloudtrail:${context.region}:${accountId}:trail/${name}`;
		throw new ApiError('TrailNotFoundException', `Unknown trail: ${arn} for the user: ${accountId}`);
	}

	const now = context.now.getTime();
	const origin = context.dataNow.getTime();
	const started = origin - 400 * day;
	if (trail.logging) {
		const delivered = now - 3 * 60_000;
		return {
			IsLogging: true,
			LatestDeliveryTime: seconds(delivered),
			LatestDigestDeliveryTime: trail.logFileValidation ? seconds(now - 40 * 60_000) : undefined,
			StartLoggingTime: seconds(started),
			...(trail.logGroupArn ? {LatestCloudWatchLogsDeliveryTime: seconds(now - 60_000)} : {}),
			LatestDeliveryAttemptTime: isoSeconds(delivered),
			LatestNotificationAttemptTime: '',
			LatestNotificationAttemptSucceeded: '',
			LatestDeliveryAttemptSucceeded: isoSeconds(delivered),
			TimeLoggingStarted: isoSeconds(started),
			TimeLoggingStopped: '',
		};
	}

	const stopped = origin - stoppedDaysAgo * day;
	const lastDelivered = stopped - 5 * day;
	return {
		IsLogging: false,
		LatestDeliveryError: trail.deliveryError,
		LatestDeliveryTime: seconds(lastDelivered),
		StartLoggingTime: seconds(started),
		StopLoggingTime: seconds(stopped),
		LatestDeliveryAttemptTime: isoSeconds(stopped - 60_000),
		LatestNotificationAttemptTime: '',
		LatestNotificationAttemptSucceeded: '',
		LatestDeliveryAttemptSucceeded: isoSeconds(lastDelivered),
		TimeLoggingStarted: isoSeconds(started),
		TimeLoggingStopped: isoSeconds(stopped),
	};
}
