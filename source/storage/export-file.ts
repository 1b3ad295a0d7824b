// Writes an export where the person asked, and never over an existing file unless they said so:
// without `overwrite` the file is created exclusively ('wx'), so the check and the write are one
// step and nothing is lost to a race. Never throws; a failure comes back as a sentence.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';

export type ExportResult = {ok: true; path: string} | {ok: false; exists: boolean; message: string};

export async function writeExport(file: string, text: string, options: {overwrite: boolean; cwd?: string}): Promise<ExportResult> {
	const target = path.resolve(options.cwd ?? process.cwd(), file);
	try {
		await writeFile(target, text, {flag: options.overwrite ? 'w' : 'wx', mode: 0o644});
		return {ok: true, path: target};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
		if (code === 'EEXIST') {
			return {ok: false, exists: true, message: `${target} already exists`};
		}

		const reasons: Record<string, string> = {
			ENOENT: 'its folder does not exist',
			EACCES: 'permission denied',
			EPERM: 'permission denied',
			EISDIR: 'it is a folder',
			ENOSPC: 'the disk is full',
			EROFS: 'the file system is read-only',
			ENOTDIR: 'part of the path is not a folder',
		};
		return {ok: false, exists: false, message: `Could not write ${target}: ${reasons[code] ?? code}`};
	}
}
