// Spawn to the first frame of the profile picker, against bare node.
import {startEmulator} from '../../source/emulator/index.js';
import {median, record, runs, stats} from '../support/figures.js';
import {awsFiles, cli} from '../support/env.js';
import {kill, spawnPty} from '../support/pty-run.js';

export async function firstFrame(): Promise<void> {
	console.error('1. start to first frame');
	const emulator = await startEmulator();
	const env = awsFiles(emulator);
	delete env['AWS_ACCESS_KEY_ID'];
	delete env['AWS_SECRET_ACCESS_KEY'];
	try {
		const sample = async (args: string[], match: RegExp) => {
			const run = spawnPty(args, env);
			const ms = await run.when(match);
			await kill(run);
			return ms;
		};

		const app: number[] = [];
		const bare: number[] = [];
		await sample([process.execPath, cli], /trailview/);
		await sample([process.execPath, '-e', 'process.stdout.write("ready")'], /ready/);
		for (let i = 0; i < Math.max(runs, 7); i++) {
			app.push(await sample([process.execPath, cli], /trailview/));
			bare.push(await sample([process.execPath, '-e', 'process.stdout.write("ready")'], /ready/));
		}

		const s = stats(app);
		const b = median(bare);
		record({
			id: 'first-frame',
			figure: 'Start to first frame (profile picker)',
			unit: 'ms',
			...s,
			target: '< 300 ms',
			met: s.median < 300,
			baseline: {what: 'bare node', median: b},
			ratio: s.median / b,
		});
	} finally {
		await emulator.stop();
	}
}
