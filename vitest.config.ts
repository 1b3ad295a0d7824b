import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		setupFiles: ['test/setup.ts'],
		globalSetup: ['test/global-setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 30_000,
		// node-pty and ink both want a real process per file.
		pool: 'forks',
	},
});
