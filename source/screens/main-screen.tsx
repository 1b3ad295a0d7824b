// The main screen: who and where (header), the region's trails, its events under the current query
// and the keys that work right now. Owns the data hooks, focus and every key; the panes, the detail
// and the query line are views. The app remounts this screen on every profile or region switch, and
// unmounting aborts every request in flight, so a late answer never shows under another account.
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {Box} from 'ink';
import type {ProfileEntry, Session, TrailEvent} from '../domain/types.js';
import {Header} from '../components/header.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {useTrails} from '../hooks/use-trails.js';
import {useLiveEvents} from '../hooks/use-live-events.js';
import {useNow} from '../hooks/use-events-clock.js';
import type {EventsState} from '../lib/events-state.js';
import {selectedEvent} from '../lib/events-view.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {useViewActions} from '../hooks/use-view-actions.js';
import {defaultExportName, type ExportView} from '../output/export.js';
import {hintsOf, useCommands, type CommandSpec} from '../hooks/use-commands.js';
import {useScrollOffset} from '../hooks/use-scroll-offset.js';
import {useReportCommands} from '../context/commands-context.js';
import {useAppConfig} from '../context/app-context.js';
import {TrailsPane, trailsLineTotal, trailsPaneWants} from '../panes/trails-pane.js';
import {eventsViewport} from '../panes/events-pane.js';
import {summarySlices} from '../panes/summary-pane.js';
import {EventsArea} from '../panes/events-area.js';
import {headerLines, mainLayout} from './main-layout.js';
export {mainLayout, type MainLayout} from './main-layout.js';
import {summaryWindow, useSummary} from '../hooks/use-summary.js';
import {useWindowMenu} from '../panes/window-menu.js';
import {useInvestigationsMenu} from '../panes/investigations-menu.js';
import {builtInQueries} from '../domain/query/investigations.js';
import {EventDetail} from './event-detail.js';
import {useDetailKeys} from './use-detail-keys.js';
import {pivotSpecs, summarySpecs, tableSpecs} from './main-specs.js';
import {useQuerySession} from '../hooks/use-query-session.js';
import {useQueryLine} from '../hooks/use-query-line.js';
import {memoryQueryStore} from '../lib/query-store.js';
import {pivotChoices} from '../lib/pivots.js';
import {loadedValues} from '../lib/loaded-values.js';
import {queryNeedles} from '../domain/query/highlight.js';
import {withWindow} from '../domain/query/edit.js';
import {mainStatus} from './main-status.js';
import {freshnessText, followRefusal, scopeLabel} from './live-status.js';
import {MainBottom} from '../panes/query-line.js';
import {useArchive} from '../hooks/use-archive.js';
import {archivePaneScroll} from '../panes/archive-pane.js';
import {archivePaneProps, archivePaneShown, archivePaneSpecs, archiveScope, archiveStatus, archiveToggleSpec, stopArchiveSpecs} from './archive-mode.js';

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

