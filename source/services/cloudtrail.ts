// The CloudTrailService over the SDK. Only reached through dynamic import (see backend.ts).
import {
	type CloudTrailClient,
	DescribeTrailsCommand,
	GetTrailStatusCommand,
	type GetTrailStatusCommandOutput,
	type Trail as SdkTrail,
	paginateListTrails,
	paginateLookupEvents,
} from '@aws-sdk/client-cloudtrail';
import {GetCallerIdentityCommand, type STSClient} from '@aws-sdk/client-sts';
import './sdk-quiet.js';
import type {CallerIdentity, CloudTrailService, LookupOptions, Trail, TrailEvent} from '../domain/types.js';
import {toTrailviewError, type ErrorContext} from './errors.js';
import {matchesAttribute, toTrailEvent} from './events.js';
import {sharedRateLimiter, type RateLimiter} from './rate-limiter.js';

export type CloudTrailServiceOptions = {
	client: CloudTrailClient;
	stsClient: STSClient;
	region: string;
	/** Defaults to the limiter shared by everything using this region (see rate-limiter.ts). */
	limiter?: RateLimiter;
	/** Enriches error messages (SSO hints, endpoint names). */
	errorContext?: ErrorContext;
};

/** The full window the service keeps: event history covers 90 days. */
const HISTORY_MS = 90 * 24 * 60 * 60 * 1000;

export function createCloudTrailService(options: CloudTrailServiceOptions): CloudTrailService {
	const {client, stsClient, region} = options;
	// Without an account to key on, all callers in this region share one budget: safe, if slower
	// when several accounts are open at once. backend.ts always passes an account-keyed limiter.
	const limiter = options.limiter ?? sharedRateLimiter({account: 'unknown', region});
	const fail = (error: unknown, operation: string) =>
		toTrailviewError(error, {...options.errorContext, region, operation});

	return {
		region,

		async listTrails({signal} = {}) {
			const listed = new Map<string, {name: string; homeRegion: string | undefined}>();
			try {
				for await (const page of paginateListTrails({client}, {}, {abortSignal: signal})) {
					for (const info of page.Trails ?? []) {
						if (info.TrailARN) {
							listed.set(info.TrailARN, {name: info.Name ?? info.TrailARN, homeRegion: info.HomeRegion});
						}
					}
				}
			} catch (error) {
				throw fail(error, 'cloudtrail:ListTrails');
			}

			// DescribeTrails in this region defines which trails belong here: its own trails plus the
			// shadows of multi-region trails homed elsewhere. ListTrails fills gaps in what it returns.
			let described: SdkTrail[];
			try {
				const output = await client.send(new DescribeTrailsCommand({includeShadowTrails: true}), {abortSignal: signal});
				described = (output.trailList ?? []).filter((trail) => trail.TrailARN ?? trail.Name);
			} catch (error) {
				throw fail(error, 'cloudtrail:DescribeTrails');
			}

			return Promise.all(
				described.map(async (trail) => {
					// By ARN: a shadow trail's name only resolves in its home region.
					const identifier = trail.TrailARN ?? trail.Name ?? '';
					try {
						const status = await client.send(new GetTrailStatusCommand({Name: identifier}), {abortSignal: signal});
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

		lookupWriteEvents(lookup: LookupOptions = {}) {
			return lookupWriteEvents(client, limiter, lookup, (error) => fail(error, 'cloudtrail:LookupEvents'));
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

async function* lookupWriteEvents(
	client: CloudTrailClient,
	limiter: RateLimiter,
	{start, end, attribute, pageSize, signal}: LookupOptions,
	fail: (error: unknown) => Error,
): AsyncGenerator<TrailEvent[], void, undefined> {
	// A NextToken is only valid with the exact parameters that produced it, so the window is fixed
	// once here and never recomputed from "now" while paging.
	const endTime = end ?? new Date();
	const startTime = start ?? new Date(endTime.getTime() - HISTORY_MS);
	const maxResults = pageSize === undefined ? undefined : Math.min(50, Math.max(1, Math.trunc(pageSize)));
	const pages = paginateLookupEvents(
		{client, ...(maxResults === undefined ? {} : {pageSize: maxResults}), stopOnSameToken: true},
		{
			LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'false'}],
			StartTime: startTime,
			EndTime: endTime,
		},
		{abortSignal: signal},
	);
	// The same EventId can come back on two pages.
	const seen = new Set<string>();
	try {
		while (true) {
			await limiter.acquire(signal);
			const next = await pages.next();
			if (next.done) {
				return;
			}

			const events: TrailEvent[] = [];
			for (const sdkEvent of next.value.Events ?? []) {
				const event = toTrailEvent(sdkEvent);
				if (event === undefined || seen.has(event.id)) {
					continue;
				}

				seen.add(event.id);
				if (matchesAttribute(event, attribute)) {
					events.push(event);
				}
			}

			if (signal?.aborted) {
				return;
			}

			yield events;
			if (!next.value.NextToken || signal?.aborted) {
				return;
			}
		}
	} catch (error) {
		// Whoever aborted has moved on; ending the iteration is the quiet way to honour that.
		if (signal?.aborted) {
			return;
		}

		throw fail(error);
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
