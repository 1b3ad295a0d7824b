import {describe, expect, it} from 'vitest';
import {eventToJson} from '../../source/output/formats.js';
import {runOutput} from '../../source/output/run-output.js';
import {TrailviewError} from '../../source/domain/types.js';
import {CaptureStream, epipe, fakeService, makeEvent, makeEvents, parseCsv} from './helpers.js';

const terminalControls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/;

function run(format: 'table' | 'json' | 'jsonl' | 'csv', service: Parameters<typeof runOutput>[0]['service'], limit = 0, stdout = new CaptureStream()) {
	const stderr = new CaptureStream();
	return runOutput({format, limit, service, stdout, stderr}).then(code => ({code, stdout: stdout.text, stderr: stderr.text, chunks: stdout.chunks}));
}

const threePages = () => [makeEvents(3, 0), makeEvents(3, 3), makeEvents(2, 6)];
/** What eventToJson produces after a trip through JSON text (Dates are already strings). */
const expectedJson = (count: number) => makeEvents(count).map(event => JSON.parse(JSON.stringify(eventToJson(event))) as unknown);

describe('runOutput json', () => {
	it('prints one array holding exactly the events, in order, identical to JSON.stringify(…, 2)', async () => {
		const {service} = fakeService(threePages());
		const result = await run('json', service);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(JSON.parse(result.stdout)).toEqual(expectedJson(8));
		expect(result.stdout).toBe(`${JSON.stringify(makeEvents(8).map(eventToJson), null, 2)}\n`);
	});

	it('writes nothing until the last page is in, then the whole document at once', async () => {
		const stdout = new CaptureStream();
		const seenBeforePage: string[] = [];
		const {service} = fakeService(threePages(), {
			beforePage(index) {
				seenBeforePage[index] = stdout.text;
			},
		});
		const result = await run('json', service, 0, stdout);
		expect(seenBeforePage).toEqual(['', '', '']);
		expect(result.chunks).toHaveLength(1);
	});

	it('prints nothing at all when a later page fails: a consumer gets a whole document or none', async () => {
		const {service} = fakeService(threePages(), {failBeforePage: 2, error: new TrailviewError('invalid-input', 'The request was rejected as invalid (InvalidNextTokenException): Invalid NextToken.')});
		const result = await run('json', service);
		expect(result).toMatchObject({code: 1, stdout: ''});
		expect(result.stderr).toBe('trailview: The request was rejected as invalid (InvalidNextTokenException): Invalid NextToken.\n');
	});

	it('prints [] when there are no events, even if pages are empty', async () => {
		const {service} = fakeService([[], []]);
		const result = await run('json', service);
		expect(result.stdout).toBe('[]\n');
		expect(result.code).toBe(0);
	});

	it('escapes C1, bidi and line separators so no raw control byte reaches stdout', async () => {
		const hostile = 'x\u009B2J\u009D0;t\u009C\u202E\u2028\u001B[31m';
		const {service} = fakeService([[makeEvent(0, {username: hostile, raw: JSON.stringify({userAgent: hostile})})]]);
		const result = await run('json', service);
		expect(result.stdout.replaceAll('\n', '')).not.toMatch(terminalControls);
		const [parsed] = JSON.parse(result.stdout) as Array<{username: string; record: {userAgent: string}}>;
		expect(parsed?.username).toBe(hostile);
		expect(parsed?.record.userAgent).toBe(hostile);
	});
});

describe('runOutput jsonl', () => {
	it('prints one event per line', async () => {
		const {service} = fakeService(threePages());
		const result = await run('jsonl', service);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines.map(line => JSON.parse(line) as unknown)).toEqual(expectedJson(8));
		expect(result.stdout.endsWith('\n')).toBe(true);
	});

	it('writes each page before asking for the next one', async () => {
		const stdout = new CaptureStream();
		const seenBeforePage: string[] = [];
		const {service} = fakeService(threePages(), {
			beforePage(index) {
				seenBeforePage[index] = stdout.text;
			},
		});
		await run('jsonl', service, 0, stdout);
		expect(seenBeforePage[0]).toBe('');
		expect(seenBeforePage[1]!.split('\n').filter(Boolean)).toHaveLength(3);
		expect(JSON.parse(seenBeforePage[1]!.split('\n')[0]!)).toMatchObject({id: 'id-0'});
		expect(seenBeforePage[2]!.split('\n').filter(Boolean)).toHaveLength(6);
	});

	it('keeps hostile usernames intact but escaped', async () => {
		const {service} = fakeService([[makeEvent(0, {username: '\u001B]0;pwned\u0007\u009B'})]]);
		const result = await run('jsonl', service);
		expect(result.stdout.trimEnd()).not.toMatch(terminalControls);
		expect((JSON.parse(result.stdout) as {username: string}).username).toBe('\u001B]0;pwned\u0007\u009B');
	});
});

