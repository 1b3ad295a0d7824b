// The management events the generator draws from: source, name, whether it writes, how often, and
// how to fill requestParameters/responseElements/Resources consistently with each other.
import type {ActorKind} from './actors.js';
import {authorizeIngress, shareSnapshot} from './catalog-network.js';
import type {Details, Names, Template} from './catalog-types.js';
import {hashSeed, hex, intBetween, mulberry32, pick, uuid, type Rng} from './prng.js';
import {userPolicy} from './policies.js';
import type {Resource} from './types.js';

export type {Details, Names, Template} from './catalog-types.js';

export function namesFor(accountId: string, region: string, seed: number, trails: string[]): Names {
	const rng = mulberry32(hashSeed(seed, accountId, region, 'names'));
	const short = accountId.slice(0, 4);
	return {
		accountId,
		region,
		buckets: [`app-assets-${accountId}`, `terraform-state-${short}`, `logs-archive-${accountId}-${region}`, `cdn-origin-${short}`],
		instances: Array.from({length: 10}, () => `i-0${hex(rng, 16)}`),
		securityGroups: Array.from({length: 5}, () => `sg-0${hex(rng, 16)}`),
		functions: ['orders-api', 'image-resizer', 'nightly-report', 'slack-notifier', 'audit-exporter'],
		roles: ['deploy-role', 'lambda-exec-orders', 'ReadOnlyAuditor', 'ec2-ssm-role', 'DataPipelineRole'],
		users: ['alice', 'bob', 'ci-deployer', 'carol', 'temp-contractor'],
		keys: Array.from({length: 3}, () => uuid(rng)),
		distributions: Array.from({length: 2}, () => `E${hex(rng, 13).toUpperCase()}`),
		trails,
	};
}

const none = (): Details => ({resources: [], request: null, response: null});

function iamUser(rng: Rng, n: Names, extra: Record<string, unknown> = {}): Details {
	const userName = pick(rng, n.users);
	return {resources: [{type: 'AWS::IAM::User', name: userName}], request: {userName, ...extra}, response: null};
}

function iamRole(rng: Rng, n: Names, extra: Record<string, unknown> = {}): Details {
	const roleName = pick(rng, n.roles);
	return {resources: [{type: 'AWS::IAM::Role', name: roleName}], request: {roleName, ...extra}, response: null};
}

function bucket(rng: Rng, n: Names, extra: Record<string, unknown> = {}): Details {
	const bucketName = pick(rng, n.buckets);
	return {
		resources: [{type: 'AWS::S3::Bucket', name: bucketName}],
		request: {bucketName, Host: `${bucketName}.s3.${n.region}.amazonaws.com`, ...extra},
		response: null,
	};
}

function instances(rng: Rng, n: Names, count = intBetween(rng, 1, 2)): {ids: string[]; resources: Resource[]} {
	const ids = Array.from({length: count}, () => pick(rng, n.instances));
	return {ids, resources: ids.map(id => ({type: 'AWS::EC2::Instance', name: id}))};
}

function instanceState(rng: Rng, n: Names, from: string, to: string): Details {
	const {ids, resources} = instances(rng, n);
	const items = ids.map(instanceId => ({instanceId}));
	return {
		resources,
		request: {instancesSet: {items}},
		response: {
			requestId: uuid(rng),
			instancesSet: {items: ids.map(instanceId => ({instanceId, currentState: {name: to}, previousState: {name: from}}))},
		},
	};
}

function lambdaFunction(rng: Rng, n: Names, extra: Record<string, unknown> = {}): Details {
	const functionName = pick(rng, n.functions);
	return {resources: [{type: 'AWS::Lambda::Function', name: functionName}], request: {functionName, ...extra}, response: null};
}

function kmsKey(rng: Rng, n: Names, extra: Record<string, unknown> = {}): Details {
	const keyId = `arn:aws:kms:${n.region}:${n.accountId}:key/${pick(rng, n.keys)}`;
	return {resources: [{type: 'AWS::KMS::Key', name: keyId}], request: {keyId, ...extra}, response: null};
}

function trail(rng: Rng, n: Names): Details {
	const name = n.trails.length > 0 ? pick(rng, n.trails) : 'management-events';
	const arn = `arn:aws:cloudtrail:${n.region}:${n.accountId}:trail/${name}`;
	return {resources: [{type: 'AWS::CloudTrail::Trail', name: arn}], request: {name: arn}, response: null};
}

