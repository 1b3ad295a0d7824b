// Startup is a feature: the first frame must not wait for the AWS SDK, the emulator or the
// output module. Checked two ways: what dist/cli.js loads statically, and a timing tripwire.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {cliPath, spawnCli} from '../helpers/pty.js';
import {requireBuild} from './support.js';

/**
 * dist/cli.js (the launcher), the bundle it loads (main.js) and every chunk they import statically
 * (transitively): what runs before the first frame.
 */
function staticClosure(entries: string[]): Map<string, string> {
	const seen = new Map<string, string>();
	const visit = (file: string) => {
		if (seen.has(file)) {
			return;
		}

		const code = readFileSync(file, 'utf8');
		seen.set(file, code);
		for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
			visit(join(dirname(file), match[1]!));
		}
	};

	for (const entry of entries) {
		visit(entry);
	}

	return seen;
}

beforeAll(() => {
	requireBuild();
});

describe('startup', () => {
	it('the AWS SDK, the emulator and the output module are not loaded before the first frame', () => {
		const mainPath = join(dirname(cliPath), 'main.js');
		expect(readFileSync(cliPath, 'utf8'), 'sanity: the launcher loads the bundle').toContain("import('./main.js')");
		const closure = staticClosure([cliPath, mainPath]);
		const code = [...closure.values()].join('\n');
		expect(code.includes('function runInteractive'), 'sanity: the UI runtime is in the closure').toBe(true);
		// Definitions, not mentions: `await import()` call sites name these too.
		for (const marker of ['LookupEventsCommand', 'GetCallerIdentityCommand', 'function startEmulator', 'function runOutput']) {
			expect(code.includes(marker), `${marker} is loaded before the first frame`).toBe(false);
		}

		// They exist, as lazily loaded chunks.
		expect(readFileSync(mainPath, 'utf8')).toMatch(/import\("\.\/chunks\//);
	});

	it('first frame arrives quickly (a tripwire; the target is < 0.3 s on a quiet machine)', async () => {
		const times: number[] = [];
		for (let run = 0; run < 5; run++) {
			const session = spawnCli({cols: 100, rows: 30});
			await session.waitForText('trailview', 10_000);
			times.push(performance.now() - session.startedAt);
			session.kill();
			await session.exitCode;
		}

		times.sort((a, b) => a - b);
		const median = times[2]!;
		console.info(`first frame: median ${median.toFixed(0)} ms of ${times.map(time => time.toFixed(0)).join(', ')}`);
		expect(median).toBeLessThan(1500);
	}, 60_000);
});
