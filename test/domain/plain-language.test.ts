import {describe, expect, it} from 'vitest';
import {plainSentence} from '../../source/domain/plain-language.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {account, recorded, root} from '../helpers/records.js';

const request = (requestParameters: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({requestParameters, ...rest});
const nested = (from: number, to: number, ranges: Record<string, unknown>, protocol = 'tcp') => ({
	groupId: 'sg-0abc',
	ipPermissions: {items: [{ipProtocol: protocol, fromPort: from, toPort: to, groups: {}, ipRanges: {}, ipv6Ranges: {}, prefixListIds: {}, ...ranges}]},
});
const v4 = (...cidrs: string[]) => ({ipRanges: {items: cidrs.map(cidrIp => ({cidrIp}))}});
const share = (key: string, change: 'add' | 'remove', items: Array<Record<string, string>>) => ({[key]: {[change]: {items}}});

describe('plainSentence', () => {
	it.each<[string, TrailEvent, string]>([
		// IAM
		['CreateUser', recorded('CreateUser', request({userName: 'bob'})), 'alice created user bob'],
		['DeleteUser', recorded('DeleteUser', request({userName: 'bob'})), 'alice deleted user bob'],
		['AttachUserPolicy', recorded('AttachUserPolicy', request({userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'})), 'alice attached policy ReadOnlyAccess to user bob'],
		['AttachRolePolicy', recorded('AttachRolePolicy', request({roleName: 'deploy', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'})), 'alice attached policy AdministratorAccess to role deploy'],
		['PutUserPolicy', recorded('PutUserPolicy', request({userName: 'bob', policyName: 's3-admin', policyDocument: '{"Version":"2012-10-17"}'})), 'alice set inline policy s3-admin on user bob'],
		['PutRolePolicy', recorded('PutRolePolicy', request({roleName: 'deploy', policyName: 'inline-access', policyDocument: '{}'})), 'alice set inline policy inline-access on role deploy'],
		[
			'CreateAccessKey',
			recorded('CreateAccessKey', request({userName: 'bob'}, {responseElements: {accessKey: {userName: 'bob', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', status: 'Active', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG'}}})),
			'alice created access key AKIA…MPLE for user bob',
		],
		['CreateAccessKey for oneself', recorded('CreateAccessKey', {requestParameters: null, responseElements: null}), 'alice created an access key'],
		['UpdateAccessKey to Active', recorded('UpdateAccessKey', request({userName: 'bob', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', status: 'Active'})), 'alice activated access key AKIA…MPLE of user bob'],
		['UpdateAccessKey to Inactive', recorded('UpdateAccessKey', request({accessKeyId: 'AKIAIOSFODNN7EXAMPLE', status: 'Inactive'})), 'alice deactivated access key AKIA…MPLE'],
		['DeleteAccessKey', recorded('DeleteAccessKey', request({userName: 'bob', accessKeyId: 'AKIAIOSFODNN7EXAMPLE'})), 'alice deleted access key AKIA…MPLE of user bob'],
		['CreateLoginProfile', recorded('CreateLoginProfile', request({userName: 'bob', passwordResetRequired: true})), 'alice created a console password for user bob'],
		['CreateRole', recorded('CreateRole', request({roleName: 'deploy', assumeRolePolicyDocument: '{}'})), 'alice created role deploy'],
		['UpdateAssumeRolePolicy', recorded('UpdateAssumeRolePolicy', request({roleName: 'deploy', policyDocument: '{}'})), 'alice changed who can assume role deploy'],
		// Sign-in and STS
		[
			'ConsoleLogin as root without MFA',
			recorded('ConsoleLogin', {userIdentity: root, requestParameters: null, responseElements: {ConsoleLogin: 'Success'}, additionalEventData: {MFAUsed: 'No'}}, {username: undefined}),
			'root logged in to the console without MFA from 203.0.113.7',
		],
		['ConsoleLogin with MFA', recorded('ConsoleLogin', {responseElements: {ConsoleLogin: 'Success'}, additionalEventData: {MFAUsed: 'Yes'}}), 'alice logged in to the console with MFA from 203.0.113.7'],
		[
			'a failed ConsoleLogin',
			recorded('ConsoleLogin', {sourceIPAddress: '198.51.100.9', errorMessage: 'Failed authentication', responseElements: {ConsoleLogin: 'Failure'}, additionalEventData: {MFAUsed: 'No'}}),
			'alice tried to log in to the console from 198.51.100.9 (Failed authentication)',
		],
		[
			'SwitchRole into another account',
			recorded(
				'SwitchRole',
				{
					userIdentity: {type: 'AssumedRole', principalId: 'AROAEXAMPLE:Alice', arn: `arn:aws:sts::${account}:assumed-role/developerAdmin/Alice`, accountId: account},
					responseElements: {SwitchRole: 'Success'},
					additionalEventData: {SwitchFrom: 'arn:aws:iam::999999999999:user/Alice'},
				},
				{username: 'Alice'},
			),
			`Alice switched to role developerAdmin in account ${account} in the console`,
		],
		['AssumeRole', recorded('AssumeRole', request({roleArn: `arn:aws:iam::${account}:role/deploy`, roleSessionName: 'gh-123', durationSeconds: 3600})), 'alice assumed role deploy as session gh-123'],
		// EC2
		[
			'RunInstances',
			recorded('RunInstances', request({instanceType: 't3.micro'}, {responseElements: {instancesSet: {items: [{instanceId: 'i-0abc'}]}}})),
			'alice launched instance i-0abc (t3.micro)',
		],
		['TerminateInstances', recorded('TerminateInstances', request({instancesSet: {items: [{instanceId: 'i-1'}, {instanceId: 'i-2'}]}})), 'alice terminated instances i-1 and i-2'],
		[
			'StopInstances, many',
			recorded('StopInstances', request({instancesSet: {items: ['i-1', 'i-2', 'i-3', 'i-4', 'i-5'].map(instanceId => ({instanceId}))}})),
			'alice stopped instances i-1, i-2, i-3 and 2 more',
		],
		['AuthorizeSecurityGroupIngress', recorded('AuthorizeSecurityGroupIngress', request(nested(22, 22, v4('0.0.0.0/0'))), {username: 'ci-deployer'}), 'ci-deployer opened port 22 to 0.0.0.0/0 on sg-0abc'],
		[
			'AuthorizeSecurityGroupIngress, flat request',
			recorded('AuthorizeSecurityGroupIngress', request({groupId: 'sg-0abc', cidrIp: '0.0.0.0/0', fromPort: 3389, toPort: 3389, ipProtocol: 'tcp', ipPermissions: {}})),
			'alice opened port 3389 to 0.0.0.0/0 on sg-0abc',
		],
		[
			'AuthorizeSecurityGroupIngress, a range over IPv4 and IPv6',
			recorded('AuthorizeSecurityGroupIngress', request(nested(8000, 8080, {...v4('10.0.0.0/8'), ipv6Ranges: {items: [{cidrIpv6: '::/0'}]}}))),
			'alice opened ports 8000-8080 to 10.0.0.0/8 and ::/0 on sg-0abc',
		],
		['AuthorizeSecurityGroupIngress, all traffic', recorded('AuthorizeSecurityGroupIngress', request(nested(-1, -1, v4('0.0.0.0/0'), '-1'))), 'alice opened all traffic to 0.0.0.0/0 on sg-0abc'],
		[
			'AuthorizeSecurityGroupIngress, only the response names the rule',
			recorded('AuthorizeSecurityGroupIngress', request({groupId: 'sg-0abc'}, {responseElements: {securityGroupRuleSet: {items: [{ipProtocol: 'udp', fromPort: 53, toPort: 53, cidrIpv4: '0.0.0.0/0'}]}}})),
			'alice opened UDP port 53 to 0.0.0.0/0 on sg-0abc',
		],
		['RevokeSecurityGroupIngress', recorded('RevokeSecurityGroupIngress', request(nested(22, 22, v4('0.0.0.0/0')))), 'alice closed port 22 to 0.0.0.0/0 on sg-0abc'],
		['RevokeSecurityGroupIngress by rule id', recorded('RevokeSecurityGroupIngress', request({groupId: 'sg-0abc'})), 'alice removed inbound rules from sg-0abc'],
		[
			'CreateSecurityGroup',
			recorded('CreateSecurityGroup', request({groupName: 'web', groupDescription: 'web tier', vpcId: 'vpc-1'}, {responseElements: {groupId: 'sg-9', _return: true}})),
			'alice created security group web (sg-9) in vpc-1',
		],
		[
			'ModifySnapshotAttribute to an account',
			recorded('ModifySnapshotAttribute', request({snapshotId: 'snap-1', attributeType: 'CREATE_VOLUME_PERMISSION', ...share('createVolumePermission', 'add', [{userId: '444455556666'}])})),
			'alice shared snapshot snap-1 with account 444455556666',
		],
		['ModifySnapshotAttribute to all', recorded('ModifySnapshotAttribute', request({snapshotId: 'snap-1', ...share('createVolumePermission', 'add', [{group: 'all'}])})), 'alice made snapshot snap-1 public'],
		[
			'ModifySnapshotAttribute, a share removed',
			recorded('ModifySnapshotAttribute', request({snapshotId: 'snap-1', ...share('createVolumePermission', 'remove', [{userId: '444455556666'}])})),
			'alice stopped sharing snapshot snap-1 with account 444455556666',
		],
		['ModifyImageAttribute', recorded('ModifyImageAttribute', request({imageId: 'ami-1', ...share('launchPermission', 'add', [{group: 'all'}])})), 'alice made image ami-1 public'],
		['ModifyImageAttribute, description', recorded('ModifyImageAttribute', request({imageId: 'ami-1', attributeType: 'description', description: {value: 'x'}})), 'alice changed image ami-1'],
		['CreateSnapshot', recorded('CreateSnapshot', request({volumeId: 'vol-1'}, {responseElements: {snapshotId: 'snap-2'}})), 'alice created snapshot snap-2 of volume vol-1'],
		['CreateInstanceExportTask', recorded('CreateInstanceExportTask', request({instanceId: 'i-1', exportToS3: {s3Bucket: 'elsewhere'}})), 'alice started exporting instance i-1 to bucket elsewhere'],
		// S3
		['CreateBucket', recorded('CreateBucket', request({bucketName: 'logs', Host: 'logs.s3.amazonaws.com'})), 'alice created bucket logs'],
		['DeleteBucket', recorded('DeleteBucket', request({bucketName: 'logs'})), 'alice deleted bucket logs'],
		[
			'PutBucketPolicy for anyone',
			recorded('PutBucketPolicy', request({bucketName: 'logs', bucketPolicy: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: '*'}, Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*'}]}})),
			'alice set the policy of bucket logs, allowing Principal *',
		],
		[
			'PutBucketPolicy for one account',
			recorded('PutBucketPolicy', request({bucketName: 'logs', bucketPolicy: {Statement: [{Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::222222222222:root'}}]}})),
			'alice set the policy of bucket logs',
		],
		['PutBucketAcl', recorded('PutBucketAcl', request({bucketName: 'logs', 'x-amz-acl': ['public-read'], acl: ''})), 'alice set the ACL of bucket logs to public-read'],
		['DeletePublicAccessBlock', recorded('DeletePublicAccessBlock', request({bucketName: 'logs', publicAccessBlock: ''})), 'alice removed the public access block of bucket logs'],
		['DeleteBucketPublicAccessBlock', recorded('DeleteBucketPublicAccessBlock', request({bucketName: 'logs'})), 'alice removed the public access block of bucket logs'],
		[
			'PutBucketPublicAccessBlock, all on',
			recorded('PutBucketPublicAccessBlock', request({bucketName: 'logs', PublicAccessBlockConfiguration: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}})),
			'alice blocked public access to bucket logs',
		],
		[
			'PutBucketPublicAccessBlock, two off',
			recorded('PutBucketPublicAccessBlock', request({bucketName: 'logs', PublicAccessBlockConfiguration: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false}})),
			'alice turned off BlockPublicPolicy and RestrictPublicBuckets for bucket logs',
		],
		// CloudTrail
		['StopLogging', recorded('StopLogging', request({name: `arn:aws:cloudtrail:us-east-1:${account}:trail/management-events`})), 'alice stopped logging on trail management-events'],
		['StartLogging', recorded('StartLogging', request({name: 'main'})), 'alice started logging on trail main'],
		['DeleteTrail', recorded('DeleteTrail', request({name: 'main'})), 'alice deleted trail main'],
		['UpdateTrail', recorded('UpdateTrail', request({name: 'main', s3BucketName: 'elsewhere'})), 'alice changed trail main'],
		['PutEventSelectors', recorded('PutEventSelectors', request({trailName: 'main', eventSelectors: [{readWriteType: 'All', includeManagementEvents: false}]})), 'alice changed which events trail main records'],
		// KMS
		['CreateKey', recorded('CreateKey', request({keySpec: 'SYMMETRIC_DEFAULT'}, {responseElements: {keyMetadata: {keyId: '1234abcd-12ab-34cd-56ef-1234567890ab'}}})), 'alice created KMS key 1234abcd-12ab-34cd-56ef-1234567890ab'],
		[
			'ScheduleKeyDeletion',
			recorded('ScheduleKeyDeletion', request({keyId: `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, pendingWindowInDays: 7})),
			'alice scheduled KMS key 1234abcd-12ab-34cd-56ef-1234567890ab for deletion in 7 days',
		],
		['DisableKey', recorded('DisableKey', request({keyId: '1234abcd'})), 'alice disabled KMS key 1234abcd'],
		// Lambda (API names carry a date) and RDS
		['UpdateFunctionCode', recorded('UpdateFunctionCode20150331v2', request({functionName: 'orders-api', publish: false})), 'alice updated the code of function orders-api'],
		['CreateFunction', recorded('CreateFunction20150331', request({functionName: 'orders-api', runtime: 'nodejs20.x'})), 'alice created function orders-api (nodejs20.x)'],
		[
			'AddPermission',
			recorded('AddPermission20150331v2', request({functionName: `arn:aws:lambda:us-east-1:${account}:function:orders-api`, action: 'lambda:InvokeFunction', principal: '*'})),
			'alice allowed * to invoke function orders-api',
		],
		['ModifyDBSnapshotAttribute to an account', recorded('ModifyDBSnapshotAttribute', request({attributeName: 'restore', dBSnapshotIdentifier: 'db-1', valuesToAdd: ['503161813013']})), 'alice shared DB snapshot db-1 with account 503161813013'],
		['ModifyDBSnapshotAttribute to all', recorded('ModifyDBSnapshotAttribute', request({attributeName: 'restore', dBSnapshotIdentifier: 'db-1', valuesToAdd: ['all']})), 'alice made DB snapshot db-1 public'],
	])('%s', (_label, event, sentence) => {
		expect(plainSentence(event)).toBe(sentence);
	});

	it.each<[string, TrailEvent, string]>([
		['an IAM call', recorded('AttachRolePolicy', request({roleName: 'deploy', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess'}, {errorCode: 'AccessDenied'})), 'alice tried to attach policy AdministratorAccess to role deploy (AccessDenied)'],
		['CreateAccessKey', recorded('CreateAccessKey', request({userName: 'bob'}, {errorCode: 'LimitExceededException', responseElements: null})), 'alice tried to create an access key for user bob (LimitExceededException)'],
		['RunInstances', recorded('RunInstances', request({instanceType: 'c6i.2xlarge'}, {errorCode: 'Client.UnauthorizedOperation'})), 'alice tried to launch a c6i.2xlarge instance (Client.UnauthorizedOperation)'],
		['StopLogging', recorded('StopLogging', request({name: 'main'}, {errorCode: 'AccessDeniedException'})), 'alice tried to stop logging on trail main (AccessDeniedException)'],
		['only a message', recorded('DeleteBucket', request({bucketName: 'logs'}, {errorMessage: 'The bucket is not empty'})), 'alice tried to delete bucket logs (The bucket is not empty)'],
	])('a failed %s says so', (_label, event, sentence) => {
		expect(plainSentence(event)).toBe(sentence);
	});

	it('reads an event without a sentence of its own as user · event · resource', () => {
		expect(plainSentence(recorded('PutBucketTagging', request({bucketName: 'logs'}), {resources: [{type: 'AWS::S3::Bucket', name: 'logs'}]}))).toBe('alice · PutBucketTagging · logs');
		expect(plainSentence(recorded('ListBuckets', {}, {errorCode: 'AccessDenied'}))).toBe('alice · ListBuckets (AccessDenied)');
		const service = recorded('CreateNetworkInterface', {userIdentity: {type: 'AWSService', invokedBy: 'ec2.amazonaws.com'}}, {username: undefined});
		expect(plainSentence(service)).toBe('ec2.amazonaws.com · CreateNetworkInterface');
	});

	it('names who did it from the record when LookupEvents gave no user name', () => {
		const session = {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/deploy-role/GitHubActions-42`, accountId: account};
		expect(plainSentence(recorded('CreateBucket', {userIdentity: session, ...request({bucketName: 'b'})}, {username: undefined}))).toBe('GitHubActions-42 created bucket b');
		const other = {type: 'AWSAccount', accountId: '999999999999', invokedBy: undefined};
		expect(plainSentence(recorded('SharedSnapshotCopyInitiated', {userIdentity: other}, {username: undefined}))).toBe('account 999999999999 · SharedSnapshotCopyInitiated');
		expect(plainSentence(recorded('CreateBucket', {userIdentity: {}, ...request({bucketName: 'b'})}, {username: undefined}))).toBe('someone created bucket b');
	});
});
