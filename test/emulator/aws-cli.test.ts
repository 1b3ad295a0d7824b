import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {demoAccount, fixedNow} from './helpers.js';

// Async on purpose: the emulator lives in this process, so a sync child would deadlock it.
const run = promisify(execFile);
let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({now: fixedNow});
});

afterAll(async () => {
	await emulator.stop();
});

async function aws(label: string, ...args: string[]): Promise<unknown> {
	const account = demoAccount(emulator, label);
	const {stdout} = await run('aws', ['--endpoint-url', emulator.endpoint, ...args, '--output', 'json'], {
		timeout: 25_000,
		env: {
			PATH: process.env['PATH'] ?? '',
			HOME: process.env['HOME'] ?? '/tmp',
			AWS_ACCESS_KEY_ID: account.accessKeyId,
			AWS_SECRET_ACCESS_KEY: account.secretAccessKey,
			AWS_CONFIG_FILE: '/dev/null',
			AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
			AWS_EC2_METADATA_DISABLED: 'true',
			AWS_PAGER: '',
		},
	});
	return JSON.parse(stdout) as unknown;
}

// The AWS CLI (botocore) signs and parses on its own: a second, independent client.
describe('the AWS CLI against the emulator', () => {
	it('cloudtrail lookup-events --max-items 5', {timeout: 30_000}, async () => {
		const output = (await aws('demo-prod', 'cloudtrail', 'lookup-events', '--max-items', '5', '--region', 'us-east-1')) as {Events: Array<{EventId: string; ReadOnly: string; CloudTrailEvent: string}>; NextToken?: string};
		expect(output.Events).toHaveLength(5);
		expect(output.NextToken).toEqual(expect.any(String));
		for (const event of output.Events) {
			expect(JSON.parse(event.CloudTrailEvent)).toMatchObject({eventID: event.EventId, readOnly: event.ReadOnly === 'true'});
		}
	});

	it('cloudtrail describe-trails', {timeout: 30_000}, async () => {
		const output = (await aws('demo-prod', 'cloudtrail', 'describe-trails', '--region', 'eu-west-1')) as {trailList: Array<{Name: string}>};
		expect(output.trailList.map(trail => trail.Name)).toEqual(['organization-trail', 'eu-audit-trail']);
	});

	it('sts get-caller-identity', {timeout: 30_000}, async () => {
		const output = await aws('demo-dev', 'sts', 'get-caller-identity', '--region', 'us-east-1');
		expect(output).toEqual({UserId: expect.stringMatching(/^AIDA/), Account: '222222222222', Arn: 'arn:aws:iam::222222222222:user/devon'});
	});
});
