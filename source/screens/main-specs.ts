// The main screen's keys for each of its states, as command specs (hooks/use-commands.ts): the
// table, the detail, the pivot choices. The screen picks one list per render; the footer hints and
// the `?` help come from the same list.
import type {CommandSpec} from '../hooks/use-commands.js';
import type {Move} from '../lib/table-window.js';
import type {PivotChoice} from '../lib/pivots.js';
import {safe, sanitizeLine} from '../lib/sanitize.js';
import {truncateToWidth} from '../lib/text-width.js';
import {maskKeyIdsIn} from '../domain/mask.js';

type Scroll = (move: Move) => void;

/** y and Y: the selected event's JSON or id to the clipboard. */
export function copySpecs(copy: (what: 'json' | 'id') => void): CommandSpec[] {
	return [
		{commands: ['copyEvent'], hint: safe`copy`, run: () => copy('json')},
		{commands: ['copyEventId'], run: () => copy('id')},
	];
}

/** `reading`: the detail's own keys (find, decoded/raw, wrap; screens/use-detail-keys.ts). */
export function detailSpecs(options: {scroll: Scroll; close(): void; pivot?: (() => void) | undefined; copy(what: 'json' | 'id'): void; reading?: CommandSpec[]}): CommandSpec[] {
	const {scroll} = options;
	return [
		{commands: ['up', 'down'], hint: safe`scroll`, run: command => scroll(command as Move)},
		// Unhinted, as in the table: the footer's room goes to the detail's own keys (? lists these).
		{commands: ['pageUp', 'pageDown', 'home', 'end'], run: command => scroll(command as Move)},
		...(options.reading ?? []),
		...(options.pivot ? [{commands: ['pivot'] as const, hint: safe`pivot`, run: options.pivot}] : []),
		...copySpecs(options.copy),
		{commands: ['back'], hint: safe`close`, run: options.close},
	];
}

/** After `f`: one letter per value this event has, each hinted with the value it would use. */
export function pivotSpecs(choices: readonly PivotChoice[], options: {pick(choice: PivotChoice): void; cancel(): void}): CommandSpec[] {
	return [
		...choices.map(
			(choice): CommandSpec => ({
				commands: [choice.command],
				hint: safe`${sanitizeLine(choice.field)} ${truncateToWidth(sanitizeLine(maskKeyIdsIn(choice.value)), 24)}`,
				run: () => options.pick(choice),
			}),
		),
		{commands: ['back'], hint: safe`cancel`, run: options.cancel},
	];
}

export type TableHandlers = {
	hasRows: boolean;
	focus: 'trails' | 'events';
	/** The trails pane has more lines than fit (only then do its moves do anything). */
	trailsScrolls: boolean;
	move: Scroll;
	scrollTrails: Scroll;
	open(): void;
	toggleFocus(): void;
	refresh(): void;
	/** A throttled page waits: r tries now. */
	waiting: boolean;
	utc: boolean;
	toggleUtc(): void;
	query(): void;
	timeWindow(): void;
	pivot(): void;
	/** Undefined when there is nothing to undo. */
	back: (() => void) | undefined;
	writeOnly: boolean;
	toggleWriteOnly(): void;
	/** Defined while a scan is fetching pages by itself. */
	stopScan: (() => void) | undefined;
	/** Esc while Athena runs (screens/archive-mode.ts). */
	archive?: readonly CommandSpec[];
	/** `a`: Event history or the archive. */
	archiveToggle?: CommandSpec;
	following: boolean;
	toggleFollow(): void;
	allRegions: boolean;
	toggleAllRegions(): void;
	summary(): void;
	investigations(): void;
	plain: boolean;
	togglePlain(): void;
	exportView(): void;
	copy(what: 'json' | 'id'): void;
};

