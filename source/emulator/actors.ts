// Who appears in each account's history: one of every CloudTrail identity type, so the UI's
// Username column and identity rendering meet the real variety (including no Username at all).
import {demoAccounts, ssoAdminRole, uniqueId} from './accounts.js';
import {hashSeed, mulberry32, upperAlnum, type Rng} from './prng.js';

export type ActorKind = 'IAMUser' | 'AssumedRole' | 'SSO' | 'Root' | 'AWSService' | 'FederatedUser';

export type Actor = {
	kind: ActorKind;
	weight: number;
	/** What LookupEvents reports as Username; undefined for identities that have none. */
	username: string | undefined;
	/** Signs in to the console (ConsoleLogin, calls with userAgent "AWS Internal"). */
	console: boolean;
	userAgents: readonly string[];
	sourceIps: readonly string[];
	/** Access keys this actor's events carry; empty for AWS services. */
	accessKeyIds: readonly string[];
	/** For AWSService actors: the service principal. */
	invokedBy?: string;
	userIdentity(accessKeyId: string | undefined, sessionStart: string, fromConsole: boolean): Record<string, unknown>;
};

const agents = {
	cli: 'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off',
	terraform:
		'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64',
	boto3: 'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.210-201.852.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69',
	sdkJs: 'aws-sdk-js/3.540.0 ua/2.1 os/linux#5.10.213-201.855.amzn2.x86_64 lang/js md/nodejs#20.11.1 api/lambda#3.540.0',
	console: 'AWS Internal',
	browser:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36',
} as const;

export const browserAgent = agents.browser;

function sessionKeys(rng: Rng, count: number): string[] {
	return Array.from({length: count}, () => `ASIA${upperAlnum(rng, 16)}`);
}

function iamUser(accountId: string, name: string, options: Pick<Actor, 'weight' | 'console' | 'userAgents' | 'sourceIps' | 'accessKeyIds'>): Actor {
	const arn = `arn:aws:iam::${accountId}:user/${name}`;
	const principalId = uniqueId('AIDA', arn);
	return {
		kind: 'IAMUser',
		username: name,
		...options,
		userIdentity: (accessKeyId, sessionStart, fromConsole) => ({
			type: 'IAMUser',
			principalId,
			arn,
			accountId,
			accessKeyId,
			userName: name,
			...(fromConsole ? {sessionContext: {attributes: {creationDate: sessionStart, mfaAuthenticated: 'true'}}} : {}),
		}),
	};
}

