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

/** Throttling is expected at 2 TPS; adaptive mode also slows the client down after a throttle. */
export const MAX_ATTEMPTS = 5;

/** The SDK logs to the console by default in places; the console belongs to Ink. */
export const silentLogger = {
	trace() {},
	debug() {},
	info() {},
	warn() {},
	error() {},
};

const requestHandler = {connectionTimeout: 5000, requestTimeout: 30_000};

export function createClients(options: ClientOptions): AwsClients {
	const endpoints = resolveEndpoints(options.endpointUrl, options.env ?? process.env);
	const common = {
		region: options.region,
		credentials: options.credentials,
		retryMode: 'adaptive',
		maxAttempts: MAX_ATTEMPTS,
		logger: silentLogger,
		requestHandler,
	};
	return {
		cloudTrail: new CloudTrailClient({...common, ...(endpoints.cloudTrail ? {endpoint: endpoints.cloudTrail} : {})}),
		sts: new STSClient({...common, ...(endpoints.sts ? {endpoint: endpoints.sts} : {})}),
	};
}
