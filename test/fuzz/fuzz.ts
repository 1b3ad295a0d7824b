// Runs a fast-check property with a fresh random seed, or FUZZ_SEED (and FUZZ_PATH) to replay one.
// FUZZ_SCALE multiplies the number of runs.
// A failure's message is what broke, the command that replays it, then fast-check's own report
// (seed, path, shrunk counterexample), cut short so a 100 KB counterexample cannot bury the seed.
import path from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {expect} from 'vitest';
import fastStringWidth from '../../source/lib/fast-string-width.js';
import {sanitizeMultiline} from '../../source/lib/sanitize.js';

const maxReport = 6000;

function replaySettings(): {seed?: number; path?: string} {
	const seed = process.env['FUZZ_SEED'];
	const replayPath = process.env['FUZZ_PATH'];
	if (seed === undefined || seed === '') {
		return {};
	}

	const parsed = Number(seed);
	if (!Number.isSafeInteger(parsed)) {
		throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(seed)}`);
	}

	return {seed: parsed, ...(replayPath ? {path: replayPath} : {})};
}

function failure<T>(details: fc.RunDetails<T>, report: string | undefined): Error {
	const replay = `FUZZ_SEED=${details.seed}${details.counterexamplePath ? ` FUZZ_PATH=${details.counterexamplePath}` : ''}`;
	const {testPath, currentTestName} = expect.getState();
	// -t takes a pattern: the test's name with regex characters escaped, quoted for a POSIX shell.
	const pattern = currentTestName?.split(' > ').at(-1)?.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`).replaceAll("'", String.raw`'\''`);
	const command = `npx vitest run ${testPath ? path.relative(process.cwd(), testPath) : 'test/fuzz'}${pattern ? ` -t '${pattern}'` : ''}`;
	const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
	const text = report ?? `property failed (seed ${details.seed})`;
	const shown = text.length > maxReport ? `${text.slice(0, maxReport)}\n… (${text.length - maxReport} more characters)` : text;
	// Counterexamples are hostile text: escaped, so the report cannot drive the terminal showing it.
	const error = new Error(sanitizeMultiline(`${cause.slice(0, maxReport)}\nReplay with: ${replay} ${command}\n${shown}`));
	if (details.errorInstance instanceof Error && details.errorInstance.stack) {
		error.stack = `${error.message}\nCaused by: ${sanitizeMultiline(details.errorInstance.stack)}`;
	}

	return error;
}

/** FUZZ_SCALE=10 runs every property ten times as long, for a deeper search than `npm test` has time for. */
function runs(numRuns: number): number {
	const scale = Number(process.env['FUZZ_SCALE'] ?? 1);
	return Number.isFinite(scale) && scale > 0 ? Math.ceil(numRuns * scale) : numRuns;
}

/** Checks `property` over `numRuns` generated cases; throws with the replay seed when one fails. */
export function fuzz<T>(property: fc.IProperty<T>, numRuns: number): void {
	const details = fc.check(property, {numRuns: runs(numRuns), ...replaySettings()});
	if (details.failed) {
		throw failure(details, fc.defaultReportMessage(details));
	}
}

/** The same for async properties (the script output runs through streams). */
export async function fuzzAsync<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
	const details = await fc.check(property, {numRuns: runs(numRuns), ...replaySettings()});
	if (details.failed) {
		throw failure(details, await fc.asyncDefaultReportMessage(details));
	}
}

/** Terminal-unsafe code points: C0 (newline and tab included), DEL, C1, bidi controls, line/paragraph separators. */
export const controlCode = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/u;

/** With the `u` flag a pair is one astral code point, so only a lone half falls in this range. */
const loneSurrogate = /[\uD800-\uDFFF]/u;

/** The first thing in `text` a terminal could act on, or undefined; lone surrogates count. */
export function unsafeIn(text: string, allowNewline = false): string | undefined {
	const scan = allowNewline ? text.replaceAll('\n', '') : text;
	const control = controlCode.exec(scan);
	if (control) {
		return `U+${control[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${control.index}`;
	}

	const surrogate = loneSurrogate.exec(scan);
	return surrogate ? `lone surrogate U+${surrogate[0].charCodeAt(0).toString(16)} at ${surrogate.index}` : undefined;
}

/**
 * A line's width in terminal columns, by string-width. Past 2,000 characters (an unbounded script
 * table row holding a 100 KB field) string-width takes seconds, so the app's piecewise measure is
 * used there; test/lib/fast-string-width.test.ts holds it to string-width's answers.
 */
export function columns(text: string): number {
	return text.length <= 2000 ? stringWidth(text) : fastStringWidth(text);
}
