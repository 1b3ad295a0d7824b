// What the trails pane says about each trail, as styled lines; the pane only windows them.
import type {ArchiveTable} from '../domain/archive/types.js';
import type {Trail} from '../domain/types.js';
import {formatEventTime, formatRelative} from '../lib/format.js';
import {joinSafe, safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import type {Segment} from './segment-line.js';

export type TrailLinesOptions = {
	utc: boolean;
	now: Date;
	compact: boolean;
	/** Trail ARN -> the Athena table over its logs (issue 16), marked after the bucket. */
	archives?: ReadonlyMap<string, ArchiveTable> | undefined;
};

const gap: Segment = {text: safe`  `};

function loggingSegment(trail: Trail): Segment {
	if (trail.isLogging === undefined) {
		return {text: safe`logging ?`, color: 'yellow'};
	}

	// A stopped trail is the thing a person most needs to notice here.
	return trail.isLogging ? {text: safe`logging ON`, color: 'green'} : {text: safe`logging OFF`, color: 'red', bold: true};
}

function flags(trail: Trail): SafeText {
	const scope = trail.isMultiRegion ? safe`multi-region` : safe`single-region`;
	return trail.isOrganization ? joinSafe([scope, safe`organization`], safe` · `) : scope;
}

function delivered(trail: Trail, options: TrailLinesOptions, long: boolean): SafeText {
	if (!trail.latestDeliveryTime) {
		return safe`no delivery yet`;
	}

	const relative = formatRelative(trail.latestDeliveryTime, options.now);
	return long
		? safe`last delivery ${formatEventTime(trail.latestDeliveryTime, {utc: options.utc})}${options.utc ? safe` UTC` : safe``} (${relative})`
		: safe`delivered ${relative}`;
}

function problems(trail: Trail): Segment[] {
	const segments: Segment[] = [];
	if (trail.latestDeliveryError) {
		segments.push(gap, {text: safe`delivery error: ${sanitizeLine(trail.latestDeliveryError)}`, color: 'red'});
	}

	if (trail.statusError) {
		segments.push(gap, {text: safe`status error: ${sanitizeLine(trail.statusError)}`, color: 'red'});
	}

	return segments;
}

/** Two lines per trail, or one when `compact` (problems stay on the one line). */
export function trailLines(trails: Trail[], options: TrailLinesOptions): Segment[][] {
	const lines: Segment[][] = [];
	for (const trail of trails) {
		const head: Segment[] = [
			{text: sanitizeLine(trail.name), bold: true},
			gap,
			loggingSegment(trail),
			gap,
			{text: sanitizeLine(trail.homeRegion)},
			gap,
			{text: flags(trail), dim: true},
		];
		const table = options.archives?.get(trail.arn);
		const bucket: Segment[] = [
			...(trail.s3BucketName ? [gap, {text: safe`s3://${sanitizeLine(trail.s3BucketName)}`}] : []),
			...(table ? [gap, {text: safe`athena ${sanitizeLine(table.database)}.${sanitizeLine(table.name)}`, color: 'cyan' as const}] : []),
		];
		if (options.compact) {
			lines.push([...head, ...problems(trail), gap, {text: delivered(trail, options, false), dim: true}, ...bucket]);
		} else {
			lines.push([...head, ...bucket], [gap, {text: delivered(trail, options, true), dim: true}, ...problems(trail)]);
		}
	}

	return lines;
}

/** Lines `trailLines` gives for `count` trails. */
export function trailLineCount(count: number, compact: boolean): number {
	return compact ? count : count * 2;
}
