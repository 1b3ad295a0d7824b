// The flag table shared by meow (parsing), the validator (what is known) and the help text.
// Every value flag is parsed as a string so validation, not yargs' type coercion, decides what a
// bad value looks like (`--limit abc` must be an error, not NaN).

export {outputFormats, type OutputFormat} from '../output/format-names.js';

export const defaultLimit = 50;

/** How long script output waits out throttling of one request, unless --max-wait says otherwise. */
export const defaultMaxWait = '5m';

export const meowFlags = {
	// Repeatable (--profile a --profile b), and each value may list several (a,b,c).
	profile: {type: 'string', isMultiple: true},
	region: {type: 'string'},
	endpointUrl: {type: 'string'},
	demo: {type: 'boolean'},
	output: {type: 'string'},
	limit: {type: 'string'},
	maxWait: {type: 'string'},
	query: {type: 'string'},
	since: {type: 'string'},
	until: {type: 'string'},
	allEvents: {type: 'boolean'},
	follow: {type: 'boolean'},
	allRegions: {type: 'boolean'},
	groupBy: {type: 'string'},
	archive: {type: 'boolean'},
	athenaTable: {type: 'string'},
	athenaWorkgroup: {type: 'string'},
	athenaOutput: {type: 'string'},
	athenaCreateTable: {type: 'boolean'},
	lake: {type: 'boolean'},
	lakeStore: {type: 'string'},
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean'},
} as const;

/** Spellings accepted on the command line (kebab-case only, as the help shows them). */
export const longFlagNames: ReadonlySet<string> = new Set([
	'profile',
	'region',
	'endpoint-url',
	'demo',
	'output',
	'limit',
	'max-wait',
	'query',
	'since',
	'until',
	'all-events',
	'follow',
	'all-regions',
	'group-by',
	'archive',
	'athena-table',
	'athena-workgroup',
	'athena-output',
	'athena-create-table',
	'lake',
	'lake-store',
	'help',
	'version',
]);

export const shortFlagNames: ReadonlySet<string> = new Set(['h']);

/** Flags that take a value, so the token after them is not itself a flag. */
export const valueFlagNames: ReadonlySet<string> = new Set(['profile', 'region', 'endpoint-url', 'output', 'limit', 'max-wait', 'query', 'since', 'until', 'group-by', 'athena-table', 'athena-workgroup', 'athena-output', 'lake-store']);

export const booleanFlagNames: ReadonlySet<string> = new Set(['demo', 'all-events', 'follow', 'all-regions', 'archive', 'athena-create-table', 'lake', 'help', 'version']);

/** Value flags that may be given more than once. */
export const repeatableFlagNames: ReadonlySet<string> = new Set(['profile']);
