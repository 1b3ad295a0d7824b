// Every column an event can be shown with, in one catalogue: the events table on screen, the
// script table and CSV pick from it (presets below), so a new column (an account, a region, a
// grouping key) is added here once and every output can offer it.
import {eventOutcome, formatEventTime, mainResource, outcomeLabel, shortEventSource} from '../lib/format.js';
import {plainSentence} from './plain-language.js';
import {maskKeyId} from './redact.js';
import type {TrailEvent} from './types.js';

export type CellOptions = {
	utc: boolean;
	/** "11-24 13:05:09": the time without its year, for narrow terminals. */
	shortTime?: boolean;
	/** The event arrived with the last refresh (the screen marks it). */
	isNew?: boolean;
};

export type EventColumn = {
	id: ColumnId;
	/** Header of a table column (the script table upper-cases it). */
	header(options: CellOptions): string;
	/** Name in CSV headers, the same as the key in JSON output. */
	field: string;
	/** Lower = more important: grows first and is dropped last when a table is too narrow. */
	priority: number;
	/** Narrowest useful width in a table; absent: never truncated. */
	min?: number;
	/** Width worth dropping less important columns for (see lib/columns.ts). */
	ideal?: number;
	/** Width to grow to before less important columns grow past their ideal (see lib/columns.ts). */
	cap?: number;
	/** The column's width whatever the data (the new-event marker). */
	width?: number;
	/** Table cell text, unsanitised (rendering sanitises). Must not depend on the time zone's width. */
	cell(event: TrailEvent, options: CellOptions): string;
	/** The whole value, for CSV; unsanitised. */
	value(event: TrailEvent): string;
};

const newMarker = '•';

