// Plain-language phrases for identity events: IAM, STS and console sign-in. Data: one entry per
// event name, read from the record's requestParameters/responseElements as CloudTrail writes them.
import {clip, named, phrase, type Phrase, type PhraseTable, type Reader} from './plain-words.js';

const param = (read: Reader, key: string) => read.text('requestParameters', key);
const user = (read: Reader) => named('user', param(read, 'userName'));
const role = (read: Reader) => named('role', param(read, 'roleName'));
const group = (read: Reader) => named('group', param(read, 'groupName'));
const policy = (read: Reader) => named('policy', read.name('requestParameters', 'policyArn'));
const inline = (read: Reader) => named('inline policy', param(read, 'policyName'), 'an');

const attach = (target: (read: Reader) => string) => (read: Reader) => phrase('attached', 'attach', `${policy(read)} to ${target(read)}`);
const detach = (target: (read: Reader) => string) => (read: Reader) => phrase('detached', 'detach', `${policy(read)} from ${target(read)}`);
const putInline = (target: (read: Reader) => string) => (read: Reader) => phrase('set', 'set', `${inline(read)} on ${target(read)}`);
const deleteInline = (target: (read: Reader) => string) => (read: Reader) => phrase('deleted', 'delete', `${inline(read)} from ${target(read)}`);

/** `access key AKIA…ABCD of user bob`; ids come masked from the redacted record. */
function accessKey(id: string | undefined, owner: string | undefined): string {
	return `${named('access key', id, 'an')}${owner === undefined ? '' : ` of user ${owner}`}`;
}

function createAccessKey(read: Reader): Phrase {
	// Without userName the key is the caller's own; the response names the owner either way.
	const owner = param(read, 'userName') ?? read.text('responseElements', 'accessKey', 'userName');
	const id = read.text('responseElements', 'accessKey', 'accessKeyId');
	const forWhom = owner === undefined ? '' : ` for user ${owner}`;
	return {did: `created ${named('access key', id, 'an')}${forWhom}`, tried: `create an access key${forWhom}`};
}

function updateAccessKey(read: Reader): Phrase {
	const key = accessKey(param(read, 'accessKeyId'), param(read, 'userName'));
	switch (param(read, 'status')) {
		case 'Active': {
			return phrase('activated', 'activate', key);
		}

		case 'Inactive': {
			return phrase('deactivated', 'deactivate', key);
		}

		default: {
			return phrase('changed', 'change', key);
		}
	}
}

function consoleLogin(read: Reader): Phrase {
	const mfa = read.text('additionalEventData', 'MFAUsed');
	const from = read.text('sourceIPAddress');
	const where = from === undefined ? '' : ` from ${from}`;
	const how = mfa === 'No' ? ' without MFA' : mfa === 'Yes' ? ' with MFA' : '';
	return {did: `logged in to the console${how}${where}`, tried: `log in to the console${where}`};
}

function switchRole(read: Reader): Phrase {
	// The record's identity is the role switched to: arn:aws:sts::111:assumed-role/Role/session.
	const arn = read.value('userIdentity', 'arn');
	const target = read.text('userIdentity', 'sessionContext', 'sessionIssuer', 'userName') ?? (typeof arn === 'string' && arn.includes(':assumed-role/') ? clip(arn.split('/')[1] ?? '') || undefined : undefined);
	const account = read.text('recipientAccountId');
	const from = read.text('additionalEventData', 'SwitchFrom');
	const elsewhere = account !== undefined && from !== undefined && !from.includes(`::${account}:`) ? ` in account ${account}` : '';
	return target === undefined ? phrase('switched', 'switch', 'role in the console') : phrase('switched', 'switch', `to role ${target}${elsewhere} in the console`);
}

function assumeRole(read: Reader): Phrase {
	const session = param(read, 'roleSessionName');
	return phrase('assumed', 'assume', `${named('role', read.name('requestParameters', 'roleArn'))}${session === undefined ? '' : ` as session ${session}`}`);
}

export const identityPhrases: PhraseTable = {
	CreateUser: read => phrase('created', 'create', user(read)),
	DeleteUser: read => phrase('deleted', 'delete', user(read)),
	CreateRole: read => phrase('created', 'create', role(read)),
	DeleteRole: read => phrase('deleted', 'delete', role(read)),
	CreateGroup: read => phrase('created', 'create', group(read)),
	AddUserToGroup: read => phrase('added', 'add', `${user(read)} to ${group(read)}`),
	RemoveUserFromGroup: read => phrase('removed', 'remove', `${user(read)} from ${group(read)}`),
	AttachUserPolicy: attach(user),
	AttachRolePolicy: attach(role),
	AttachGroupPolicy: attach(group),
	DetachUserPolicy: detach(user),
	DetachRolePolicy: detach(role),
	DetachGroupPolicy: detach(group),
	PutUserPolicy: putInline(user),
	PutRolePolicy: putInline(role),
	PutGroupPolicy: putInline(group),
	DeleteUserPolicy: deleteInline(user),
	DeleteRolePolicy: deleteInline(role),
	CreatePolicy: read => phrase('created', 'create', named('policy', param(read, 'policyName'))),
	CreatePolicyVersion: read => phrase('published', 'publish', `a new version of ${policy(read)}`),
	UpdateAssumeRolePolicy: read => phrase('changed who can assume', 'change who can assume', role(read)),
	CreateAccessKey: createAccessKey,
	UpdateAccessKey: updateAccessKey,
	DeleteAccessKey: read => phrase('deleted', 'delete', accessKey(param(read, 'accessKeyId'), param(read, 'userName'))),
	CreateLoginProfile: read => phrase('created', 'create', `a console password for ${user(read)}`),
	UpdateLoginProfile: read => phrase('changed', 'change', `the console password of ${user(read)}`),
	DeleteLoginProfile: read => phrase('removed', 'remove', `the console password of ${user(read)}`),
	ChangePassword: () => phrase('changed', 'change', 'their own console password'),
	DeactivateMFADevice: read => phrase('removed', 'remove', `an MFA device from ${user(read)}`),
	ConsoleLogin: consoleLogin,
	SwitchRole: switchRole,
	AssumeRole: assumeRole,
	GetFederationToken(read) {
		const name = param(read, 'name');
		return phrase('got', 'get', `federated credentials${name === undefined ? '' : ` for ${clip(name)}`}`);
	},
	// Not an IAM call, but who may sign in where: kept with the identities.
	LeaveOrganization: () => phrase('took', 'take', 'the account out of its organization'),
	CreateSAMLProvider: read => phrase('added', 'add', named('SAML provider', param(read, 'name'))),
	DeleteSAMLProvider: read => phrase('deleted', 'delete', named('SAML provider', read.name('requestParameters', 'sAMLProviderArn'))),
};
