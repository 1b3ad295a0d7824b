import {describe, expect, it} from 'vitest';
import {runFollow, type RunFollowOptions} from '../../source/output/run-follow.js';
import {type TrailEvent, TrailviewError} from '../../source/domain/types.js';
import {CaptureStream, epipe, makeEvent, parseCsv} from './helpers.js';

async function * pages(...batches: TrailEvent[][]): AsyncGenerator<TrailEvent[]> {
	for (const batch of batches) {
		yield batch;
	}
}

function setup(overrides: Partial<RunFollowOptions> = {}, stdout = new CaptureStream()) {
	const stderr = new CaptureStream();
	const controller = new AbortController();
	const seenBy: string[][] = [];
	const options: RunFollowOptions = {
		format: 'jsonl',
		origins: false,
		limit: 0,
		matches: () => true,
		baseline: () => pages(),
		follow(seen) {
			seenBy.push([...seen]);
			return pages();
		},
		stdout,
		stderr,
		signal: controller.signal,
		maxWaitMs: 0,
		...overrides,
	};
	return {options, stdout, stderr, controller, seenBy};
}

const ids = (stdout: CaptureStream) =>
	stdout.text
		.trimEnd()
		.split('\n')
		.filter(Boolean)
		.map(line => (JSON.parse(line) as {id: string}).id);

describe('runFollow', () => {
	it('prints each new batch oldest first, and never what was there when it started', async () => {
		const run = setup({
			baseline: () => pages([makeEvent(5), makeEvent(6)]),
			follow(seen) {
				run.seenBy.push([...seen]);
				return pages([makeEvent(1), makeEvent(2)], [makeEvent(0)]);
			},
		});
		expect(await runFollow(run.options)).toBe(0);
		expect(ids(run.stdout)).toEqual(['id-2', 'id-1', 'id-0']);
		expect(run.seenBy).toEqual([['id-5', 'id-6']]);
		expect(run.stderr.text).toBe('');
	});

	it('with --since prints the newest --limit matches of the window first, oldest first', async () => {
		const run = setup({
			limit: 3,
			matches: event => event.username !== 'user-1',
			baseline: () => pages([makeEvent(0)]),
			history: () => pages([makeEvent(0), makeEvent(1)], [makeEvent(2), makeEvent(3), makeEvent(4)], [makeEvent(5)]),
			follow(seen) {
				run.seenBy.push([...seen]);
				return pages([makeEvent(-1)]);
			},
		});
		expect(await runFollow(run.options)).toBe(0);
		expect(ids(run.stdout)).toEqual(['id-3', 'id-2', 'id-0', 'id--1']);
		// The baseline first: the newest, kept when the memory is full.
		expect(run.seenBy).toEqual([['id-0', 'id-0', 'id-2', 'id-3']]);
	});

	it('csv starts with its header at once, with the account columns when several sources are open', async () => {
		const origin = {account: '222222222222', accountLabel: 'dev', region: 'eu-west-1'};
		const run = setup({format: 'csv', origins: true, follow: () => pages([makeEvent(1, {origin})])});
		expect(await runFollow(run.options)).toBe(0);
		const [header, row] = parseCsv(run.stdout.text);
		expect(header).toContain('account');
		expect(row![header!.indexOf('account')]).toBe('dev');
		expect(row![header!.indexOf('accountId')]).toBe('222222222222');
	});

	it('ends with 0 and nothing on stderr when interrupted or when the reader goes away', async () => {
		const interrupted = setup();
		interrupted.options.follow = () =>
			(async function * () {
				yield [makeEvent(1)];
				interrupted.controller.abort();
				throw new TrailviewError('cancelled', 'Cancelled.');
			})();
		expect(await runFollow(interrupted.options)).toBe(0);
		expect(interrupted.stderr.text).toBe('');

		const closed = setup({follow: () => pages([makeEvent(1)], [makeEvent(0)])}, new CaptureStream({failWith: index => (index >= 1 ? epipe() : undefined)}));
		expect(await runFollow(closed.options)).toBe(0);
		expect(closed.stderr.text).toBe('');
	});

	it('fails with the error and its fix when the start cannot be read', async () => {
		const run = setup({
			baseline: () =>
				(async function * () {
					yield [];
					throw new TrailviewError('expired-credentials', 'The credentials have expired.', {hint: 'Run `aws sso login --profile prod`.'});
				})(),
		});
		expect(await runFollow(run.options)).toBe(1);
		expect(run.stderr.text).toBe('trailview: The credentials have expired.\n  Run `aws sso login --profile prod`.\n');
		expect(run.stdout.text).toBe('');
		expect(run.seenBy).toEqual([]);
	});
});
