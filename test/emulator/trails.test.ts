import {DescribeTrailsCommand, GetTrailStatusCommand, ListTrailsCommand, paginateListTrails, type TrailInfo} from '@aws-sdk/client-cloudtrail';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cloudTrail, fixedNow, rejectionOf} from './helpers.js';

const orgArn = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-trail';
const euArn = 'arn:aws:cloudtrail:eu-west-1:111111111111:trail/eu-audit-trail';
let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow});
});

afterAll(async () => {
	await emulator.stop();
});

async function allTrails(label: string): Promise<TrailInfo[]> {
	const trails: TrailInfo[] = [];
	for await (const page of paginateListTrails({client: cloudTrail(emulator, label)}, {})) {
		trails.push(...(page.Trails ?? []));
	}

	return trails;
}

async function names(label: string, region: string, includeShadowTrails?: boolean, trailNameList?: string[]): Promise<string[]> {
	const output = await cloudTrail(emulator, label, region).send(new DescribeTrailsCommand({includeShadowTrails, trailNameList}));
	return (output.trailList ?? []).map(trail => trail.Name ?? '');
}

describe('trails', () => {
	it('ListTrails pages through every trail of the account, whatever the region', async () => {
		const first = await cloudTrail(emulator).send(new ListTrailsCommand({}));
		expect(first.Trails).toHaveLength(1);
		expect(first.NextToken).toEqual(expect.any(String));
		expect(await allTrails('demo-prod')).toEqual([
			{TrailARN: orgArn, Name: 'organization-trail', HomeRegion: 'us-east-1'},
			{TrailARN: euArn, Name: 'eu-audit-trail', HomeRegion: 'eu-west-1'},
		]);
		expect((await allTrails('demo-dev')).map(trail => trail.Name)).toEqual(['dev-management-events']);
		// A member account sees the organization trail its management account owns.
		expect((await allTrails('demo-restricted')).map(trail => trail.TrailARN)).toEqual([orgArn]);
	});

	it('DescribeTrails shows multi-region trails in every region unless shadow trails are excluded', async () => {
		expect(await names('demo-prod', 'us-east-1')).toEqual(['organization-trail']);
		expect(await names('demo-prod', 'eu-west-1')).toEqual(['organization-trail', 'eu-audit-trail']);
		expect(await names('demo-prod', 'eu-west-1', false)).toEqual(['eu-audit-trail']);
		expect(await names('demo-prod', 'ap-southeast-2')).toEqual(['organization-trail']);
		expect(await names('demo-prod', 'ap-southeast-2', false)).toEqual([]);
		expect(await names('demo-dev', 'eu-west-1')).toEqual([]);
		expect(await names('demo-dev', 'us-east-1')).toEqual(['dev-management-events']);
	});

	it('DescribeTrails matches a bare name only in its home region, an ARN anywhere', async () => {
		expect(await names('demo-prod', 'us-east-1', undefined, ['eu-audit-trail'])).toEqual([]);
		expect(await names('demo-prod', 'us-east-1', undefined, [euArn])).toEqual(['eu-audit-trail']);
		expect(await names('demo-prod', 'eu-west-1', undefined, ['eu-audit-trail'])).toEqual(['eu-audit-trail']);
	});

	it('describes the organization trail completely', async () => {
		const output = await cloudTrail(emulator).send(new DescribeTrailsCommand({}));
		expect(output.trailList?.[0]).toMatchObject({
			Name: 'organization-trail',
			TrailARN: orgArn,
			HomeRegion: 'us-east-1',
			IsMultiRegionTrail: true,
			IsOrganizationTrail: true,
			LogFileValidationEnabled: true,
			S3BucketName: expect.any(String),
			KmsKeyId: expect.stringMatching(/^arn:aws:kms:us-east-1:111111111111:key\//),
		});
	});

	it('GetTrailStatus takes a name in the home region or an ARN from any region', async () => {
		const byName = await cloudTrail(emulator).send(new GetTrailStatusCommand({Name: 'organization-trail'}));
		expect(byName.IsLogging).toBe(true);
		expect(byName.LatestDeliveryTime).toBeInstanceOf(Date);
		expect(byName.LatestDeliveryError).toBeUndefined();
		const byArn = await cloudTrail(emulator, 'demo-prod', 'ap-southeast-2').send(new GetTrailStatusCommand({Name: orgArn}));
		expect(byArn.IsLogging).toBe(true);

		const broken = await cloudTrail(emulator, 'demo-prod', 'us-east-1').send(new GetTrailStatusCommand({Name: euArn}));
		expect(broken).toMatchObject({IsLogging: false, LatestDeliveryError: 'AccessDenied'});
		expect(broken.StopLoggingTime!.getTime()).toBeLessThan(fixedNow.getTime());

		const elsewhere = await rejectionOf(cloudTrail(emulator, 'demo-prod', 'ap-southeast-2').send(new GetTrailStatusCommand({Name: 'organization-trail'})));
		expect(elsewhere.name).toBe('TrailNotFoundException');
		expect(elsewhere.message).toBe('Unknown trail: arn:aws:cloudtrail:ap-southeast-2:111111111111:trail/organization-trail for the user: 111111111111');
		expect(elsewhere.$metadata?.httpStatusCode).toBe(400);
	});

	it('denies GetTrailStatus to the restricted account, and LookupEvents outside us-east-1', async () => {
		const denied = await rejectionOf(cloudTrail(emulator, 'demo-restricted').send(new GetTrailStatusCommand({Name: orgArn})));
		expect(denied.name).toBe('AccessDeniedException');
		expect(denied.message).toContain('arn:aws:iam::333333333333:user/auditor is not authorized to perform: cloudtrail:GetTrailStatus');
		expect(denied.$metadata?.httpStatusCode).toBe(403);
		const {LookupEventsCommand} = await import('@aws-sdk/client-cloudtrail');
		const europe = await rejectionOf(cloudTrail(emulator, 'demo-restricted', 'eu-west-1').send(new LookupEventsCommand({})));
		expect(europe.name).toBe('AccessDeniedException');
		const home = await cloudTrail(emulator, 'demo-restricted', 'us-east-1').send(new LookupEventsCommand({MaxResults: 5}));
		expect(home.Events).toHaveLength(5);
	});
});
