// The built-in investigations (issue 14): named queries usable as `@name` wherever a query is, each
// a plain query the user can read, copy and edit. Event names come from public detection rule sets,
// cited beside each: Panther's panther-analysis CloudTrail rules (by RuleID), SigmaHQ's
// rules/cloud/aws/cloudtrail (by file), Stratus Red Team's AWS attack techniques (by id) and the
// CIS AWS Foundations Benchmark's CloudWatch metric filters.
//
// The language ANDs different fields and paths and ORs repeats of one, so a rule of the form "A, or
// B with condition X" cannot be written exactly. Each query is the closest precise one, and its
// description says what it cannot see (README "Built-in investigations" repeats them).

export type Investigation = {
	/** Typed as `@name`. */
	name: string;
	/** What `@name` expands to. */
	query: string;
	/** One line: what it finds, and what the query cannot tell. */
	description: string;
};

const events = (...names: string[]) => names.map(name => `event:${name}`).join(' ');

export const investigations: readonly Investigation[] = [
	{
		name: 'tampering',
		// Panther AWS.CloudTrail.Stopped (StopLogging, DeleteTrail), AWS.CloudTrail.EventSelectorsDisabled
		// (PutEventSelectors), AWS.VPCFlow.LogsDeleted, AWS.CloudTrail.DNSLogsDeleted,
		// AWS.ConfigService.DisabledDeleted, AWS.CloudTrail.SecurityConfigurationChange (DeleteDetector),
		// AWS.CloudTrail.AttemptToLeaveOrg. Sigma aws_cloudtrail_disable_logging.yml (StopLogging,
		// UpdateTrail, DeleteTrail), aws_config_disable_recording.yml, aws_cloudtrail_vpc_flow_logs_deleted.yml,
		// aws_cloudtrail_guardduty_detector_deleted_or_updated.yml. Stratus aws.defense-evasion.cloudtrail-stop,
		// .cloudtrail-delete, .cloudtrail-event-selectors, .vpc-remove-flow-logs, .dns-delete-logs,
		// .organizations-leave. PutInsightSelectors and the CloudTrail Lake calls are issue 14's own list.
		query: events(
			'StopLogging',
			'DeleteTrail',
			'UpdateTrail',
			'PutEventSelectors',
			'PutInsightSelectors',
			'DeleteEventDataStore',
			'StopEventDataStoreIngestion',
			'DeleteFlowLogs',
			'DeleteResolverQueryLogConfig',
			'StopConfigurationRecorder',
			'DeleteDeliveryChannel',
			'DeleteDetector',
			'LeaveOrganization',
		),
		description:
			'Logging switched off or narrowed: trails, CloudTrail Lake, VPC flow logs, DNS query logs, AWS Config, GuardDuty, leaving the organization. Every UpdateTrail and PutEventSelectors shows, not only those that log less.',
	},
	{
		name: 'root',
		// Sigma aws_root_account_usage.yml: userIdentity.type Root, not eventType AwsServiceEvent.
		// Panther AWS.Root.Activity.
		query: 'userIdentity.type:Root -eventType:AwsServiceEvent',
		description: "Anything done as the account's root user, AWS service events on its behalf left out. Its reads show with all events (w).",
	},
	{
		name: 'console-no-mfa',
		// Sigma aws_cloudtrail_console_login_success_without_mfa.yml (MFAUsed No, ConsoleLogin Success).
		// Panther AWS.Console.LoginWithoutMFA. Stratus aws.initial-access.console-login-without-mfa.
		query: 'event:ConsoleLogin additionalEventData.MFAUsed:No responseElements.ConsoleLogin:Success',
		description:
			'Console sign-ins that succeeded without MFA. Sign-ins through IAM Identity Center or another identity provider also say MFAUsed No: the provider did the MFA.',
	},
	{
		name: 'denied',
		// CIS AWS Foundations Benchmark "unauthorized API calls" metric filter (errorCode
		// *UnauthorizedOperation or AccessDenied*). Panther AWS.CloudTrail.UnauthorizedAPICall. The rest
		// are the codes the events table already marks as denied (lib/format.ts).
		query: 'error:*AccessDenied* error:*UnauthorizedOperation error:*UnauthorizedAccess* error:*Forbidden* error:*NotAuthorized*',
		description: 'Calls refused for lack of permission: AccessDenied, AccessDeniedException, UnauthorizedOperation and the like. Most are reads: turn on all events (w).',
	},
	{
		name: 'iam-changes',
		// Panther AWS.CloudTrail.IAMAnythingChanged: IAM calls whose names start with these verbs.
		// Also covers Panther AWS.IAM.PolicyModified and Stratus aws.persistence.iam-* techniques.
		query: `source:iam ${events('Add*', 'Attach*', 'Change*', 'Create*', 'Deactivate*', 'Delete*', 'Detach*', 'Enable*', 'Put*', 'Remove*', 'Set*', 'Update*', 'Upload*')}`,
		description: 'IAM users, groups, roles, policies, access keys, passwords and MFA devices created, changed or deleted (IAM calls named Add…, Attach…, Create…, Put…, Update… and so on).',
	},
	{
		name: 'keys',
		// Panther AWS.IAM.Backdoor.User.Keys, Sigma aws_iam_backdoor_users_keys.yml, Stratus
		// aws.persistence.iam-backdoor-user (CreateAccessKey). UpdateAccessKey to Active: issue 14.
		// Exposed keys (Panther AWS.IAM.AccessKeyCompromised) need a second event with its own condition,
		// which the language cannot OR with these; the description gives that query.
		query: 'event:CreateAccessKey event:UpdateAccessKey -requestParameters.status:Inactive',
		description:
			'Access keys created or switched back on (UpdateAccessKey to anything but Inactive). Keys AWS found exposed: event:AttachUserPolicy requestParameters.policyArn:*CompromisedKeyQuarantine*',
	},
	{
		name: 'network-open',
		// Stratus aws.exfiltration.ec2-security-group-open-port-22-ingress; Sigma
		// aws_cloudtrail_security_group_change_ingress_egress.yml; Panther AWS.EC2.SecurityGroupModified.
		// The rules AWS reports adding (responseElements.securityGroupRuleSet) look the same whichever
		// form the request took (flat cidrIp or nested ipPermissions), and `cidrIp*` reads both
		// cidrIpv4 and cidrIpv6. Any range ending /0 is the whole address space.
		query: 'event:AuthorizeSecurityGroupIngress responseElements.securityGroupRuleSet.items.cidrIp*:*/0',
		description:
			'Security groups opened to the whole internet (0.0.0.0/0, ::/0), from the rules AWS says it added, so only calls that succeeded. Network ACLs and ModifySecurityGroupRules are not covered.',
	},
	{
		name: 'public-data',
		// Panther AWS.S3.BucketPolicyModified (PutBucketPolicy, PutBucketAcl), AWS.S3.DeletePublicAccessBlock
		// (DeleteBucketPublicAccessBlock), AWS.CloudTrail.SecurityConfigurationChange
		// (DeleteAccountPublicAccessBlock), AWS.CloudTrail.SnapshotMadePublic (ModifySnapshotAttribute),
		// AWS.CloudTrail.AMIModifiedForPublicAccess (ModifyImageAttribute), AWS.RDS.SnapshotShared
		// (ModifyDB[Cluster]SnapshotAttribute). Stratus aws.exfiltration.s3-backdoor-bucket-policy,
		// .ec2-share-ebs-snapshot, .ec2-share-ami, .rds-share-snapshot.
		query: events(
			'PutBucketPolicy',
			'PutBucketAcl',
			'Delete*PublicAccessBlock',
			'ModifySnapshotAttribute',
			'ModifyImageAttribute',
			'ModifyDBSnapshotAttribute',
			'ModifyDBClusterSnapshotAttribute',
		),
		description:
			'Bucket policies and ACLs set, public access blocks removed, EBS/RDS snapshots and AMIs shared: every such call, as a query cannot read whether a policy, ACL or share is public.',
	},
	{
		name: 'exfil-prep',
		// Sigma aws_ec2_vm_export_failure.yml (CreateInstanceExportTask), aws_snapshot_backup_exfiltration.yml
		// (ModifySnapshotAttribute). Panther AWS.RDS.SnapshotExport (StartExportTask), AWS.RDS.SnapshotShared.
		// Stratus aws.exfiltration.ec2-share-ebs-snapshot (and its SharedSnapshotCopyInitiated /
		// SharedSnapshotVolumeCreated, logged when another account takes the snapshot), .ec2-share-ami,
		// .rds-share-snapshot. CreateStoreImageTask (AMI to S3): Panther aws_ec2_monitoring.py's list.
		query: events(
			'CreateInstanceExportTask',
			'CreateStoreImageTask',
			'StartExportTask',
			'ModifySnapshotAttribute',
			'ModifyImageAttribute',
			'ModifyDBSnapshotAttribute',
			'ModifyDBClusterSnapshotAttribute',
			'SharedSnapshotCopyInitiated',
			'SharedSnapshotVolumeCreated',
		),
		description:
			'Data readied to leave: instances, AMIs and RDS snapshots exported, snapshots and AMIs shared, shared snapshots taken by another account. CopyObject is an S3 data event, which LookupEvents never returns.',
	},
];

/** The investigations as parseQuery's `named` map. */
export const builtInQueries: ReadonlyMap<string, string> = new Map(investigations.map(investigation => [investigation.name, investigation.query]));

/** What `@name` can stand for: the built-ins, then the user's own (whose names never repeat a built-in's). */
export function withBuiltIns(user: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
	return new Map([...builtInQueries, ...[...user].filter(([name]) => !builtInQueries.has(name))]);
}
