// The footer's status line on the main screen: how the query runs and how far it got, or, while
// the query line is open, why a query was refused and what Tab offers.
import type {StatusPart} from '../components/footer.js';
import {describePlan} from '../domain/query/plan.js';
import type {QueryPlan} from '../domain/query/types.js';
import type {EventsState} from '../lib/events-state.js';
import {eventsSummary, scanSummary} from '../lib/events-view.js';
import {formatRelative} from '../lib/format.js';
import {joinSafe, safe, sanitizeLine} from '../lib/sanitize.js';
import type {QueryLine} from '../hooks/use-query-line.js';
import type {ExportPrompt} from '../hooks/use-export.js';
import type {LiveEvents} from '../hooks/use-live-events.js';
import {liveStatus} from './live-status.js';
import {maskKeyIdsIn} from '../domain/mask.js';

/** Whether the plan is anything but the default (write events, 90 days, nothing local). */
function isDefaultPlan(plan: QueryPlan): boolean {
	return !plan.filtersLocally && plan.attribute?.key === 'ReadOnly';
}

export function eventsStatus(options: {events: EventsState; plan: QueryPlan; trailsFailed: boolean; utc: boolean; now: Date; archive?: boolean}): StatusPart[] {
	const {events, plan} = options;
	const status: StatusPart[] = [];
	// The archive sends the whole query as SQL: there is no API attribute to name.
	if (!isDefaultPlan(plan) && !options.archive) {
		// "API Username=alice · local: error:any -event:Get*": which term the service filters on.
		status.push({text: sanitizeLine(maskKeyIdsIn(describePlan(plan))), color: 'cyan'});
	}

	status.push({text: plan.filtersLocally && events.loaded ? scanSummary(events) : eventsSummary(events)});
	if (events.loadedAt) {
		status.push({text: safe`loaded ${formatRelative(events.loadedAt, options.now)}`});
	}

	status.push({text: options.utc ? safe`times in UTC` : safe`local time`});
	if (events.error) {
		status.push({text: safe`✗ ${sanitizeLine(events.error.message)}`, color: 'red'});
	}

	if (options.trailsFailed) {
		status.push({text: safe`✗ trails unavailable`, color: 'red'});
	}

	return status;
}

/** `problems`: lines of the named queries file that could not be read, shown while the line is open. */
export function queryLineStatus(line: QueryLine, plan: QueryPlan, problems: readonly string[] = []): StatusPart[] {
	if (line.error) {
		return [{text: safe`✗ ${sanitizeLine(line.error.message)}`, color: 'red'}];
	}

	if (line.offered.length > 0) {
		return [{text: safe`Tab: ${joinSafe(line.offered.slice(0, 12).map(value => sanitizeLine(value)), safe`  `)}`}];
	}

	if (problems.length > 0) {
		const more = problems.length > 1 ? safe` (and ${problems.length - 1} more)` : safe``;
		return [{text: safe`⚠ named queries: ${sanitizeLine(problems[0]!)}${more}`, color: 'yellow'}];
	}

	return [{text: safe`Now running: ${sanitizeLine(maskKeyIdsIn(describePlan(plan)))}`, color: 'cyan'}];
}

/** While `e` asks for a path: what it would write, or why it did not. */
export function exportStatus(exporting: ExportPrompt, summary: boolean): StatusPart[] {
	if (exporting.stage === 'confirm' && exporting.message) {
		return [{text: safe`⚠ ${sanitizeLine(exporting.message.text)}`, color: 'yellow'}];
	}

	if (exporting.message) {
		return [{text: safe`✗ ${sanitizeLine(exporting.message.text)}`, color: 'red'}];
	}

	const {rows, format} = exporting.preview;
	const what = summary ? safe`${rows} ${rows === 1 ? safe`group` : safe`groups`}` : safe`${rows} ${rows === 1 ? safe`event` : safe`events`}`;
	return [{text: format ? safe`Exports ${what} as ${sanitizeLine(format)}` : safe`Exports ${what}: end the name in .csv, .json or .jsonl`, color: 'cyan'}];
}

export type MainStatusInput = {
	line: QueryLine;
	exporting: ExportPrompt;
	summaryOpen: boolean;
	pivoting: boolean;
	detailOpen: boolean;
	/** One-line answers to the last key (F refused, a copy, an export), shown first. */
	notices: ReadonlyArray<StatusPart | undefined>;
	events: EventsState;
	live: LiveEvents;
	plan: QueryPlan;
	problems: readonly string[];
	trailsFailed: boolean;
	utc: boolean;
	now: Date;
	/** While the archive is on: Athena's part (screens/archive-mode.ts), in place of the API plan. */
	archive?: {parts: StatusPart[]; replaces: boolean} | undefined;
};

/** The main screen's status line for what is open now. */
export function mainStatus(input: MainStatusInput): StatusPart[] {
	const notices = input.notices.filter((part): part is StatusPart => part !== undefined);
	if (input.line.isOpen) {
		return queryLineStatus(input.line, input.plan, input.problems);
	}

	if (input.exporting.stage !== 'closed') {
		return exportStatus(input.exporting, input.summaryOpen);
	}

	if (input.pivoting) {
		return [{text: safe`Pivot: narrow the query to this event's…`}];
	}

	if (input.detailOpen) {
		return [...notices, {text: safe`event ${input.events.cursor + 1} of ${input.events.events.length}`}, {text: input.utc ? safe`times in UTC` : safe`local time`}];
	}

	return [
		...notices,
		...liveStatus(input.live, input.events),
		...(input.archive?.parts ?? []),
		...(input.archive?.replaces ? [] : eventsStatus({events: input.events, plan: input.plan, trailsFailed: input.trailsFailed, utc: input.utc, now: input.now, archive: input.archive !== undefined})),
	];
}
