// The archive in a real terminal (issue 16): the built CLI in a pseudo-terminal against the
// emulator, whose Athena runs the SQL in DuckDB over a year of the organization trail's records.
// `a` switches the query to the archive, a window older than LookupEvents' 90 days finds rows
// there, `a` again runs it in the organization's CloudTrail Lake store, and once more comes back
// to Event history.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {ptyKeys, spawnCli, type PtySession} from '../helpers/pty.js';
import {requireBuild, staticKeyProfiles, type AwsFiles} from './support.js';

const wait = 30_000;
const dayMs = 24 * 60 * 60 * 1000;
/** A row of the archive's table: time, then the account and region columns. */
const archiveRow = /^[ •] (\d{4}-\d\d-\d\d) \d\d:\d\d:\d\d (\d{12}) ([a-z]{2}-[a-z]+-\d) /;

let emulator: Emulator;
let files: AwsFiles;
let session: PtySession | undefined;

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'}, 'us-east-1');
});
afterAll(async () => {
	await emulator?.stop();
});
afterEach(() => {
	session?.kill();
	session = undefined;
});

function rows(screen: string): Array<{date: string; account: string; region: string}> {
	return screen.split('\n').flatMap(line => {
		const match = archiveRow.exec(line);
		return match ? [{date: match[1]!, account: match[2]!, region: match[3]!}] : [];
	});
}

describe('the archive', {timeout: 120_000}, () => {
	it('switches a query to the archive, then to CloudTrail Lake, reaches past 90 days in both, and comes back', async () => {
		session = spawnCli({args: ['--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', emulator.endpoint], env: files.env, cols: 150, rows: 40});
		const cli = session;
		await cli.waitForScreen(screen => screen.includes('50 events loaded'), wait, 'Event history');
		// Discovery found the organization trail's table in Glue and marks the trail.
		await cli.waitForScreen(screen => /organization-trail .* athena \w+\.\w+/.test(screen), wait, 'the trail marked with its table');

		await cli.press('/');
		await cli.waitForScreen(screen => screen.split('\n').some(line => line.startsWith('/ ')), wait, 'the query line');
		await cli.press('since:130d until:100d');
		await cli.press(ptyKeys.enter);
		await cli.waitForScreen(screen => screen.includes('Write events in us-east-1 · 130 days ago → 100 days ago') && !screen.split('\n').some(line => line.startsWith('/ ')), wait, 'the window applied');

		await cli.press('a');
		const archived = await cli.waitForScreen(screen => screen.includes('rows by Athena SQL') && rows(screen).length > 5, wait, 'archive rows');
		expect(archived).toMatch(/Write events in the archive \(Athena \w+\.\w+\)/);
		expect(archived).toMatch(/\d[\d.]* (?:KB|MB|GB) scanned · ≈ \$\d/);
		const found = rows(archived);
		const now = Date.now();
		for (const row of found) {
			// Every row lies in the window, older than anything LookupEvents could return.
			const age = (now - Date.parse(`${row.date}T12:00:00Z`)) / dayMs;
			expect(age).toBeGreaterThan(98);
			expect(age).toBeLessThan(132);
		}

		// The organization trail's table holds more than the one account this profile reads.
		expect(new Set(found.map(row => row.account)).size).toBeGreaterThan(1);

		// The organization's CloudTrail Lake event data store is the next stop, with the same window.
		await cli.press('a');
		const lake = await cli.waitForScreen(screen => screen.includes('rows by Lake SQL') && rows(screen).length > 5, wait, 'Lake rows');
		expect(lake).toMatch(/Write events in the archive \(CloudTrail Lake [\w-]+\)/);
		const fromLake = rows(lake);
		for (const row of fromLake) {
			const age = (now - Date.parse(`${row.date}T12:00:00Z`)) / dayMs;
			expect(age).toBeGreaterThan(98);
			expect(age).toBeLessThan(132);
		}

		expect(new Set(fromLake.map(row => row.account)).size).toBeGreaterThan(1);

		await cli.press('a');
		const history = await cli.waitForScreen(screen => screen.includes('Write events in us-east-1') && !screen.includes('rows by Lake SQL'), wait, 'Event history again');
		// LookupEvents keeps 90 days: the same window finds nothing there.
		await cli.waitForScreen(screen => /No events|0 events/.test(screen), wait, 'nothing past 90 days in Event history');
		expect(rows(history).length).toBe(0);
	});
});
