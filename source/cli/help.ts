// Usage and help text. The key list is built from the keymap so --help never drifts from what
// the UI actually does.
import {keymap, type KeyBinding} from '../keymap.js';
import {defaultLimit, defaultMaxWait, outputFormats} from './flags.js';

const usageLines = [
	'Usage: trailview [--profile NAME] [--region NAME] [--endpoint-url URL] [--demo]',
	`                 [--output ${outputFormats.join('|')}] [--limit N]`,
	'                 [--max-wait DURATION] [--query Q] [--since TIME] [--until TIME]',
	'                 [--all-events] [--follow] [--all-regions] [--group-by FIELD]',
	'                 [--archive] [--athena-table DB.TABLE] [--athena-workgroup NAME]',
	'                 [--athena-output S3URI] [--athena-create-table]',
	'                 [--lake] [--lake-store ID|ARN|NAME]',
];

export const usageText = [...usageLines, 'Run "trailview --help" for details.'].join('\n');

function table(rows: Array<[string, string]>, indent = 2): string[] {
	const width = Math.max(...rows.map(([left]) => left.length)) + 2;
	return rows.map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}${right}`);
}

/**
 * Where a key works. In the pickers and on the query line every printable key is text, and after
 * `f` the letters pick what to pivot to, so each of those places lists its keys on its own.
 */
export type KeyPlace = 'main' | 'detail' | 'picker' | 'line' | 'pivot' | 'prompt';

const places: Record<string, KeyPlace> = {
	filterType: 'picker',
	filterBackspace: 'picker',
	filterClear: 'picker',
	pickerUp: 'picker',
	pickerDown: 'picker',
	pickerFirst: 'picker',
	pickerLast: 'picker',
	pick: 'picker',
	markProfile: 'picker',
	confirmYes: 'prompt',
	confirmNo: 'prompt',
	codeDigit: 'prompt',
	find: 'detail',
	submitFind: 'detail',
	findNext: 'detail',
	findPrevious: 'detail',
	toggleRaw: 'detail',
	toggleWrap: 'detail',
	scrollLeft: 'detail',
	scrollRight: 'detail',
	pivotUser: 'pivot',
	pivotKey: 'pivot',
	pivotResource: 'pivot',
	pivotIp: 'pivot',
	pivotEvent: 'pivot',
	pivotError: 'pivot',
	lineType: 'line',
	lineBackspace: 'line',
	lineLeft: 'line',
	lineRight: 'line',
	lineStart: 'line',
	lineEnd: 'line',
	lineDeleteWord: 'line',
	lineDeleteToStart: 'line',
	lineDeleteToEnd: 'line',
	historyPrev: 'line',
	historyNext: 'line',
	complete: 'line',
	submitLine: 'line',
	cancelLine: 'line',
};

export function placeOf(action: string): KeyPlace {
	return places[action] ?? 'main';
}

/** One row per key label; bindings that share a key (Esc: back / stop a scan) are merged. */
export function keyBindingRows(bindings: Record<string, KeyBinding> = keymap, where: KeyPlace | 'all' = 'all'): Array<[string, string]> {
	const rows = new Map<string, string[]>();
	for (const [action, binding] of Object.entries(bindings)) {
		if (where !== 'all' && placeOf(action) !== where) {
			continue;
		}

		const descriptions = rows.get(binding.label) ?? [];
		if (!descriptions.includes(binding.description)) {
			descriptions.push(binding.description);
		}

		rows.set(binding.label, descriptions);
	}

	return [...rows].map(([label, descriptions]) => [label, descriptions.join('; ')]);
}

export function helpText(version: string): string {
	return [
		`trailview ${version} — an interactive terminal UI for AWS CloudTrail: trails, logging status`,
		'and write events. It only reads (ListTrails, GetTrailStatus, LookupEvents, GetCallerIdentity;',
		'with --archive Glue\'s catalog and Athena queries), so it is safe to point at production. The',
		'one exception, creating an Athena table over the trail\'s logs, needs --athena-create-table.',
		'',
		...usageLines,
		'',
		'Options',
		...table([
			['--profile NAME', 'AWS profile to use; skips the profile picker. Several (a,b,c, or the flag'],
			['', 'repeated): one timeline from all their accounts, each row naming its account'],
			['--region NAME', 'AWS region, e.g. eu-west-1; skips the region picker'],
			['--endpoint-url URL', 'Send CloudTrail and STS requests to URL (e.g. a local emulator)'],
			['--demo', 'Explore sample data from the built-in local emulator; no AWS account needed'],
			['--output FORMAT', `Print the events as ${outputFormats.join(', ')} and exit instead of starting the UI`],
			['--limit N', `How many matching events --output prints, a whole number >= 0 (default ${defaultLimit}; 0: all)`],
			['--max-wait DURATION', `How long --output waits out CloudTrail throttling, e.g. 90s, 5m (default ${defaultMaxWait})`],
			['--query Q', 'Only events matching the query, e.g. \'user:alice -event:Get* error:any\''],
			['--since TIME', 'Events from TIME on: 15m, 2h, 7d back from now, or a date 2026-01-31[T09:30]'],
			['--until TIME', 'Events up to TIME (same forms; default now). Not with since:/until: in --query'],
			['--all-events', 'Read-only events too (by default only write events)'],
			['--group-by FIELD', 'Print groups with counts, share, first and last seen instead of events: user, event, source, ip, error, region or account (all matches unless --limit)'],
			['--follow', 'Keep running and print matching events as they arrive (jsonl or csv; Ctrl+C'],
			['', 'ends it with status 0). With --since, that window\'s events first, oldest first'],
			['--all-regions', 'Every region enabled for the account, merged newest first (not with --region)'],
			['--archive', 'Query the trail\'s S3 archive in Amazon Athena, not Event history: older than'],
			['', '90 days, every region and (organization trail) account, data events. Athena'],
			['', 'bills $5 per TB scanned; reads the last 7 days unless --since says otherwise'],
			['--athena-table DB.TABLE', 'The Athena table to read (default: the one found over the trail\'s logs)'],
			['--athena-workgroup NAME', 'The Athena workgroup queries run in (default primary)'],
			['--athena-output S3URI', 'Where Athena writes results, for workgroups without a result location'],
			['--athena-create-table', 'Where no table exists, create it, then query: CREATE EXTERNAL TABLE, the'],
			['', 'one write trailview makes (a table definition in the Glue Data Catalog)'],
			['--lake', 'Query a CloudTrail Lake event data store, not Event history: its retention,'],
			['', 'every region (and organization account) it collects. Lake bills $0.005 per GB'],
			['', 'scanned; reads the last 7 days unless --since says otherwise'],
			['--lake-store ID|ARN|NAME', 'The event data store to read (default: an enabled one of CloudTrail events,'],
			['', 'an organization\'s first, then one of every region)'],
			['-h, --help', 'Show this help'],
			['--version', 'Show the version'],
		]),
		'',
		'Script mode',
		'  With --output, or when stdin or stdout is not a terminal, trailview prints events and exits',
		'  (format table unless --output says otherwise). Nothing is asked: the profile and region come',
		'  from flags, the environment, or the profile\'s region in the config file.',
		'  With --archive, stderr shows the Athena query\'s state, time, data scanned and cost (at a',
		'  terminal about every second; otherwise only the last line), and Ctrl+C stops the query',
		'  (StopQueryExecution). Where no table exists, the CREATE EXTERNAL TABLE statement goes to',
		'  stderr and trailview exits 2: re-run with --athena-create-table, or with --athena-table.',
		'  With --lake, the same on stderr for the Lake query (Ctrl+C cancels it: CancelQuery).',
		'',
		'Environment (as in the AWS CLI; a flag beats its variable)',
		...table([
			['AWS_PROFILE', 'Profile when --profile is not given'],
			['AWS_REGION', 'Region when --region is not given'],
			['AWS_DEFAULT_REGION', 'Region when neither --region nor AWS_REGION is set'],
			['AWS_CONFIG_FILE', 'Shared config file (default ~/.aws/config)'],
			['AWS_SHARED_CREDENTIALS_FILE', 'Shared credentials file (default ~/.aws/credentials)'],
			['AWS_ENDPOINT_URL_CLOUDTRAIL', 'CloudTrail endpoint when --endpoint-url is not given'],
			['AWS_ENDPOINT_URL', 'Endpoint when neither --endpoint-url nor AWS_ENDPOINT_URL_CLOUDTRAIL is set'],
			['TRAILVIEW_LOG', 'On exit, write captured warnings and console output to this file'],
			['TRAILVIEW_DEBUG', 'Set to 1 to print the stack trace of an unexpected error'],
		]),
		'',
		'Keys on the main screen',
		...table(keyBindingRows(keymap, 'main')),
		'',
		'Keys in the event detail (Enter on an event; the main screen\'s moves scroll it)',
		...table(keyBindingRows(keymap, 'detail')),
		'',
		'Keys after f (pivot to a value of the selected event)',
		...table(keyBindingRows(keymap, 'pivot')),
		'',
		'Keys on the query line (/) and the detail\'s find line (/)',
		...table(keyBindingRows(keymap, 'line')),
		'',
		'Keys in the profile and region pickers',
		...table(keyBindingRows(keymap, 'picker')),
		'',
		'Keys in the MFA prompt and when asked yes or no',
		...table(keyBindingRows(keymap, 'prompt')),
		'',
		'Exit status: 0 success, 1 error (credentials, network, AWS), 2 bad command line (with',
		'--archive also: no table yet, or a table, workgroup or output location Athena does not have;',
		'with --lake, no event data store to read),',
		'130 / 143 interrupted (SIGINT / SIGTERM). With --output json or table stdout holds the whole',
		'result or nothing; jsonl and csv keep only the complete lines printed before a failure.',
	].join('\n');
}
