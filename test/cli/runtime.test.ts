import {EventEmitter} from 'node:events';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import chalk from 'chalk';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {captureConsoleAndWarnings, createCaptureLog, writeCaptureLog} from '../../source/runtime/capture-log.js';
import {createLifecycle, describeUnexpectedError} from '../../source/runtime/lifecycle.js';
import {enterAltScreen, sequences} from '../../source/runtime/terminal.js';
import {applyColorLevel} from '../../source/runtime/interactive.js';

const fixedNow = () => new Date('2026-01-02T03:04:05.000Z');

describe('capture log', () => {
	it('is bounded and counts what it dropped', () => {
		const log = createCaptureLog({maxEntries: 2, maxEntryLength: 5, now: fixedNow});
		log.append('a', '1');
		log.append('b', '2');
		log.append('c', '123456789');
		expect(log.lines()).toEqual(['2026-01-02T03:04:05.000Z b: 2', '2026-01-02T03:04:05.000Z c: 12345…']);
		expect(log.dropped()).toBe(1);
	});

	it('captures console methods and process warnings, and restores both', () => {
		const log = createCaptureLog({now: fixedNow});
		const fakeConsole = {log: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn()};
		const originalLog = fakeConsole.log;
		const proc = new EventEmitter();
		const defaultListener = vi.fn();
		proc.on('warning', defaultListener);
		const restore = captureConsoleAndWarnings(log, fakeConsole, proc as unknown as NodeJS.Process);
		fakeConsole.log('hello %s', 'world');
		fakeConsole.error(new Error('boom').message);
		proc.emit('warning', Object.assign(new Error('Node 20 is old'), {name: 'NodeDeprecationWarning'}));
		expect(defaultListener).not.toHaveBeenCalled();
		expect(originalLog).not.toHaveBeenCalled();
		expect(log.lines()).toEqual([
			'2026-01-02T03:04:05.000Z console.log: hello world',
			'2026-01-02T03:04:05.000Z console.error: boom',
			'2026-01-02T03:04:05.000Z warning: NodeDeprecationWarning: Node 20 is old',
		]);
		restore();
		expect(fakeConsole.log).toBe(originalLog);
		expect(proc.listeners('warning')).toEqual([defaultListener]);
	});

	it('writes the log to TRAILVIEW_LOG, owner-readable only', () => {
		const log = createCaptureLog({now: fixedNow});
		log.append('warning', 'x');
		const path = join(mkdtempSync(join(tmpdir(), 'trailview-log-')), 'log.txt');
		expect(writeCaptureLog(log, path)).toBeUndefined();
		expect(readFileSync(path, 'utf8')).toBe('2026-01-02T03:04:05.000Z warning: x\n');
		expect(writeCaptureLog(log, '/nonexistent-dir/x/log.txt')).toMatch(/^could not write TRAILVIEW_LOG/);
		expect(writeCaptureLog(log, undefined)).toBeUndefined();
	});
});

describe('alternate screen', () => {
	it('enters once, leaves once (also from process exit) and shows the cursor', () => {
		const writes: string[] = [];
		const proc = new EventEmitter();
		const stdin = {isTTY: true, isRaw: true, setRawMode: vi.fn()};
		const screen = enterAltScreen({stdout: {write: (text: string) => writes.push(text) > 0}, stdin}, proc as unknown as NodeJS.Process);
		expect(writes.join('')).toContain(sequences.enterAltScreen);
		proc.emit('exit');
		screen.leave();
		expect(writes.join('').split(sequences.leaveAltScreen)).toHaveLength(2);
		expect(writes.at(-1)).toBe(sequences.leaveAltScreen + sequences.showCursor);
		expect(stdin.setRawMode).toHaveBeenCalledWith(false);
		expect(screen.active).toBe(false);
	});
});

function harness(env: Record<string, string> = {}) {
	const proc = new EventEmitter();
	const stderr: string[] = [];
	const exit = vi.fn();
	const order: string[] = [];
	const lifecycle = createLifecycle({
		stderr: {write: (text: string) => stderr.push(text) > 0},
		env,
		log: createCaptureLog(),
		exit,
		proc: proc as unknown as NodeJS.Process,
	});
	lifecycle.onRestoreTerminal(() => order.push('leave alt screen'));
	lifecycle.onRestoreTerminal(() => order.push('unmount ink'));
	lifecycle.onCleanup(async () => {
		order.push('stop emulator');
	});
	lifecycle.install();
	return {proc, stderr, exit, order, lifecycle};
}

