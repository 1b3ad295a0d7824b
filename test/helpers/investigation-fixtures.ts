// Events for the built-in investigations (domain/query/investigations.ts): for each, calls that
// should be found and near misses that should not (an ingress from 10.0.0.0/8, an access key set
// Inactive, a read-only GetBucketPolicy...). Every event names every investigation it belongs to,
// so a test can check all nine against the whole set. Records follow the shapes CloudTrail writes
// (several from Stratus Red Team's published detonation logs).
import type {Event} from '@aws-sdk/client-cloudtrail';
import type {AddEventInput} from '../../source/emulator/types.js';
import {toTrailEvent} from '../../source/services/events.js';
import type {StoredEvent} from '../../source/emulator/types.js';
import type {TrailEvent} from '../../source/domain/types.js';

export const fixtureAccount = '111111111111';
/** A region the demo data leaves empty, so the fixture is all it holds. */
export const fixtureRegion = 'us-west-2';

export type InvestigationFixture = {
	label: string;
	/** The investigations that must find it; every other one must not. */
	in: readonly string[];
	event: Omit<AddEventInput, 'accountId' | 'region' | 'time'>;
};

const user = (name: string) => ({
	type: 'IAMUser',
	principalId: 'AIDAFIXTUREPRINCIPAL1',
	arn: `arn:aws:iam::${fixtureAccount}:user/${name}`,
	accountId: fixtureAccount,
	accessKeyId: 'AKIAFIXTUREKEY000001',
	userName: name,
});
const root = {type: 'Root', principalId: fixtureAccount, arn: `arn:aws:iam::${fixtureAccount}:root`, accountId: fixtureAccount};

function call(eventName: string, eventSource: string, record: Record<string, unknown> = {}, extra: Partial<AddEventInput> = {}): InvestigationFixture['event'] {
	return {eventName, eventSource, username: 'alice', readOnly: false, ...extra, record: {userIdentity: user(extra.username ?? 'alice'), ...record}};
}

const consoleLogin = (identity: Record<string, unknown>, mfa: 'Yes' | 'No', outcome: 'Success' | 'Failure', username: string) =>
	call(
		'ConsoleLogin',
		'signin.amazonaws.com',
		{
			userIdentity: identity,
			eventType: 'AwsConsoleSignIn',
			sourceIPAddress: '203.0.113.7',
			requestParameters: null,
			responseElements: {ConsoleLogin: outcome},
			additionalEventData: {LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: mfa},
			...(outcome === 'Failure' ? {errorMessage: 'Failed authentication'} : {}),
		},
		{username},
	);

const ingress = (name: string, request: Record<string, unknown>, rules: Array<Record<string, unknown>> | undefined, extra: Partial<AddEventInput> = {}) =>
	call(
		name,
		'ec2.amazonaws.com',
		{
			requestParameters: {groupId: 'sg-0abc', ...request},
			responseElements: rules ? {requestId: 'r-1', _return: true, securityGroupRuleSet: {items: rules.map(rule => ({groupId: 'sg-0abc', isEgress: false, ipProtocol: 'tcp', fromPort: 22, toPort: 22, ...rule}))}} : null,
		},
		{resources: [{type: 'AWS::EC2::SecurityGroup', name: 'sg-0abc'}], ...extra},
	);

const nested = (ranges: Record<string, unknown>) => ({ipPermissions: {items: [{ipProtocol: 'tcp', fromPort: 22, toPort: 22, groups: {}, ipRanges: {}, ipv6Ranges: {}, prefixListIds: {}, ...ranges}]}});
const share = (key: string, items: Array<Record<string, string>>) => ({[key]: {add: {items}}});

