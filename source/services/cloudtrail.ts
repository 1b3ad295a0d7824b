// The CloudTrailService over the SDK. Only reached through dynamic import (see backend.ts).
import {
	type CloudTrailClient,
	DescribeTrailsCommand,
	GetTrailStatusCommand,
	type GetTrailStatusCommandOutput,
	ListTrailsCommand,
	LookupEventsCommand,
	type Trail as SdkTrail,
} from '@aws-sdk/client-cloudtrail';
import {GetCallerIdentityCommand, type STSClient} from '@aws-sdk/client-sts';
import './sdk-quiet.js';
import type {CallerIdentity, CloudTrailService, LookupOptions, ThrottlePolicy, Trail, TrailEvent} from '../domain/types.js';
import {toTrailviewError, type ErrorContext} from './errors.js';
import {toTrailEvent} from './events.js';
import {paced} from './paced.js';
import {sharedRateLimiter, type RateLimiter} from './rate-limiter.js';
import {retryThrottled, type RetryThrottledOptions, type RetryTiming} from './throttle-retry.js';

export type CloudTrailServiceOptions = {
	client: CloudTrailClient;
	stsClient: STSClient;
	region: string;
	/** Paces LookupEvents. Defaults to the limiter shared by everything using this region (see rate-limiter.ts). */
	limiter?: RateLimiter;
	/** Paces ListTrails, DescribeTrails and every GetTrailStatus, one budget between them. Same default. */
	trailLimiter?: RateLimiter;
	/** Enriches error messages (SSO hints, endpoint names). */
	errorContext?: ErrorContext;
	/** The back-off between tries of a throttled request, when the caller's policy asks for them (throttle-retry.ts). */
	throttleTiming?: RetryTiming;
};

/** The full window the service keeps: event history covers 90 days. */
const HISTORY_MS = 90 * 24 * 60 * 60 * 1000;

export function createCloudTrailService(options: CloudTrailServiceOptions): CloudTrailService {
	const {client, stsClient, region} = options;
	// Without an account to key on, all callers in this region share one budget: safe, if slower
	// when several accounts are open at once. backend.ts always passes an account-keyed limiter.
	const limiter = options.limiter ?? sharedRateLimiter({quota: 'lookup-events', account: 'unknown', region});
	const trailLimiter = options.trailLimiter ?? sharedRateLimiter({quota: 'trail-reads', account: 'unknown', region});
	const fail = (error: unknown, operation: string) =>
		toTrailviewError(error, {...options.errorContext, region, operation});
	// Each try sends a fresh command: paced() adds its middleware to the command it is given.
	const retrying = (operation: string, signal: AbortSignal | undefined, throttle: ThrottlePolicy | undefined): RetryThrottledOptions => ({
		policy: throttle,
		signal,
		fail: error => fail(error, operation),
		timing: options.throttleTiming,
	});

	return {
		region,

		async listTrails({signal, throttle} = {}) {
			const listed = new Map<string, {name: string; homeRegion: string | undefined}>();
			try {
				// Paged by hand, not with the SDK's paginator, so each page's command can be paced.
				let token: string | undefined;
				do {
					const page = await retryThrottled(
						async () => client.send(paced(new ListTrailsCommand({NextToken: token}), trailLimiter, signal), {abortSignal: signal}),
						retrying('cloudtrail:ListTrails', signal, throttle),
					);
					for (const info of page.Trails ?? []) {
						if (info.TrailARN) {
							listed.set(info.TrailARN, {name: info.Name ?? info.TrailARN, homeRegion: info.HomeRegion});
						}
					}

					// A token that repeats would page forever.
					token = page.NextToken === token ? undefined : page.NextToken;
				} while (token);
			} catch (error) {
				throw fail(error, 'cloudtrail:ListTrails');
			}

			// DescribeTrails in this region defines which trails belong here: its own trails plus the
			// shadows of multi-region trails homed elsewhere. ListTrails fills gaps in what it returns.
			let described: SdkTrail[];
			try {
				const output = await retryThrottled(
					async () => client.send(paced(new DescribeTrailsCommand({includeShadowTrails: true}), trailLimiter, signal), {abortSignal: signal}),
					retrying('cloudtrail:DescribeTrails', signal, throttle),
				);
				described = (output.trailList ?? []).filter((trail) => trail.TrailARN ?? trail.Name);
			} catch (error) {
				throw fail(error, 'cloudtrail:DescribeTrails');
			}

			// One GetTrailStatus per trail, asked for at once but started as the limiter allows, so a
			// region with many trails (shadows of other regions' trails included) does not burst.
			return Promise.all(
				described.map(async (trail) => {
					// By ARN: a shadow trail's name only resolves in its home region.
					const identifier = trail.TrailARN ?? trail.Name ?? '';
					try {
						const status = await retryThrottled(
							async () => client.send(paced(new GetTrailStatusCommand({Name: identifier}), trailLimiter, signal), {abortSignal: signal}),
							retrying('cloudtrail:GetTrailStatus', signal, throttle),
						);
						return toTrail(trail, listed.get(identifier), region, status, undefined);
					} catch (error) {
						const mapped = fail(error, 'cloudtrail:GetTrailStatus');
						if (mapped.kind === 'cancelled') {
							throw mapped;
						}

						return toTrail(trail, listed.get(identifier), region, undefined, mapped.message);
					}
				}),
			);
		},

		lookupEvents(lookup: LookupOptions) {
			return lookupEvents(client, limiter, lookup, retrying('cloudtrail:LookupEvents', lookup.signal, lookup.throttle));
		},

		async getCallerIdentity({signal} = {}) {
			try {
				const output = await stsClient.send(new GetCallerIdentityCommand({}), {abortSignal: signal});
				return toIdentity(output);
			} catch (error) {
				throw fail(error, 'sts:GetCallerIdentity');
			}
		},
	};
}