const fallbackStore = memoryQueryStore({named: builtInQueries});

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
	// What `e` exports is read when it writes: the view is built further down, from hooks laid out below.
	const exportedView = useRef<() => ExportView>(() => ({kind: 'events', events: [], origins: false}));
	const actions = useViewActions({view: () => exportedView.current(), onTyping});
	const layout = mainLayout(rows, trailsPaneWants(trails.state), line.isOpen || actions.exporting.stage !== 'closed' ? 1 : 0);
	const viewportFor = useCallback((events: EventsState) => eventsViewport(events, layout.eventsBody), [layout.eventsBody]);
	const archive = useArchive({session, region, trails: trails.state.trails, query: query.query, writeOnly: query.state.writeOnly, window: query.plan.window, settings: config.archive});
	const live = useLiveEvents({session, service, region, extras, viewportFor, run: query.run, plan: query.plan, initial: config.initialLive, archive: archive.lookup});
	const {events} = live;
	loaded.current = events.state.events;
	archive.noticeHistory(events.state.loaded || events.state.error !== undefined);

	const now = useNow([events.state.loadedAt, ...(trails.state.trails ?? []).map(trail => trail.latestDeliveryTime)]);
	const [focus, setFocus] = useState<Focus>('events');
	const [utc, setUtc] = useState(false);
	const [plain, setPlain] = useState(false);
	const [pivoting, setPivoting] = useState(false);
	// A one-line answer to a key that could not do what it was asked (F with an until: bound).
	const [notice, setNotice] = useState<SafeText | undefined>(undefined);
	// Remembered in the history only when it ran (submit returns a problem otherwise).
	const runNamed = (text: string) => query.submit(text) ?? store.remember(text);
	const investigationsMenu = useInvestigationsMenu({named: store.named, height: layout.eventsBody, run: runNamed, onTyping});
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
	const archiveScroll = useScrollOffset(...archivePaneScroll(archive.discovery, archive.create, layout.eventsBody, archive.source === 'lake' ? archive.lakeDiscovery : undefined));
	// The line gives the keyboard back to the app when this screen goes (a profile switch mid-edit).
	useEffect(() => () => onTyping?.(false), [onTyping]);

	const closeDetail = () => setDetailOpen(false);
	const refresh = () => {
		trails.reload();
		return events.retryNow() || query.refresh();
	};
	const summary = useSummary({
		events: events.state.events,
		window: summaryWindow(query.plan.window, events.state),
		rows: layout.eventsBody - 2,
		slices: summarySlices(columns),
		account: session.identity.account,
		accountLabel: session.profile.name,
		remote: archive.summarize,
	});

	// An answer to e, y or Y goes once the person moves on (the same value again renders nothing).
	useEffect(() => actions.clearNotice(), [events.state.cursor, summary.isOpen, detailOpen, actions.clearNotice]);
	exportedView.current = () =>
		summary.isOpen ? {kind: 'summary', summary: {...summary.summary, groups: summary.groups}} : {kind: 'events', events: events.state.events, origins: live.sources.sources.length > 1};
	const exportView = () => actions.exporting.open(defaultExportName(session.profile.name || session.identity.account, archive.on ? (archive.source === 'lake' ? 'lake' : 'archive') : live.sources.regions > 1 ? 'all-regions' : region, new Date()));
	const copy = (what: 'json' | 'id') => actions.copy(selected, what);

	let specs: CommandSpec[];
	if (line.isOpen) {
		specs = line.specs;
	} else if (actions.exporting.stage !== 'closed') {
		specs = actions.exporting.specs;
	} else if (windowMenu.isOpen) {
		specs = windowMenu.specs;
	} else if (investigationsMenu.isOpen) {
		specs = investigationsMenu.specs;
	} else if (archivePaneShown(archive) && !detail.view) {
		specs = archivePaneSpecs(archive, archiveScroll.scroll);
	} else if (pivoting) {
		specs = pivotSpecs(selected ? pivotChoices(selected) : [], {
			pick(choice) {
				setPivoting(false);
				closeDetail();
				query.pivot(choice.field, choice.value);
			},
			cancel: () => setPivoting(false),
		});
	} else if (summary.isOpen && !detail.view) {
		specs = summarySpecs({
			hasGroups: summary.groups.length > 0,
			move: summary.move,
			narrow() {
				const group = summary.selected;
				if (group) {
					summary.close();
					query.narrow(summary.field, group.key);
				}
			},
			step: summary.step,
			cycleOrder: summary.cycleOrder,
			close: summary.close,
			query: () => line.open(query.state.text),
			timeWindow: windowMenu.open,
			back: query.state.back.length > 0 ? query.back : undefined,
			refresh,
			exportView,
		});
	} else if (detail.view) {
		specs = detail.specs({close: closeDetail, pivot: () => setPivoting(true), copy});
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
			refresh,
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
			archive: stopArchiveSpecs(archive, events.state, events.cancel), archiveToggle: archiveToggleSpec(archive),
			following: live.follow.on,
			toggleFollow() {
				const refused = followRefusal({following: live.follow.on, until: query.query.until !== undefined, archive: archive.on});
				setNotice(refused);
				if (!refused) {
					live.toggleFollow();
				}
			},
			allRegions: live.allRegions,
			toggleAllRegions: archive.on ? () => setNotice(safe`The archive table holds every region the trail logs: region: in the query narrows it.`) : live.toggleAllRegions,
			summary: summary.toggle,
			investigations: investigationsMenu.open,
			plain,
			togglePlain: () => setPlain(current => !current),
			exportView,
			copy,
		});
	}

	useCommands(specs, isActive);
	useReportCommands('main', specs);

	const freshness = freshnessText(live.follow, events.state, now);
	const needles = useMemo(() => queryNeedles(query.query), [query.query]);
	const origin = useMemo(() => ({accounts: archive.on || live.sources.accounts > 1, regions: archive.on || live.sources.regions > 1}), [archive.on, live.sources.accounts, live.sources.regions]);
	const status = mainStatus({
		line,
		exporting: actions.exporting,
		summaryOpen: summary.isOpen,
		pivoting,
		detailOpen: detail.view !== undefined,
		notices: [
			...(detail.view ? detail.status : []),
			notice ? {text: notice, color: 'yellow'} : undefined,
			actions.notice ? {text: sanitizeLine(actions.notice.text), color: actions.notice.ok ? 'green' : 'red'} : undefined,
		],
		events: events.state,
		live,
		plan: query.plan,
		problems: store.problems,
		trailsFailed: trails.state.error !== undefined,
		archive: archiveStatus(archive),
		utc,
		now,
	});

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
						archives={archive.discovery.stage === 'found' ? archive.discovery.marks : undefined}
					/>
					<EventsArea
						menu={windowMenu}
						investigations={investigationsMenu}
						summary={summary}
						events={events.state}
						scope={archiveScope(archive) ?? scopeLabel(live.sources, region)}
						archive={archive.on ? {pane: archivePaneProps(archive, archiveScroll.start)} : undefined}
						origin={origin}
						plain={plain}
						query={query}
						needles={needles}
						width={columns}
						height={layout.eventsBody}
						focused={focus === 'events'}
						utc={utc}
					/>
				</>
			)}
			<MainBottom
				line={line}
				exporting={actions.exporting}
				status={status}
				hints={hintsOf(specs)}
				// The app's keys stay in view, except while typing, when they are text.
				pinned={line.isOpen || windowMenu.isOpen || investigationsMenu.isOpen || detail.finding || actions.exporting.stage !== 'closed' ? [] : hintsOf(globalSpecs)}
				width={columns}
			/>
		</Box>
	);
}
