// STS over the query protocol (form-encoded POST, XML answers), enough for the SDK's and the
// CLI's GetCallerIdentity and for assume-role profiles whose roles live in an emulator account.
import {knownAccountIds, uniqueId} from './accounts.js';
import {accessDenied, type CredentialStore, type Principal} from './auth.js';
import {ApiError, escapeXml} from './errors.js';

const namespace = 'https://sts.amazonaws.com/doc/2011-06-15/';

export type StsOperation = 'GetCallerIdentity' | 'AssumeRole';

export function stsOperation(action: string | null): StsOperation | undefined {
	return action === 'GetCallerIdentity' || action === 'AssumeRole' ? action : undefined;
}

function metadata(requestId: string): string {
	return `  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n`;
}

export function getCallerIdentity(principal: Principal, requestId: string): string {
	return (
		`<GetCallerIdentityResponse xmlns="${namespace}">\n  <GetCallerIdentityResult>\n` +
		`    <Arn>${escapeXml(principal.arn)}</Arn>\n    <UserId>${escapeXml(principal.userId)}</UserId>\n` +
		`    <Account>${principal.accountId}</Account>\n  </GetCallerIdentityResult>\n` +
		`${metadata(requestId)}</GetCallerIdentityResponse>\n`
	);
}

function validation(field: string, value: string, constraint: string): ApiError {
	return new ApiError(
		'ValidationError',
		`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`,
	);
}

/** The one code the emulated MFA device accepts (any other is refused, as a wrong or stale code is). */
export const emulatorMfaCode = '123456';

/** `minSessionSeconds`: the service's 900, or less so tests can watch credentials expire. */
export function assumeRole(params: URLSearchParams, caller: Principal, credentials: CredentialStore, requestId: string, minSessionSeconds = 900): string {
	const roleArn = params.get('RoleArn') ?? '';
	const sessionName = params.get('RoleSessionName') ?? '';
	const duration = Number(params.get('DurationSeconds') ?? '3600');
	const match = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/.exec(roleArn);
	if (!match) {
		throw validation('roleArn', roleArn, 'Member must be a valid IAM role ARN');
	}

	if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
		throw validation('roleSessionName', sessionName, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
	}

	if (!Number.isInteger(duration) || duration < minSessionSeconds || duration > 43_200) {
		throw validation('durationSeconds', String(duration), `Member must have value greater than or equal to ${minSessionSeconds}`);
	}

	checkMfa(params.get('SerialNumber'), params.get('TokenCode'));

	const [, accountId, roleName] = match as unknown as [string, string, string];
	if (!knownAccountIds.has(accountId)) {
		throw accessDenied(caller, 'sts:AssumeRole', roleArn, false);
	}

	const assumedArn = `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
	const userId = `${uniqueId('AROA', roleName)}:${sessionName}`;
	const issued = credentials.issue({accountId, arn: assumedArn, userId}, duration);
	return (
		`<AssumeRoleResponse xmlns="${namespace}">\n  <AssumeRoleResult>\n` +
		`    <AssumedRoleUser>\n      <AssumedRoleId>${escapeXml(userId)}</AssumedRoleId>\n` +
		`      <Arn>${escapeXml(assumedArn)}</Arn>\n    </AssumedRoleUser>\n` +
		`    <Credentials>\n      <AccessKeyId>${issued.accessKeyId}</AccessKeyId>\n` +
		`      <SecretAccessKey>${escapeXml(issued.secretAccessKey)}</SecretAccessKey>\n` +
		`      <SessionToken>${escapeXml(issued.sessionToken)}</SessionToken>\n` +
		`      <Expiration>${issued.expiration.toISOString()}</Expiration>\n    </Credentials>\n` +
		`  </AssumeRoleResult>\n${metadata(requestId)}</AssumeRoleResponse>\n`
	);
}

function checkMfa(serial: string | null, code: string | null): void {
	if (serial === null && code === null) {
		return;
	}

	if (code !== null && !/^\d{6}$/.test(code)) {
		throw validation('tokenCode', code, 'Member must have length 6 and satisfy regular expression pattern: [\\d]*');
	}

	if (serial === null || code === null) {
		throw new ApiError('AccessDenied', 'MultiFactorAuthentication failed, unable to validate MFA code.');
	}

	if (code !== emulatorMfaCode) {
		throw new ApiError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ');
	}
}
