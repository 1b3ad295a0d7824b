// `trailview --demo` in a real terminal: pickers, main screen, and a clean exit.
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {arrowTo, pickerRow, pressToExit, requireBuild, selectedRow} from './support.js';

const enterAlt = '\u001B[?1049h';
const leaveAlt = '\u001B[?1049l';

let session: PtySession | undefined;
beforeAll(() => {
	requireBuild();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

describe('trailview --demo', () => {
	it('profile and region pickers with arrow keys, then trails and write events; q exits 0 and leaves the alt screen', async () => {
		session = spawnCli({args: ['--demo'], cols: 110, rows: 32});
		await session.waitForText('Demo mode: local sample data served by the built-in emulator');
		await session.waitForText('demo-dev');
		expect(session.raw().indexOf(enterAlt)).toBeGreaterThanOrEqual(0);
		// The alternate screen is entered before anything is drawn.
		expect(session.raw().indexOf(enterAlt)).toBeLessThan(session.raw().indexOf('trailview'));

		await arrowTo(session, pickerRow('demo-dev'));
		await arrowTo(session, pickerRow('demo-prod'));
		await session.press(ptyKeys.enter);

		await session.waitForText('Choose a region');
		await arrowTo(session, pickerRow('eu-west-1'));
		await session.press(ptyKeys.enter);

		const main = await session.waitForText(/Write events in eu-west-1/);
		expect(main).toContain('111111111111');
		await session.waitForText(/Trails in eu-west-1/);
		// Event rows: a time stamp at the start of a line.
		await session.waitForScreen(screen => /^\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+/m.test(screen), 15_000, 'event rows');

		expect(await pressToExit(session, 'q')).toBe(0);
		const raw = session.raw();
		expect(raw.lastIndexOf(leaveAlt)).toBeGreaterThan(raw.lastIndexOf(enterAlt));
		expect(raw.slice(raw.lastIndexOf(leaveAlt))).toContain('\u001B[?25h');
	});

	it('with the files moved by variables, the first-run note names them', async () => {
		session = spawnCli({cols: 160, rows: 32, env: {AWS_CONFIG_FILE: '/nonexistent/cfg', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/creds'}});
		await session.waitForText('No AWS profiles in /nonexistent/cfg (AWS_CONFIG_FILE) or /nonexistent/creds (AWS_SHARED_CREDENTIALS_FILE).');
	});

	it('with no AWS setup at all, plain `trailview` offers a demo row that works', async () => {
		session = spawnCli({cols: 140, rows: 32});
		const first = await session.waitForText('Local sample data — no AWS account needed');
		// Where it looked, how to add access, and the demo first, above the default chain.
		// The test environment moves both files (helpers/pty.ts), so the note names the variables.
		expect(first).toMatch(/No AWS profiles in \S+ \(AWS_CONFIG_FILE\) or \S+ \(AWS_SHARED_CREDENTIALS_FILE\)\./);
		expect(first).toContain('Add access with `aws configure sso` (IAM Identity Center) or `aws configure` (access keys)');
		const rows = first.split('\n');
		expect(rows.findIndex(row => pickerRow('demo').test(row))).toBeLessThan(rows.findIndex(row => /\bchain\b/.test(row)));
		await arrowTo(session, pickerRow('demo'));
		await session.press(ptyKeys.enter);
		await session.waitForText('Choose a region');
		// Enter only means something once the list (and its default selection) is on screen.
		await session.waitForScreen(screen => pickerRow('us-east-1').test(selectedRow(screen) ?? ''), 15_000, 'us-east-1 selected');
		await session.press(ptyKeys.enter);
		const main = await session.waitForText(/Write events in us-east-1/);
		expect(main.split('\n')[0]).toContain('111111111111');
		expect(await pressToExit(session, 'q')).toBe(0);
	});
});