function isoTime(date: Date): string {
	return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function tableTime(date: Date, options: CellOptions): string {
	const text = formatEventTime(date, {utc: options.utc});
	return options.shortTime && /^\d{4}-/.test(text) ? text.slice(5) : text;
}

const orEmpty = (value: string | undefined) => value ?? '';

type ColumnDefinition = Omit<EventColumn, 'id' | 'header' | 'value'> & {
	header: string | EventColumn['header'];
	/** Defaults to the cell text in UTC. */
	value?: EventColumn['value'];
};

const definitions = {
	new: {header: '', field: 'new', priority: 0, width: 1, cell: (_event, options) => (options.isNew ? newMarker : '')},
	time: {
		header: options => (options.utc ? 'Time (UTC)' : 'Time (local)'),
		field: 'time',
		priority: 0,
		cell: (event, options) => tableTime(event.time, options),
		value: event => isoTime(event.time),
	},
	// Most API names fit in 30 columns (AuthorizeSecurityGroupIngress is 29); the odd longer one
	// (UpdateFunctionConfiguration20150331v2) grows past that only once the columns after it have
	// their ideal widths, so one long name cannot squeeze the source IP to a stub.
	name: {header: 'Event', field: 'name', priority: 1, min: 12, ideal: 30, cap: 30, cell: event => event.name},
	user: {header: 'User', field: 'username', priority: 2, min: 8, ideal: 12, cap: 24, cell: event => orEmpty(event.username)},
	source: {
		header: 'Source',
		field: 'source',
		priority: 3,
		min: 6,
		cell: event => shortEventSource(event.source),
		value: event => event.source,
	},
	error: {
		header: 'Error',
		field: 'errorCode',
		priority: 4,
		min: 8,
		cap: 16,
		cell: event => outcomeLabel(eventOutcome(event)),
		value: event => orEmpty(event.errorCode),
	},
	resource: {
		header: 'Resource',
		field: 'resources',
		priority: 5,
		min: 8,
		cap: 32,
		cell: mainResource,
		value: event =>
			event.resources
				.map(resource => resource.name)
				.filter((name): name is string => name !== undefined && name !== '')
				.join('; '),
	},
	// An IPv4 address in full (15); IPv6 grows later, with what is left.
	ip: {header: 'Source IP', field: 'sourceIp', priority: 6, min: 9, ideal: 15, cell: event => orEmpty(event.sourceIp)},
	// The record's region; a merged view's source region where the record has none (they agree).
	region: {header: 'Region', field: 'region', priority: 7, min: 9, cell: event => orEmpty(event.region ?? event.origin?.region)},
	// Where a merged view read the row (issue 13): the profile name where known, else the id.
	account: {header: 'Account', field: 'account', priority: 5, min: 7, cap: 24, cell: event => orEmpty(event.origin?.accountLabel)},
	accountId: {header: 'Account ID', field: 'accountId', priority: 8, min: 12, cell: event => orEmpty(event.origin?.account)},
	id: {header: 'Event ID', field: 'id', priority: 8, min: 8, cell: event => event.id},
	accessKey: {header: 'Access key', field: 'accessKeyId', priority: 8, min: 9, cell: event => orEmpty(maskKeyId(event.accessKeyId))},
	userAgent: {header: 'User agent', field: 'userAgent', priority: 9, min: 10, cap: 40, cell: event => orEmpty(event.userAgent)},
	errorMessage: {
		header: 'Error message',
		field: 'errorMessage',
		priority: 9,
		min: 10,
		cap: 48,
		cell: event => orEmpty(event.errorMessage),
	},
	// One sentence from the record (domain/plain-language.ts); in no preset, a column to turn on.
	summary: {header: 'What happened', field: 'summary', priority: 9, min: 20, cell: event => plainSentence(event)},
} satisfies Record<string, ColumnDefinition>;

export type ColumnId = keyof typeof definitions;

const catalogue = new Map<ColumnId, EventColumn>(
	Object.entries(definitions).map(([id, definition]: [string, ColumnDefinition]) => {
		const {header} = definition;
		const column: EventColumn = {
			...definition,
			id: id as ColumnId,
			header: typeof header === 'string' ? () => header : header,
			value: definition.value ?? (event => definition.cell(event, {utc: true})),
		};
		return [id as ColumnId, column];
	}),
);

export function eventColumn(id: ColumnId): EventColumn {
	return catalogue.get(id)!;
}

export type TablePreset = {
	columns: readonly ColumnId[];
	/** Spaces between columns. */
	gap: number;
	/** How the preset writes the catalogue's headers. */
	header?: (text: string) => string;
};

/** The events table on screen: one line per event, the least important columns dropped first. */
export const screenTable: TablePreset = {columns: ['new', 'time', 'name', 'user', 'source', 'error', 'resource', 'ip'], gap: 1};

/** The screen's table when several accounts (A: account column) or regions are open, after the time. */
export const screenTableWithAccount: TablePreset = {...screenTable, columns: ['new', 'time', 'account', 'name', 'user', 'source', 'error', 'resource', 'ip']};
export const screenTableWithRegion: TablePreset = {...screenTable, columns: ['new', 'time', 'region', 'name', 'user', 'source', 'error', 'resource', 'ip']};
export const screenTableWithOrigin: TablePreset = {...screenTable, columns: ['new', 'time', 'account', 'region', 'name', 'user', 'source', 'error', 'resource', 'ip']};

/** `l`: each row as one plain-language sentence (who did what to what), after its time and origin. */
const plainPresets = new Map<string, TablePreset>();
function plainPreset(origin: {accounts: boolean; regions: boolean}): TablePreset {
	const key = `${origin.accounts}/${origin.regions}`;
	let preset = plainPresets.get(key);
	if (!preset) {
		const columns: ColumnId[] = ['new', 'time', ...(origin.accounts ? ['account' as const] : []), ...(origin.regions ? ['region' as const] : []), 'summary', 'error'];
		preset = {...screenTable, columns};
		plainPresets.set(key, preset);
	}

	return preset;
}

/** The screen preset for what is open: one fixed object per combination, so measures are reused. */
export function screenPreset(origin: {accounts: boolean; regions: boolean}, plain = false): TablePreset {
	if (plain) {
		return plainPreset(origin);
	}

	if (origin.accounts) {
		return origin.regions ? screenTableWithOrigin : screenTableWithAccount;
	}

	return origin.regions ? screenTableWithRegion : screenTable;
}

/** `--output table`: the columns of `aws ... --output table` readers expect, headers in capitals. */
export const scriptTable: TablePreset = {
	columns: ['time', 'name', 'user', 'source', 'resource', 'error'],
	gap: 2,
	header: text => text.toUpperCase(),
};

/** `--output table` when several accounts or regions are open: where each row was read comes first. */
export const scriptTableWithOrigin: TablePreset = {...scriptTable, columns: ['time', 'account', 'region', 'name', 'user', 'source', 'resource', 'error']};

/** `--output csv`, in this order; every field is also a key of the JSON output. */
export const csvPreset: readonly ColumnId[] = [
	'time',
	'id',
	'name',
	'source',
	'user',
	'accessKey',
	'region',
	'ip',
	'userAgent',
	'resource',
	'error',
	'errorMessage',
];

/** `--output csv` when several accounts or regions are open: the account label and id before the region. */
export const csvPresetWithOrigin: readonly ColumnId[] = csvPreset.flatMap((id): ColumnId[] => (id === 'region' ? ['account', 'accountId', 'region'] : [id]));
