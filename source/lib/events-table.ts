// What the events table shows in each column, and how wide each column may be. Cells are plain
// strings here; renderRow (columns.ts) sanitises, truncates and pads them to display widths.
import type {TrailEvent} from '../domain/types.js';
import {layoutColumns, renderRow, headerCells, type ColumnLayout, type ColumnSpec} from './columns.js';
import {eventOutcome, formatEventTime, mainResource, outcomeLabel, shortEventSource} from './format.js';

/** Below this width the time column drops the year, so username still fits at 40 columns. */
const compactBelow = 64;
const newMarker = '•';

export type EventsTableOptions = {utc: boolean; width: number};

function compact(width: number): boolean {
	return width < compactBelow;
}

/** "2026-11-24 13:05:09", or "11-24 13:05:09" on narrow terminals. */
export function eventTimeCell(date: Date, options: EventsTableOptions): string {
	const text = formatEventTime(date, {utc: options.utc});
	return compact(options.width) && /^\d{4}-/.test(text) ? text.slice(5) : text;
}

export function eventColumnSpecs(options: EventsTableOptions): ColumnSpec[] {
	const timeWidth = compact(options.width) ? 14 : 19;
	// Priorities: lower survives longer. The new-marker and time keep their exact widths.
	return [
		{key: 'new', header: '', min: 1, max: 1, weight: 0, priority: 0},
		{key: 'time', header: options.utc ? 'Time (UTC)' : 'Time (local)', min: timeWidth, max: timeWidth, weight: 0, priority: 0},
		{key: 'name', header: 'Event', min: 12, max: 40, weight: 3, priority: 1},
		{key: 'user', header: 'User', min: 8, max: 32, weight: 2, priority: 2},
		{key: 'source', header: 'Source', min: 6, max: 20, weight: 1, priority: 3},
		{key: 'error', header: 'Error', min: 8, max: 28, weight: 1, priority: 4},
		{key: 'resource', header: 'Resource', min: 10, weight: 3, priority: 5},
		{key: 'ip', header: 'Source IP', min: 9, max: 39, weight: 1, priority: 6},
	];
}

export function eventsLayout(options: EventsTableOptions): ColumnLayout {
	return layoutColumns(eventColumnSpecs(options), options.width);
}

export function eventCells(event: TrailEvent, options: EventsTableOptions & {isNew: boolean}): Record<string, string> {
	return {
		new: options.isNew ? newMarker : '',
		time: eventTimeCell(event.time, options),
		name: event.name,
		user: event.username ?? '',
		source: shortEventSource(event.source),
		error: outcomeLabel(eventOutcome(event)),
		resource: mainResource(event),
		ip: event.sourceIp ?? '',
	};
}

/** One table line of exactly the layout's width; every value is sanitised on the way. */
export function eventRowText(event: TrailEvent, layout: ColumnLayout, options: EventsTableOptions & {isNew: boolean}): string {
	return renderRow(eventCells(event, options), layout);
}

export function eventsHeaderText(layout: ColumnLayout, options: EventsTableOptions): string {
	return renderRow(headerCells(eventColumnSpecs(options)), layout);
}

export function isFailedEvent(event: TrailEvent): boolean {
	return eventOutcome(event).kind !== 'success';
}
