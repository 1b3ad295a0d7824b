// The query line's history (↑/↓), kept across runs in $XDG_STATE_HOME/trailview. History is a
// convenience: losing it is better than failing, so nothing here throws or rejects, and a write
// goes to a temporary file renamed into place, so a crash mid-write never leaves half a file.
import {readFileSync} from 'node:fs';
import {mkdir, open, rename, rm} from 'node:fs/promises';
import path from 'node:path';
import {stateDir, type Env} from './xdg.js';

export const historyLimit = 500;

export function historyPath(env: Env): string {
	return path.join(stateDir(env), 'query-history');
}

/**
 * The entries, oldest first, newest last. One JSON string a line, so a query holding a line break
 * (pasted text) stays one entry; a line that is not one is skipped.
 */
export function loadHistory(env: Env): string[] {
	let text: string;
	try {
		// Inside the try: even finding the home directory can fail, and history is not worth a crash.
		text = readFileSync(historyPath(env), 'utf8');
	} catch {
		return [];
	}

	const entries: string[] = [];
	for (const line of text.split('\n')) {
		try {
			const entry: unknown = JSON.parse(line);
			if (typeof entry === 'string' && entry.trim() !== '') {
				entries.push(entry);
			}
		} catch {
			// A line cut short or edited by hand: the others are still good.
		}
	}

	return entries.slice(-historyLimit);
}

// Two appends from one run must not read the same old file and drop each other's entry: each
// waits for the one before it.
let queue: Promise<void> = Promise.resolve();

/** Adds `entry` as the newest (not when it repeats the newest), keeping the last 500. Never rejects. */
export async function appendHistory(env: Env, entry: string): Promise<void> {
	const next = queue.then(async () => write(env, entry));
	queue = next;
	return next;
}

async function write(env: Env, entry: string): Promise<void> {
	let temporary: string | undefined;
	try {
		if (entry.trim() === '') {
			return;
		}

		const file = historyPath(env);
		const entries = loadHistory(env);
		if (entries.at(-1) === entry) {
			return;
		}

		entries.push(entry);
		// 0700/0600: queries name users, keys and resources, which are no one else's business.
		await mkdir(path.dirname(file), {recursive: true, mode: 0o700});
		temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
		const handle = await open(temporary, 'w', 0o600);
		try {
			await handle.writeFile(entries.slice(-historyLimit).map(item => JSON.stringify(item)).join('\n') + '\n', 'utf8');
		} finally {
			await handle.close();
		}

		await rename(temporary, file);
	} catch {
		if (temporary !== undefined) {
			await rm(temporary, {force: true}).catch(() => undefined);
		}
	}
}
