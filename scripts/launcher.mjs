#!/usr/bin/env node
// dist/cli.js: turns on Node's compile cache (Node >= 22.1), then loads the bundle (dist/main.js).
// The bundle is ~1 MB that V8 would otherwise compile at every start; with the cache it reads
// compiled code back, and start to first frame fell by about a fifth on Node 22 (bench probe).
// It must be a separate file: a module's own code is compiled before any of it runs, so enabling
// the cache inside the bundle would cover only the chunks loaded after it. On Node 20 there is
// no compile cache and this costs one small module. The cache lives in $XDG_CACHE_HOME/trailview
// (XDG's default ~/.cache when unset or not absolute), never in the package.
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

const xdgCache = process.env.XDG_CACHE_HOME;
try {
	module.enableCompileCache?.(path.join(xdgCache && path.isAbsolute(xdgCache) ? xdgCache : path.join(os.homedir(), '.cache'), 'trailview'));
} catch {
	// A cache that cannot be set up only costs speed.
}

await import('./main.js');
