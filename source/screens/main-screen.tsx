// The main screen: who and where (header), the region's trails, its events under the current query
// and the keys that work right now. Owns the data hooks, focus and every key; the panes, the detail
// and the query line are views. The app remounts this screen on every profile or region switch, and
// unmounting aborts every request in flight, so a late answer never shows under another account.
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import type {ProfileEntry, Session, TrailEvent} from '../domain/types.js';
import {Header} from '../components/header.js';
import {Footer, type StatusPart} from '../components/footer.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {useTrails} from '../hooks/use-trails.js';
import {useLiveEvents} from '../hooks/use-live-events.js';
import {useNow} from '../hooks/use-events-clock.js';
import type {EventsState} from '../lib/events-state.js';
import {selectedEvent} from '../lib/events-view.js';
import {formatRelative} from '../lib/format.js';
import {safe, type SafeText} from '../lib/sanitize.js';
import {hintsOf, useCommands, type CommandSpec} from '../hooks/use-commands.js';
import {useScrollOffset} from '../hooks/use-scroll-offset.js';
import {useReportCommands} from '../context/commands-context.js';
import {useAppConfig} from '../context/app-context.js';
import {TrailsPane, trailsLineTotal, trailsPaneWants} from '../panes/trails-pane.js';
import {EventsPane, eventsViewport} from '../panes/events-pane.js';
import {WindowMenu, useWindowMenu} from '../panes/window-menu.js';
import {EventDetail} from './event-detail.js';
import {useDetailKeys} from './use-detail-keys.js';
import {pivotSpecs, tableSpecs} from './main-specs.js';
import {useQuerySession} from '../hooks/use-query-session.js';
import {useQueryLine} from '../hooks/use-query-line.js';
import {memoryQueryStore} from '../lib/query-store.js';
import {pivotChoices} from '../lib/pivots.js';
import {loadedValues} from '../lib/loaded-values.js';
import {queryNeedles} from '../domain/query/highlight.js';
import {withWindow} from '../domain/query/edit.js';
import {eventsStatus, queryLineStatus} from './main-status.js';
import {followingText, liveStatus, scopeLabel} from './live-status.js';
import {QueryLineView} from '../panes/query-line.js';

export type MainScreenProps = {
	session: Session;
	region: string;
	/** False while an overlay (help) has the keyboard. */
	isActive: boolean;
	/** The app's keys (profile, region, help, quit): handled there, hinted here. */
	globalSpecs: readonly CommandSpec[];
	/** The query line takes the keyboard (true) or gives it back: the app's own letters are text meanwhile. */
	onTyping?: (typing: boolean) => void;
	/** More profiles opened beside `session` (several accounts in one timeline). */
	extras?: readonly ProfileEntry[];
};

const noExtras: readonly ProfileEntry[] = [];

type Focus = 'trails' | 'events';

const headerLines = 2;
const footerLines = 2;

export type MainLayout = {
	/** Lines for the trails pane below its title. */
	trailsBody: number;
	/** Lines for the events pane below its title (column header included). */
	eventsBody: number;
	/** Lines between header and footer. */
	middle: number;
};

/**
 * Splits the terminal height: the trails pane gets what it asks for, up to about a third, and
 * never less than one line; the events table gets the rest. Sums to `rows` exactly. `extraFooter`
 * lines (the query line) come off the events table.
 */
export function mainLayout(rows: number, trailsWants: number, extraFooter = 0): MainLayout {
	const middle = Math.max(4, rows - headerLines - footerLines - extraFooter);
	const trailsMax = Math.max(1, Math.min(Math.floor(middle * 0.3), middle - 5));
	const trailsBody = Math.max(1, Math.min(trailsWants, trailsMax));
	const eventsBody = Math.max(2, middle - 2 - trailsBody);
	return {trailsBody, eventsBody, middle};
}

const fallbackStore = memoryQueryStore();