export function tableSpecs(h: TableHandlers): CommandSpec[] {
	const moves: CommandSpec[] =
		h.focus === 'events'
			? h.hasRows
				? [
					{commands: ['up', 'down'], hint: safe`move`, run: command => h.move(command as Move)},
					{commands: ['pageUp', 'pageDown', 'home', 'end'], run: command => h.move(command as Move)},
					{commands: ['select'], hint: safe`details`, run: h.open},
				]
				: []
			: h.trailsScrolls
				? [
					{commands: ['up', 'down'], hint: safe`scroll`, run: command => h.scrollTrails(command as Move)},
					{commands: ['pageUp', 'pageDown', 'home', 'end'], run: command => h.scrollTrails(command as Move)},
				]
				: [];
	return [
		...moves,
		...(h.stopScan ? [{commands: ['stopScan'] as const, hint: safe`stop scan`, run: h.stopScan}] : []),
		...(h.archive ?? []),
		// While a pane waits out throttling, r ends the wait rather than starting over.
		{commands: ['refresh'], hint: h.waiting ? safe`retry now` : safe`refresh`, run: h.refresh},
		{commands: ['query'], hint: safe`query`, run: h.query},
		{commands: ['timeWindow'], hint: safe`time`, run: h.timeWindow},
		...(h.hasRows && h.focus === 'events' ? [{commands: ['pivot'] as const, hint: safe`pivot`, run: h.pivot}] : []),
		...(h.back ? [{commands: ['queryBack'] as const, hint: safe`undo`, run: h.back}] : []),
		{commands: ['toggleWriteOnly'], hint: h.writeOnly ? safe`all events` : safe`writes only`, run: h.toggleWriteOnly},
		{commands: ['summary'], hint: safe`summary`, run: h.summary},
		{commands: ['investigations'], hint: safe`investigate`, run: h.investigations},
		{commands: ['plainLanguage'], hint: h.plain ? safe`columns` : safe`sentences`, run: h.togglePlain},
		{commands: ['exportView'], hint: safe`export`, run: h.exportView},
		...(h.hasRows && h.focus === 'events' ? copySpecs(h.copy) : []),
		{commands: ['follow'], hint: h.following ? safe`stop following` : safe`follow`, run: h.toggleFollow},
		{commands: ['allRegions'], hint: h.allRegions ? safe`one region` : safe`all regions`, run: h.toggleAllRegions},
		...(h.archiveToggle ? [h.archiveToggle] : []),
		{commands: ['focusNext'], hint: h.focus === 'events' ? safe`trails` : safe`events`, run: h.toggleFocus},
		{commands: ['toggleUtc'], hint: h.utc ? safe`local time` : safe`UTC`, run: h.toggleUtc},
	];
}

export type SummaryHandlers = {
	hasGroups: boolean;
	move: Scroll;
	/** Enter: narrow the query to the selected group. */
	narrow(): void;
	step(by: -1 | 1): void;
	cycleOrder(): void;
	close(): void;
	query(): void;
	timeWindow(): void;
	back: (() => void) | undefined;
	refresh(): void;
	exportView(): void;
};

/** The summary view's keys (s): move over groups, Enter narrows, ←/→ regroup, o re-sorts. */
export function summarySpecs(h: SummaryHandlers): CommandSpec[] {
	return [
		...(h.hasGroups
			? [
				{commands: ['up', 'down'] as const, hint: safe`move`, run: (command: string) => h.move(command as Move)},
				{commands: ['pageUp', 'pageDown', 'home', 'end'] as const, run: (command: string) => h.move(command as Move)},
				{commands: ['select'] as const, hint: safe`narrow to group`, run: h.narrow},
			]
			: []),
		{commands: ['groupPrev', 'groupNext'], hint: safe`group by`, run: command => h.step(command === 'groupPrev' ? -1 : 1)},
		{commands: ['sortOrder'], hint: safe`sort`, run: h.cycleOrder},
		{commands: ['exportView'], hint: safe`export`, run: h.exportView},
		{commands: ['summary'], hint: safe`list`, run: h.close},
		{commands: ['back'], run: h.close},
		{commands: ['refresh'], hint: safe`refresh`, run: h.refresh},
		{commands: ['query'], hint: safe`query`, run: h.query},
		{commands: ['timeWindow'], hint: safe`time`, run: h.timeWindow},
		...(h.back ? [{commands: ['queryBack'] as const, hint: safe`undo`, run: h.back}] : []),
	];
}
