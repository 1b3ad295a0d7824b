#!/usr/bin/env node
// Entry point: parse flags, pick the mode, render <App>. Everything static-imported here is on the
// path to the first frame, so the AWS SDK, the emulator and the output module stay behind
// `await import()` (esbuild puts them in separate chunks).
import process from 'node:process';
import React from 'react';
import meow from 'meow';
import {App} from './source/app.js';
import {parseCommandLine} from './source/cli/args.js';
import {meowFlags} from './source/cli/flags.js';
import {helpText, usageText} from './source/cli/help.js';
import {selectMode} from './source/cli/mode.js';
import {resolveProfileName} from './source/cli/env.js';
import {createAwsBackend} from './source/services/backend.js';
import {withEarlyConnect} from './source/services/early-connect.js';
import {createMfaBroker} from './source/domain/mfa-broker.js';
import {createDemoBackend, demoNotice, lazyEmulator, withDemoFallback} from './source/demo.js';
import {captureConsoleAndWarnings, createCaptureLog} from './source/runtime/capture-log.js';
import {createLifecycle} from './source/runtime/lifecycle.js';
import {exitWhenFlushed} from './source/runtime/exit.js';
import {runInteractive} from './source/runtime/interactive.js';
import {fileQueryStore} from './source/storage/query-store.js';
import {interactiveQuery} from './source/cli/script-query.js';
import packageJson from './package.json' with {type: 'json'};

const {env, stdin, stdout, stderr} = process;
const log = createCaptureLog();
captureConsoleAndWarnings(log);
const lifecycle = createLifecycle({stderr, env, log, exit: code => exitWhenFlushed(code)});
lifecycle.install();

const parsed = parseCommandLine(process.argv.slice(2), argv =>
	meow({
		importMeta: import.meta,
		argv,
		// Given inline so meow does not search the disk for package.json before the first frame.
		pkg: {name: packageJson.name, version: packageJson.version},
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		flags: meowFlags,
	}),
);

if (!parsed.ok) {
	await lifecycle.shutdown(2, `trailview: ${parsed.message}\n${usageText}`);
} else {
	const {options} = parsed;
	const mode = selectMode(options, {stdin: stdin.isTTY === true, stdout: stdout.isTTY === true});
	const emulator = lazyEmulator();
	lifecycle.onCleanup(async () => emulator.stop());

	switch (mode.kind) {
		case 'help': {
			stdout.write(`${helpText(packageJson.version)}\n`);
			await lifecycle.shutdown(0);
			break;
		}

		case 'version': {
			stdout.write(`${packageJson.version}\n`);
			await lifecycle.shutdown(0);
			break;
		}

		case 'script': {
			const {runScriptMode} = await import('./source/cli/script-mode.js');
			if (options.follow) {
				lifecycle.setInterruptExitCode(0);
			}

			const run = runScriptMode({options, format: mode.format, env, stdout, stderr, signal: lifecycle.signal, emulator});
			// On SIGINT/SIGTERM the lifecycle aborts the run and exits with 130/143; waiting for the run to
			// wind down first lets it say on stderr how far it got, and write nothing more to stdout.
			lifecycle.onCleanup(async () => {
				await run.catch(() => undefined);
			});
			await lifecycle.shutdown(await run);
			break;
		}

		case 'interactive': {
			const demoOptions = {regionFlag: options.region, env, emulator};
			const mfa = createMfaBroker();
			const initialProfile = options.demo ? options.profile : resolveProfileName(options.profile, env)?.value;
			const skipPickers = Boolean(initialProfile && options.region);
			const chosen = options.demo
				? createDemoBackend(demoOptions)
				: withDemoFallback(
						createAwsBackend({
							...(options.profile ? {profileFlag: options.profile} : {}),
							...(options.region ? {regionFlag: options.region} : {}),
							...(options.endpointUrl ? {endpointUrl: options.endpointUrl} : {}),
							env,
							mfa: mfa.ask,
						}),
						demoOptions,
					);
			const queries = fileQueryStore(env);
			const query = interactiveQuery(options, queries.named, new Date());
			if (!query.ok) {
				await lifecycle.shutdown(2, `trailview: ${query.message}\n`);
				break;
			}

			// Straight to the main screen: its connect starts now, not after Ink's first frame. Ink's
			// first frames hold the main thread for a while; with the SDK chunk loaded before them, the
			// requests leave before them rather than after (bench figure first-row).
			const early = skipPickers && initialProfile && options.region ? {profile: initialProfile, region: options.region} : undefined;
			const backend = early ? withEarlyConnect(chosen, early) : chosen;
			if (early) {
				await backend.preload?.();
			}

			runInteractive({
				element: terminal => (
					<App
						backend={backend}
						{...(initialProfile ? {initialProfile} : {})}
						{...(options.region ? {initialRegion: options.region} : {})}
						skipPickers={skipPickers}
						{...(options.demo ? {notice: demoNotice} : {})}
						mfa={mfa}
						terminal={terminal}
						queries={queries}
						{...(query.initial ? {initialQuery: query.initial} : {})}
						{...(options.profiles.length > 1 ? {initialExtras: options.profiles.slice(1)} : {})}
						{...(options.follow || options.allRegions ? {initialLive: {follow: options.follow, allRegions: options.allRegions}} : {})}
						archive={options.archive}
					/>
				),
				lifecycle,
				stdout,
				stdin,
				stderr,
				env,
			});
			break;
		}
	}
}
