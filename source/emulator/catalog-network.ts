// Catalogue entries whose records the built-in investigations read in detail (@network-open,
// @public-data, @exfil-prep), shaped as CloudTrail writes them, so `--demo` shows what those
// queries find and what they rightly leave out (an ingress from 10.0.0.0/8).
import type {Template} from './catalog-types.js';
import {hashSeed, hex, mulberry32, pick, uuid} from './prng.js';

export const authorizeIngress: Template = {
	source: 'ec2.amazonaws.com',
	name: 'AuthorizeSecurityGroupIngress',
	readOnly: false,
	weight: 5,
	errors: ['Client.UnauthorizedOperation', 'Client.InvalidPermission.Duplicate'],
	details(r, n) {
		// The draws from `r` keep their number and order, so the events generated after these keep theirs.
		const groupId = pick(r, n.securityGroups);
		const port = pick(r, [22, 443, 3389, 5432]);
		const cidr = pick(r, ['0.0.0.0/0', '10.0.0.0/8', '203.0.113.0/24', '::/0']);
		const v6 = cidr.includes(':');
		// Since 2021 the response lists the rules added, whichever form the request took.
		const rule = {
			groupOwnerId: n.accountId,
			groupId,
			securityGroupRuleId: `sgr-0${hex(mulberry32(hashSeed(groupId, port, cidr)), 16)}`,
			isEgress: false,
			ipProtocol: 'tcp',
			fromPort: port,
			toPort: port,
			...(v6 ? {cidrIpv6: cidr} : {cidrIpv4: cidr}),
		};
		const ranges = v6 ? {ipv6Ranges: {items: [{cidrIpv6: cidr}]}} : {ipRanges: {items: [{cidrIp: cidr}]}};
		return {
			resources: [{type: 'AWS::EC2::SecurityGroup', name: groupId}],
			request: {groupId, ipPermissions: {items: [{ipProtocol: 'tcp', fromPort: port, toPort: port, ...ranges}]}},
			response: {requestId: uuid(r), _return: true, securityGroupRuleSet: {items: [rule]}},
		};
	},
};

/** An EBS snapshot shared with another account or made public (Stratus aws.exfiltration.ec2-share-ebs-snapshot). */
export const shareSnapshot: Template = {
	source: 'ec2.amazonaws.com',
	name: 'ModifySnapshotAttribute',
	readOnly: false,
	weight: 1,
	details(r) {
		const snapshotId = `snap-0${hex(r, 16)}`;
		const grantee = pick(r, [{userId: '444455556666'}, {userId: '444455556666'}, {group: 'all'}]);
		return {
			resources: [{type: 'AWS::EC2::Snapshot', name: snapshotId}],
			request: {snapshotId, attributeType: 'CREATE_VOLUME_PERMISSION', createVolumePermission: {add: {items: [grantee]}}},
			response: {requestId: uuid(r), _return: true},
		};
	},
};
