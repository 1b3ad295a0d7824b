// sts:AssumeRole for assume-role profiles, with the MFA code asked for only once the source
// credentials are in hand.
//
// Why not the SDK's own mfaCodeProvider flow: fromIni starts resolving the source profile, then
// awaits the MFA callback (or throws when there is none) before it awaits that source. A source
// that fails meanwhile (an SSO profile with no token, a broken credential_process) rejects with
// no handler attached: an unhandled rejection, which ends the app. So the SDK gets a code at once
// (never sent) and this role assumer, which the SDK calls with the source already resolved, asks
// for the real one.
import {getDefaultRoleAssumer} from '@aws-sdk/client-sts';
import type {MfaPrompt} from '../domain/types.js';
import {mfaUnavailable} from '../domain/mfa-broker.js';
import {silentLogger} from './client.js';

type RoleAssumer = ReturnType<typeof getDefaultRoleAssumer>;

/** Handed to the SDK as mfaCodeProvider: resolves at once, and the role assumer replaces it. */
export const PLACEHOLDER_CODE = '000000';
export const deferredMfaCode = async (): Promise<string> => PLACEHOLDER_CODE;

export type RoleAssumerOptions = {
	profile: string;
	region: string;
	endpoint?: string;
	mfa?: MfaPrompt;
};

export function createRoleAssumer(options: RoleAssumerOptions): RoleAssumer {
	// `endpoint` is passed through to the STS client (the SDK spreads these options into it), so
	// --endpoint-url covers AssumeRole too.
	const base = getDefaultRoleAssumer({
		region: options.region,
		logger: silentLogger,
		...(options.endpoint ? {endpoint: options.endpoint} : {}),
	} as Parameters<typeof getDefaultRoleAssumer>[0]);
	return async (sourceCredentials, params) => {
		const serial = params.SerialNumber;
		if (serial === undefined) {
			return base(sourceCredentials, params);
		}

		if (options.mfa === undefined) {
			throw mfaUnavailable(options.profile);
		}

		let retry: string | undefined;
		for (;;) {
			// eslint-disable-next-line no-await-in-loop -- one code at a time, by design
			const code = await options.mfa({profile: options.profile, serial, ...(retry ? {retry} : {})});
			try {
				// eslint-disable-next-line no-await-in-loop
				return await base(sourceCredentials, {...params, TokenCode: code});
			} catch (error) {
				if (!isRefusedCode(error)) {
					throw error;
				}

				retry = 'That code was not accepted (wrong, expired or already used). Enter the next code.';
			}
		}
	};
}

function isRefusedCode(error: unknown): boolean {
	const e = error as {name?: unknown; message?: unknown} | undefined;
	return e?.name === 'AccessDenied' && typeof e.message === 'string' && /MultiFactorAuthentication/i.test(e.message);
}
