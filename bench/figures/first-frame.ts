// Spawn to the first frame of the profile picker (against bare node), and to the frame that lists
// the four profiles of the test config (against a bundled Ink hello world), from the same runs.
import {startEmulator} from '../../source/emulator/index.js';
import {median, record, runs, stats} from '../support/figures.js';
import {awsFiles, cli} from '../support/env.js';
import {bundleInkBaseline} from '../support/bundle.js';
import {kill, spawnPty} from '../support/pty-run.js';

/** The picker's rows for all four profiles of awsFiles(), sorted by name. */
const profilesListed = /audit\s+role[\s\S]*bench\s+static[\s\S]*other\s+static[\s\S]*sso-dev\s+SSO/;

export async function firstFrame(): Promise<void> {
	console.error('1. start to first frame, and to the profiles listed');
	const emulator = await startEmulator();
	const env = awsFiles(emulator);
	delete env['AWS_ACCESS_KEY_ID'];
	delete env['AWS_SECRET_ACCESS_KEY'];
	const hello = await bundleInkBaseline('ink-hello');
	try {
		const sample = async (args: string[], ...matches: RegExp[]) => {
			const run = spawnPty(args, env);
			const times: number[] = [];
			for (const match of matches) {
				times.push(await run.when(match));
			}

			await kill(run);
			return times;
		};

		const app = async () => sample([process.execPath, cli], /trailview/, profilesListed);
		const bare = async () => (await sample([process.execPath, '-e', 'process.stdout.write("ready")'], /ready/))[0]!;
		const ink = async () => (await sample([process.execPath, hello], /Hello, world/))[0]!;

		const frame: number[] = [];
		const listed: number[] = [];
		const bareNode: number[] = [];
		const inkHello: number[] = [];
		await app();
		await bare();
		await ink();
		for (let i = 0; i < Math.max(runs, 7); i++) {
			const [first, profiles] = await app();
			frame.push(first!);
			listed.push(profiles!);
			bareNode.push(await bare());
			inkHello.push(await ink());
		}

		const f = stats(frame);
		const b = median(bareNode);
		const h = median(inkHello);
		record({
			id: 'first-frame',
			figure: 'Start to first frame (profile picker)',
			unit: 'ms',
			...f,
			target: '< 300 ms',
			met: f.median < 300,
			baseline: {what: 'bare node', median: b},
			ratio: f.median / b,
			note: `${(f.median / h).toFixed(2)}× a bundled Ink hello world (${h.toFixed(0)} ms) in the same runs`,
		});
		const l = stats(listed);
		record({
			id: 'profiles-listed',
			figure: 'Start to profiles listed (four-profile config)',
			unit: 'ms',
			...l,
			target: '<= 1.25× Ink hello world',
			met: l.median / h <= 1.25,
			baseline: {what: 'bundled Ink hello world', median: h},
			ratio: l.median / h,
		});
	} finally {
		await emulator.stop();
	}
}
