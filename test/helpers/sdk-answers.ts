// A CloudTrail service over the SDK's real request pipeline (retries included) whose HTTP handler
// is a fake: `answer` plays the service, and `reached` records when each request arrived. With
// fake timers the SDK's retry back-off, the limiters and the throttle waits all run on fake time.
import {Readable} from 'node:stream';
import {CloudTrailClient} from '@aws-sdk/client-cloudtrail';
import {STSClient} from '@aws-sdk/client-sts';
import {createCloudTrailService} from '../../source/services/cloudtrail.js';
import {MAX_ATTEMPTS} from '../../source/services/client.js';
import type {RateLimiter} from '../../source/services/rate-limiter.js';
import type {RetryTiming} from '../../source/services/throttle-retry.js';

export type Answer = {status?: number; body: Record<string, unknown>};
export type Reached = {op: string; at: number};

export const throttled: Answer = {status: 400, body: {__type: 'ThrottlingException', message: 'Rate exceeded'}};

/** A service whose client sends through `answer` instead of the network; `reached` fills as calls arrive. */
export function fakeService(
	answer: (op: string, input: Record<string, unknown>) => Answer,
	limiters: {lookup?: RateLimiter; trails?: RateLimiter},
	throttleTiming?: RetryTiming,
) {
	const reached: Reached[] = [];
	const origin = Date.now();
	const requestHandler = {
		async handle(request: {headers: Record<string, string>; body?: string | Uint8Array}) {
			const op = (request.headers['x-amz-target'] ?? '').split('.').at(-1) ?? '';
			reached.push({op, at: Date.now() - origin});
			const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
			const {status = 200, body} = answer(op, JSON.parse(text) as Record<string, unknown>);
			const headers: Record<string, string> = {'content-type': 'application/x-amz-json-1.1'};
			if (status !== 200) {
				headers['x-amzn-errortype'] = String(body['__type']);
			}

			return {response: {statusCode: status, headers, body: Readable.from([Buffer.from(JSON.stringify(body))])}};
		},
	};
	// Retries as client.ts configures them, except 'standard' for 'adaptive': adaptive mode's own
	// token bucket waits fractions of a millisecond for a token, which fake time never supplies.
	// Either way the SDK tries a throttled call again, which is what the pacing must cover.
	const client = new CloudTrailClient({
		region: 'eu-west-1',
		credentials: {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret'},
		retryMode: 'standard',
		maxAttempts: MAX_ATTEMPTS,
		requestHandler: requestHandler as never,
	});
	const unlimited: RateLimiter = {acquire: async () => {}};
	const service = createCloudTrailService({
		client,
		stsClient: new STSClient({region: 'eu-west-1'}),
		region: 'eu-west-1',
		limiter: limiters.lookup ?? unlimited,
		trailLimiter: limiters.trails ?? unlimited,
		...(throttleTiming ? {throttleTiming} : {}),
	});
	return {service, reached};
}
