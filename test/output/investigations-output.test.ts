// The built-in investigations as a script runs them: the built CLI, `--query @name`, against the
// emulator over real HTTP, in a region that holds only the fixture of matching calls and near
// misses (test/helpers/investigation-fixtures.ts). Each must print exactly the events the fixture
// says it finds, newest first: the planner's attribute, the local terms and the record paths all
// take part, as they would against AWS.
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {investigations} from '../../source/domain/query/investigations.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {cliPath} from '../helpers/pty.js';
import {fixtureAccount, fixtureRegion, investigationFixtures} from '../helpers/investigation-fixtures.js';
import {requireBuild, staticKeyProfiles, type AwsFiles} from '../e2e/support.js';

type Result = {code: number; stdout: string; stderr: string};

const dataNow = new Date(Math.floor(Date.now() / 1000) * 1000);
let emulator: Emulator;
let files: AwsFiles;
let config: string;
/** Fixture labels by event id, and the ids in the order the CLI prints them (newest first). */
const labels = new Map<string, string>();
const newestFirst: string[] = [];

beforeAll(async () => {
	requireBuild();
	emulator = await startEmulator({now: dataNow, eventsPerRegion: 400, rateLimitPerSecond: false});
	files = staticKeyProfiles(emulator, {prod: 'demo-prod'});
	for (const [index, fixture] of investigationFixtures.entries()) {
		const time = new Date(dataNow.getTime() - (index + 1) * 60_000);
		const id = emulator.addEvent({...fixture.event, accountId: fixtureAccount, region: fixtureRegion, time});
		labels.set(id, fixture.label);
		newestFirst.push(id);
	}

	config = mkdtempSync(path.join(tmpdir(), 'trailview-xdg-'));
	mkdirSync(path.join(config, 'trailview'));
	writeFileSync(path.join(config, 'trailview', 'queries'), 'bob-keys = @keys requestParameters.userName:bob\nkeys = event:CreateAccessKey\n');
});

afterAll(async () => {
	rmSync(config, {recursive: true, force: true});
	await emulator?.stop();
});

async function run(args: string[]): Promise<Result> {
	const env = {PATH: process.env['PATH'] ?? '', HOME: '/nonexistent-home', AWS_EC2_METADATA_DISABLED: 'true', XDG_CONFIG_HOME: config, TRAILVIEW_LOOKUP_RPS: '50', ...files.env};
	const target = ['--profile', 'prod', '--region', fixtureRegion, '--endpoint-url', emulator.endpoint, '--output', 'jsonl', '--limit', '0'];
	return new Promise(resolve => {
		execFile(process.execPath, [cliPath, ...target, ...args], {env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr});
		});
	});
}

function printed(result: Result): string[] {
	expect({code: result.code, stderr: result.stderr}).toEqual({code: 0, stderr: ''});
	return result.stdout
		.split('\n')
		.filter(Boolean)
		.map(line => labels.get((JSON.parse(line) as {id: string}).id) ?? `not in the fixture: ${line}`);
}

const expectedFor = (name: string, keep: (fixture: (typeof investigationFixtures)[number]) => boolean = () => true) =>
	newestFirst.map(id => investigationFixtures[newestFirst.indexOf(id)]!).filter(fixture => fixture.in.includes(name) && keep(fixture)).map(fixture => fixture.label);

describe('built-in investigations against the emulator', () => {
	it.each(investigations.map(investigation => investigation.name))('--query @%s --all-events prints exactly its events', async name => {
		const expected = expectedFor(name);
		expect(expected.length).toBeGreaterThan(0);
		expect(printed(await run(['--all-events', '--query', `@${name}`]))).toEqual(expected);
	});

	it('without --all-events, the reads drop out and the writes stay', async () => {
		const expected = expectedFor('denied', fixture => fixture.event.readOnly !== true);
		expect(expected).not.toEqual(expectedFor('denied'));
		expect(printed(await run(['--query', '@denied']))).toEqual(expected);
	});

	it("the user's file can build on a built-in, and cannot replace one", async () => {
		// `keys = event:CreateAccessKey` in the file is skipped: @keys still finds UpdateAccessKey.
		expect(printed(await run(['--all-events', '--query', '@keys']))).toEqual(expectedFor('keys'));
		const bobs = expectedFor('keys', fixture => !fixture.label.includes('carol'));
		expect(bobs).not.toEqual(expectedFor('keys'));
		expect(printed(await run(['--all-events', '--query', '@bob-keys']))).toEqual(bobs);
	});
});