async function* lookupEvents(
	client: CloudTrailClient,
	limiter: RateLimiter,
	{start, end, attribute, pageSize, signal}: LookupOptions,
	retry: RetryThrottledOptions,
): AsyncGenerator<TrailEvent[], void, undefined> {
	// A NextToken is only valid with the exact parameters that produced it, so the window is fixed
	// once here and never recomputed from "now" while paging.
	const endTime = end ?? new Date();
	const startTime = start ?? new Date(endTime.getTime() - HISTORY_MS);
	const maxResults = pageSize === undefined ? undefined : Math.min(50, Math.max(1, Math.trunc(pageSize)));
	// The service takes one attribute; the caller picks it (the query planner, or ReadOnly=false).
	const lookupAttributes = attribute === undefined ? undefined : [{AttributeKey: attribute.key, AttributeValue: attribute.value}];
	// The same EventId can come back on two pages.
	const seen = new Set<string>();
	let token: string | undefined;
	try {
		while (true) {
			// Paged by hand, not with the SDK's paginator, so each page's command can be paced.
			const input = {
				...(lookupAttributes === undefined ? {} : {LookupAttributes: lookupAttributes}),
				StartTime: startTime,
				EndTime: endTime,
				...(maxResults === undefined ? {} : {MaxResults: maxResults}),
				...(token === undefined ? {} : {NextToken: token}),
			};
			const page = await retryThrottled(async () => client.send(paced(new LookupEventsCommand(input), limiter, signal), {abortSignal: signal}), retry);
			const events: TrailEvent[] = [];
			for (const sdkEvent of page.Events ?? []) {
				const event = toTrailEvent(sdkEvent);
				if (event === undefined || seen.has(event.id)) {
					continue;
				}

				seen.add(event.id);
				events.push(event);
			}

			if (signal?.aborted) {
				return;
			}

			yield events;
			// A token that repeats would page forever.
			if (!page.NextToken || page.NextToken === token || signal?.aborted) {
				return;
			}

			token = page.NextToken;
		}
	} catch (error) {
		// Whoever aborted has moved on; ending the iteration is the quiet way to honour that.
		if (signal?.aborted) {
			return;
		}

		throw retry.fail(error);
	}
}

function toTrail(
	trail: SdkTrail,
	listed: {name: string; homeRegion: string | undefined} | undefined,
	region: string,
	status: GetTrailStatusCommandOutput | undefined,
	statusError: string | undefined,
): Trail {
	return {
		name: trail.Name ?? listed?.name ?? trail.TrailARN ?? '',
		arn: trail.TrailARN ?? '',
		homeRegion: trail.HomeRegion ?? listed?.homeRegion ?? region,
		isMultiRegion: trail.IsMultiRegionTrail ?? false,
		isOrganization: trail.IsOrganizationTrail ?? false,
		s3BucketName: trail.S3BucketName ?? undefined,
		s3KeyPrefix: trail.S3KeyPrefix || undefined,
		logFileValidation: trail.LogFileValidationEnabled ?? false,
		kmsKeyId: trail.KmsKeyId ?? undefined,
		isLogging: status?.IsLogging ?? undefined,
		latestDeliveryTime: status?.LatestDeliveryTime ?? undefined,
		latestDeliveryError: status?.LatestDeliveryError || undefined,
		statusError,
	};
}

function toIdentity(output: {Account?: string; Arn?: string; UserId?: string}): CallerIdentity {
	return {account: output.Account ?? '', arn: output.Arn ?? '', userId: output.UserId ?? ''};
}
