// Who is calling: the access key picks the account, the credential scope picks the region, and the
// signature must verify with that key's secret (and the session token must be the issued one).
import {randomBytes, randomInt} from 'node:crypto';
import {demoAccounts, uniqueId} from './accounts.js';
import {ApiError, authError} from './errors.js';
import {headerValues, parseAuthorization, verifySignature} from './sigv4.js';

export type Principal = {accountId: string; arn: string; userId: string; accessKeyId: string};

type CredentialRecord = {
	secretAccessKey: string;
	sessionToken: string | undefined;
	/** Configured as expired, whatever the clock says. */
	expired: boolean;
	/** Real-clock ms; the SDK compares Expiration with its own clock, so we do too. */
	expiresAt: number | undefined;
	principal: Principal;
};

export type IssuedCredentials = {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	expiration: Date;
};

const keyFormat = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
const keyAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class CredentialStore {
	private readonly byKey = new Map<string, CredentialRecord>();

	constructor() {
		for (const account of demoAccounts) {
			const arn = account.userArn;
			const sessionName = arn.split('/').at(-1) ?? 'session';
			const userId = arn.includes(':assumed-role/')
				? `${uniqueId('AROA', arn.split('/')[1] ?? '')}:${sessionName}`
				: uniqueId('AIDA', arn);
			this.byKey.set(account.accessKeyId, {
				secretAccessKey: account.secretAccessKey,
				sessionToken: account.sessionToken,
				expired: account.expired === true,
				expiresAt: undefined,
				principal: {accountId: account.accountId, arn, userId, accessKeyId: account.accessKeyId},
			});
		}
	}

	/** Temporary credentials for an assumed role, valid against this emulator until they expire. */
	issue(principal: Omit<Principal, 'accessKeyId'>, durationSeconds: number): IssuedCredentials {
		let accessKeyId = 'ASIA';
		for (let index = 0; index < 16; index++) {
			accessKeyId += keyAlphabet[randomInt(keyAlphabet.length)];
		}

		const secretAccessKey = randomBytes(30).toString('base64');
		const sessionToken = `IQoJb3JpZ2luX2Vj${randomBytes(180).toString('base64')}`;
		const expiration = new Date(Math.floor(Date.now() / 1000) * 1000 + durationSeconds * 1000);
		this.byKey.set(accessKeyId, {
			secretAccessKey,
			sessionToken,
			expired: false,
			expiresAt: expiration.getTime(),
			principal: {...principal, accessKeyId},
		});
		return {accessKeyId, secretAccessKey, sessionToken, expiration};
	}

	/**
	 * Verifies the request and returns the caller. `protocol` only changes the error codes' names
	 * (CloudTrail JSON says UnrecognizedClientException where STS says InvalidClientTokenId).
	 */
	authenticate(
		request: {method: string; url: string; rawHeaders: string[]; body: Buffer},
		protocol: 'json' | 'xml',
	): {principal: Principal; region: string; service: string} {
		const headers = headerValues(request.rawHeaders);
		const header = headers.get('authorization')?.[0];
		if (header === undefined) {
			throw authError('missing', protocol);
		}

		const auth = parseAuthorization(header);
		if (!auth) {
			throw authError('incomplete', protocol);
		}

		const record = keyFormat.test(auth.accessKeyId) ? this.byKey.get(auth.accessKeyId) : undefined;
		if (!record) {
			throw authError('unknownKey', protocol);
		}

		const token = headers.get('x-amz-security-token')?.[0];
		if (token !== record.sessionToken) {
			throw authError('unknownKey', protocol);
		}

		if (record.expired || (record.expiresAt !== undefined && record.expiresAt <= Date.now())) {
			throw authError('expired', protocol);
		}

		const problem = verifySignature({...request, headers, auth, secretAccessKey: record.secretAccessKey});
		if (problem !== undefined) {
			throw problem === '' ? authError('badSignature', protocol) : authError('badSignature', protocol, problem);
		}

		return {principal: record.principal, region: auth.region, service: auth.service};
	}
}

export function accessDenied(principal: Principal, action: string, resource: string, json: boolean): ApiError {
	return new ApiError(
		json ? 'AccessDeniedException' : 'AccessDenied',
		`User: ${principal.arn} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in a service control policy`,
	);
}
