// Issue 13: an all-regions view must find out, from the answers alone, which regions an account
// has not enabled (UnrecognizedClientException) and which a policy denies (AccessDeniedException).
import {type CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, ListTrailsCommand, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {defaultRegions, optInRegions, startEmulator, type Emulator} from '../../source/emulator/index.js';
import {listRegions} from '../../source/services/regions.js';
import {cloudTrail, fixedNow, rejectionOf, sts} from './helpers.js';

const prod = '111111111111';
const dev = '222222222222';
const notEnabled = 'The security token included in the request is invalid.';
let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow, eventsPerRegion: 600});
});

afterAll(async () => {
	await emulator.stop();
});

const cloudTrailCalls: Array<(client: CloudTrailClient) => Promise<unknown>> = [
	async client => client.send(new LookupEventsCommand({MaxResults: 1})),
	async client => client.send(new ListTrailsCommand({})),
	async client => client.send(new DescribeTrailsCommand({})),
	async client => client.send(new GetTrailStatusCommand({Name: `arn:aws:cloudtrail:us-east-1:${prod}:trail/organization-trail`})),
];

async function expectNotEnabled(who: string, region: string): Promise<void> {
	for (const call of cloudTrailCalls) {
		const error = await rejectionOf(call(cloudTrail(emulator, who, region)));
		expect({name: error.name, message: error.message, status: error.$metadata?.httpStatusCode}).toEqual({
			name: 'UnrecognizedClientException',
			message: notEnabled,
			status: 400,
		});
	}

	const stsError = await rejectionOf(sts(emulator, who, region).send(new GetCallerIdentityCommand({})));
	expect({name: stsError.name, message: stsError.message, status: stsError.$metadata?.httpStatusCode}).toEqual({
		name: 'InvalidClientTokenId',
		message: notEnabled,
		status: 403,
	});
}

describe('enabled regions', () => {
	it('splits the SDK\'s aws partition into the 17 default regions and the opt-in rest', async () => {
		const partition = (await listRegions()).map(region => region.code);
		expect(defaultRegions).toHaveLength(17);
		expect([...defaultRegions, ...optInRegions].sort()).toEqual([...partition].sort());
		expect(defaultRegions.filter(region => (optInRegions as readonly string[]).includes(region))).toEqual([]);
	});

	it('answers in every default region, for every account', async () => {
		const answers = await Promise.all(
			defaultRegions.flatMap(region =>
				['demo-prod', 'demo-dev'].map(async who => (await cloudTrail(emulator, who, region).send(new LookupEventsCommand({MaxResults: 1}))).Events),
			),
		);
		expect(answers.every(events => Array.isArray(events))).toBe(true);
	});

	it('answers UnrecognizedClientException for every call in an opt-in region the account has not enabled, STS included', async () => {
		await expectNotEnabled('demo-prod', 'ap-east-1');
		await expectNotEnabled('demo-dev', 'ap-southeast-3');
		expect(emulator.requestCounts()['throttled'] ?? 0).toBe(0);
	});

	it('lets demo-prod use its enabled ap-southeast-3, with history there, and lists its 18 regions', async () => {
		const output = await cloudTrail(emulator, 'demo-prod', 'ap-southeast-3').send(new LookupEventsCommand({MaxResults: 5}));
		expect(output.Events).toHaveLength(5);
		expect(JSON.parse(output.Events![0]!.CloudTrailEvent!)).toMatchObject({awsRegion: 'ap-southeast-3', recipientAccountId: prod});
		expect(emulator.enabledRegions(prod)).toEqual([...defaultRegions, 'ap-southeast-3'].sort());
		expect(emulator.enabledRegions(dev)).toEqual([...defaultRegions].sort());
	});

	it('enableRegion opens an opt-in region for one account, disableRegion closes it again', async () => {
		emulator.enableRegion(dev, 'me-south-1');
		try {
			const output = await cloudTrail(emulator, 'demo-dev', 'me-south-1').send(new LookupEventsCommand({}));
			expect(output.Events).toEqual([]);
			const identity = await sts(emulator, 'demo-dev', 'me-south-1').send(new GetCallerIdentityCommand({}));
			expect(identity.Account).toBe(dev);
			await expectNotEnabled('demo-prod', 'me-south-1');
		} finally {
			emulator.disableRegion(dev, 'me-south-1');
		}

		await expectNotEnabled('demo-dev', 'me-south-1');
	});

	it('refuses to enable a default region, a name that is no region, or an unknown account', () => {
		expect(() => {
			emulator.enableRegion(dev, 'us-east-1');
		}).toThrow(/enabled by default/);
		expect(() => {
			emulator.enableRegion(dev, 'ap-east-9');
		}).toThrow(/not an opt-in region/);
		expect(() => {
			emulator.enableRegion('999999999999', 'ap-east-1');
		}).toThrow(/unknown account/);
	});

	it('enabledOptInRegions replaces the demo default', async () => {
		const bare = await startEmulator({now: fixedNow, eventsPerRegion: 60, enabledOptInRegions: {[dev]: ['il-central-1']}});
		try {
			const error = await rejectionOf(cloudTrail(bare, 'demo-prod', 'ap-southeast-3').send(new LookupEventsCommand({})));
			expect(error.name).toBe('UnrecognizedClientException');
			const output = await cloudTrail(bare, 'demo-dev', 'il-central-1').send(new LookupEventsCommand({}));
			expect(output.Events).toEqual([]);
		} finally {
			await bare.stop();
		}
	});
});

