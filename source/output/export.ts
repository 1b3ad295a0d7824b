// What `e` writes: exactly the rows the view holds, with the columns and escaping `--output` uses
// (CSV formula cells neutralised, secrets redacted, access key ids masked). The extension of the
// path picks the format.
import type {Summary} from '../domain/summary.js';
import type {TrailEvent} from '../domain/types.js';
import {safeJsonStringify} from '../lib/safe-json.js';
import {csvHeader, eventToCsvRow, eventToJson, eventToJsonLine, eventWithOriginToJson} from './formats.js';
import {groupsToCsv, groupsToJson, groupsToJsonLines} from './groups.js';

export type ExportFormat = 'csv' | 'json' | 'jsonl';

export type ExportView = {kind: 'events'; events: readonly TrailEvent[]; origins: boolean} | {kind: 'summary'; summary: Summary};

/** The format a path asks for by its extension; undefined for any other. */
export function exportFormat(path: string): ExportFormat | undefined {
	const match = /\.(csv|json|jsonl)$/i.exec(path.trim());
	return match ? (match[1]!.toLowerCase() as ExportFormat) : undefined;
}

/** How many rows `view` exports. */
export function exportRows(view: ExportView): number {
	return view.kind === 'events' ? view.events.length : view.summary.groups.length;
}

export function exportText(view: ExportView, format: ExportFormat): string {
	if (view.kind === 'summary') {
		return format === 'csv' ? groupsToCsv(view.summary) : format === 'json' ? groupsToJson(view.summary) : groupsToJsonLines(view.summary);
	}

	const {events, origins} = view;
	switch (format) {
		case 'csv': {
			return `${[csvHeader(origins), ...events.map(event => eventToCsvRow(event, origins))].join('\n')}\n`;
		}

		case 'jsonl': {
			return events.map(event => `${eventToJsonLine(event, origins)}\n`).join('');
		}

		case 'json': {
			return `${safeJsonStringify(events.map(event => (origins ? eventWithOriginToJson(event) : eventToJson(event))), 2)}\n`;
		}
	}
}

/** `trailview-<account>-<region>-<yyyymmdd-hhmm>.csv`, in local time as people read a clock. */
export function defaultExportName(account: string, region: string, now: Date): string {
	const two = (value: number) => String(value).padStart(2, '0');
	const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
	const safePart = (text: string) => text.replaceAll(/[^\w.-]+/g, '_');
	return `trailview-${safePart(account)}-${safePart(region)}-${stamp}.csv`;
}
