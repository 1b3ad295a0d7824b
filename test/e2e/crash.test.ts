// Unexpected errors in a real terminal: the terminal is restored first, then ONE line is printed
// (the stack only with TRAILVIEW_DEBUG=1), exit 1. Console output and warnings never reach it.
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import * as pty from '@lydell/node-pty';
import {colorCodes} from '../helpers/sgr.js';

const fixture = fileURLToPath(new URL('fixtures/crash-app.tsx', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const leaveAlt = '\u001B[?1049l';

type Run = {raw: string; code: number};
let child: pty.IPty | undefined;
afterEach(() => {
	child?.kill();
	child = undefined;
});

async function crash(mode: string, env: Record<string, string> = {}): Promise<Run> {
	return new Promise(resolve => {
		let raw = '';
		child = pty.spawn(process.execPath, ['--import', 'tsx', fixture], {
			cols: 80,
			rows: 20,
			cwd: root,
			env: {PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', TERM: 'xterm-256color', CRASH_MODE: mode, ...env},
		});
		child.onData(data => {
			raw += data;
		});
		child.onExit(({exitCode}) => {
			resolve({raw, code: exitCode});
		});
	});
}

/** What is printed after the alternate screen is left: what the user sees in their shell. */
function afterLeaving(raw: string): string {
	return raw.slice(raw.lastIndexOf(leaveAlt) + leaveAlt.length).replaceAll('\u001B[?25h', '').replaceAll('\r', '');
}

describe('unexpected errors', () => {
	it.each([
		['throw', 'trailview: unexpected error: kaboom in a timer'],
		['reject', 'trailview: unexpected error: rejected and nobody listened'],
		['render', 'trailview: unexpected error: render blew up'],
	])('%s: restores the terminal, then one line, exit 1', async (mode, line) => {
		const {raw, code} = await crash(mode);
		expect(raw).toContain('crash fixture ready');
		expect(code).toBe(1);
		expect(afterLeaving(raw).trim()).toBe(line);
		expect(raw).not.toContain('must not reach the terminal');
	}, 20_000);

	it('render: the error is not painted on the alternate screen first (no stack, no colour under NO_COLOR)', async () => {
		const {raw, code} = await crash('render', {NO_COLOR: '1'});
		expect(code).toBe(1);
		const onAltScreen = raw.slice(0, raw.lastIndexOf(leaveAlt));
		expect(onAltScreen).toContain('crash fixture ready');
		expect(onAltScreen).not.toContain('render blew up');
		expect(onAltScreen).not.toContain('crash-app.tsx');
		expect(colorCodes(raw)).toEqual([]);
	}, 20_000);

	it('TRAILVIEW_DEBUG=1 adds the stack; TRAILVIEW_LOG gets the captured console and warnings', async () => {
		const logPath = join(mkdtempSync(join(tmpdir(), 'trailview-crash-')), 'trailview.log');
		const {raw, code} = await crash('throw', {TRAILVIEW_DEBUG: '1', TRAILVIEW_LOG: logPath});
		expect(code).toBe(1);
		const shown = afterLeaving(raw);
		expect(shown).toMatch(/^\s*trailview: unexpected error: kaboom in a timer\nError: kaboom in a timer\n\s+at /);
		const log = readFileSync(logPath, 'utf8');
		expect(log).toContain('console.log: console output must not reach the terminal');
		expect(log).toContain('warning: Warning: warnings must not reach the terminal either');
	}, 20_000);
});
