// Builds dist/ once per test run for the tests that spawn `node dist/cli.js` (test/cli process
// tests, test/e2e). Skipped when dist/ is newer than every source file, so unit-test runs stay
// fast; TRAILVIEW_SKIP_BUILD=1 skips it outright. A failed build does not abort the whole run
// (most tests do not need dist/): it is handed to the tests that do, which fail with its message.
import {execFile} from 'node:child_process';
import {readdir, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import type {TestProject} from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		distBuildError: string;
	}
}

const root = fileURLToPath(new URL('..', import.meta.url));

async function newestMtime(path: string): Promise<number> {
	const info = await stat(path).catch(() => undefined);
	if (!info) {
		return 0;
	}

	if (!info.isDirectory()) {
		return info.mtimeMs;
	}

	const entries = await readdir(path);
	const times = await Promise.all(entries.map(async entry => newestMtime(join(path, entry))));
	return Math.max(info.mtimeMs, ...times);
}

async function distIsFresh(): Promise<boolean> {
	const built = Math.min(
		...(await Promise.all(['dist/cli.js', 'dist/emulator.js'].map(async file => (await stat(join(root, file)).catch(() => undefined))?.mtimeMs ?? 0))),
	);
	const inputs = await Promise.all(['cli.tsx', 'source', 'scripts', 'package.json'].map(async path => newestMtime(join(root, path))));
	return built > Math.max(...inputs);
}

export default async function setup(project: TestProject): Promise<void> {
	let error = '';
	if (process.env['TRAILVIEW_SKIP_BUILD'] !== '1' && !(await distIsFresh())) {
		try {
			await promisify(execFile)(process.execPath, [join(root, 'scripts/build.mjs')], {cwd: root});
		} catch (failure) {
			const output = failure as {stderr?: string; message?: string};
			error = `npm run build failed: ${(output.stderr || output.message || String(failure)).split('\n').find(line => line.trim()) ?? ''}`;
		}
	}

	project.provide('distBuildError', error);
}
