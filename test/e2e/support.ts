// Shared pieces of the process and pseudo-terminal tests: the build check, an emulator per test,
// temporary AWS config files, and arrow-key navigation that checks the screen after every step.
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inject} from 'vitest';
import {startEmulator, type DemoAccount, type Emulator} from '../../source/emulator/index.js';
import {ptyKeys, type PtySession} from '../helpers/pty.js';

/** Fails loudly (instead of timing out) when dist/ could not be built. */
export function requireBuild(): void {
	const error = inject('distBuildError');
	if (error) {
		throw new Error(error);
	}
}

export async function withEmulator(): Promise<Emulator> {
	// Throttling off: the tests check content, and the UI's own rate limiter already paces calls.
	return startEmulator({rateLimitPerSecond: false, eventsPerRegion: 400});
}

export function account(emulator: Emulator, label: string): DemoAccount {
	const found = emulator.accounts.find(candidate => candidate.label === label);
	if (!found) {
		throw new Error(`emulator has no account ${label}`);
	}

	return found;
}

export type AwsFiles = {dir: string; env: Record<string, string>};

/** Writes a config and a credentials file into a fresh temp directory. */
export function awsFiles(files: {config?: string; credentials?: string; scripts?: Record<string, string>}): AwsFiles {
	const dir = mkdtempSync(join(tmpdir(), 'trailview-e2e-'));
	const config = join(dir, 'config');
	const credentials = join(dir, 'credentials');
	writeFileSync(config, files.config ?? '');
	writeFileSync(credentials, files.credentials ?? '');
	for (const [name, body] of Object.entries(files.scripts ?? {})) {
		writeFileSync(join(dir, name), body);
		chmodSync(join(dir, name), 0o755);
	}

	return {dir, env: {AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials}};
}

/**
 * Config and credentials files with one static-keys profile per entry, e.g.
 * `{prod: 'demo-prod'}` gives profile `prod` the demo-prod account's keys.
 */
export function staticKeyProfiles(emulator: Emulator, profiles: Record<string, string>, region = 'eu-west-1'): AwsFiles {
	const entries = Object.entries(profiles);
	return awsFiles({
		config: entries.map(([name]) => `[profile ${name}]\nregion = ${region}\n`).join(''),
		credentials: entries
			.map(([name, label]) => {
				const keys = account(emulator, label);
				return `[${name}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`;
			})
			.join(''),
	});
}

/** The selected picker row, marked with "›". */
export function selectedRow(screen: string): string | undefined {
	return screen.split('\n').find(line => line.trimStart().startsWith('›'));
}

/** A picker row whose first column is exactly `name` (details may mention other profiles). */
export function pickerRow(name: string): RegExp {
	return new RegExp(`^\\s*(?:›\\s*)?${name.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s|$)`);
}

/**
 * Moves the picker selection with arrow keys until the selected row matches, as a person would:
 * towards the target when it is on screen, else down and then up, looking after every key.
 */
export async function arrowTo(session: PtySession, target: RegExp, maxSteps = 60): Promise<void> {
	const lines = session.screen().split('\n');
	const selectedIndex = lines.findIndex(line => line.trimStart().startsWith('›'));
	const targetIndex = lines.findIndex(line => target.test(line));
	const directions = targetIndex !== -1 && targetIndex < selectedIndex ? [ptyKeys.up, ptyKeys.down] : [ptyKeys.down, ptyKeys.up];
	for (const key of directions) {
		for (let step = 0; step <= maxSteps; step++) {
			const row = selectedRow(session.screen());
			if (row && target.test(row)) {
				// On a loaded machine a key that seemed lost can still land late and move past the
				// target: only a selection that stays put is where Enter will act.
				const drifted = await session.waitForScreen(text => selectedRow(text) !== row, 400).then(
					() => true,
					() => false,
				);
				if (!drifted) {
					return;
				}

				continue;
			}

			// Wait for the selection to move. A key can come before a just-drawn picker listens, or be
			// seen late while a busy machine starts the app: pressed once more and still no move is the
			// end of the list.
			let moved = false;
			for (let attempt = 0; attempt < 2 && !moved; attempt++) {
				await session.press(key);
				moved = await session.waitForScreen(text => selectedRow(text) !== row, 1000).then(
					() => true,
					() => false,
				);
			}

			if (!moved) {
				break;
			}
		}
	}

	throw new Error(`could not reach a row matching ${String(target)} with arrow keys. Screen:\n${session.screen()}`);
}

/**
 * Types a picker filter a key at a time, checking the filter line after each, and presses Enter
 * once it shows all of it. A key sent while a just-opened picker is still subscribing to input is
 * not seen by it; such a key is typed again (only when the filter line still lacks it).
 */
export async function filterAndPick(session: PtySession, text: string): Promise<void> {
	for (let index = 1; index <= text.length; index++) {
		const prefix = `/ ${text.slice(0, index)}`;
		for (let attempt = 0; ; attempt++) {
			await session.press(text[index - 1]!);
			const shown = await session.waitForText(prefix, 1000).then(
				() => true,
				() => false,
			);
			if (shown) {
				break;
			}

			if (attempt === 2) {
				throw new Error(`the filter never showed "${prefix}". Screen:\n${session.screen()}`);
			}
		}
	}

	await session.press(ptyKeys.enter);
}

/**
 * Presses a key that ends the program (q, Ctrl+C) and resolves with its exit status; a program
 * still running after `timeoutMs` fails with its screen rather than with the test's own timeout.
 * Pressed once: a key typed as a screen appears must reach it (context/key-router.tsx).
 */
export async function pressToExit(session: PtySession, key: string, timeoutMs = 10_000): Promise<number> {
	await session.press(key);
	const code = await Promise.race([
		session.exitCode,
		new Promise<undefined>(resolve => {
			setTimeout(resolve, timeoutMs);
		}),
	]);
	if (code === undefined) {
		throw new Error(`still running ${timeoutMs} ms after ${JSON.stringify(key)}. Screen:\n${session.screen()}`);
	}

	return code;
}