export function MainScreen({session, region, isActive, globalSpecs, onTyping, extras = noExtras}: MainScreenProps): React.JSX.Element {
	const config = useAppConfig();
	const store = config.queries ?? fallbackStore;
	const service = useMemo(() => session.serviceFor(region), [session, region]);
	const {columns, rows} = useTerminalSize();
	const trails = useTrails(service);
	const query = useQuerySession(store.named, config.initialQuery);
	// Tab reads the events loaded when it is pressed; the line is laid out before the events hook runs.
	const loaded = useRef<readonly TrailEvent[]>([]);
	const line = useQueryLine({session: query, store, valuesFor: field => loadedValues(loaded.current, field), onTyping});
	const layout = mainLayout(rows, trailsPaneWants(trails.state), line.isOpen ? 1 : 0);
	const viewportFor = useCallback((events: EventsState) => eventsViewport(events, layout.eventsBody), [layout.eventsBody]);
	const live = useLiveEvents({session, service, region, extras, viewportFor, run: query.run, plan: query.plan, initial: config.initialLive});
	const {events} = live;
	loaded.current = events.state.events;

	const now = useNow([events.state.loadedAt, ...(trails.state.trails ?? []).map(trail => trail.latestDeliveryTime)]);
	const [focus, setFocus] = useState<Focus>('events');
	const [utc, setUtc] = useState(false);
	const [pivoting, setPivoting] = useState(false);
	// A one-line answer to a key that could not do what it was asked (F with an until: bound).
	const [notice, setNotice] = useState<SafeText | undefined>(undefined);
	const windowMenu = useWindowMenu({
		height: layout.eventsBody,
		current: query.query.since?.source,
		choose: query.setWindow,
		custom: () => line.open(`${withWindow(query.state.text, undefined)} since:`.trim(), true),
		onTyping,
	});
	// Whether the detail is open, not which event: keys can arrive in one chunk (Down Down Enter), and
	// a handler reading the event from this render's state would open the row the cursor just left.
	const [detailOpen, setDetailOpen] = useState(false);
	const selected = selectedEvent(events.state);
	// The detail's scroll, modes and find line; it opens each event at its top.
	const detail = useDetailKeys(detailOpen ? selected : undefined, {width: columns, height: layout.middle, onTyping});
	const trailsTotal = trailsLineTotal(trails.state, layout.trailsBody);
	const trailsScroll = useScrollOffset(trailsTotal, layout.trailsBody);
	// The line gives the keyboard back to the app when this screen goes (a profile switch mid-edit).
	useEffect(() => () => onTyping?.(false), [onTyping]);

	const closeDetail = () => {
		setDetailOpen(false);
	};

	let specs: CommandSpec[];
	if (line.isOpen) {
		specs = line.specs;
	} else if (windowMenu.isOpen) {
		specs = windowMenu.specs;
	} else if (pivoting) {
		specs = pivotSpecs(selected ? pivotChoices(selected) : [], {
			pick(choice) {
				setPivoting(false);
				closeDetail();
				query.pivot(choice.field, choice.value);
			},
			cancel: () => setPivoting(false),
		});
	} else if (detail.view) {
		specs = detail.specs({close: closeDetail, pivot: () => setPivoting(true)});
	} else {
		const scanning = query.plan.filtersLocally && events.state.loading === 'more';
		specs = tableSpecs({
			hasRows: events.state.events.length > 0,
			focus,
			trailsScrolls: trailsTotal > layout.trailsBody,
			move: events.move,
			scrollTrails: trailsScroll.scroll,
			open: () => setDetailOpen(true),
			toggleFocus: () => setFocus(current => (current === 'events' ? 'trails' : 'events')),
			refresh() {
				trails.reload();
				if (!events.retryNow()) {
					query.refresh();
				}
			},
			waiting: events.state.waiting !== undefined || trails.state.waiting !== undefined,
			utc,
			toggleUtc: () => setUtc(current => !current),
			query: () => line.open(query.state.text),
			timeWindow: windowMenu.open,
			pivot: () => setPivoting(true),
			back: query.state.back.length > 0 ? query.back : undefined,
			writeOnly: query.state.writeOnly,
			toggleWriteOnly: query.toggleWriteOnly,
			stopScan: scanning ? events.stop : undefined,
			following: live.follow.on,
			toggleFollow() {
				// A window that ends in the past has nothing to follow.
				if (!live.follow.on && query.query.until !== undefined) {
					setNotice(safe`Following needs a window that ends now: remove until: from the query.`);
					return;
				}

				setNotice(undefined);
				live.toggleFollow();
			},
			allRegions: live.allRegions,
			toggleAllRegions: live.toggleAllRegions,
		});
	}

	useCommands(specs, isActive);
	useReportCommands('main', specs);

	const {loadedAt} = events.state;
	const freshness = live.follow.on
		? followingText(live.follow)
		: loadedAt ? safe`loaded ${formatRelative(loadedAt, now)}` : events.state.loading ? safe`loading…` : undefined;
	const needles = useMemo(() => queryNeedles(query.query), [query.query]);
	const origin = useMemo(() => ({accounts: live.sources.accounts > 1, regions: live.sources.regions > 1}), [live.sources.accounts, live.sources.regions]);
	let status: StatusPart[];
	if (line.isOpen) {
		status = queryLineStatus(line, query.plan, store.problems);
	} else if (pivoting) {
		status = [{text: safe`Pivot: narrow the query to this event's…`}];
	} else if (detail.view) {
		status = [...detail.status, {text: safe`event ${events.state.cursor + 1} of ${events.state.events.length}`}, {text: utc ? safe`times in UTC` : safe`local time`}];
	} else {
		status = [
			...(notice ? [{text: notice, color: 'yellow'}] : []),
			...liveStatus(live, events.state),
			...eventsStatus({events: events.state, plan: query.plan, trailsFailed: trails.state.error !== undefined, utc, now}),
		];
	}

	return (
		<Box flexDirection="column" width={columns} height={rows} overflow="hidden">
			<Box height={headerLines} flexShrink={0} overflow="hidden">
				<Header session={session} region={region} freshness={freshness} offerLogin />
			</Box>
			{detail.view ? (
				<EventDetail view={detail.view} width={columns} height={layout.middle} />
			) : (
				<>
					<TrailsPane
						state={trails.state}
						region={region}
						width={columns}
						height={layout.trailsBody}
						focused={focus === 'trails'}
						start={trailsScroll.start}
						utc={utc}
						now={now}
					/>
					{windowMenu.isOpen ? (
						<WindowMenu menu={windowMenu} width={columns} height={layout.eventsBody} />
					) : (
						<EventsPane
							state={events.state}
							region={scopeLabel(live.sources, region)}
							origin={origin}
							query={query.query}
							writeOnly={query.state.writeOnly}
							filtersLocally={query.plan.filtersLocally}
							needles={needles}
							width={columns}
							height={layout.eventsBody}
							focused={focus === 'events'}
							utc={utc}
						/>
					)}
				</>
			)}
			{line.isOpen ? <QueryLineView line={line} width={columns} /> : null}
			<Footer
				status={status}
				hints={hintsOf(specs)}
				// The app's keys (profile, region, help, quit) stay in view; the screen's own hints give way first.
				pinned={line.isOpen || windowMenu.isOpen || detail.finding ? [] : hintsOf(globalSpecs)}
				width={columns}
			/>
		</Box>
	);
}
