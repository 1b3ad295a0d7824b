import {availableParallelism} from 'node:os';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
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
	},
});
