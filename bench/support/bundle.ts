// Baselines that are Ink apps are bundled the way the app is (one ESM file, production React, no
// devtools), so the comparison is with what Ink itself costs, not with loading node_modules.
import path from 'node:path';
import {root, tmp} from './env.js';

/** Bundles bench/<name>.tsx into the scratch directory and returns the file to run. */
export async function bundleInkBaseline(name: string): Promise<string> {
	const {build} = await import('esbuild');
	const outfile = path.join(tmp, `${name}.mjs`);
	await build({
		entryPoints: [path.join(root, `bench/${name}.tsx`)],
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
