// The SSO portal's GetRoleCredentials (GET /federation/credentials), enough for the SDK's SSO
// provider: any bearer token from the SSO cache is accepted (the tests' fake `aws sso login`
// writes one), and the role's temporary keys work against this emulator until they expire.
import {knownAccountIds, uniqueId} from './accounts.js';
import type {CredentialStore} from './auth.js';
import {ApiError} from './errors.js';

export function isSsoRequest(method: string | undefined, url: string | undefined): boolean {
	return method === 'GET' && (url ?? '').startsWith('/federation/credentials');
}

export function getRoleCredentials(url: string, bearer: string | undefined, credentials: CredentialStore, sessionSeconds = 3600): string {
	if (bearer === undefined || bearer === '') {
		throw new ApiError('UnauthorizedException', 'Session token not found or invalid', 401);
	}

	const query = new URL(url, 'http://emulator').searchParams;
	const accountId = query.get('account_id') ?? '';
	const roleName = query.get('role_name') ?? '';
	if (!knownAccountIds.has(accountId) || !/^[\w+=,.@-]{1,64}$/.test(roleName)) {
		throw new ApiError('ForbiddenException', 'No access', 403);
	}

	const role = `AWSReservedSSO_${roleName}_0a1b2c3d4e5f6789`;
	const sessionName = 'jane.doe@example.com';
	const issued = credentials.issue(
		{accountId, arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${sessionName}`, userId: `${uniqueId('AROA', role)}:${sessionName}`},
		sessionSeconds,
	);
	return JSON.stringify({
		roleCredentials: {
			accessKeyId: issued.accessKeyId,
			secretAccessKey: issued.secretAccessKey,
			sessionToken: issued.sessionToken,
			expiration: issued.expiration.getTime(),
		},
	});
}