describe('denyRegion', () => {
	it('denies LookupEvents in one region of one account with the service\'s AccessDenied shape, until allowRegion', async () => {
		emulator.denyRegion(dev, 'eu-west-1');
		try {
			const error = await rejectionOf(cloudTrail(emulator, 'demo-dev', 'eu-west-1').send(new LookupEventsCommand({})));
			expect(error.name).toBe('AccessDeniedException');
			expect(error.$metadata?.httpStatusCode).toBe(403);
			expect(error.message).toBe(
				`User: arn:aws:iam::${dev}:user/devon is not authorized to perform: cloudtrail:LookupEvents on resource: arn:aws:cloudtrail:eu-west-1:${dev}:trail/* with an explicit deny in a service control policy`,
			);
			// Only that account, that region and that operation.
			expect((await cloudTrail(emulator, 'demo-dev', 'us-east-1').send(new LookupEventsCommand({MaxResults: 1}))).Events).toHaveLength(1);
			expect((await cloudTrail(emulator, 'demo-prod', 'eu-west-1').send(new LookupEventsCommand({MaxResults: 1}))).Events).toHaveLength(1);
			expect((await cloudTrail(emulator, 'demo-dev', 'eu-west-1').send(new DescribeTrailsCommand({}))).trailList).toBeDefined();
			// A standing policy, not a passing fault: clearFailures() leaves it.
			emulator.clearFailures();
			expect((await rejectionOf(cloudTrail(emulator, 'demo-dev', 'eu-west-1').send(new LookupEventsCommand({})))).name).toBe('AccessDeniedException');
		} finally {
			emulator.allowRegion(dev, 'eu-west-1');
		}

		expect((await cloudTrail(emulator, 'demo-dev', 'eu-west-1').send(new LookupEventsCommand({MaxResults: 1}))).Events).toHaveLength(1);
	});

	it('an opt-in region not enabled says so even where a policy also denies', async () => {
		emulator.denyRegion(dev, 'ap-east-1');
		try {
			expect((await rejectionOf(cloudTrail(emulator, 'demo-dev', 'ap-east-1').send(new LookupEventsCommand({})))).name).toBe('UnrecognizedClientException');
		} finally {
			emulator.allowRegion(dev, 'ap-east-1');
		}
	});
});
