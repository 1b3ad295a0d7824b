// `npm run emulator -- --regions …`: the built entry point, as a person runs it.
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {CloudTrailClient, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';
import {describe, expect, it} from 'vitest';
import {demoAccounts} from '../../source/emulator/accounts.js';
import {requireBuild} from '../e2e/support.js';

// The demo keys are constants, the same in every emulator process.
const prod = demoAccounts.find(account => account.label === 'demo-prod')!;
const emulatorPath = fileURLToPath(new URL('../../dist/emulator.js', import.meta.url));

type Run = {endpoint: Promise<string>; exit: Promise<{code: number | null; stderr: string}>; stop(): void};

function start(args: string[]): Run {
	const child = spawn(process.execPath, [emulatorPath, '--port', '0', ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	const endpoint = new Promise<string>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString('utf8');
			const found = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
			if (found) {
				resolve(found);
			}
		});
		child.once('exit', () => {
			reject(new Error(`exited before listening: ${stderr}`));
		});
	});
	endpoint.catch(() => undefined);
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString('utf8');
	});
	const exit = new Promise<{code: number | null; stderr: string}>(resolve => {
		child.once('exit', code => {
			resolve({code, stderr});
		});
	});
	return {
		endpoint,
		exit,
		stop() {
			child.kill('SIGTERM');
		},
	};
}

describe('npm run emulator -- --regions', () => {
	it('generates history in the listed regions only', async () => {
		requireBuild();
		const run = start(['--regions', 'us-east-1,us-west-2', '--no-rate-limit']);
		try {
			const endpoint = await run.endpoint;
			const lookup = async (region: string) =>
				(await new CloudTrailClient({endpoint, region, credentials: {accessKeyId: prod.accessKeyId, secretAccessKey: prod.secretAccessKey}, maxAttempts: 1}).send(new LookupEventsCommand({MaxResults: 5}))).Events ?? [];
			expect(await lookup('us-west-2')).toHaveLength(5);
			expect(await lookup('eu-west-1')).toEqual([]);
		} finally {
			run.stop();
		}

		expect((await run.exit).code).toBe(0);
	});

	it('refuses a name that is no region with one line and exit 1', async () => {
		requireBuild();
		const {code, stderr} = await start(['--regions', 'us-east-1,eu-wset-1']).exit;
		expect(code).toBe(1);
		expect(stderr.trim()).toBe('emulator: regions: eu-wset-1 is not a region of the aws partition');
	});
});