describe('lifecycle', () => {
	it('restores the terminal (newest first), then cleans up, then exits once', async () => {
		const {lifecycle, order, exit} = harness();
		await lifecycle.shutdown(0);
		await lifecycle.shutdown(3);
		expect(order).toEqual(['unmount ink', 'leave alt screen', 'stop emulator']);
		expect(exit).toHaveBeenCalledTimes(1);
		expect(exit).toHaveBeenCalledWith(0);
		expect(lifecycle.signal.aborted).toBe(true);
	});

	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
		['SIGINT', 130],
	])('%s restores the terminal and exits %i', async (signal, code) => {
		const {proc, order, exit} = harness();
		proc.emit(signal);
		await vi.waitFor(() => {
			expect(exit).toHaveBeenCalledWith(code);
		});
		expect(order[0]).toBe('unmount ink');
	});

	it('Ctrl+C can be made a normal end (--follow), while SIGTERM still reports the signal', async () => {
		const follow = harness();
		follow.lifecycle.setInterruptExitCode(0);
		follow.proc.emit('SIGINT');
		await vi.waitFor(() => {
			expect(follow.exit).toHaveBeenCalledWith(0);
		});
		const terminated = harness();
		terminated.lifecycle.setInterruptExitCode(0);
		terminated.proc.emit('SIGTERM');
		await vi.waitFor(() => {
			expect(terminated.exit).toHaveBeenCalledWith(143);
		});
	});

	it('while a child owns the terminal, its Ctrl+C (SIGINT) does not end trailview until released', async () => {
		const {lifecycle, proc, exit} = harness();
		const release = lifecycle.holdInterrupts();
		proc.emit('SIGINT');
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		expect(exit).not.toHaveBeenCalled();
		release();
		proc.emit('SIGINT');
		await vi.waitFor(() => {
			expect(exit).toHaveBeenCalledWith(130);
		});
	});

	it('an uncaught exception prints one line after restoring, no stack', async () => {
		const {proc, order, exit, stderr} = harness();
		proc.emit('uncaughtException', new Error('kaboom\nsecond line'));
		await vi.waitFor(() => {
			expect(exit).toHaveBeenCalledWith(1);
		});
		expect(order).toEqual(['unmount ink', 'leave alt screen', 'stop emulator']);
		expect(stderr.join('')).toBe('trailview: unexpected error: kaboom\n');
	});

	it('an unhandled rejection with TRAILVIEW_DEBUG=1 also prints the stack', async () => {
		const {proc, exit, stderr} = harness({TRAILVIEW_DEBUG: '1'});
		proc.emit('unhandledRejection', new Error('nope'));
		await vi.waitFor(() => {
			expect(exit).toHaveBeenCalledWith(1);
		});
		expect(stderr.join('')).toMatch(/^trailview: unexpected error: nope\nError: nope\n\s+at /);
	});

	it('describes odd throwables without escape sequences', () => {
		// Shown as escapes, the scheme every other outside text uses (lib/sanitize.ts).
		expect(describeUnexpectedError('plain \u001B[31mred')).toBe('trailview: unexpected error: plain \\x1b[31mred');
		expect(describeUnexpectedError({code: 1})).toBe('trailview: unexpected error: {"code":1}');
		expect(describeUnexpectedError(undefined)).toBe('trailview: unexpected error: undefined');
	});

	it('neutralises bidi controls, which would reorder the line the user reads', () => {
		const line = describeUnexpectedError(new Error('\n\n  bad file \u202Etxt.exe\u2066  \nsecond line'));
		expect(line).toBe('trailview: unexpected error: bad file \\u202etxt.exe\\u2066');
		expect(line).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
	});
});

describe('colour at startup', () => {
	const chalkLevel = chalk.level;
	afterEach(() => {
		chalk.level = chalkLevel;
	});

	/** A 256-colour terminal that records the environment it was asked about. */
	function terminal(bits = 8) {
		const asked: Array<Record<string, string | undefined> | undefined> = [];
		return {
			asked,
			getColorDepth(env?: Record<string, string | undefined>) {
				asked.push(env);
				return bits;
			},
		};
	}

	it('uses what the terminal supports when nothing says otherwise', () => {
		expect(applyColorLevel({TERM: 'xterm-256color'}, terminal(8))).toBe(2);
		expect(chalk.level).toBe(2);
	});

	it.each([{NO_COLOR: '1'}, {FORCE_COLOR: '0'}, {FORCE_COLOR: 'false'}])('turns colour off for %o, keeping chalk on for bold and inverse', env => {
		expect(applyColorLevel(env, terminal(24))).toBe(0);
		// Level 0 would drop bold and inverse too, and the cursor row with them.
		expect(chalk.level).toBe(1);
		expect(chalk.inverse('x')).toBe('\u001B[7mx\u001B[27m');
	});

	it('keeps bold and inverse where the terminal reports no colour at all', () => {
		expect(applyColorLevel({TERM: 'dumb'}, terminal(1))).toBe(0);
		expect(chalk.level).toBe(1);
	});

	it('does not let an empty NO_COLOR reach Node, which would count it as set', () => {
		const term = terminal(8);
		expect(applyColorLevel({NO_COLOR: '', TERM: 'xterm-256color'}, term)).toBe(2);
		expect(term.asked[0]).not.toHaveProperty('NO_COLOR');
	});
});
