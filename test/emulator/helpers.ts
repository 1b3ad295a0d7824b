// Real SDK clients pointed at an emulator, with retries off so every error surfaces as sent.
import {CloudTrailClient} from '@aws-sdk/client-cloudtrail';
import {STSClient} from '@aws-sdk/client-sts';
import type {DemoAccount, Emulator} from '../../source/emulator/index.js';

export const fixedNow = new Date('2025-06-01T12:00:00Z');

export function demoAccount(emulator: Emulator, label: string): DemoAccount {
	const account = emulator.accounts.find(candidate => candidate.label === label);
	if (!account) {
		throw new Error(`no demo account ${label}`);
	}

	return account;
}

export type ClientCredentials = {accessKeyId: string; secretAccessKey: string; sessionToken?: string};

export function credentialsOf(account: DemoAccount): ClientCredentials {
	return {accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey, sessionToken: account.sessionToken};
}

export function cloudTrail(
	emulator: Emulator,
	who: string | ClientCredentials = 'demo-prod',
	region = 'us-east-1',
): CloudTrailClient {
	const credentials = typeof who === 'string' ? credentialsOf(demoAccount(emulator, who)) : who;
	return new CloudTrailClient({endpoint: emulator.endpoint, region, credentials, maxAttempts: 1});
}

export function sts(emulator: Emulator, who: string | ClientCredentials = 'demo-prod', region = 'us-east-1'): STSClient {
	const credentials = typeof who === 'string' ? credentialsOf(demoAccount(emulator, who)) : who;
	return new STSClient({endpoint: emulator.endpoint, region, credentials, maxAttempts: 1});
}

/** The rejection of `promise`, failing the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & {name: string; $metadata?: {httpStatusCode?: number}}> {
	try {
		await promise;
	} catch (error: unknown) {
		if (error instanceof Error) {
			return error as Error & {$metadata?: {httpStatusCode?: number}};
		}

		throw new Error(`rejected with a non-Error: ${String(error)}`);
	}

	throw new Error('expected the call to fail, but it succeeded');
}
