// `npm run emulator -- --port 4566`: runs the emulator in the foreground and prints what to
// paste into a shell to point the AWS CLI, the SDK or trailview at it.
import process from 'node:process';
import {parseArgs} from 'node:util';
import {defaultSeed, organizationStoreId, organizationTableName, startEmulator, type DataRegions} from './index.js';

const usage = `Usage: npm run emulator -- [--port N] [--seed N] [--no-rate-limit] [--latency MS] [--regions WHICH]

  --port N          Port on 127.0.0.1 (default 0: any free port)
  --seed N          Data set seed (default ${defaultSeed})
  --no-rate-limit   Throttle nothing (default, per account+region: 2 LookupEvents calls
                    and 10 ListTrails/DescribeTrails/GetTrailStatus calls in any 1 s)
  --latency MS      Delay every response by MS milliseconds
  --regions WHICH   Where history is generated: demo (default: us-east-1, eu-west-1,
                    ap-southeast-2, and demo-prod's opt-in ap-southeast-3), all-default
                    (also the other 14 default regions), or a comma-separated list`;

function integer(name: string, text: string | undefined, fallback: number, max: number): number {
	if (text === undefined) {
		return fallback;
	}

	const value = Number(text);
	if (!Number.isInteger(value) || value < 0 || value > max) {
		throw new Error(`--${name} must be an integer from 0 to ${max}, got "${text}"`);
	}

	return value;
}

function dataRegions(text: string | undefined): DataRegions {
	if (text === undefined || text === 'demo' || text === 'all-default') {
		return text ?? 'demo';
	}

	return text.split(',').map(region => region.trim()).filter(region => region !== '');
}

async function main(): Promise<void> {
	const {values} = parseArgs({
		options: {
			port: {type: 'string'},
			seed: {type: 'string'},
			'no-rate-limit': {type: 'boolean', default: false},
			latency: {type: 'string'},
			regions: {type: 'string'},
			help: {type: 'boolean', short: 'h', default: false},
		},
		strict: true,
		allowPositionals: false,
	});
	if (values.help) {
		console.log(usage);
		return;
	}

	const seed = integer('seed', values.seed, defaultSeed, 0xff_ff_ff_ff);
	const emulator = await startEmulator({
		port: integer('port', values.port, 0, 65_535),
		seed,
		rateLimitPerSecond: values['no-rate-limit'] ? false : 2,
		latencyMs: integer('latency', values.latency, 0, 600_000),
		regions: dataRegions(values.regions),
	});
	const [main] = emulator.accounts;
	const rows = emulator.accounts.map(account => `  ${account.label.padEnd(16)} ${account.accountId}  ${account.accessKeyId}  ${account.description}`);
	console.log(
		[
			`trailview CloudTrail + STS emulator on ${emulator.endpoint} (seed ${seed}, ${values['no-rate-limit'] ? 'no rate limit' : 'per account+region, 2 LookupEvents and 10 trail reads in any 1 s'})`,
			'',
			'Demo accounts:',
			...rows,
			'',
			`Paste into a shell to use ${main?.label ?? 'the demo account'}:`,
			`export AWS_ACCESS_KEY_ID=${main?.accessKeyId ?? ''}`,
			`export AWS_SECRET_ACCESS_KEY=${main?.secretAccessKey ?? ''}`,
			'export AWS_REGION=us-east-1',
			// aws-cli v1 reads only AWS_DEFAULT_REGION.
			'export AWS_DEFAULT_REGION=us-east-1',
			`export AWS_ENDPOINT_URL=${emulator.endpoint}`,
			'',
			'Then, for example:',
			`aws --endpoint-url ${emulator.endpoint} cloudtrail lookup-events --max-items 5 --region us-east-1`,
			'',
			`Athena and Glue answer too: workgroups primary (managed results) and adhoc (no result location); demo-prod's`,
			`us-east-1 catalog has default.${organizationTableName} over the organization trail's archive.`,
			`CloudTrail Lake answers on the same endpoint: demo-prod's us-east-1 event data store ${organizationStoreId} holds the same year.`,
			'',
			'Ctrl+C stops it.',
		].join('\n'),
	);

	let stopping = false;
	const stop = (signal: NodeJS.Signals): void => {
		if (stopping) {
			return;
		}

		stopping = true;
		void emulator.stop().then(() => {
			console.log(`\nEmulator stopped (${signal}).`);
			process.exit(0);
		});
	};

	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
});