export const investigationFixtures: readonly InvestigationFixture[] = [
	// @tampering
	...['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors', 'DeleteEventDataStore', 'StopEventDataStoreIngestion'].map(name => ({
		label: name,
		in: ['tampering'],
		event: call(name, 'cloudtrail.amazonaws.com', {requestParameters: {name: `arn:aws:cloudtrail:us-west-2:${fixtureAccount}:trail/main`}}),
	})),
	{label: 'DeleteFlowLogs', in: ['tampering'], event: call('DeleteFlowLogs', 'ec2.amazonaws.com', {requestParameters: {DeleteFlowLogsRequest: {FlowLogId: {content: 'fl-0a1b', tag: 1}}}})},
	{label: 'DeleteResolverQueryLogConfig', in: ['tampering'], event: call('DeleteResolverQueryLogConfig', 'route53resolver.amazonaws.com', {requestParameters: {resolverQueryLogConfigId: 'rqlc-1'}})},
	{label: 'StopConfigurationRecorder', in: ['tampering'], event: call('StopConfigurationRecorder', 'config.amazonaws.com', {requestParameters: {configurationRecorderName: 'default'}})},
	{label: 'DeleteDeliveryChannel', in: ['tampering'], event: call('DeleteDeliveryChannel', 'config.amazonaws.com')},
	{label: 'DeleteDetector', in: ['tampering'], event: call('DeleteDetector', 'guardduty.amazonaws.com', {requestParameters: {detectorId: 'd-1'}})},
	{label: 'LeaveOrganization', in: ['tampering'], event: call('LeaveOrganization', 'organizations.amazonaws.com')},
	{label: 'near: StartLogging', in: [], event: call('StartLogging', 'cloudtrail.amazonaws.com')},
	{label: 'near: CreateTrail', in: [], event: call('CreateTrail', 'cloudtrail.amazonaws.com')},
	{label: 'near: GetTrailStatus (read)', in: [], event: call('GetTrailStatus', 'cloudtrail.amazonaws.com', {readOnly: true}, {readOnly: true})},
	{label: 'near: CreateFlowLogs', in: [], event: call('CreateFlowLogs', 'ec2.amazonaws.com')},

	// @root and @console-no-mfa
	{label: 'root signs in without MFA', in: ['root', 'console-no-mfa'], event: consoleLogin(root, 'No', 'Success', 'root')},
	{label: 'root signs in with MFA', in: ['root'], event: consoleLogin(root, 'Yes', 'Success', 'root')},
	{label: 'root creates a bucket', in: ['root'], event: call('CreateBucket', 's3.amazonaws.com', {userIdentity: root, requestParameters: {bucketName: 'loot'}}, {username: 'root'})},
	{label: 'near: an IAM user named root', in: [], event: call('GetUser', 'iam.amazonaws.com', {readOnly: true}, {username: 'root', readOnly: true})},
	{
		label: 'near: a service event on behalf of root',
		in: [],
		event: call('SharedVolumeDetached', 'ec2.amazonaws.com', {userIdentity: root, eventType: 'AwsServiceEvent'}, {username: 'root'}),
	},
	{label: 'alice signs in without MFA', in: ['console-no-mfa'], event: consoleLogin(user('alice'), 'No', 'Success', 'alice')},
	{label: 'near: alice signs in with MFA', in: [], event: consoleLogin(user('alice'), 'Yes', 'Success', 'alice')},
	{label: 'near: a failed sign-in without MFA', in: [], event: consoleLogin(user('mallory'), 'No', 'Failure', 'mallory')},

	// @denied
	{label: 'CreateUser AccessDenied', in: ['denied', 'iam-changes'], event: call('CreateUser', 'iam.amazonaws.com', {requestParameters: {userName: 'x'}}, {errorCode: 'AccessDenied'})},
	{label: 'CreateKey AccessDeniedException', in: ['denied'], event: call('CreateKey', 'kms.amazonaws.com', {}, {errorCode: 'AccessDeniedException'})},
	{label: 'DescribeInstances Client.UnauthorizedOperation (read)', in: ['denied'], event: call('DescribeInstances', 'ec2.amazonaws.com', {readOnly: true}, {errorCode: 'Client.UnauthorizedOperation', readOnly: true})},
	{label: 'near: NoSuchEntityException', in: ['iam-changes'], event: call('DeleteRole', 'iam.amazonaws.com', {}, {errorCode: 'NoSuchEntityException'})},
	{label: 'near: Client.InvalidInstanceID.NotFound', in: [], event: call('StopInstances', 'ec2.amazonaws.com', {}, {errorCode: 'Client.InvalidInstanceID.NotFound'})},

	// @iam-changes and @keys
	{label: 'AttachRolePolicy', in: ['iam-changes'], event: call('AttachRolePolicy', 'iam.amazonaws.com', {requestParameters: {roleName: 'deploy', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'}})},
	{label: 'PutUserPolicy', in: ['iam-changes'], event: call('PutUserPolicy', 'iam.amazonaws.com', {requestParameters: {userName: 'bob', policyName: 'inline', policyDocument: '{}'}})},
	{label: 'UpdateAssumeRolePolicy', in: ['iam-changes'], event: call('UpdateAssumeRolePolicy', 'iam.amazonaws.com', {requestParameters: {roleName: 'deploy'}})},
	{label: 'CreateLoginProfile', in: ['iam-changes'], event: call('CreateLoginProfile', 'iam.amazonaws.com', {requestParameters: {userName: 'bob', passwordResetRequired: false}})},
	{
		label: 'CreateAccessKey',
		in: ['keys', 'iam-changes'],
		event: call('CreateAccessKey', 'iam.amazonaws.com', {requestParameters: {userName: 'bob'}, responseElements: {accessKey: {userName: 'bob', accessKeyId: 'AKIAFIXTURENEWKEY001', status: 'Active'}}}),
	},
	{
		label: 'CreateAccessKey for carol, by herself',
		in: ['keys', 'iam-changes'],
		event: call('CreateAccessKey', 'iam.amazonaws.com', {requestParameters: null, responseElements: {accessKey: {userName: 'carol', accessKeyId: 'AKIAFIXTURENEWKEY002', status: 'Active'}}}, {username: 'carol'}),
	},
	{label: 'UpdateAccessKey to Active', in: ['keys', 'iam-changes'], event: call('UpdateAccessKey', 'iam.amazonaws.com', {requestParameters: {userName: 'bob', accessKeyId: 'AKIAFIXTUREOLDKEY001', status: 'Active'}})},
	{label: 'near: UpdateAccessKey to Inactive', in: ['iam-changes'], event: call('UpdateAccessKey', 'iam.amazonaws.com', {requestParameters: {userName: 'bob', accessKeyId: 'AKIAFIXTUREOLDKEY001', status: 'Inactive'}})},
	{label: 'near: DeleteAccessKey', in: ['iam-changes'], event: call('DeleteAccessKey', 'iam.amazonaws.com', {requestParameters: {userName: 'bob', accessKeyId: 'AKIAFIXTUREOLDKEY001'}})},
	{label: 'near: ListAccessKeys (read)', in: [], event: call('ListAccessKeys', 'iam.amazonaws.com', {readOnly: true}, {readOnly: true})},
	{label: 'near: GenerateCredentialReport', in: [], event: call('GenerateCredentialReport', 'iam.amazonaws.com')},
	{label: 'near: CreateBucket is not IAM', in: [], event: call('CreateBucket', 's3.amazonaws.com', {requestParameters: {bucketName: 'b'}})},

	// @network-open
	{label: 'ingress 0.0.0.0/0, nested request', in: ['network-open'], event: ingress('AuthorizeSecurityGroupIngress', nested({ipRanges: {items: [{cidrIp: '0.0.0.0/0'}]}}), [{cidrIpv4: '0.0.0.0/0'}])},
	{label: 'ingress 0.0.0.0/0, flat request', in: ['network-open'], event: ingress('AuthorizeSecurityGroupIngress', {cidrIp: '0.0.0.0/0', fromPort: 22, toPort: 22, ipProtocol: 'tcp', ipPermissions: {}}, [{cidrIpv4: '0.0.0.0/0'}])},
	{label: 'ingress ::/0', in: ['network-open'], event: ingress('AuthorizeSecurityGroupIngress', nested({ipv6Ranges: {items: [{cidrIpv6: '::/0'}]}}), [{cidrIpv6: '::/0'}])},
	{label: 'near: ingress from 10.0.0.0/8', in: [], event: ingress('AuthorizeSecurityGroupIngress', nested({ipRanges: {items: [{cidrIp: '10.0.0.0/8'}]}}), [{cidrIpv4: '10.0.0.0/8'}])},
	{label: 'near: ingress from another group', in: [], event: ingress('AuthorizeSecurityGroupIngress', nested({groups: {items: [{groupId: 'sg-0lb'}]}}), [{referencedGroupInfo: {groupId: 'sg-0lb'}}])},
	{
		label: 'near: a denied attempt at 0.0.0.0/0',
		in: ['denied'],
		event: ingress('AuthorizeSecurityGroupIngress', nested({ipRanges: {items: [{cidrIp: '0.0.0.0/0'}]}}), undefined, {errorCode: 'Client.UnauthorizedOperation'}),
	},
	{label: 'near: egress to 0.0.0.0/0', in: [], event: ingress('AuthorizeSecurityGroupEgress', nested({ipRanges: {items: [{cidrIp: '0.0.0.0/0'}]}}), [{cidrIpv4: '0.0.0.0/0', isEgress: true}])},
	{label: 'near: RevokeSecurityGroupIngress 0.0.0.0/0', in: [], event: ingress('RevokeSecurityGroupIngress', nested({ipRanges: {items: [{cidrIp: '0.0.0.0/0'}]}}), undefined)},

	// @public-data and @exfil-prep
	{label: 'PutBucketPolicy', in: ['public-data'], event: call('PutBucketPolicy', 's3.amazonaws.com', {requestParameters: {bucketName: 'b', bucketPolicy: {Statement: [{Effect: 'Allow', Principal: '*', Action: 's3:GetObject'}]}}})},
	{label: 'PutBucketAcl', in: ['public-data'], event: call('PutBucketAcl', 's3.amazonaws.com', {requestParameters: {bucketName: 'b', 'x-amz-acl': ['public-read']}})},
	{label: 'DeleteBucketPublicAccessBlock', in: ['public-data'], event: call('DeleteBucketPublicAccessBlock', 's3.amazonaws.com', {requestParameters: {bucketName: 'b', publicAccessBlock: ''}})},
	{label: 'DeleteAccountPublicAccessBlock', in: ['public-data'], event: call('DeleteAccountPublicAccessBlock', 's3.amazonaws.com')},
	{
		label: 'ModifySnapshotAttribute to all',
		in: ['public-data', 'exfil-prep'],
		event: call('ModifySnapshotAttribute', 'ec2.amazonaws.com', {requestParameters: {snapshotId: 'snap-1', attributeType: 'CREATE_VOLUME_PERMISSION', ...share('createVolumePermission', [{group: 'all'}])}}),
	},
	{
		label: 'ModifyImageAttribute to an account',
		in: ['public-data', 'exfil-prep'],
		event: call('ModifyImageAttribute', 'ec2.amazonaws.com', {requestParameters: {imageId: 'ami-1', attributeType: 'launchPermission', ...share('launchPermission', [{userId: '999999999999'}])}}),
	},
	{label: 'ModifyDBSnapshotAttribute', in: ['public-data', 'exfil-prep'], event: call('ModifyDBSnapshotAttribute', 'rds.amazonaws.com', {requestParameters: {attributeName: 'restore', dBSnapshotIdentifier: 'db-1', valuesToAdd: ['999999999999']}})},
	{label: 'CreateInstanceExportTask', in: ['exfil-prep'], event: call('CreateInstanceExportTask', 'ec2.amazonaws.com', {requestParameters: {instanceId: 'i-1', exportToS3: {s3Bucket: 'elsewhere'}}})},
	{label: 'StartExportTask', in: ['exfil-prep'], event: call('StartExportTask', 'rds.amazonaws.com', {requestParameters: {s3BucketName: 'elsewhere'}})},
	{
		label: 'SharedSnapshotCopyInitiated',
		in: ['exfil-prep'],
		event: {
			eventName: 'SharedSnapshotCopyInitiated',
			eventSource: 'ec2.amazonaws.com',
			readOnly: false,
			record: {userIdentity: {type: 'AWSAccount', accountId: '999999999999', invokedBy: 'ec2.amazonaws.com'}, eventType: 'AwsServiceEvent', serviceEventDetails: {snapshotId: 'snap-1'}},
		},
	},
	{label: 'near: GetBucketPolicy (read)', in: [], event: call('GetBucketPolicy', 's3.amazonaws.com', {readOnly: true, requestParameters: {bucketName: 'b', policy: ''}}, {readOnly: true})},
	{label: 'near: PutBucketPublicAccessBlock', in: [], event: call('PutBucketPublicAccessBlock', 's3.amazonaws.com', {requestParameters: {bucketName: 'b'}})},
	{label: 'near: DeleteBucketPolicy', in: [], event: call('DeleteBucketPolicy', 's3.amazonaws.com', {requestParameters: {bucketName: 'b'}})},
	{label: 'near: CreateSnapshot', in: [], event: call('CreateSnapshot', 'ec2.amazonaws.com', {requestParameters: {volumeId: 'vol-1'}})},
	{label: 'near: CopySnapshot', in: [], event: call('CopySnapshot', 'ec2.amazonaws.com', {requestParameters: {sourceSnapshotId: 'snap-1'}})},
];

/** An emulator StoredEvent as the app reads it from LookupEvents. */
export function storedToTrailEvent(stored: StoredEvent): TrailEvent {
	const event: Event = {
		EventId: stored.id,
		EventTime: new Date(stored.timeMs),
		EventName: stored.name,
		EventSource: stored.source,
		Username: stored.username,
		AccessKeyId: stored.accessKeyId,
		ReadOnly: String(stored.readOnly),
		Resources: stored.resources.map(resource => ({ResourceType: resource.type, ResourceName: resource.name})),
		CloudTrailEvent: stored.cloudTrailEvent(),
	};
	return toTrailEvent(event)!;
}
