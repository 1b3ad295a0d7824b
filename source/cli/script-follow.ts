// `--follow` in a script: the baseline, the --since window and the polls all read the same pool of
// sources (so a region found disabled is asked once), and stderr says when a poll fails and when
// following works again. The output side (what is printed, in which order) is output/run-follow.ts.
import type {QueryPlan} from '../domain/query/types.js';
import type {TrailEvent} from '../domain/types.js';
import {formatDuration} from '../lib/duration.js';
import {sanitizeLine} from '../lib/sanitize.js';
import {defaultTrailingMs, followEvents, type PollStatus} from '../services/follow.js';
import type {SourcePool} from '../services/source-pool.js';
import {report} from '../output/writer.js';
import type {SkipNotes} from './script-sources.js';

export type ScriptFollowInput = {
	format: 'jsonl' | 'csv';
	origins: boolean;
	limit: number;
	maxWaitMs: number;
	plan: Pick<QueryPlan, 'attribute' | 'window' | 'matches' | 'filtersLocally'>;
	/** --since was given: print that window first. */
	history: boolean;
	pool: SourcePool;
	notes: SkipNotes;
	/** "eu-west-1", "17 regions": for the throttling note. */
	where: string;
	intervalMs: number;
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	signal: AbortSignal;
};

/** A failed poll, with when the next try is; then one line once polls work again. */
export function pollNotes(stderr: NodeJS.WritableStream): (status: PollStatus) => void {
	let failing = false;
	return status => {
		if (!status.ok) {
			failing = true;
			const wait = formatDuration(Math.max(0, status.retryAt - status.at.getTime()));
			void report(stderr, [`trailview: a poll failed: ${sanitizeLine(status.error.message)} Trying again in ${wait}.`]);
		} else if (failing) {
			failing = false;
			void report(stderr, ['trailview: following again']);
		}
	};
}

export async function runScriptFollow(input: ScriptFollowInput): Promise<number> {
	const {plan, pool, notes, signal} = input;
	const [{runFollow}, {throttlePolicy}] = await Promise.all([import('../output/run-follow.js'), import('../output/run-output.js')]);
	const throttle = throttlePolicy(input.where, input.maxWaitMs, input.stderr);
	const read = (start: Date, end: Date, readSignal: AbortSignal): AsyncIterable<TrailEvent[]> =>
		notes.around(pool.lookup({...(plan.attribute ? {attribute: plan.attribute} : {}), start, end, signal: readSignal, throttle, onSkip: notes.onSkip}));
	const matches = plan.filtersLocally ? (event: TrailEvent) => plan.matches(event) : () => true;
	// The query's own "now": the baseline and the --since window end at the same moment.
	const startedAt = plan.window.end;
	return runFollow({
		format: input.format,
		origins: input.origins,
		limit: input.limit,
		maxWaitMs: input.maxWaitMs,
		matches,
		baseline: () => read(new Date(startedAt.getTime() - defaultTrailingMs), startedAt, signal),
		...(input.history ? {history: () => read(plan.window.start, plan.window.end, signal)} : {}),
		follow: seen =>
			followEvents({
				lookup: (window, pollSignal) => read(window.start, window.end, pollSignal),
				matches,
				intervalMs: input.intervalMs,
				trailingMs: defaultTrailingMs,
				seen,
				signal,
				onPoll: pollNotes(input.stderr),
			}),
		stdout: input.stdout,
		stderr: input.stderr,
		signal,
	});
}
