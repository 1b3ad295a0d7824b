import {availableParallelism} from 'node:os';
import {configDefaults, defineConfig} from 'vitest/config';

/**
 * Files that assert every request stayed inside the emulator's real rate limit, judged by when each
 * one reaches it. The client keeps only 20 ms of room (services/rate-limiter.ts), and a core busy
 * with another file (Ink drawing, a CLI starting in a pty) can hold one request back more than
 * that, so these run after everything else, one at a time, as the whole suite used to.
 */
const paced = [
	'test/services/integration.test.ts',
	'test/services/merged-lookup-http.test.ts',
	'test/output/follow-output.test.ts',
	'test/output/merged-output.test.ts',
	'test/output/query-output.test.ts',
];

/**
 * Tests of pure logic (lib/, domain/, reducers, formats, flag parsing; no process, server, mock,
 * fake timer or environment of their own) and of the sources themselves share one process per
 * worker instead of starting a process per file, which for these small files took longer than
 * their tests. fast-string-width mocks string-width, so it keeps a process of its own.
 */
const shared = [
	'test/lib/!(fast-string-width).test.ts',
	'test/domain/**/*.test.ts',
	'test/fuzz/*.test.ts',
	'test/architecture/*.test.ts',
	'test/components/*.test.ts',
	'test/panes/{table-window,trail-lines}.test.ts',
	'test/app/{app-reducer,help-lines}.test.ts',
	'test/cli/{args,env,help,mode,script-query,script-sources,script-target}.test.ts',
	'test/output/{formats,run-follow,run-output-query,run-output}.test.ts',
];

export default defineConfig({
	test: {
		setupFiles: ['test/setup.ts'],
		globalSetup: ['test/global-setup.ts'],
		// A pty walk through both pickers is a dozen waits of up to 15 s each (their own limit, which
		// is what catches a real failure); on a busy 2-core machine the whole walk can pass 20 s.
		testTimeout: 45_000,
		hookTimeout: 30_000,
		// node-pty and ink both want a real process per file.
		pool: 'forks',
		// One file per core. Vitest keeps a core free by default, which on CI's 2 cores meant one file
		// at a time; yet much of the suite waits (on the CLI in a pty, on the emulator, on polls), and
		// a second file fills those waits.
		maxWorkers: availableParallelism(),
		// CI sets CI=true, and Ink then draws only the final frame and ignores resizes, so component
		// tests would see stale frames there and nowhere else. The tests exercise the interactive
		// renderer; is-in-ci reads 'false' as not in CI.
		env: {CI: 'false', CONTINUOUS_INTEGRATION: 'false'},
		projects: [
			{extends: true, test: {name: 'trailview', include: ['test/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, ...paced, ...shared], sequence: {groupOrder: 0}}},
			{extends: true, test: {name: 'shared', include: shared, isolate: false, sequence: {groupOrder: 0}}},
			{extends: true, test: {name: 'paced', include: paced, maxWorkers: 1, sequence: {groupOrder: 1}}},
		],
	},
});
