// --output jsonl against the AWS CLI's own lookup-events, with the rate limit off on both sides.
import {startEmulator} from '../../source/emulator/index.js';
import {median, record, runs, stats} from '../support/figures.js';
import {awsFiles, cli, runProcess} from '../support/env.js';

async function awsCliAvailable(): Promise<boolean> {
	const result = await runProcess('aws', ['--version'], {}).catch(() => undefined);
	return result?.code === 0;
}

export async function versusAwsCli(): Promise<void> {
	console.error('6. --output jsonl --limit 1000 vs aws cloudtrail lookup-events --max-items 1000');
	// Rate limit off on both sides: this compares the tools' own overhead, not the service's pace.
	const emulator = await startEmulator({rateLimitPerSecond: false, eventsPerRegion: 10_000});
	const env = {...awsFiles(emulator), TRAILVIEW_LOOKUP_RPS: '1000', AWS_DEFAULT_REGION: 'us-east-1'};
	try {
		const ours = async () => {
			const result = await runProcess(
				process.execPath,
				[cli, '--output', 'jsonl', '--limit', '1000', '--profile', 'bench', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint],
				env,
			);
			if (result.code !== 0 || result.stdout.split('\n').filter(Boolean).length !== 1000) {
				throw new Error(`trailview run failed: ${result.stderr}`);
			}

			return result.wallMs;
		};

		const theirs = async () => {
			const result = await runProcess(
				'aws',
				[
					'--endpoint-url',
					emulator.endpoint,
					'cloudtrail',
					'lookup-events',
					'--region',
					'us-east-1',
					'--lookup-attributes',
					'AttributeKey=ReadOnly,AttributeValue=false',
					'--max-items',
					'1000',
					'--output',
					'json',
				],
				{...env, AWS_PROFILE: 'bench'},
			);
			const count = (JSON.parse(result.stdout) as {Events: unknown[]}).Events.length;
			if (result.code !== 0 || count !== 1000) {
				throw new Error(`aws cli run failed: ${result.stderr}`);
			}

			return result.wallMs;
		};

		const hasAws = await awsCliAvailable();
		await ours();
		if (hasAws) {
			await theirs();
		}

		const a: number[] = [];
		const b: number[] = [];
		for (let i = 0; i < runs; i++) {
			a.push(await ours());
			if (hasAws) {
				b.push(await theirs());
			}
		}

		const s = stats(a);
		record({
			id: 'jsonl-vs-aws-cli',
			figure: '--output jsonl --limit 1000 (wall time)',
			unit: 'ms',
			...s,
			...(hasAws ? {baseline: {what: 'aws cloudtrail lookup-events --max-items 1000', median: median(b)}, ratio: s.median / median(b)} : {}),
			note: hasAws ? 'emulator rate limit off on both sides' : 'AWS CLI not installed: no baseline',
		});
	} finally {
		await emulator.stop();
	}
}