describe('runOutput --limit', () => {
	it('stops at exactly N events, mid-page, without requesting another page', async () => {
		const {service, log} = fakeService(threePages());
		const result = await run('jsonl', service, 4);
		expect(result.stdout.trimEnd().split('\n').map(line => (JSON.parse(line) as {id: string}).id)).toEqual(['id-0', 'id-1', 'id-2', 'id-3']);
		expect(log.pagesRequested).toBe(2);
		expect(log.closed).toBe(true);
	});

	it('does not request the next page when a page ends exactly at the limit', async () => {
		const {service, log} = fakeService(threePages());
		const result = await run('csv', service, 3);
		expect(parseCsv(result.stdout)).toHaveLength(4);
		expect(log.pagesRequested).toBe(1);
		expect(log.closed).toBe(true);
	});

	it('asks the service for small pages when the limit is small', async () => {
		const {service, log} = fakeService([makeEvents(5)]);
		await run('jsonl', service, 5);
		expect(log.options?.pageSize).toBe(5);
		// Write events only, asked of the service as its one lookup attribute.
		expect(log.options?.attribute).toEqual({key: 'ReadOnly', value: 'false'});

		const big = fakeService([makeEvents(5)]);
		await run('jsonl', big.service, 120);
		expect(big.log.options?.pageSize).toBeUndefined();
	});

	it('reads every page with limit 0', async () => {
		const {service, log} = fakeService(threePages());
		const result = await run('json', service, 0);
		expect(JSON.parse(result.stdout)).toHaveLength(8);
		expect(log.pagesRequested).toBe(3);
	});

	it('applies the limit to json and table too', async () => {
		const json = await run('json', fakeService(threePages()).service, 5);
		expect(JSON.parse(json.stdout)).toHaveLength(5);
		const table = await run('table', fakeService(threePages()).service, 5);
		expect(table.stdout.trimEnd().split('\n')).toHaveLength(6);
	});

	it('refuses a negative or fractional limit', async () => {
		const {service, log} = fakeService(threePages());
		const result = await run('json', service, -1);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^trailview: --limit must be/);
		expect(log.pagesRequested).toBe(0);
		expect((await run('json', service, 1.5)).code).toBe(1);
	});
});

describe('runOutput csv', () => {
	it('writes a header then one row per event, page by page, and round-trips', async () => {
		const {service} = fakeService(threePages());
		const result = await run('csv', service);
		expect(result.chunks).toHaveLength(3);
		const rows = parseCsv(result.stdout);
		expect(rows).toHaveLength(9);
		expect(rows[0]?.[0]).toBe('time');
		expect(rows.slice(1).map(row => row[1])).toEqual(makeEvents(8).map(event => event.id));
	});

	it('prints only the header when there are no events', async () => {
		const result = await run('csv', fakeService([[]]).service);
		expect(parseCsv(result.stdout)).toHaveLength(1);
	});

	it('neutralises formulas and terminal controls in cells', async () => {
		const {service} = fakeService([[makeEvent(0, {username: '=1+2\u001B[2J', errorMessage: '@x\u009B'})]]);
		const result = await run('csv', service);
		expect(result.stdout).not.toMatch(terminalControls);
		const [header, row] = parseCsv(result.stdout);
		const cell = (name: string) => row![header!.indexOf(name)];
		expect(cell('username')).toBe("'=1+2\\x1b[2J");
		expect(cell('errorMessage')).toBe("'@x\\x9b");
	});
});

