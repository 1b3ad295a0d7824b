// `since:`/`until:` in a query and the --since/--until flags: one reading of durations and dates,
// so the UI and scripts ask the service for the same window. lib/duration.ts stays as it is: it
// reads --max-wait, whose units (ms, bare seconds) would be wrong here.
import type {Query, TimeBound, TimeWindow} from './types.js';

/** CloudTrail's event history keeps 90 days, so that is what "everything" means by default. */
export const defaultWindowMs = 90 * 86_400_000;

const unitMs: Record<string, number> = {s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000};

/** The furthest a Date reaches (ECMAScript's ±100,000,000 days), so `now - ms` is always a valid Date. */
const maxDateMs = 8.64e15;

const isoDate =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

export const timeHelp = 'use a duration back from now (15m, 2h, 7d, 1w) or an ISO 8601 date (2026-11-01) or date-time (2026-11-01T09:30, UTC unless it ends in Z or an offset like +02:00)';

/** A duration (`15m`, `1h30m`) or an ISO 8601 date or date-time; a message saying why not otherwise. */
export function readTimeBound(text: string): {ok: true; bound: TimeBound} | {ok: false; message: string} {
	const source = text.trim();
	const ago = readDuration(source);
	if (ago !== undefined) {
		return Number.isFinite(ago) && ago <= maxDateMs
			? {ok: true, bound: {kind: 'ago', ms: ago, source}}
			: {ok: false, message: `${JSON.stringify(source)} is too far back`};
	}

	const at = readDate(source);
	if (at !== undefined) {
		return Number.isNaN(at.getTime()) ? {ok: false, message: `${JSON.stringify(source)} is not a real date or time`} : {ok: true, bound: {kind: 'at', at, source}};
	}

	return {ok: false, message: `${JSON.stringify(source)} is not a time: ${timeHelp}`};
}

/** The bound `text` gives, or undefined when it gives none (for --since/--until; readTimeBound says why). */
export function parseTimeBound(text: string): TimeBound | undefined {
	const read = readTimeBound(text);
	return read.ok ? read.bound : undefined;
}

/** The moment a bound stands for, `now` being when the query starts. */
export function resolveBound(bound: TimeBound, now: Date): Date {
	return new Date(bound.kind === 'at' ? bound.at.getTime() : now.getTime() - bound.ms);
}

/**
 * The absolute window to ask for: since (default 90 days back) to until (default now). Made once
 * when a query starts so every page's request is identical; nothing is clamped, so a since older
 * than the service keeps is sent as typed.
 */
export function resolveWindow(query: Pick<Query, 'since' | 'until'>, now: Date): TimeWindow {
	return {
		start: query.since === undefined ? new Date(now.getTime() - defaultWindowMs) : resolveBound(query.since, now),
		end: query.until === undefined ? new Date(now.getTime()) : resolveBound(query.until, now),
	};
}

/**
 * Whether `since` is certainly not before `until`: both absolute, or both relative (which compare
 * the same whatever `now` is). A mix depends on when the query runs, so it is never refused.
 */
export function boundsInverted(since: TimeBound, until: TimeBound): boolean {
	if (since.kind === 'at' && until.kind === 'at') {
		return since.at.getTime() >= until.at.getTime();
	}

	return since.kind === 'ago' && until.kind === 'ago' && since.ms <= until.ms;
}

/** Milliseconds for `15m`, `2h`, `7d`, `1w`, or a run of them (`1h30m`); Infinity past safe integers. */
function readDuration(text: string): number | undefined {
	if (!/^(?:\d+[smhdw])+$/.test(text)) {
		return undefined;
	}

	let total = 0;
	for (const [, count, unit] of text.matchAll(/(\d+)([smhdw])/g)) {
		total += Number(count) * unitMs[unit!]!;
	}

	return Number.isSafeInteger(total) ? total : Number.POSITIVE_INFINITY;
}

/** The instant an ISO 8601 date or date-time names (UTC unless it has an offset); Invalid Date for 2026-02-30. */
function readDate(text: string): Date | undefined {
	const match = isoDate.exec(text);
	if (!match) {
		return undefined;
	}

	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
	const parts = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)] as const;
	const date = new Date(0);
	// setUTCFullYear, because Date.UTC reads years 0-99 as 1900-1999.
	date.setUTCFullYear(parts[0], parts[1], parts[2]);
	date.setUTCHours(parts[3], parts[4], parts[5], Math.floor(Number(`0.${fraction || '0'}`) * 1000));
	const rollsOver =
		date.getUTCFullYear() !== parts[0] || date.getUTCMonth() !== parts[1] || date.getUTCDate() !== parts[2] || date.getUTCHours() !== parts[3] || date.getUTCMinutes() !== parts[4] || date.getUTCSeconds() !== parts[5];
	const offset = zoneMinutes(zone);
	if (rollsOver || offset === undefined) {
		return new Date(Number.NaN);
	}

	return new Date(date.getTime() - offset * 60_000);
}

/** Minutes east of UTC for `Z`, `+02:00`, `-0530`, `+02`; undefined for an offset no clock has. */
function zoneMinutes(zone: string | undefined): number | undefined {
	if (zone === undefined || zone.toUpperCase() === 'Z') {
		return 0;
	}

	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = Number(digits.slice(2) || '0');
	if (hours > 23 || minutes > 59) {
		return undefined;
	}

	return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
