// The bare Ink app that key-press figures are measured against (bench/ink-floor.tsx).
import path from 'node:path';
import {root, tmp} from './env.js';

/** Bundles bench/ink-floor.tsx the way the app is bundled, so the baseline pays the same costs. */
export async function buildInkFloor(): Promise<string> {
	const {build} = await import('esbuild');
	const outfile = path.join(tmp, 'ink-floor.mjs');
	await build({
		entryPoints: [path.join(root, 'bench/ink-floor.tsx')],
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		jsx: 'automatic',
		mainFields: ['module', 'main'],
		define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'},
		alias: {'react-devtools-core': path.join(root, 'scripts/devtools-stub.mjs')},
		banner: {js: "import {createRequire} from 'node:module';const require=createRequire(import.meta.url);"},
		logLevel: 'error',
	});
	return outfile;
}
