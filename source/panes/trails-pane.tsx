// The region's trails and whether they are logging. Scrolls by line when it has focus.
import type {ArchiveTable} from '../domain/archive/types.js';
import React, {useMemo} from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {Spinner} from '../components/spinner.js';
import type {TrailsState} from '../hooks/use-trails.js';
import {ErrorBox} from '../components/error-box.js';
import {RetryNotice} from '../components/retry-notice.js';
import {safe, sanitizeLine} from '../lib/sanitize.js';
import {keymap} from '../keymap.js';
import {SegmentLine} from './segment-line.js';
import {trailLineCount, trailLines} from './trail-lines.js';
import {PaneTitle} from './pane-title.js';
import {errorLines, fitError} from './fit-error.js';

export type TrailsPaneProps = {
	state: TrailsState;
	region: string;
	width: number;
	/** Lines below the title. */
	height: number;
	focused: boolean;
	/** First line shown (the main screen owns the scroll keys; see trailsLineTotal). */
	start: number;
	utc: boolean;
	now: Date;
	/** Trails with an Athena table over their logs (issue 16). */
	archives?: ReadonlyMap<string, ArchiveTable> | undefined;
};

const noTrailLines = [
	safe`No trails in this region.`,
	safe`Event history (LookupEvents) still shows 90 days of management events without a trail.`,
];
const retryAction = safe`Press ${keymap.refresh.label} to retry.`;

/** Lines the pane would like below its title, so the screen can give it no more than that. */
export function trailsPaneWants(state: TrailsState): number {
	if (state.error) {
		return errorLines(state.error);
	}

	if (!state.trails) {
		return 1;
	}

	// A throttling notice goes above the trails already shown.
	const notice = state.waiting ? 1 : 0;
	return notice + (state.trails.length === 0 ? noTrailLines.length : trailLineCount(state.trails.length, false));
}

/** Lines the trails list has at `height` (0 when there is nothing to scroll: an error, loading, no trails). */
export function trailsLineTotal(state: TrailsState, height: number): number {
	const count = state.error ? 0 : (state.trails?.length ?? 0);
	return trailLineCount(count, trailLineCount(count, false) > height);
}

export function TrailsPane({state, region, width, height, focused, start, utc, now, archives}: TrailsPaneProps) {
	const trails = state.trails ?? [];
	const compact = trailLineCount(trails.length, false) > height;
	const lines = useMemo(() => trailLines(trails, {utc, now, compact, archives}), [trails, utc, now, compact, archives]);

	const visible = lines.slice(start, start + height);
	const range = lines.length > height ? safe`${start + 1}–${start + visible.length} of ${lines.length} lines` : undefined;

	let body: React.ReactNode;
	if (state.error) {
		body = <ErrorBox {...fitError(state.error, retryAction, height)} />;
	} else if (state.waiting && !state.trails) {
		body = <RetryNotice retryAt={state.waiting.retryAt} />;
	} else if (!state.trails) {
		body = (
			<Text>
				<Text color="yellow">
					<Spinner />
				</Text>
				{safe` Loading trails…`}
			</Text>
		);
	} else if (trails.length === 0) {
		body = noTrailLines.map(line => (
			<Text key={line} dimColor wrap="truncate">
				{line}
			</Text>
		));
	} else {
		body = visible.map((segments, index) => (
			// The window's rows are positions, not identities: a key per screen line re-renders least.
			<SegmentLine key={index} segments={segments} width={width} />
		));
	}

	if (state.waiting && state.trails) {
		// Above what is shown; the pane clips the last line rather than hide the notice.
		body = (
			<>
				<RetryNotice retryAt={state.waiting.retryAt} />
				{body}
			</>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height + 1} flexShrink={0} overflow="hidden">
			<PaneTitle
				title={safe`Trails in ${sanitizeLine(region)}${state.trails ? safe` (${state.trails.length})` : safe``}`}
				focused={focused}
				busy={state.loading && state.trails !== undefined}
				detail={range}
			/>
			<Box flexDirection="column" height={height} overflow="hidden">
				{/* Children keep their height and are clipped, rather than squeezed on top of each other. */}
				<Box flexDirection="column" flexShrink={0}>
					{body}
				</Box>
			</Box>
		</Box>
	);
}
