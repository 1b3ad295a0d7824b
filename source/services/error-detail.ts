// Pieces of the archive engines' error messages (archive/errors.ts for Athena, lake/errors.ts for
// CloudTrail Lake): the service's own reason, redacted and clipped, and the names it concerns.
import {redactMessage} from '../domain/redact.js';

/** The most of a service's reason a message quotes. */
const maxDetail = 300;

/** ` Its first two lines, redacted, clipped and ending in a full stop.` (empty for no reason). */
export function detail(text: string): string {
	const firstLines = redactMessage(text).split('\n').slice(0, 2).join(' ').trim();
	if (firstLines === '') {
		return '';
	}

	const clipped = firstLines.length > maxDetail ? `${firstLines.slice(0, maxDetail - 1)}…` : firstLines;
	return ` ${/[.!?…]$/.test(clipped) ? clipped : `${clipped}.`}`;
}

export function named(name: string | undefined): string {
	return name === undefined ? '' : ` ${name}`;
}

export function inRegion(region: string | undefined): string {
	return region === undefined ? '' : ` in ${region}`;
}
