// Plain-language phrases for resource events: EC2, S3, CloudTrail, KMS, Lambda, RDS and the other
// logging services. Data: one entry per event name (Lambda's dated suffixes already removed).
import {clip, counted, isObject, listed, named, phrase, ports, sharing, valuesAt, type Phrase, type PhraseTable, type Reader} from './plain-words.js';

const param = (read: Reader, ...path: string[]) => read.text('requestParameters', ...path);
const instances = (read: Reader) => counted('instance', read.list('requestParameters', 'instancesSet', 'items', 'instanceId'), 'an');
const bucket = (read: Reader) => named('bucket', param(read, 'bucketName'));
const trail = (read: Reader) => named('trail', read.name('requestParameters', 'name') ?? read.name('requestParameters', 'trailName'));
const kmsKey = (read: Reader) => named('KMS key', read.name('requestParameters', 'keyId'));
const lambda = (read: Reader) => named('function', read.name('requestParameters', 'functionName'));

/** `port 22 to 0.0.0.0/0` for each permission of a security-group call, in any of its record shapes. */
function permissions(read: Reader): string[] {
	const items = read.value('requestParameters', 'ipPermissions', 'items');
	const rules = Array.isArray(items) && items.length > 0 ? items : read.value('responseElements', 'securityGroupRuleSet', 'items');
	if (Array.isArray(rules) && rules.length > 0) {
		return rules.filter(isObject).map(rule => {
			const sources = [
				...valuesAt(rule, ['ipRanges', 'items', 'cidrIp']),
				...valuesAt(rule, ['ipv6Ranges', 'items', 'cidrIpv6']),
				...valuesAt(rule, ['groups', 'items', 'groupId']),
				...valuesAt(rule, ['prefixListIds', 'items', 'prefixListId']),
				// The response's shape, for a request that named its rules some other way.
				...valuesAt(rule, ['cidrIpv4']),
				...valuesAt(rule, ['cidrIpv6']),
				...valuesAt(rule, ['referencedGroupInfo', 'groupId']),
				...valuesAt(rule, ['prefixListId']),
			];
			return `${ports(rule['ipProtocol'], rule['fromPort'], rule['toPort'])}${sources.length > 0 ? ` to ${listed(sources)}` : ''}`;
		});
	}

	const cidr = param(read, 'cidrIp');
	const from = read.value('requestParameters', 'fromPort');
	return cidr === undefined && from === undefined ? [] : [`${ports(read.value('requestParameters', 'ipProtocol'), from, read.value('requestParameters', 'toPort'))}${cidr === undefined ? '' : ` to ${cidr}`}`];
}

/** `sg-0abc` (its id says what it is), `security group web`, or `a security group`. */
function securityGroup(read: Reader): string {
	return param(read, 'groupId') ?? named('security group', param(read, 'groupName'));
}

function securityGroupRule(did: string, tried: string, direction: string, otherwise: (group: string) => Phrase) {
	return (read: Reader): Phrase => {
		const rules = permissions(read);
		const group = securityGroup(read);
		return rules.length === 0 ? otherwise(group) : phrase(did, tried, `${direction}${listed(rules, 2)} on ${group}`);
	};
}

/** ModifySnapshotAttribute and ModifyImageAttribute: who the permission `key` adds or removes. */
function share(kind: string, idKey: string, key: string, article = 'a') {
	return (read: Reader): Phrase => {
		const grantees = (change: string) => ['userId', 'group'].flatMap(field => valuesAt(read.value('requestParameters', key, change, 'items'), [field]));
		const what = named(kind, param(read, idKey), article);
		const added = grantees('add');
		const removed = grantees('remove');
		return added.length === 0 && removed.length === 0 && read.value('requestParameters', key) === undefined ? phrase('changed', 'change', what) : sharing(what, added, removed);
	};
}

function dbSnapshotShare(kind: string, idKey: string) {
	return (read: Reader): Phrase => {
		const what = named(kind, param(read, idKey));
		return param(read, 'attributeName') === 'restore' ? sharing(what, read.list('requestParameters', 'valuesToAdd'), read.list('requestParameters', 'valuesToRemove')) : phrase('changed', 'change', `the attributes of ${what}`);
	};
}

