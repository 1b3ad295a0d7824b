// Which of the four things trailview does this run. Ink needs a terminal on both ends: without
// a TTY on stdin it cannot read keys, and without one on stdout its frames would land in a pipe.
import type {CliOptions} from './args.js';
import type {OutputFormat} from './flags.js';

export type Mode =
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'script'; format: OutputFormat; reason: 'output-flag' | 'stdout-not-tty' | 'stdin-not-tty'}
	| {kind: 'interactive'};

export function selectMode(options: Pick<CliOptions, 'help' | 'version' | 'output'> & {follow?: boolean}, tty: {stdin: boolean; stdout: boolean}): Mode {
	if (options.help) {
		return {kind: 'help'};
	}

	if (options.version) {
		return {kind: 'version'};
	}

	// A followed script prints a line per event as it arrives, which a table cannot.
	const format = options.output ?? (options.follow ? 'jsonl' : 'table');
	if (options.output !== undefined) {
		return {kind: 'script', format, reason: 'output-flag'};
	}

	if (!tty.stdout) {
		return {kind: 'script', format, reason: 'stdout-not-tty'};
	}

	if (!tty.stdin) {
		return {kind: 'script', format, reason: 'stdin-not-tty'};
	}

	return {kind: 'interactive'};
}
