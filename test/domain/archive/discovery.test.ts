import {describe, expect, it} from 'vitest';
import {estimateCostUsd, formatCostUsd, formatScanned, isCloudTrailTable, tableForTrail} from '../../../source/domain/archive/discovery.js';
import type {ArchiveTable} from '../../../source/domain/archive/types.js';

const table = (name: string, location: string | undefined, extra: Partial<ArchiveTable> = {}): ArchiveTable => ({
	catalog: 'AwsDataCatalog',
	database: 'default',
	name,
	location,
	serde: 'org.apache.hive.serde2.JsonSerDe',
	partitionKeys: [],
	parameters: {},
	...extra,
});

const trailColumns = ['eventversion', 'useridentity', 'eventtime', 'eventsource', 'eventname'];

describe('isCloudTrailTable', () => {
	it.each([
		['the CloudTrail SerDe anywhere', table('a', 's3://x/anything/', {serde: 'com.amazon.emr.hive.serde.CloudTrailSerde'}), true],
		['an organization trail root', table('a', 's3://x/AWSLogs/o-abcdefghij/'), true],
		['an account\'s CloudTrail folder', table('a', 's3://x/p/AWSLogs/111111111111/CloudTrail/'), true],
		['a projection template into CloudTrail folders', table('a', 's3://x/', {parameters: {'storage.location.template': 's3://x/AWSLogs/${account}/CloudTrail/${region}/${timestamp}'}}), true],
		['an AWSLogs root with CloudTrail columns', table('a', 's3://x/AWSLogs/', {columns: trailColumns}), true],
		['an AWSLogs root with load balancer columns', table('a', 's3://x/AWSLogs/', {columns: ['type', 'time', 'elb']}), false],
		['load balancer logs', table('a', 's3://x/AWSLogs/111111111111/elasticloadbalancing/'), false],
		['anything else', table('a', 's3://x/data/'), false],
		['no location', table('a', undefined), false],
	])('%s: %s', (_what, candidate, expected) => {
		expect(isCloudTrailTable(candidate)).toBe(expected);
	});
});

describe('tableForTrail', () => {
	const trail = {s3BucketName: 'org-logs', s3KeyPrefix: undefined, isOrganization: true};
	const plain = table('plain', 's3://org-logs/AWSLogs/o-abcdefghij/');
	const projected = table('projected', 's3://org-logs/AWSLogs/o-abcdefghij/', {partitionKeys: ['account', 'region', 'timestamp'], parameters: {'projection.enabled': 'true'}});
	const oneAccount = table('one', 's3://org-logs/AWSLogs/o-abcdefghij/111111111111/CloudTrail/', {partitionKeys: ['region', 'timestamp'], parameters: {'projection.enabled': 'true'}});
	const elsewhere = table('elsewhere', 's3://org-logs-2/AWSLogs/o-abcdefghij/', {parameters: {'projection.enabled': 'true'}});
	const prefixed = table('prefixed', 's3://org-logs/team/AWSLogs/o-abcdefghij/');

	it('finds the table over the trail\'s bucket, preferring projection, then the whole organization', () => {
		expect(tableForTrail([plain, elsewhere, oneAccount, projected], trail)?.name).toBe('projected');
		expect(tableForTrail([plain, oneAccount], trail)?.name).toBe('one');
		expect(tableForTrail([plain], trail)?.name).toBe('plain');
		expect(tableForTrail([elsewhere], trail)).toBeUndefined();
	});

	it('holds to the trail\'s key prefix where it has one', () => {
		expect(tableForTrail([plain, prefixed], {...trail, s3KeyPrefix: 'team'})?.name).toBe('prefixed');
		expect(tableForTrail([plain], {...trail, s3KeyPrefix: 'team/'})).toBeUndefined();
	});

	it('finds nothing for a trail without a bucket, or among tables that are not CloudTrail\'s', () => {
		expect(tableForTrail([projected], {...trail, s3BucketName: undefined})).toBeUndefined();
		expect(tableForTrail([table('data', 's3://org-logs/data/')], trail)).toBeUndefined();
	});
});

describe('cost', () => {
	it('bills at least 10 MB, in whole megabytes, at $5 per TB', () => {
		const perMegabyte = 5 / 2 ** 20;
		expect(estimateCostUsd(0)).toBeCloseTo(10 * perMegabyte, 12);
		expect(estimateCostUsd(10 * 2 ** 20 + 1)).toBeCloseTo(11 * perMegabyte, 12);
		expect(estimateCostUsd(2 ** 40)).toBeCloseTo(5, 9);
	});

	it('writes what was scanned and what it cost for a person', () => {
		expect([0, 1023, 1024, 12.5 * 2 ** 20, 1.5 * 2 ** 30, 3 * 2 ** 40].map(bytes => formatScanned(bytes))).toEqual(['0 B', '1023 B', '1.00 KB', '12.5 MB', '1.50 GB', '3.00 TB']);
		expect([estimateCostUsd(0), 0.004, 0.05, 12.4, 0].map(usd => formatCostUsd(usd))).toEqual(['$0.00005', '$0.004', '$0.05', '$12.40', '$0']);
	});
});
