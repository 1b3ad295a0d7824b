// Shared config files for credential tests.

/** The config from the bug report: an MFA role whose source is an SSO profile with no token. */
export const mfaOverSsoConfig = [
	'[sso-session corp]',
	'sso_start_url = https://corp.awsapps.com/start',
	'sso_region = us-east-1',
	'sso_registration_scopes = sso:account:access',
	'[profile ssoadmin]',
	'sso_session = corp',
	'sso_account_id = 111111111111',
	'sso_role_name = AdministratorAccess',
	'region = us-east-1',
	'[profile role-mfa-sso]',
	'role_arn = arn:aws:iam::222222222222:role/Admin',
	'source_profile = ssoadmin',
	'mfa_serial = arn:aws:iam::111111111111:mfa/alice',
	'',
].join('\n');
