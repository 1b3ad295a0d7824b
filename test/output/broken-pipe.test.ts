// The real thing: process.stdout piped into `head`, which exits after the first line. Node then
// fails the next write with EPIPE; the run must end at once, silently, with status 0.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const runner = fileURLToPath(new URL('fixtures/pipe-runner.ts', import.meta.url));

describe('--output into a closed pipe', () => {
	it.each(['jsonl', 'csv', 'json'])('%s | head -n 1 exits 0 without a word on stderr', format => {
		const dir = mkdtempSync(path.join(tmpdir(), 'trailview-pipe-'));
		const pagesLog = path.join(dir, 'pages');
		const errLog = path.join(dir, 'stderr');
		try {
			const script = `node --import tsx '${runner}' ${format} '${pagesLog}' 2>'${errLog}' | head -n 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
			const result = spawnSync('bash', ['-c', script], {encoding: 'utf8'});
			expect(result.stdout.trim()).toBe('0');
			expect(readFileSync(errLog, 'utf8')).toBe('');
			// The fake service has 400 pages. Streamed formats stop paging soon after the reader went
			// away; json prints one whole document or nothing, so it reads every page before writing.
			const pages = Number(readFileSync(pagesLog, 'utf8'));
			if (format === 'json') {
				expect(pages).toBe(400);
			} else {
				expect(pages).toBeLessThan(100);
			}
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
