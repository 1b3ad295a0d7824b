// Bundles the CLI (and the emulator command) into dist/ with esbuild.
// One bundle starts far faster than hundreds of ESM modules (about 0.4 s vs 0.9 s to first frame
// on a 2-core machine); code splitting keeps the AWS SDK in chunks loaded only when needed.
import {build} from 'esbuild';
import {rm, chmod, copyFile, readFile, rename} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Built beside dist/ and swapped in at the end, so a test or a running trailview never finds dist/
// half written or missing while a build is under way.
const next = `dist.next-${process.pid}`;
const old = `dist.old-${process.pid}`;
await rm(new URL(`../${next}`, import.meta.url), {recursive: true, force: true});

const fastStringWidth = fileURLToPath(new URL('../source/lib/fast-string-width.ts', import.meta.url));

/** Ink and its helpers measure every line with string-width; a fast path for plain text saves ~70 ms at startup. */
const stringWidthFastPath = {
	name: 'string-width-fast-path',
	setup(pluginBuild) {
		pluginBuild.onResolve({filter: /^string-width$/}, args =>
			args.importer === fastStringWidth ? undefined : {path: fastStringWidth},
		);
	},
};

/**
 * string-width builds /^\p{RGI_Emoji}$/v when it loads: V8 expands the class of every emoji
 * sequence then, ~25 ms before the first frame on this machine, though the regex is only needed
 * for text fast-string-width cannot measure (and first at an emoji-like grapheme). Build it on
 * first use instead. Fails the build if string-width changes shape.
 */
const stringWidthLazyEmojiRegex = {
	name: 'string-width-lazy-emoji-regex',
	setup(pluginBuild) {
		const probe = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
		const replacement = 'let rgiEmojiRegexBuilt;\nconst rgiEmojiRegex = {test: segment => (rgiEmojiRegexBuilt ??= /^\\p{RGI_Emoji}$/v).test(segment)};';
		pluginBuild.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(probe)) {
				throw new Error(`string-width no longer contains ${probe}; review scripts/build.mjs`);
			}

			return {contents: source.replace(probe, replacement), loader: 'js'};
		});
	},
};

/**
 * yoga-layout (Ink's layout engine) loads its wasm from a data: URL with fetch() when fetch exists,
 * and touching fetch makes Node load undici (~20 ms before the first frame). Its own fallback
 * decodes the same base64 synchronously; take that path. Fails the build if yoga changes shape.
 */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const probe = '"function"!=typeof fetch';
			if (!source.includes(probe)) {
				throw new Error(`yoga-layout no longer contains ${probe}; review scripts/build.mjs`);
			}

			return {contents: source.replace(probe, 'true'), loader: 'js'};
		});
	},
};

/**
 * Ink caches the size of every distinct text it lays out (measure-text.js) and every text it
 * wraps (wrap-text.js) for the life of the process (vadimdemedes/ink#986). Every row the events
 * table ever drew is such a text: paging through 100,000 events kept ~60 MB of old rows. Each
 * cache starts afresh once it holds 2,000 texts, about forty frames' worth. Fails the build if Ink
 * changes shape.
 */
const inkBoundedCaches = {
	name: 'ink-bounded-caches',
	setup(pluginBuild) {
		const patches = {
			'measure-text.js': [['cache.set(text, dimensions);', 'if (cache.size >= 2000) cache.clear();\n    cache.set(text, dimensions);']],
			'wrap-text.js': [
				['const cache = {};', 'let cache = {};\nlet cacheSize = 0;'],
				['cache[cacheKey] = wrappedText;', 'if (++cacheSize > 2000) {\n        cache = {};\n        cacheSize = 1;\n    }\n    cache[cacheKey] = wrappedText;'],
			],
		};
		pluginBuild.onLoad({filter: /[\\/]ink[\\/]build[\\/](measure|wrap)-text\.js$/}, async args => {
			let source = await readFile(args.path, 'utf8');
			for (const [probe, replacement] of patches[args.path.split(/[\\/]/).at(-1)]) {
				if (!source.includes(probe)) {
					throw new Error(`ink no longer contains ${probe} in ${args.path}; review scripts/build.mjs`);
				}

				source = source.replace(probe, replacement);
			}

			return {contents: source, loader: 'js'};
		});
	},
};

const rowsOutput = fileURLToPath(new URL('../source/runtime/ink-output.ts', import.meta.url));

/**
 * Ink's renderer builds each frame with its Output class, from scratch every time; ours gives the
 * same text and reuses the rows a frame did not change (source/runtime/ink-output.ts). Fails the
 * build if Ink stops importing it by that name.
 */
const inkRowsOutput = {
	name: 'ink-rows-output',
	setup(pluginBuild) {
		let replaced = false;
		pluginBuild.onResolve({filter: /^\.\/output\.js$/}, args => {
			if (!/[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer)) {
				return undefined;
			}

			replaced = true;
			return {path: rowsOutput};
		});
		pluginBuild.onEnd(result => {
			if (result.errors.length === 0 && !replaced) {
				throw new Error('ink/build/renderer.js no longer imports ./output.js; review scripts/build.mjs');
			}
		});
	},
};

await build({
	plugins: [stringWidthFastPath, stringWidthLazyEmojiRegex, yogaWithoutFetch, inkBoundedCaches, inkRowsOutput],
	absWorkingDir: root,
	entryPoints: {main: 'cli.tsx', emulator: 'source/emulator/main.ts'},
	outdir: next,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// Prefer packages' ESM builds: the AWS SDK's tree-shakes to a fraction of its CommonJS size, and a
	// dynamic import() of a CommonJS-only build (shared-ini-file-loader) would expose only `default`.
	mainFields: ['module', 'main'],
	jsx: 'automatic',
	minifyWhitespace: true,
	minifySyntax: true,
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'},
	// Ink imports react-devtools-core only when DEV=true; keep it out of the bundle.
	alias: {'react-devtools-core': './scripts/devtools-stub.mjs'},
	// Some bundled CommonJS code (the AWS SDK) calls require() for node builtins.
	banner: {
		js: "import {createRequire as __trailviewCreateRequire} from 'node:module';const require=__trailviewCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
// dist/cli.js (the bin) is the launcher that turns on Node's compile cache before loading main.js.
await copyFile(new URL('launcher.mjs', import.meta.url), new URL(`../${next}/cli.js`, import.meta.url));
await chmod(new URL(`../${next}/cli.js`, import.meta.url), 0o755);
await rename(new URL('../dist', import.meta.url), new URL(`../${old}`, import.meta.url)).catch(() => {});
await rename(new URL(`../${next}`, import.meta.url), new URL('../dist', import.meta.url));
await rm(new URL(`../${old}`, import.meta.url), {recursive: true, force: true});
