// How domain values read on screen and in script output. Results that carry AWS text are NOT
// sanitised: callers pass them through sanitize.ts (or renderRow, which does) at the point they
// reach a terminal. Times, made only of numbers, are SafeText already.
import type {TrailEvent} from '../domain/types.js';
import {safe, sanitize, type SafeText} from './sanitize.js';

const two = (value: number) => String(value).padStart(2, '0');

/**
 * `2026-11-24 13:05:09`, in UTC or local time. Sortable and unambiguous; the caller says which
 * zone (e.g. a `UTC` marker in a header) so every row is not repeating it.
 */
export function formatEventTime(date: Date, options: {utc: boolean}): SafeText {
	if (Number.isNaN(date.getTime())) {
		return safe`invalid date`;
	}

	const parts = options.utc
		? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
		: [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
	const [year, month, day, hours, minutes, seconds] = parts as [number, number, number, number, number, number];
	// Digits and separators only; the sanitiser just brands it.
	return sanitize(`${String(year).padStart(4, '0')}-${two(month)}-${two(day)} ${two(hours)}:${two(minutes)}:${two(seconds)}`);
}

/**
 * "just now", "5 s ago", "3 min ago", "2 h ago", "4 d ago" (units floored). Times in the future,
 * which only clock skew produces, read as "just now" rather than a confusing negative age.
 */
const relativeSteps = [
	{below: 60_000, step: 1000},
	{below: 3_600_000, step: 60_000},
	{below: 86_400_000, step: 3_600_000},
];

/**
 * Milliseconds until formatRelative(date, now) next reads differently for any of `dates`: a
 * second while one is under a minute old, then a minute, an hour, a day. A clock that waits this
 * long redraws only when the text on screen changes.
 */
export function msUntilRelativeChange(dates: ReadonlyArray<Date | undefined>, now: Date): number | undefined {
	let soonest: number | undefined;
	for (const date of dates) {
		const age = now.getTime() - (date?.getTime() ?? Number.NaN);
		if (Number.isNaN(age)) {
			continue;
		}

		// "just now" (also for a time slightly in the future) holds until the time is 5 s old.
		const wait = age < 5000 ? 5000 - age : (() => {
			const step = relativeSteps.find(candidate => age < candidate.below)?.step ?? 86_400_000;
			return step - (age % step);
		})();
		soonest = soonest === undefined ? wait : Math.min(soonest, wait);
	}

	return soonest;
}

export function formatRelative(date: Date, now: Date): SafeText {
	const seconds = Math.floor((now.getTime() - date.getTime()) / 1000);
	if (Number.isNaN(seconds)) {
		return safe``;
	}

	if (seconds < 5) {
		return safe`just now`;
	}

	if (seconds < 60) {
		return safe`${seconds} s ago`;
	}

	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		return safe`${minutes} min ago`;
	}

	const hours = Math.floor(minutes / 60);
	if (hours < 24) {
		return safe`${hours} h ago`;
	}

	return safe`${Math.floor(hours / 24)} d ago`;
}

/**
 * The part of an ARN a person recognises: everything after the account field
 * (`arn:aws:iam::123456789012:role/Admin` -> `role/Admin`, `arn:aws:s3:::bucket` -> `bucket`).
 * Anything that is not an ARN is returned as is.
 */
export function shortenArn(value: string): string {
	const match = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/s.exec(value);
	return match?.[1] ?? value;
}

/** The first named resource, ARNs shortened; "" when the event names none. */
export function mainResource(event: TrailEvent): string {
	const named = event.resources.find(resource => resource.name !== undefined && resource.name !== '');
	return named?.name === undefined ? '' : shortenArn(named.name);
}

/** `ec2.amazonaws.com` -> `ec2`; other sources unchanged. */
export function shortEventSource(source: string): string {
	return source.endsWith('.amazonaws.com') ? source.slice(0, -'.amazonaws.com'.length) : source;
}

export type EventOutcome =
	| {kind: 'success'}
	/** Authorisation failures, told apart so the UI can flag probing of permissions. */
	| {kind: 'denied'; code: string; message: string | undefined}
	| {kind: 'error'; code: string; message: string | undefined};

const deniedCodes = /^(?:Client\.)?(?:AccessDenied\w*|UnauthorizedOperation|UnauthorizedAccess\w*|Forbidden\w*|NotAuthorized\w*)$/i;

/** Whether the call succeeded; an errorCode (or only an errorMessage) means it did not. */
export function eventOutcome(event: TrailEvent): EventOutcome {
	if (event.errorCode === undefined || event.errorCode === '') {
		return event.errorMessage === undefined || event.errorMessage === ''
			? {kind: 'success'}
			: {kind: 'error', code: 'Error', message: event.errorMessage};
	}

	return {kind: deniedCodes.test(event.errorCode) ? 'denied' : 'error', code: event.errorCode, message: event.errorMessage};
}

/** The error column's text: the error code, or "" for a successful call. */
export function outcomeLabel(outcome: EventOutcome): string {
	return outcome.kind === 'success' ? '' : outcome.code;
}
