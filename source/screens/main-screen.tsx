// The main screen: who and where (header), the region's trails, its write events and the keys
// that work right now. Owns the data hooks, focus and every key; the panes and the detail are views.
// The app remounts this screen on every profile or region switch, and unmounting aborts every
// request in flight, so a late answer never shows under another account.
import React, {useCallback, useMemo, useState} from 'react';
import {Box} from 'ink';
import type {Session} from '../domain/types.js';
import {Header} from '../components/header.js';
import {Footer, type StatusPart} from '../components/footer.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {useTrails} from '../hooks/use-trails.js';
import {useEvents} from '../hooks/use-events.js';
import {useNow} from '../hooks/use-events-clock.js';
import {eventsSummary, selectedEvent, type EventsState} from '../lib/events-state.js';
import {formatRelative} from '../lib/format.js';
import {safe, sanitizeLine} from '../lib/sanitize.js';
import {hintsOf, useCommands, type CommandSpec} from '../hooks/use-commands.js';
import {useScrollOffset} from '../hooks/use-scroll-offset.js';
import {useReportCommands} from '../context/commands-context.js';
import type {Move} from '../lib/table-window.js';
import {TrailsPane, trailsLineTotal, trailsPaneWants} from '../panes/trails-pane.js';
import {EventsPane, eventsViewport} from '../panes/events-pane.js';
import {EventDetail, useDetailView} from './event-detail.js';

export type MainScreenProps = {
	session: Session;
	region: string;
	/** False while an overlay (help) has the keyboard. */
	isActive: boolean;
	/** The app's keys (profile, region, help, quit): handled there, hinted here. */
	globalSpecs: readonly CommandSpec[];
};

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
 * never less than one line; the events table gets the rest. Sums to `rows` exactly.
 */
export function mainLayout(rows: number, trailsWants: number): MainLayout {
	const middle = Math.max(4, rows - headerLines - footerLines);
	const trailsMax = Math.max(1, Math.min(Math.floor(middle * 0.3), middle - 5));
	const trailsBody = Math.max(1, Math.min(trailsWants, trailsMax));
	const eventsBody = Math.max(2, middle - 2 - trailsBody);
	return {trailsBody, eventsBody, middle};
}

export function MainScreen({session, region, isActive, globalSpecs}: MainScreenProps): React.JSX.Element {
	const service = useMemo(() => session.serviceFor(region), [session, region]);
	const {columns, rows} = useTerminalSize();
	const trails = useTrails(service);
	const layout = mainLayout(rows, trailsPaneWants(trails.state));
	const viewportFor = useCallback((state: EventsState) => eventsViewport(state, layout.eventsBody), [layout.eventsBody]);
	const events = useEvents(service, viewportFor);
	const now = useNow([events.state.loadedAt, ...(trails.state.trails ?? []).map(trail => trail.latestDeliveryTime)]);
	const [focus, setFocus] = useState<Focus>('events');
	const [utc, setUtc] = useState(false);
	// Whether the detail is open, not which event: keys can arrive in one chunk (Down Down Enter), and
	// a handler reading the event from this render's state would open the row the cursor just left.
	const [detailOpen, setDetailOpen] = useState(false);
	const detail = useDetailView(detailOpen ? selectedEvent(events.state) : undefined, layout.middle);
	const detailScroll = useScrollOffset(detail?.total ?? 0, detail?.viewport ?? 1);
	const trailsTotal = trailsLineTotal(trails.state, layout.trailsBody);
	const trailsScroll = useScrollOffset(trailsTotal, layout.trailsBody);

	const refresh = useCallback(() => {
		trails.reload();
		events.refresh();
	}, [trails.reload, events.refresh]);

	// Every key of this screen, with its hint: the footer and the help are built from these.
	let specs: CommandSpec[];
	if (detail) {
		specs = [
			{commands: ['up', 'down'], hint: safe`scroll`, run: command => detailScroll.scroll(command as Move)},
			{commands: ['pageUp', 'pageDown'], hint: safe`page`, run: command => detailScroll.scroll(command as Move)},
			{commands: ['home', 'end'], hint: safe`top/bottom`, run: command => detailScroll.scroll(command as Move)},
			{
				commands: ['back'],
				hint: safe`close`,
				run() {
					// The next event opened starts at its top, not where this one was left.
					detailScroll.scroll('home');
					setDetailOpen(false);
				},
			},
		];
	} else {
		const hasRows = events.state.events.length > 0;
		const moves: CommandSpec[] =
			focus === 'events'
				? hasRows
					? [
						{commands: ['up', 'down'], hint: safe`move`, run: command => events.move(command as Move)},
						{commands: ['pageUp', 'pageDown', 'home', 'end'], run: command => events.move(command as Move)},
						{commands: ['select'], hint: safe`details`, run: () => setDetailOpen(true)},
					]
					: []
				: trailsTotal > layout.trailsBody
					? [
						{commands: ['up', 'down'], hint: safe`scroll`, run: command => trailsScroll.scroll(command as Move)},
						{commands: ['pageUp', 'pageDown', 'home', 'end'], run: command => trailsScroll.scroll(command as Move)},
					]
					: [];
		specs = [
			...moves,
			{commands: ['focusNext'], hint: focus === 'events' ? safe`trails` : safe`events`, run: () => setFocus(current => (current === 'events' ? 'trails' : 'events'))},
			// While a pane waits out throttling, r ends the wait rather than starting over.
			{commands: ['refresh'], hint: events.state.waiting || trails.state.waiting ? safe`retry now` : safe`refresh`, run: refresh},
			{commands: ['toggleUtc'], hint: utc ? safe`local time` : safe`UTC`, run: () => setUtc(current => !current)},
		];
	}

	useCommands(specs, isActive);
	useReportCommands('main', specs);

	const {loadedAt} = events.state;
	const freshness = loadedAt ? safe`loaded ${formatRelative(loadedAt, now)}` : events.state.loading ? safe`loading…` : undefined;

	const zone = utc ? safe`times in UTC` : safe`local time`;
	let status: StatusPart[];
	if (detail) {
		status = [{text: safe`event ${events.state.cursor + 1} of ${events.state.events.length}`}, {text: zone}];
	} else {
		status = [{text: eventsSummary(events.state)}];
		if (loadedAt) {
			status.push({text: safe`loaded ${formatRelative(loadedAt, now)}`});
		}

		status.push({text: zone});
		if (events.state.error) {
			status.push({text: safe`✗ ${sanitizeLine(events.state.error.message)}`, color: 'red'});
		}

		if (trails.state.error) {
			status.push({text: safe`✗ trails unavailable`, color: 'red'});
		}
	}

	return (
		<Box flexDirection="column" width={columns} height={rows} overflow="hidden">
			<Box height={headerLines} flexShrink={0} overflow="hidden">
				<Header session={session} region={region} freshness={freshness} offerLogin />
			</Box>
			{detail ? (
				<EventDetail view={detail} width={columns} height={layout.middle} start={detailScroll.start} />
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
					<EventsPane
						state={events.state}
						region={region}
						width={columns}
						height={layout.eventsBody}
						focused={focus === 'events'}
						utc={utc}
					/>
				</>
			)}
			<Footer status={status} hints={[...hintsOf(specs), ...hintsOf(globalSpecs)]} width={columns} />
		</Box>
	);
}
