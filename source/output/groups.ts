// The summary's groups as text: what `e` exports from the summary view and what `--group-by`
// prints. The same numbers as on screen (domain/summary.ts), the same cell escaping as every
// other export (csvCell: formulas neutralised), times in ISO 8601 UTC.
import {groupFieldLabels, type Group, type Summary} from '../domain/summary.js';
import {safeJsonStringify} from '../lib/safe-json.js';
import {sanitizeLine} from '../lib/sanitize.js';
import {displayWidth, padToWidth} from '../lib/text-width.js';
import {csvCell, type OutputFormat} from './formats.js';

export type GroupJson = {group: string; count: number; share: number; firstSeen: string; lastSeen: string; distinctEvents?: number; distinctPrincipals?: number};

function share(group: Group, total: number): number {
	return total === 0 ? 0 : Math.round((group.count / total) * 1000) / 10;
}

export function groupToJson(group: Group, summary: Pick<Summary, 'field' | 'total'>): GroupJson {
	return {
		group: group.label,
		count: group.count,
		share: share(group, summary.total),
		firstSeen: group.first.toISOString(),
		lastSeen: group.last.toISOString(),
		[distinctName(summary)]: group.distinct,
	};
}

/** The column the distinct count is: events per principal, principals per anything else. */
export function distinctName(summary: Pick<Summary, 'field'>): string {
	return summary.field === 'user' ? 'distinctEvents' : 'distinctPrincipals';
}

export function groupsToCsv(summary: Summary, groups: readonly Group[] = summary.groups): string {
	const header = ['group', 'count', 'share', 'firstSeen', 'lastSeen', distinctName(summary)].map(cell => csvCell(cell)).join(',');
	const rows = groups.map(group => {
		const json = groupToJson(group, summary);
		return [json.group, String(json.count), String(json.share), json.firstSeen, json.lastSeen, String(group.distinct)].map(cell => csvCell(sanitizeLine(cell))).join(',');
	});
	return `${[header, ...rows].join('\n')}\n`;
}

export function groupsToJson(summary: Summary, groups: readonly Group[] = summary.groups): string {
	return `${safeJsonStringify(groups.map(group => groupToJson(group, summary)), 2)}\n`;
}

export function groupsToJsonLines(summary: Summary, groups: readonly Group[] = summary.groups): string {
	return groups.map(group => `${safeJsonStringify(groupToJson(group, summary))}\n`).join('');
}

/** Aligned columns for a terminal: COUNT SHARE FIRST SEEN LAST SEEN DISTINCT and the group. */
export function groupsToTable(summary: Summary, groups: readonly Group[] = summary.groups): string {
	const label = groupFieldLabels[summary.field].toUpperCase();
	const rows = groups.map(group => {
		const json = groupToJson(group, summary);
		return [String(json.count), `${json.share.toFixed(1)}%`, json.firstSeen.slice(0, 19).replace('T', ' '), json.lastSeen.slice(0, 19).replace('T', ' '), String(group.distinct), sanitizeLine(json.group === '' ? '(none)' : json.group)];
	});
	const header = ['COUNT', 'SHARE', 'FIRST SEEN (UTC)', 'LAST SEEN (UTC)', summary.field === 'user' ? 'EVENTS' : 'PRINCIPALS', label];
	const widths = header.map((title, index) => Math.max(displayWidth(title), ...rows.map(row => displayWidth(row[index]!))));
	const line = (cells: string[]) => cells.map((cell, index) => (index === cells.length - 1 ? cell : padToWidth(cell, widths[index]!, index <= 1 || index === 4 ? 'right' : 'left'))).join('  ').trimEnd();
	return `${[line(header), ...rows.map(row => line(row))].join('\n')}\n`;
}

/** The groups in the format --output names, as --group-by prints them. */
export function groupsText(format: OutputFormat, summary: Summary): string {
	return format === 'csv' ? groupsToCsv(summary) : format === 'json' ? groupsToJson(summary) : format === 'jsonl' ? groupsToJsonLines(summary) : groupsToTable(summary);
}