const humans: readonly ActorKind[] = ['IAMUser', 'SSO', 'AssumedRole', 'FederatedUser', 'Root'];
const consoleHumans: readonly ActorKind[] = ['IAMUser', 'SSO', 'Root'];
const iamDenied = ['AccessDenied', 'NoSuchEntityException'] as const;
const ec2Denied = ['Client.UnauthorizedOperation', 'Client.InvalidInstanceID.NotFound'] as const;

export const templates: readonly Template[] = [
	// IAM (global)
	{source: 'iam.amazonaws.com', name: 'ListUsers', readOnly: true, weight: 15, global: true, errors: ['AccessDenied']},
	{source: 'iam.amazonaws.com', name: 'GetUser', readOnly: true, weight: 15, global: true, errors: iamDenied, details: (r, n) => iamUser(r, n)},
	{source: 'iam.amazonaws.com', name: 'ListRoles', readOnly: true, weight: 15, global: true},
	{source: 'iam.amazonaws.com', name: 'GetRole', readOnly: true, weight: 15, global: true, errors: iamDenied, details: (r, n) => iamRole(r, n)},
	{source: 'iam.amazonaws.com', name: 'ListAttachedRolePolicies', readOnly: true, weight: 8, global: true, details: (r, n) => iamRole(r, n)},
	{
		source: 'iam.amazonaws.com',
		name: 'CreateUser',
		readOnly: false,
		weight: 6,
		global: true,
		errors: ['AccessDenied', 'EntityAlreadyExistsException'],
		details(r, n) {
			const d = iamUser(r, n);
			const userName = String(d.request?.['userName']);
			return {
				...d,
				response: {user: {path: '/', userName, userId: `AIDA${hex(r, 17).toUpperCase()}`, arn: `arn:aws:iam::${n.accountId}:user/${userName}`, createDate: 'Jan 1, 2024, 12:00:00 PM'}},
			};
		},
	},
	{source: 'iam.amazonaws.com', name: 'DeleteUser', readOnly: false, weight: 3, global: true, errors: iamDenied, details: (r, n) => iamUser(r, n)},
	{
		source: 'iam.amazonaws.com',
		name: 'CreateAccessKey',
		readOnly: false,
		weight: 5,
		global: true,
		errors: ['AccessDenied', 'LimitExceededException'],
		details(r, n) {
			const d = iamUser(r, n);
			return {
				...d,
				response: {accessKey: {userName: d.request?.['userName'], accessKeyId: `AKIA${hex(r, 16).toUpperCase()}`, status: 'Active', createDate: 'Jan 1, 2024, 12:00:00 PM'}},
			};
		},
	},
	{
		source: 'iam.amazonaws.com',
		name: 'AttachRolePolicy',
		readOnly: false,
		weight: 8,
		global: true,
		errors: iamDenied,
		details: (r, n) => iamRole(r, n, {policyArn: pick(r, ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/AmazonS3FullAccess'])}),
	},
	{source: 'iam.amazonaws.com', name: 'PutRolePolicy', readOnly: false, weight: 6, global: true, errors: iamDenied, details: (r, n) => iamRole(r, n, {policyName: 'inline-access', policyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'})},
	{source: 'iam.amazonaws.com', name: 'PutUserPolicy', readOnly: false, weight: 4, global: true, errors: iamDenied, details: (r, n) => iamUser(r, n, userPolicy(r, n))},
	{source: 'iam.amazonaws.com', name: 'UpdateAssumeRolePolicy', readOnly: false, weight: 3, global: true, errors: iamDenied, details: (r, n) => iamRole(r, n)},
	{source: 'iam.amazonaws.com', name: 'DetachUserPolicy', readOnly: false, weight: 3, global: true, errors: iamDenied, details: (r, n) => iamUser(r, n, {policyArn: 'arn:aws:iam::aws:policy/IAMUserChangePassword'})},
	// STS (global)
	{
		source: 'sts.amazonaws.com',
		name: 'AssumeRole',
		readOnly: true,
		weight: 30,
		global: true,
		actors: ['AWSService', 'IAMUser', 'AssumedRole'],
		errors: ['AccessDenied'],
		details(r, n) {
			const roleName = pick(r, n.roles);
			const roleArn = `arn:aws:iam::${n.accountId}:role/${roleName}`;
			return {
				resources: [{type: 'AWS::IAM::Role', name: roleArn}],
				request: {roleArn, roleSessionName: `session-${hex(r, 8)}`, durationSeconds: 3600},
				response: {credentials: {accessKeyId: `ASIA${hex(r, 16).toUpperCase()}`, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE', expiration: 'Jan 1, 2024, 1:00:00 PM'}},
			};
		},
	},
	{source: 'sts.amazonaws.com', name: 'GetCallerIdentity', readOnly: true, weight: 15, global: true, actors: humans},
	{source: 'sts.amazonaws.com', name: 'GetSessionToken', readOnly: true, weight: 4, global: true, actors: ['IAMUser']},
	{source: 'sts.amazonaws.com', name: 'GetFederationToken', readOnly: true, weight: 2, global: true, actors: ['IAMUser'], details: () => ({resources: [], request: {name: 'contractor-sam', durationSeconds: 43_200}, response: null})},
	// Console sign-in (recorded in us-east-1)
	{source: 'signin.amazonaws.com', name: 'ConsoleLogin', readOnly: false, weight: 20, global: true, eventType: 'AwsConsoleSignIn', actors: consoleHumans},
	{source: 'signin.amazonaws.com', name: 'SwitchRole', readOnly: false, weight: 3, global: true, eventType: 'AwsConsoleSignIn', actors: ['IAMUser', 'SSO']},
	// CloudFront (global)
	{source: 'cloudfront.amazonaws.com', name: 'ListDistributions', readOnly: true, weight: 10, global: true},
	{source: 'cloudfront.amazonaws.com', name: 'CreateInvalidation', readOnly: false, weight: 6, global: true, errors: ['AccessDenied'], details: (r, n) => {
		const id = pick(r, n.distributions);
		return {resources: [{type: 'AWS::CloudFront::Distribution', name: id}], request: {distributionId: id, invalidationBatch: {paths: {quantity: 1, items: ['/*']}, callerReference: hex(r, 12)}}, response: null};
	}},
	{source: 'cloudfront.amazonaws.com', name: 'UpdateDistribution', readOnly: false, weight: 2, global: true, details: (r, n) => {
		const id = pick(r, n.distributions);
		return {resources: [{type: 'AWS::CloudFront::Distribution', name: id}], request: {id}, response: null};
	}},
	// S3 (bucket-level management events, regional)
	{source: 's3.amazonaws.com', name: 'ListBuckets', readOnly: true, weight: 20, details: (_r, n) => ({resources: [], request: {Host: `s3.${n.region}.amazonaws.com`}, response: null})},
	{source: 's3.amazonaws.com', name: 'GetBucketPolicy', readOnly: true, weight: 10, errors: ['AccessDenied', 'NoSuchBucketPolicy'], details: (r, n) => bucket(r, n, {policy: ''})},
	{source: 's3.amazonaws.com', name: 'GetBucketAcl', readOnly: true, weight: 8, details: (r, n) => bucket(r, n, {acl: ''})},
	{source: 's3.amazonaws.com', name: 'GetBucketEncryption', readOnly: true, weight: 6, details: (r, n) => bucket(r, n, {encryption: ''})},
	{source: 's3.amazonaws.com', name: 'PutBucketPolicy', readOnly: false, weight: 6, errors: ['AccessDenied', 'MalformedPolicy'], details: (r, n) => bucket(r, n, {policy: ''})},
	{source: 's3.amazonaws.com', name: 'PutBucketPublicAccessBlock', readOnly: false, weight: 4, details: (r, n) => bucket(r, n, {publicAccessBlock: '', PublicAccessBlockConfiguration: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}})},
	{source: 's3.amazonaws.com', name: 'CreateBucket', readOnly: false, weight: 3, errors: ['AccessDenied', 'BucketAlreadyOwnedByYou'], details: (r, n) => bucket(r, n)},
	{source: 's3.amazonaws.com', name: 'DeleteBucket', readOnly: false, weight: 1, errors: ['AccessDenied', 'BucketNotEmpty'], details: (r, n) => bucket(r, n)},
	{source: 's3.amazonaws.com', name: 'PutBucketTagging', readOnly: false, weight: 3, details: (r, n) => bucket(r, n, {tagging: ''})},
	// EC2
	{source: 'ec2.amazonaws.com', name: 'DescribeInstances', readOnly: true, weight: 25, errors: ['Client.UnauthorizedOperation'], details: () => ({resources: [], request: {instancesSet: {}, filterSet: {}}, response: null})},
	{source: 'ec2.amazonaws.com', name: 'DescribeSecurityGroups', readOnly: true, weight: 15},
	{source: 'ec2.amazonaws.com', name: 'DescribeVpcs', readOnly: true, weight: 8},
	{
		source: 'ec2.amazonaws.com',
		name: 'RunInstances',
		readOnly: false,
		weight: 8,
		errors: ['Client.UnauthorizedOperation', 'Server.InsufficientInstanceCapacity'],
		details(r, n) {
			const {ids, resources} = instances(r, n, 1);
			const instanceType = pick(r, ['t3.micro', 't3.large', 'm7g.xlarge', 'c6i.2xlarge']);
			return {
				resources: [...resources, {type: 'AWS::EC2::Ami', name: `ami-0${hex(r, 16)}`}],
				request: {instancesSet: {items: [{imageId: resources.at(-1)?.name, minCount: 1, maxCount: 1}]}, instanceType},
				response: {requestId: uuid(r), reservationId: `r-0${hex(r, 16)}`, ownerId: n.accountId, instancesSet: {items: ids.map(instanceId => ({instanceId, instanceType, currentState: {code: 0, name: 'pending'}}))}},
			};
		},
	},
	{source: 'ec2.amazonaws.com', name: 'TerminateInstances', readOnly: false, weight: 4, errors: ec2Denied, details: (r, n) => instanceState(r, n, 'running', 'shutting-down')},
	{source: 'ec2.amazonaws.com', name: 'StopInstances', readOnly: false, weight: 5, errors: ec2Denied, details: (r, n) => instanceState(r, n, 'running', 'stopping')},
	{source: 'ec2.amazonaws.com', name: 'StartInstances', readOnly: false, weight: 5, errors: ec2Denied, details: (r, n) => instanceState(r, n, 'stopped', 'pending')},
	authorizeIngress,
	{source: 'ec2.amazonaws.com', name: 'RevokeSecurityGroupIngress', readOnly: false, weight: 3, errors: ['Client.UnauthorizedOperation'], details: (r, n) => {
		const groupId = pick(r, n.securityGroups);
		return {resources: [{type: 'AWS::EC2::SecurityGroup', name: groupId}], request: {groupId}, response: {requestId: uuid(r), _return: true}};
	}},
	// CreateTags gives ModifySnapshotAttribute one of its old 6: the picks before and after it keep
	// their ranges, so every other generated event stays as it was.
	{source: 'ec2.amazonaws.com', name: 'CreateTags', readOnly: false, weight: 5, details: (r, n) => {
		const {ids, resources} = instances(r, n);
		return {resources, request: {resourcesSet: {items: ids.map(resourceId => ({resourceId}))}, tagSet: {items: [{key: 'team', value: pick(r, ['payments', 'platform', 'data'])}]}}, response: {requestId: uuid(r), _return: true}};
	}},
	shareSnapshot,
	{source: 'ec2.amazonaws.com', name: 'CreateNetworkInterface', readOnly: false, weight: 3, actors: ['AWSService'], details: (r, n) => ({resources: [], request: {subnetId: `subnet-0${hex(r, 16)}`, groupSet: {items: [{groupId: pick(r, n.securityGroups)}]}}, response: null})},
	// Lambda
	{source: 'lambda.amazonaws.com', name: 'ListFunctions20150331', readOnly: true, weight: 12},
	{source: 'lambda.amazonaws.com', name: 'GetFunction20150331v2', readOnly: true, weight: 10, errors: ['ResourceNotFoundException'], details: (r, n) => lambdaFunction(r, n)},
	{source: 'lambda.amazonaws.com', name: 'UpdateFunctionCode20150331v2', readOnly: false, weight: 10, errors: ['AccessDeniedException', 'ResourceConflictException'], details: (r, n) => lambdaFunction(r, n, {publish: false, dryRun: false})},
	{source: 'lambda.amazonaws.com', name: 'UpdateFunctionConfiguration20150331v2', readOnly: false, weight: 5, details: (r, n) => lambdaFunction(r, n, {timeout: pick(r, [15, 30, 60]), memorySize: pick(r, [256, 512, 1024])})},
	{source: 'lambda.amazonaws.com', name: 'CreateFunction20150331', readOnly: false, weight: 2, errors: ['AccessDeniedException'], details: (r, n) => lambdaFunction(r, n, {runtime: 'nodejs20.x', handler: 'index.handler'})},
	{source: 'lambda.amazonaws.com', name: 'DeleteFunction20150331', readOnly: false, weight: 1, errors: ['ResourceNotFoundException'], details: (r, n) => lambdaFunction(r, n)},
	{source: 'lambda.amazonaws.com', name: 'AddPermission20150331v2', readOnly: false, weight: 2, details: (r, n) => lambdaFunction(r, n, {action: 'lambda:InvokeFunction', principal: 's3.amazonaws.com'})},
	// KMS
	{source: 'kms.amazonaws.com', name: 'Decrypt', readOnly: true, weight: 20, actors: ['AWSService', 'AssumedRole', 'IAMUser'], errors: ['AccessDeniedException'], details: (r, n) => kmsKey(r, n, {encryptionAlgorithm: 'SYMMETRIC_DEFAULT'})},
	{source: 'kms.amazonaws.com', name: 'GenerateDataKey', readOnly: true, weight: 10, actors: ['AWSService', 'AssumedRole'], details: (r, n) => kmsKey(r, n, {keySpec: 'AES_256'})},
	{source: 'kms.amazonaws.com', name: 'DescribeKey', readOnly: true, weight: 6, details: (r, n) => kmsKey(r, n)},
	{source: 'kms.amazonaws.com', name: 'ListAliases', readOnly: true, weight: 5},
	{source: 'kms.amazonaws.com', name: 'CreateKey', readOnly: false, weight: 2, errors: ['AccessDeniedException'], details: (r, n) => ({...kmsKey(r, n), request: {keySpec: 'SYMMETRIC_DEFAULT', keyUsage: 'ENCRYPT_DECRYPT', description: 'application data key'}})},
	{source: 'kms.amazonaws.com', name: 'ScheduleKeyDeletion', readOnly: false, weight: 1, errors: ['AccessDeniedException'], details: (r, n) => kmsKey(r, n, {pendingWindowInDays: 30})},
	{source: 'kms.amazonaws.com', name: 'DisableKey', readOnly: false, weight: 1, details: (r, n) => kmsKey(r, n)},
	{source: 'kms.amazonaws.com', name: 'PutKeyPolicy', readOnly: false, weight: 2, details: (r, n) => kmsKey(r, n, {policyName: 'default'})},
	{source: 'kms.amazonaws.com', name: 'RotateKey', readOnly: false, weight: 2, eventType: 'AwsServiceEvent', actors: ['AWSService'], details: (r, n) => ({...kmsKey(r, n), request: null})},
	// CloudTrail
	{source: 'cloudtrail.amazonaws.com', name: 'DescribeTrails', readOnly: true, weight: 8},
	{source: 'cloudtrail.amazonaws.com', name: 'GetTrailStatus', readOnly: true, weight: 8, details: (r, n) => trail(r, n)},
	{source: 'cloudtrail.amazonaws.com', name: 'LookupEvents', readOnly: true, weight: 8, details: () => ({resources: [], request: {maxResults: 50, lookupAttributes: [{attributeKey: 'ReadOnly', attributeValue: 'false'}]}, response: null})},
	{source: 'cloudtrail.amazonaws.com', name: 'StopLogging', readOnly: false, weight: 1, errors: ['AccessDeniedException'], details: (r, n) => trail(r, n)},
	{source: 'cloudtrail.amazonaws.com', name: 'StartLogging', readOnly: false, weight: 1, details: (r, n) => trail(r, n)},
	{source: 'cloudtrail.amazonaws.com', name: 'UpdateTrail', readOnly: false, weight: 1, details: (r, n) => trail(r, n)},
	{source: 'cloudtrail.amazonaws.com', name: 'PutEventSelectors', readOnly: false, weight: 1, details: (r, n) => trail(r, n)},
];

export function detailsOf(template: Template, rng: Rng, names: Names): Details {
	return (template.details ?? none)(rng, names);
}

export function templateByName(name: string): Template | undefined {
	return templates.find(template => template.name === name);
}
