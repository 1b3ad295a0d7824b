// The events the query selects: the table, or why there is none. A view: the main screen
// handles its keys; loading further pages is the state hook's business.
import React, {useMemo, useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {Spinner} from '../components/spinner.js';
import type {EventsState} from '../lib/events-state.js';
import {scanSummary, visibleRows} from '../lib/events-view.js';
import type {Query} from '../domain/query/types.js';
import {termsOnly, windowLabel} from '../domain/query/edit.js';
import type {Needle} from '../lib/highlight.js';
import {maskKeyIdsIn} from '../domain/mask.js';
import {screenEventTable, type TableMeasure} from '../domain/event-table.js';
import {keymap} from '../keymap.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {ErrorBox} from '../components/error-box.js';
import {RetryNotice} from '../components/retry-notice.js';
import {EventsTable} from '../components/events-table/events-table.js';
import {PaneTitle} from './pane-title.js';
import {errorLines, fitError} from './fit-error.js';

export type EventsPaneProps = {
	state: EventsState;
	region: string;
	/** The query the rows answer: the title names it and its window. */
	query: Query;
	writeOnly: boolean;
	/** Some terms are applied here, page by page: loading is a scan, and the pane says how far it got. */
	filtersLocally: boolean;
	needles: readonly Needle[];
	/** Several accounts or regions are open: the table gains their columns. */
	origin?: {accounts: boolean; regions: boolean};
	/** `l`: rows read as plain-language sentences. */
	plain?: boolean;
	width: number;
	/** Lines below the title. */
	height: number;
	focused: boolean;
	utc: boolean;
};

const retryAction = safe`Press ${keymap.refresh.label} to retry.`;
const keptAction = safe`Events above are kept. ${retryAction}`;

/** Table rows wanted on screen before an inline error may take its full three lines. */
const minRowsBesideError = 3;

/** Lines an inline error or throttling notice (events already on screen) takes from the table of `height` lines. */
export function eventsErrorLines(state: EventsState, height: number): number {
	if (state.events.length === 0) {
		return 0;
	}

	if (state.waiting) {
		return 1;
	}

	if (!state.error) {
		return 0;
	}

	return Math.max(1, Math.min(errorLines(state.error), height - 1 - minRowsBesideError));
}

/** Table rows that fit below the title in `height` lines: the column header and any inline error come off. */
export function eventsViewport(state: EventsState, height: number): number {
	return Math.max(1, height - 1 - eventsErrorLines(state, height));
}

/** "Write events in us-east-1 · last 24 h · user:alice". */
function emptyText(state: EventsState, region: string, query: Query, writeOnly: boolean): SafeText {
	const window = sanitizeLine(windowLabel(query));
	if (state.paused) {
		return safe`No match yet: the scan stopped after ${scanSummary(state)}. Move down to scan on.`;
	}

	if (query.terms.length === 0) {
		return safe`No ${writeOnly ? safe`write events` : safe`events`} in ${sanitizeLine(region)} in the ${window}.`;
	}

	return safe`No events match ${sanitizeLine(maskKeyIdsIn(termsOnly(query)))} in the ${window} (${scanSummary(state)}).`;
}

export function eventsTitle(region: string, query: Query, writeOnly: boolean): SafeText {
	const terms = termsOnly(query);
	const what = writeOnly ? safe`Write events` : safe`All events`;
	return safe`${what} in ${sanitizeLine(region)} · ${sanitizeLine(windowLabel(query))}${terms === '' ? safe`` : safe` · ${sanitizeLine(maskKeyIdsIn(terms))}`}`;
}

const oneSource = {accounts: false, regions: false};

export function EventsPane({state, region, query, writeOnly, filtersLocally, needles, origin = oneSource, plain = false, width, height, focused, utc}: EventsPaneProps) {
	// Columns fit the loaded events, so they are measured when a page arrives (a new events array)
	// or the terminal is resized, never on a key press; a page measures only its own events.
	const measure = useRef<TableMeasure | undefined>(undefined);
	const table = useMemo(() => {
		const fitted = screenEventTable(state.events, {width, utc, origin, plain}, measure.current);
		measure.current = fitted.measure;
		return fitted.table;
	}, [state.events, width, utc, origin, plain]);
	const hasRows = state.events.length > 0;

	let body: React.ReactNode;
	if (hasRows) {
		const {rows, tail} = visibleRows(state, eventsViewport(state, height));
		body = (
			<>
				<EventsTable
					rows={rows}
					tail={tail}
					tailText={filtersLocally ? safe`scanning… ${scanSummary(state)}` : undefined}
					table={table}
					focused={focused}
					needles={needles}
				/>
				{state.waiting ? (
					<RetryNotice retryAt={state.waiting.retryAt} />
				) : state.error ? (
					<ErrorBox {...fitError(state.error, keptAction, eventsErrorLines(state, height))} />
				) : null}
			</>
		);
	} else if (state.error) {
		body = <ErrorBox {...fitError(state.error, retryAction, height)} />;
	} else if (state.waiting) {
		body = <RetryNotice retryAt={state.waiting.retryAt} />;
	} else if (state.loading) {
		body = (
			<Text>
				<Text color="yellow">
					<Spinner />
				</Text>
				{filtersLocally && state.loaded ? safe` Scanning for matches… ${scanSummary(state)}` : safe` Loading events…`}
			</Text>
		);
	} else {
		body = (
			<Text dimColor wrap="truncate">
				{emptyText(state, region, query, writeOnly)}
			</Text>
		);
	}

	// Clipped vertically only. Every line here is a truncating Text in a column as wide as the pane
	// (table rows are exactly that wide already), so nothing can stick out sideways, and a horizontal
	// clip makes Ink slice (slice-ansi) and re-measure every line of every frame, a large share of
	// its time per key press with a full table.
	return (
		<Box flexDirection="column" width={width} height={height + 1} flexShrink={0} overflowY="hidden">
			<PaneTitle
				title={eventsTitle(region, query, writeOnly)}
				focused={focused}
				busy={state.loading === 'first' && hasRows}
			/>
			<Box flexDirection="column" height={height} overflowY="hidden">
				{/* Children keep their height and are clipped, rather than squeezed on top of each other. */}
				<Box flexDirection="column" flexShrink={0}>
					{body}
				</Box>
			</Box>
		</Box>
	);
}