function assumedRole(
	accountId: string,
	role: string,
	rolePath: string,
	session: string,
	kind: 'AssumedRole' | 'SSO',
	options: Pick<Actor, 'weight' | 'console' | 'userAgents' | 'sourceIps' | 'accessKeyIds'>,
): Actor {
	const roleArn = `arn:aws:iam::${accountId}:role/${rolePath}${role}`;
	const roleId = uniqueId('AROA', role);
	return {
		kind,
		username: session,
		...options,
		userIdentity: (accessKeyId, sessionStart) => ({
			type: 'AssumedRole',
			principalId: `${roleId}:${session}`,
			arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`,
			accountId,
			accessKeyId,
			sessionContext: {
				sessionIssuer: {type: 'Role', principalId: roleId, arn: roleArn, accountId, userName: role},
				attributes: {creationDate: sessionStart, mfaAuthenticated: 'false'},
			},
		}),
	};
}

function awsService(invokedBy: string, weight: number): Actor {
	return {
		kind: 'AWSService',
		weight,
		username: undefined,
		console: false,
		userAgents: [invokedBy],
		sourceIps: [invokedBy],
		accessKeyIds: [],
		invokedBy,
		userIdentity: () => ({type: 'AWSService', invokedBy}),
	};
}

const officeIps = ['203.0.113.24', '203.0.113.87', '198.51.100.14'];
const ciIps = ['192.0.2.200', '192.0.2.201', '192.0.2.57', '192.0.2.58'];
const homeIps = ['198.51.100.203', '198.51.100.77'];

/** The actors of one account, deterministic for the seed. */
export function actorsFor(accountId: string, seed: number): Actor[] {
	const rng = mulberry32(hashSeed(seed, accountId, 'actors'));
	const demoKey = demoAccounts.find(account => account.accountId === accountId && !account.expired)?.accessKeyId;
	const humanName = demoAccounts.find(account => account.accountId === accountId && !account.expired)?.userArn.split('/').at(-1) ?? 'alice';
	const brokerArn = `arn:aws:iam::${accountId}:user/federation-broker`;
	return [
		iamUser(accountId, humanName, {
			weight: 14,
			console: true,
			userAgents: [agents.cli, agents.console, agents.boto3],
			sourceIps: officeIps,
			accessKeyIds: [demoKey ?? `AKIA${upperAlnum(rng, 16)}`, ...sessionKeys(rng, 2)],
		}),
		iamUser(accountId, 'ci-deployer', {
			weight: 16,
			console: false,
			userAgents: [agents.terraform, agents.cli],
			sourceIps: ciIps,
			accessKeyIds: [`AKIA${upperAlnum(rng, 16)}`],
		}),
		assumedRole(accountId, 'deploy-role', '', `GitHubActions-${1000 + Math.floor(rng() * 8000)}`, 'AssumedRole', {
			weight: 18,
			console: false,
			userAgents: [agents.terraform, agents.sdkJs],
			sourceIps: ciIps,
			accessKeyIds: sessionKeys(rng, 4),
		}),
		assumedRole(accountId, ssoAdminRole, 'aws-reserved/sso.amazonaws.com/', 'jane.doe@example.com', 'SSO', {
			weight: 20,
			console: true,
			userAgents: [agents.console, agents.cli],
			sourceIps: homeIps,
			accessKeyIds: sessionKeys(rng, 5),
		}),
		assumedRole(
			accountId,
			'AWSReservedSSO_ReadOnlyAccess_9f8e7d6c5b4a3210',
			'aws-reserved/sso.amazonaws.com/',
			'raj.patel@example.com',
			'SSO',
			{weight: 10, console: true, userAgents: [agents.console], sourceIps: officeIps, accessKeyIds: sessionKeys(rng, 3)},
		),
		{
			kind: 'Root',
			weight: 1,
			username: 'root',
			console: true,
			userAgents: [agents.console],
			sourceIps: homeIps,
			accessKeyIds: sessionKeys(rng, 1),
			userIdentity: (accessKeyId, sessionStart) => ({
				type: 'Root',
				principalId: accountId,
				arn: `arn:aws:iam::${accountId}:root`,
				accountId,
				accessKeyId,
				sessionContext: {attributes: {creationDate: sessionStart, mfaAuthenticated: 'true'}},
			}),
		},
		{
			kind: 'FederatedUser',
			weight: 3,
			username: 'contractor-sam',
			console: false,
			userAgents: [agents.boto3],
			sourceIps: ['198.51.100.190'],
			accessKeyIds: sessionKeys(rng, 2),
			userIdentity: (accessKeyId, sessionStart) => ({
				type: 'FederatedUser',
				principalId: `${accountId}:contractor-sam`,
				arn: `arn:aws:sts::${accountId}:federated-user/contractor-sam`,
				accountId,
				accessKeyId,
				sessionContext: {
					sessionIssuer: {
						type: 'IAMUser',
						principalId: uniqueId('AIDA', brokerArn),
						arn: brokerArn,
						accountId,
						userName: 'federation-broker',
					},
					attributes: {creationDate: sessionStart, mfaAuthenticated: 'false'},
				},
			}),
		},
		awsService('lambda.amazonaws.com', 4),
		awsService('ec2.amazonaws.com', 2),
		awsService('kms.amazonaws.com', 1),
	];
}
