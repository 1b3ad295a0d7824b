// Pure decisions for the CLI wiring: which mode to run in and whether the --output/--limit flags
// make sense. Kept here so the rules are unit-tested rather than buried in cli.tsx.
import {sanitizeLine} from '../lib/sanitize.js';
import {type OutputFormat, outputFormats} from './formats.js';

export const defaultLimit = 50;

export type RunMode =
	| {kind: 'ui'}
	| {kind: 'output'; format: OutputFormat}
	| {kind: 'error'; message: string};

export function isOutputFormat(value: string): value is OutputFormat {
	return (outputFormats as readonly string[]).includes(value);
}

/**
 * `--output` wins; without it the interactive UI runs only with a TTY on both stdin and stdout
 * (Ink needs raw-mode input and a screen to draw on), and anything else prints a table.
 */
export function chooseRunMode(options: {output: string | undefined; stdinIsTTY: boolean; stdoutIsTTY: boolean}): RunMode {
	if (options.output !== undefined) {
		return isOutputFormat(options.output)
			? {kind: 'output', format: options.output}
			: {kind: 'error', message: `--output must be one of ${outputFormats.join(', ')} (got "${sanitizeLine(options.output)}")`};
	}

	return options.stdinIsTTY && options.stdoutIsTTY ? {kind: 'ui'} : {kind: 'output', format: 'table'};
}

/** `--limit`: absent means 50, 0 means everything; anything but a whole number >= 0 is refused. */
export function parseLimit(value: unknown): {ok: true; limit: number} | {ok: false; message: string} {
	if (value === undefined) {
		return {ok: true, limit: defaultLimit};
	}

	const limit = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
	return Number.isSafeInteger(limit) && limit >= 0
		? {ok: true, limit}
		: {ok: false, message: `--limit must be a whole number of events, 0 for all (got "${sanitizeLine(String(value))}")`};
}