describe('runOutput table', () => {
	it('prints a header and all events, untruncated when stdout is not a TTY', async () => {
		const long = 'L'.repeat(200);
		const {service} = fakeService([[makeEvent(0, {name: long})], makeEvents(2, 1)]);
		const result = await run('table', service, 0, new CaptureStream({isTTY: false, columns: 80}));
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(/^TIME \(UTC\) +EVENT +USER/);
		expect(result.stdout).toContain(long);
		expect(result.chunks).toHaveLength(1);
	});

	it('truncates to the terminal width when stdout is a TTY', async () => {
		const {service} = fakeService([[makeEvent(0, {name: 'L'.repeat(200)})]]);
		const result = await run('table', service, 0, new CaptureStream({isTTY: true, columns: 70}));
		for (const line of result.stdout.trimEnd().split('\n')) {
			expect(line.length).toBeLessThanOrEqual(70);
		}
	});

	it('sanitises control characters in usernames', async () => {
		const {service} = fakeService([[makeEvent(0, {username: 'bob\u001B]0;pwned\u0007\r\u009B2J'})]]);
		const result = await run('table', service);
		expect(result.stdout.replaceAll('\n', '')).not.toMatch(terminalControls);
		expect(result.stdout).toContain('bob\\x1b]0;pwned\\x07 \\x9b2J');
	});

	it('says on stderr, not stdout, that there were no events', async () => {
		const result = await run('table', fakeService([[]]).service);
		expect(result.code).toBe(0);
		expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr).toBe('trailview: no write events in eu-west-1 in the last 90 days\n');
	});
});

describe('runOutput errors', () => {
	const denied = new TrailviewError('access-denied', 'Access denied to cloudtrail:LookupEvents in eu-west-1.', {
		hint: 'Attach a policy allowing cloudtrail:LookupEvents to the role.',
		code: 'AccessDeniedException',
	});

	it.each(['table', 'json', 'jsonl', 'csv'] as const)('%s: a TrailviewError is one line plus the hint on stderr, exit 1, stdout empty', async format => {
		const {service} = fakeService(threePages(), {failBeforePage: 0, error: denied});
		const result = await run(format, service);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe(
			'trailview: Access denied to cloudtrail:LookupEvents in eu-west-1.\n  Attach a policy allowing cloudtrail:LookupEvents to the role.\n',
		);
	});

	it('prints no hint line when there is no hint, and sanitises the message', async () => {
		const error = new TrailviewError('service', 'Bad\n thing\u001B[2J');
		const failing = fakeService([[]], {failBeforePage: 0, error});
		const failed = await run('jsonl', failing.service);
		expect(failed.code).toBe(1);
		expect(failed.stderr).toBe('trailview: Bad thing\\x1b[2J\n');
	});

	it('keeps what was already streamed when a later page fails', async () => {
		const {service} = fakeService(threePages(), {failBeforePage: 1, error: denied});
		const result = await run('jsonl', service);
		expect(result.code).toBe(1);
		expect(result.stdout.trimEnd().split('\n')).toHaveLength(3);
		expect(result.stderr.split('\n')[0]).toBe('trailview: Access denied to cloudtrail:LookupEvents in eu-west-1.');
	});

	it('reports an unexpected error in one line without a stack trace', async () => {
		const {service} = fakeService(threePages(), {failBeforePage: 0, error: new TypeError('boom')});
		const result = await run('json', service);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe('trailview: boom\n');
	});

	it('exits 130 with one line when cancelled, saying how many events stdout has', async () => {
		const controller = new AbortController();
		const cancelled = new TrailviewError('cancelled', 'Cancelled.');
		const {service, log} = fakeService(threePages(), {
			failBeforePage: 1,
			error: cancelled,
			beforePage(index) {
				if (index === 1) {
					controller.abort();
				}
			},
		});
		const stdout = new CaptureStream();
		const stderr = new CaptureStream();
		const code = await runOutput({format: 'jsonl', limit: 0, service, stdout, stderr, signal: controller.signal});
		expect(code).toBe(130);
		expect(stdout.text.trimEnd().split('\n')).toHaveLength(3);
		expect(stderr.text).toBe('trailview: interrupted; 3 events printed\n');
		expect(log.options?.signal).toBe(controller.signal);
	});

	it.each(['json', 'csv', 'table'] as const)('%s: pages that end quietly because of an interrupt are not taken for the end of the data', async format => {
		// The service ends its pages without an error once the run's signal aborts.
		const controller = new AbortController();
		const {service} = fakeService(threePages(), {
			beforePage(index) {
				if (index === 1) {
					controller.abort();
				}
			},
		});
		const stdout = new CaptureStream();
		const stderr = new CaptureStream();
		const code = await runOutput({format, limit: 0, service, stdout, stderr, signal: controller.signal});
		expect(code).toBe(130);
		if (format === 'csv') {
			// The first page's complete lines, and no header written as if the run had ended empty.
			expect(parseCsv(stdout.text)).toHaveLength(4);
		} else {
			expect(stdout.text).toBe('');
			expect(stderr.text).toBe(`trailview: interrupted after reading 3 events; nothing printed (${format} prints only a complete result)\n`);
		}
	});
});