/** Whether a bucket policy (object or JSON text) has an Allow statement for Principal "*". */
function allowsAnyone(policy: unknown): boolean {
	let value = policy;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			return false;
		}
	}

	const statements = isObject(value) ? value['Statement'] : undefined;
	return (Array.isArray(statements) ? statements : [statements]).some(
		statement => isObject(statement) && statement['Effect'] === 'Allow' && (statement['Principal'] === '*' || (isObject(statement['Principal']) && valuesAt(statement['Principal'], ['AWS']).includes('*'))),
	);
}

function publicAccessBlock(read: Reader): Phrase {
	const config = read.value('requestParameters', 'PublicAccessBlockConfiguration');
	if (!isObject(config)) {
		return phrase('set', 'set', `the public access block of ${bucket(read)}`);
	}

	const off = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].filter(setting => config[setting] === false);
	return off.length === 0 ? phrase('blocked', 'block', `public access to ${bucket(read)}`) : phrase('turned off', 'turn off', `${listed(off, 4)} for ${bucket(read)}`);
}

export const resourcePhrases: PhraseTable = {
	RunInstances(read) {
		const launched = read.list('responseElements', 'instancesSet', 'items', 'instanceId');
		const type = param(read, 'instanceType');
		return {
			did: `launched ${counted('instance', launched, 'an')}${type === undefined ? '' : ` (${clip(type)})`}`,
			tried: type === undefined ? 'launch an instance' : `launch a ${clip(type)} instance`,
		};
	},
	TerminateInstances: read => phrase('terminated', 'terminate', instances(read)),
	StopInstances: read => phrase('stopped', 'stop', instances(read)),
	StartInstances: read => phrase('started', 'start', instances(read)),
	RebootInstances: read => phrase('rebooted', 'reboot', instances(read)),
	AuthorizeSecurityGroupIngress: securityGroupRule('opened', 'open', '', group => phrase('added', 'add', `inbound rules to ${group}`)),
	AuthorizeSecurityGroupEgress: securityGroupRule('opened', 'open', 'outbound ', group => phrase('added', 'add', `outbound rules to ${group}`)),
	RevokeSecurityGroupIngress: securityGroupRule('closed', 'close', '', group => phrase('removed', 'remove', `inbound rules from ${group}`)),
	CreateSecurityGroup(read) {
		const id = read.text('responseElements', 'groupId');
		const vpc = param(read, 'vpcId');
		return phrase('created', 'create', `${named('security group', param(read, 'groupName'))}${id === undefined ? '' : ` (${id})`}${vpc === undefined ? '' : ` in ${vpc}`}`);
	},
	DeleteSecurityGroup: read => phrase('deleted', 'delete', securityGroup(read)),
	CreateSnapshot(read) {
		const volume = param(read, 'volumeId');
		const of = volume === undefined ? '' : ` of volume ${volume}`;
		return {did: `created ${named('snapshot', read.text('responseElements', 'snapshotId'))}${of}`, tried: `create a snapshot${of}`};
	},
	ModifySnapshotAttribute: share('snapshot', 'snapshotId', 'createVolumePermission'),
	ModifyImageAttribute: share('image', 'imageId', 'launchPermission', 'an'),
	CreateInstanceExportTask: read => phrase('started exporting', 'start exporting', `${named('instance', param(read, 'instanceId'), 'an')} to ${named('bucket', param(read, 'exportToS3', 's3Bucket'))}`),
	DeleteFlowLogs: () => phrase('deleted', 'delete', 'VPC flow logs'),
	CreateBucket: read => phrase('created', 'create', bucket(read)),
	DeleteBucket: read => phrase('deleted', 'delete', bucket(read)),
	PutBucketPolicy: read => phrase('set', 'set', `the policy of ${bucket(read)}${allowsAnyone(read.value('requestParameters', 'bucketPolicy')) ? ', allowing Principal *' : ''}`),
	DeleteBucketPolicy: read => phrase('removed', 'remove', `the policy of ${bucket(read)}`),
	PutBucketAcl(read) {
		const canned = read.list('requestParameters', 'x-amz-acl')[0];
		return canned === undefined ? phrase('changed', 'change', `the ACL of ${bucket(read)}`) : phrase('set', 'set', `the ACL of ${bucket(read)} to ${canned}`);
	},
	PutBucketPublicAccessBlock: publicAccessBlock,
	DeleteBucketPublicAccessBlock: read => phrase('removed', 'remove', `the public access block of ${bucket(read)}`),
	DeletePublicAccessBlock: read => phrase('removed', 'remove', `the public access block of ${bucket(read)}`),
	DeleteAccountPublicAccessBlock: () => phrase('removed', 'remove', "the account's S3 public access block"),
	StopLogging: read => phrase('stopped logging on', 'stop logging on', trail(read)),
	StartLogging: read => phrase('started logging on', 'start logging on', trail(read)),
	CreateTrail: read => phrase('created', 'create', trail(read)),
	DeleteTrail: read => phrase('deleted', 'delete', trail(read)),
	UpdateTrail: read => phrase('changed', 'change', trail(read)),
	PutEventSelectors: read => phrase('changed which events', 'change which events', `${trail(read)} records`),
	PutInsightSelectors: read => phrase('changed', 'change', `the Insights settings of ${trail(read)}`),
	DeleteEventDataStore: read => phrase('deleted', 'delete', named('event data store', read.name('requestParameters', 'eventDataStore'), 'an')),
	CreateKey(read) {
		const id = read.text('responseElements', 'keyMetadata', 'keyId');
		return {did: `created ${named('KMS key', id)}`, tried: 'create a KMS key'};
	},
	ScheduleKeyDeletion(read) {
		const days = param(read, 'pendingWindowInDays');
		return phrase('scheduled', 'schedule', `${kmsKey(read)} for deletion${days === undefined ? '' : ` in ${days} days`}`);
	},
	DisableKey: read => phrase('disabled', 'disable', kmsKey(read)),
	EnableKey: read => phrase('enabled', 'enable', kmsKey(read)),
	PutKeyPolicy: read => phrase('changed', 'change', `the policy of ${kmsKey(read)}`),
	CreateFunction(read) {
		const runtime = param(read, 'runtime');
		return phrase('created', 'create', `${lambda(read)}${runtime === undefined ? '' : ` (${runtime})`}`);
	},
	UpdateFunctionCode: read => phrase('updated', 'update', `the code of ${lambda(read)}`),
	UpdateFunctionConfiguration: read => phrase('changed', 'change', `the configuration of ${lambda(read)}`),
	DeleteFunction: read => phrase('deleted', 'delete', lambda(read)),
	AddPermission(read) {
		const who = param(read, 'principal') ?? 'someone';
		const action = param(read, 'action');
		const does = action === undefined || action === 'lambda:InvokeFunction' ? 'invoke' : `call ${action} on`;
		return phrase('allowed', 'allow', `${who} to ${does} ${lambda(read)}`);
	},
	ModifyDBSnapshotAttribute: dbSnapshotShare('DB snapshot', 'dBSnapshotIdentifier'),
	ModifyDBClusterSnapshotAttribute: dbSnapshotShare('DB cluster snapshot', 'dBClusterSnapshotIdentifier'),
	DeleteDBInstance: read => phrase('deleted', 'delete', named('database', param(read, 'dBInstanceIdentifier'))),
	StartExportTask: read => phrase('started exporting', 'start exporting', `${named('snapshot', read.name('requestParameters', 'sourceArn'))} to ${named('bucket', param(read, 's3BucketName'))}`),
	DeleteResolverQueryLogConfig: read => phrase('deleted', 'delete', named('DNS query logging config', param(read, 'resolverQueryLogConfigId'))),
	StopConfigurationRecorder: read => phrase('stopped', 'stop', named('AWS Config recorder', param(read, 'configurationRecorderName'), 'an')),
	DeleteDeliveryChannel: () => phrase('deleted', 'delete', 'an AWS Config delivery channel'),
	DeleteDetector: read => phrase('deleted', 'delete', named('GuardDuty detector', param(read, 'detectorId'))),
};
