import {describe, expect, it} from 'vitest';
import {fieldNames, fieldValues, pathValues} from '../../../source/domain/query/fields.js';
import type {FieldName} from '../../../source/domain/query/types.js';
import {makeEvent} from '../../helpers/fakes.js';

const record = {
	eventVersion: '1.09',
	recipientAccountId: '111122223333',
	readOnly: false,
	eventCategory: 'Management',
	userIdentity: {type: 'IAMUser', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', sessionContext: {attributes: {mfaAuthenticated: 'true'}}},
	requestParameters: {bucketName: 'logs', count: 3, tags: [{key: 'team', value: 'a'}, {key: 'env', value: 'prod'}], ids: ['i-1', 'i-2'], nothing: null},
	additionalEventData: {MFAUsed: 'No'},
	responseElements: {credentials: {accessKeyId: 'ASIAQWERTYUIOPASDFGH', sessionToken: 'IQoJb3JpZ2luX2VjEJr', secretAccessKey: 'wJalrXUtnFEMI'}},
	resources: [{ARN: 'arn:aws:s3:::logs'}, {ARN: 'arn:aws:s3:::more'}],
};

const event = makeEvent(1, {
	id: 'e-1',
	name: 'PutBucketPolicy',
	source: 's3.amazonaws.com',
	username: 'alice',
	accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
	resources: [
		{type: 'AWS::S3::Bucket', name: 'logs'},
		{type: 'AWS::S3::Bucket', name: 'more'},
		{type: undefined, name: undefined},
	],
	errorCode: 'AccessDenied',
	sourceIp: '10.1.2.3',
	userAgent: 'aws-cli/2.15.0',
	region: 'eu-west-1',
	raw: JSON.stringify(record),
});

describe('fieldValues', () => {
	it.each<[FieldName, string[]]>([
		['event', ['PutBucketPolicy']],
		['user', ['alice']],
		['source', ['s3.amazonaws.com']],
		['resource', ['logs', 'more']],
		['type', ['AWS::S3::Bucket']],
		['key', ['AKIAIOSFODNN7EXAMPLE']],
		['id', ['e-1']],
		['ip', ['10.1.2.3']],
		['error', ['AccessDenied']],
		['agent', ['aws-cli/2.15.0']],
		['region', ['eu-west-1']],
		['account', ['111122223333']],
	])('%s reads %j', (field, values) => {
		expect(fieldValues(event, field)).toEqual(values);
	});

	it('lists every field, in the order completion offers them', () => {
		expect(fieldNames).toEqual(['event', 'user', 'source', 'resource', 'type', 'key', 'id', 'ip', 'error', 'agent', 'region', 'account']);
	});

	it('gives nothing for a missing or empty value, and no account without a record', () => {
		const bare = makeEvent(2, {username: undefined, errorCode: '', resources: [], raw: undefined});
		for (const field of ['user', 'error', 'resource', 'type', 'account'] as const) {
			expect(fieldValues(bare, field)).toEqual([]);
		}

		expect(fieldValues(makeEvent(3, {raw: '{not json'}), 'account')).toEqual([]);
	});
});

describe('pathValues', () => {
	it.each<[string, string[]]>([
		['requestParameters.bucketName', ['logs']],
		['additionalEventData.MFAUsed', ['No']],
		['userIdentity.sessionContext.attributes.mfaAuthenticated', ['true']],
		['recipientAccountId', ['111122223333']],
		['readOnly', ['false']],
		['requestParameters.count', ['3']],
		['requestParameters.nothing', ['null']],
		['requestParameters.ids', ['i-1', 'i-2']],
		['requestParameters.tags.value', ['a', 'prod']],
		['requestParameters.tags.1.value', ['prod']],
		['requestParameters.tags.7.value', []],
		['resources.ARN', ['arn:aws:s3:::logs', 'arn:aws:s3:::more']],
		['requestParameters', []],
		['requestParameters.missing', []],
		['requestParameters.bucketName.length', []],
		['userIdentity.accessKeyId', ['AKIAIOSFODNN7EXAMPLE']],
	])('%s reads %j', (path, values) => {
		expect(pathValues(event, path.split('.'))).toEqual(values);
	});

	it('reads no secret, whatever the path', () => {
		expect(pathValues(event, ['responseElements', 'credentials', 'sessionToken'])).toEqual([]);
		expect(pathValues(event, ['responseElements', 'credentials', 'secretAccessKey'])).toEqual([]);
		expect(pathValues(event, ['responseElements', 'credentials', 'accessKeyId'])).toEqual(['ASIAQWERTYUIOPASDFGH']);
	});

	it('reads every key a part with * matches, through arrays, and still no secret', () => {
		const rules = makeEvent(4, {
			raw: JSON.stringify({
				requestParameters: {ipPermissions: {items: [{ipRanges: {items: [{cidrIp: '10.0.0.0/8'}, {cidrIp: '0.0.0.0/0'}]}, ipv6Ranges: {items: [{cidrIpv6: '::/0'}]}}]}},
				responseElements: {
					securityGroupRuleSet: {items: [{cidrIpv4: '0.0.0.0/0', fromPort: 22}, {cidrIpv6: '::/0', description: 'cidrIp in words'}]},
					credentials: {accessKeyId: 'ASIAQWERTYUIOPASDFGH', sessionToken: 'IQoJb3JpZ2luX2VjEJr', secretAccessKey: 'wJalrXUtnFEMI'},
				},
			}),
		});
		expect(pathValues(rules, ['responseElements', 'securityGroupRuleSet', 'items', 'cidrIp*'])).toEqual(['0.0.0.0/0', '::/0']);
		expect(pathValues(rules, ['requestParameters', 'ipPermissions', 'items', '*', 'items', '*'])).toEqual(['10.0.0.0/8', '0.0.0.0/0', '::/0']);
		// The other keys of the matched objects are not read, and a miss reads nothing.
		expect(pathValues(rules, ['responseElements', 'securityGroupRuleSet', 'items', '*Port'])).toEqual(['22']);
		expect(pathValues(rules, ['responseElements', 'nothing*'])).toEqual([]);
		expect(pathValues(rules, ['responseElements', 'credentials', '*'])).toEqual(['ASIAQWERTYUIOPASDFGH']);
		expect(pathValues(rules, ['responseElements', '*', '*'])).toEqual(['ASIAQWERTYUIOPASDFGH']);
		expect(pathValues(event, ['*', '__proto__'])).toEqual([]);
	});

	it("never reaches an object's inherited members", () => {
		for (const path of [['constructor'], ['__proto__'], ['toString'], ['requestParameters', 'hasOwnProperty'], ['requestParameters', 'ids', 'length']]) {
			expect(pathValues(event, path)).toEqual([]);
		}
	});

	it('reads nothing from a record that is missing, not JSON, or not an object', () => {
		for (const raw of [undefined, '', '{"a":', '[{"a":"x"}]', '"a"']) {
			expect(pathValues(makeEvent(0, {raw}), ['a'])).toEqual([]);
		}
	});
});
