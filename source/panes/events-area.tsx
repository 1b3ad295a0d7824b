// What stands in the events pane's place: the time window menu (t), the summary (s), or the events
// table itself. A view: the main screen owns the state and the keys.
import React from 'react';
import type {EventsState} from '../lib/events-state.js';
import type {Needle} from '../lib/highlight.js';
import type {QuerySession} from '../hooks/use-query-session.js';
import type {SummaryView} from '../hooks/use-summary.js';
import {EventsPane, eventsTitle} from './events-pane.js';
import {SummaryPane} from './summary-pane.js';
import {ArchivePane} from './archive-pane.js';
import {archiveWindowQuery} from '../domain/archive/lookup.js';
import type {ArchiveDiscovery, CreateState} from '../hooks/use-archive.js';
import type {LakeDiscovery} from '../hooks/use-lake.js';
import {WindowMenu, type WindowMenuState} from './window-menu.js';
import {InvestigationsMenuView, type InvestigationsMenu} from './investigations-menu.js';

export type EventsAreaProps = {
	menu: WindowMenuState;
	investigations: InvestigationsMenu;
	summary: SummaryView;
	events: EventsState;
	/** "us-east-1", "17 regions", "2 accounts · us-east-1". */
	scope: string;
	origin: {accounts: boolean; regions: boolean};
	plain: boolean;
	query: QuerySession;
	needles: readonly Needle[];
	width: number;
	height: number;
	focused: boolean;
	utc: boolean;
	/** The archive is on; `pane` while it has no table to read (panes/archive-pane.tsx). */
	archive?: {pane: {discovery: ArchiveDiscovery; create: CreateState; lake: LakeDiscovery | undefined; start: number} | undefined} | undefined;
};

export function EventsArea({menu, investigations, summary, events, scope, origin, plain, query, needles, width, height, focused, utc, archive}: EventsAreaProps) {
	if (menu.isOpen) {
		return <WindowMenu menu={menu} width={width} height={height} />;
	}

	if (investigations.isOpen) {
		return <InvestigationsMenuView menu={investigations} width={width} height={height} />;
	}

	// The archive reads a shorter window by default; the titles say the one it reads.
	const shown = archive ? archiveWindowQuery(query.query) : query.query;
	if (archive?.pane) {
		return <ArchivePane {...archive.pane} title={eventsTitle(scope, shown, query.state.writeOnly)} width={width} height={height} focused={focused} />;
	}

	if (summary.isOpen) {
		return <SummaryPane view={summary} width={width} height={height} focused={focused} utc={utc} title={eventsTitle(scope, shown, query.state.writeOnly)} />;
	}

	return (
		<EventsPane
			state={events}
			region={scope}
			origin={origin}
			plain={plain}
			query={shown}
			writeOnly={query.state.writeOnly}
			filtersLocally={query.plan.filtersLocally}
			needles={needles}
			width={width}
			height={height}
			focused={focused}
			utc={utc}
		/>
	);
}
