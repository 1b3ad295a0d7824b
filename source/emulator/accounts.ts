// The fixed demo accounts. Keys are constants (not derived from the seed) so the lines printed by
// `npm run emulator` keep working across restarts and can live in docs.
import type {DemoAccount, EmulatedOperation} from './types.js';

export const prodAccountId = '111111111111';
export const devAccountId = '222222222222';
export const restrictedAccountId = '333333333333';

export const ssoAdminRole = 'AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6789';

export const demoAccounts: readonly DemoAccount[] = [
	{
		label: 'demo-prod',
		description:
			'Production, the organization management account: busy us-east-1, an organization trail, a broken trail in eu-west-1, the opt-in ap-southeast-3 enabled',
		accountId: prodAccountId,
		accessKeyId: 'AKIAEMULATORPROD1111',
		secretAccessKey: 'prodSecretKeyForTheTrailviewEmulator/111',
		userArn: `arn:aws:iam::${prodAccountId}:user/alice`,
	},
	{
		label: 'demo-dev',
		description: 'Development: one single-region trail in us-east-1, no trail in eu-west-1 or ap-southeast-2',
		accountId: devAccountId,
		accessKeyId: 'AKIAEMULATORDEV22222',
		secretAccessKey: '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',
		userArn: `arn:aws:iam::${devAccountId}:user/devon`,
	},
	{
		label: 'demo-restricted',
		description:
			'Audit member account: GetTrailStatus is denied, LookupEvents is denied outside us-east-1 (a region-restricting SCP)',
		accountId: restrictedAccountId,
		accessKeyId: 'AKIAEMULATORAUDIT333',
		secretAccessKey: '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',
		userArn: `arn:aws:iam::${restrictedAccountId}:user/auditor`,
	},
	{
		label: 'demo-expired',
		description: 'An SSO session in the production account that has expired: every call fails with ExpiredTokenException',
		accountId: prodAccountId,
		accessKeyId: 'ASIAEMULATOREXPIRED1',
		secretAccessKey: 'expiredSecretKeyForTheTrailviewEmulator1',
		sessionToken: 'IQoJb3JpZ2luX2VjEmulatorExpiredSessionToken0000000000000000000000000000000000000000==',
		expired: true,
		userArn: `arn:aws:sts::${prodAccountId}:assumed-role/${ssoAdminRole}/jane.doe@example.com`,
	},
];

export const knownAccountIds = new Set([prodAccountId, devAccountId, restrictedAccountId]);

/** Calls that answer AccessDenied for an account, as an SCP or a missing permission would. */
export function deniedBy(accountId: string, op: EmulatedOperation, region: string): boolean {
	if (accountId !== restrictedAccountId) {
		return false;
	}

	return op === 'GetTrailStatus' || (op === 'LookupEvents' && region !== 'us-east-1');
}

/** The IAM unique id prefix (AIDA users, AROA roles) plus 17 characters, stable per principal. */
export function uniqueId(prefix: 'AIDA' | 'AROA', name: string): string {
	let hash = 0;
	let out = '';
	for (let index = 0; index < 17; index++) {
		for (const char of `${name}${index}`) {
			hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
		}

		out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[hash % 32];
	}

	return prefix + out;
}