describe('runOutput throttling', () => {
	const throttled = new TrailviewError('throttled', 'CloudTrail is throttling requests in eu-west-1 (event history allows 2 lookups per second per account and region).', {
		hint: 'Wait a few seconds and try again.',
	});

	it('asks the service to wait out throttling for up to --max-wait, and says so once on stderr', async () => {
		const {service, log} = fakeService(threePages(), {
			beforePage(index) {
				if (index === 1) {
					// What the service does while it waits: tell the caller, each time.
					for (let retry = 1; retry <= 3; retry++) {
						log.options?.throttle?.onWait?.({retry, retryAt: Date.now() + 1000, error: throttled, retryNow() {}});
					}
				}
			},
		});
		const stdout = new CaptureStream();
		const stderr = new CaptureStream();
		const code = await runOutput({format: 'jsonl', limit: 0, maxWaitMs: 90_000, service, stdout, stderr});
		expect(code).toBe(0);
		expect(log.options?.throttle?.maxWaitMs).toBe(90_000);
		expect(stdout.text.trimEnd().split('\n')).toHaveLength(8);
		expect(stderr.text).toBe('trailview: CloudTrail is throttling LookupEvents in eu-west-1; retrying for up to 1m 30s (--max-wait)\n');
	});

	it('waits 5 minutes by default', async () => {
		const {service, log} = fakeService(threePages());
		await run('jsonl', service);
		expect(log.options?.throttle?.maxWaitMs).toBe(300_000);
	});

	it('when the wait is spent: exit 1, the message, and what to do about it', async () => {
		const {service} = fakeService(threePages(), {failBeforePage: 0, error: throttled});
		const stdout = new CaptureStream();
		const stderr = new CaptureStream();
		const code = await runOutput({format: 'json', limit: 0, maxWaitMs: 120_000, service, stdout, stderr});
		expect(code).toBe(1);
		expect(stdout.text).toBe('');
		expect(stderr.text.split('\n')).toEqual([
			`trailview: ${throttled.message}`,
			'  Still throttled after retrying for 2m (--max-wait); try again later, or wait longer with a larger --max-wait.',
			'',
		]);
	});
});

describe('runOutput broken pipe', () => {
	it('exits 0 quietly and stops paging when stdout reports EPIPE through the write callback', async () => {
		const stdout = new CaptureStream({failWith: index => (index >= 1 ? epipe() : undefined)});
		const {service, log} = fakeService(threePages());
		const stderr = new CaptureStream();
		const code = await runOutput({format: 'jsonl', limit: 0, service, stdout, stderr});
		expect(code).toBe(0);
		expect(stderr.text).toBe('');
		expect(log.pagesRequested).toBe(2);
		expect(log.closed).toBe(true);
	});

	it('exits 0 when EPIPE arrives as an error event on a destroyed stream', async () => {
		const stdout = new CaptureStream();
		const {service} = fakeService(threePages(), {
			beforePage(index) {
				if (index === 1) {
					stdout.destroy(epipe());
				}
			},
		});
		const stderr = new CaptureStream();
		const code = await runOutput({format: 'csv', limit: 0, service, stdout, stderr});
		expect(code).toBe(0);
		expect(stderr.text).toBe('');
	});

	it('reports other write failures', async () => {
		const stdout = new CaptureStream({failWith: () => Object.assign(new Error('write ENOSPC'), {code: 'ENOSPC'})});
		const stderr = new CaptureStream();
		const code = await runOutput({format: 'json', limit: 0, service: fakeService(threePages()).service, stdout, stderr});
		expect(code).toBe(1);
		expect(stderr.text).toBe('trailview: write ENOSPC\n');
	});
});
