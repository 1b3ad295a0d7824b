// The one place SDK clients are constructed, so retry, timeouts, logging and endpoints agree
// everywhere. Only reached through dynamic import (see backend.ts).
import {CloudTrailClient, type CloudTrailClientConfig} from '@aws-sdk/client-cloudtrail';
import {STSClient} from '@aws-sdk/client-sts';
import './sdk-quiet.js';
import {resolveEndpoints} from './endpoints.js';

export type CredentialsInput = CloudTrailClientConfig['credentials'];

export type ClientOptions = {
	credentials: CredentialsInput;
	region: string;
	/** Explicit endpoint (--endpoint-url or the demo emulator); wins over the environment. */
	endpointUrl?: string;
	env?: NodeJS.ProcessEnv;
};

export type AwsClients = {cloudTrail: CloudTrailClient; sts: STSClient};

/**
 * Throttling is expected at 2 TPS; adaptive mode also slows the client down after a throttle. When
 * these tries are spent on throttling, throttle-retry.ts keeps waiting if the caller asked it to.
 */
export const MAX_ATTEMPTS = 5;

/** AWS_MAX_ATTEMPTS, as the AWS CLI reads it (a whole number >= 1), read from the injected env. */
export function maxAttempts(env: NodeJS.ProcessEnv): number {
	const value = env['AWS_MAX_ATTEMPTS']?.trim();
	return value && /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : MAX_ATTEMPTS;
}

/** The SDK logs to the console by default in places; the console belongs to Ink. */
export const silentLogger = {
	trace() {},
	debug() {},
	info() {},
	warn() {},
	error() {},
};

const requestHandler = {connectionTimeout: 5000, requestTimeout: 30_000};

/** What every client shares: region, credentials, retries (adaptive), timeouts and the silent logger. */
export function commonClientConfig(options: ClientOptions) {
	return {
		region: options.region,
		credentials: options.credentials,
		retryMode: 'adaptive',
		maxAttempts: maxAttempts(options.env ?? process.env),
		logger: silentLogger,
		requestHandler,
	};
}

export function createClients(options: ClientOptions): AwsClients {
	const env = options.env ?? process.env;
	const endpoints = resolveEndpoints(options.endpointUrl, env);
	const common = commonClientConfig(options);
	return {
		cloudTrail: new CloudTrailClient({...common, ...(endpoints.cloudTrail ? {endpoint: endpoints.cloudTrail} : {})}),
		sts: new STSClient({...common, ...(endpoints.sts ? {endpoint: endpoints.sts} : {})}),
	};
}
