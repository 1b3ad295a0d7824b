// The main screen's archive pieces (issue 16): the `a` key, the keys of the pane that offers a
// table where none exists, Esc on a running Athena query, the footer's account of the query
// (state, time, bytes scanned, cost) and the events pane's scope. Pure: the hook owns the state.
import type {StatusPart} from '../components/footer.js';
import type {CommandSpec} from '../hooks/use-commands.js';
import type {UseArchive} from '../hooks/use-archive.js';
import type {Move} from '../lib/table-window.js';
import type {EventsState} from '../lib/events-state.js';
import type {ArchiveEngine} from '../domain/archive/types.js';
import {estimateCostUsd, formatCostUsd, formatScanned} from '../domain/archive/discovery.js';
import {formatDuration} from '../lib/duration.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';

/** The archive is on but has no table to read: its pane stands in the events pane's place. */
export function archivePaneShown(archive: UseArchive): boolean {
	return archive.on && archive.lookup === undefined;
}

const sourceHints = {history: safe`event history`, athena: safe`archive`, lake: safe`lake`} as const;

/** `a`, whose hint names where it goes next: Event history -> Athena -> the Lake (if any) -> back. */
export function archiveToggleSpec(archive: UseArchive): CommandSpec {
	return {commands: ['archive'], hint: sourceHints[archive.next], run: archive.toggle};
}

/** The archive pane's content, while the archive is on without a table or store to read. */
export function archivePaneProps(archive: UseArchive, start: number) {
	if (!archivePaneShown(archive)) {
		return undefined;
	}

	return {discovery: archive.discovery, create: archive.create, lake: archive.source === 'lake' ? archive.lakeDiscovery : undefined, start};
}

/** Esc while Athena runs or pages: stop it (StopQueryExecution); the rows so far stay. */
export function stopArchiveSpecs(archive: UseArchive, events: EventsState, cancel: () => void): CommandSpec[] {
	const running = archive.lookup !== undefined && events.loading !== undefined;
	return running ? [{commands: ['stopArchive'], hint: safe`stop query`, run: cancel}] : [];
}

/** The archive pane's keys: scroll the statement, c to create it (after y), a back. */
export function archivePaneSpecs(archive: UseArchive, scroll: (move: Move) => void): CommandSpec[] {
	const {create, discovery} = archive;
	if (create.stage === 'confirming') {
		return [
			{commands: ['confirmYes'], hint: safe`create`, run: archive.createTable},
			{commands: ['confirmNo'], hint: safe`cancel`, run: archive.cancelCreate},
			{commands: ['back'], run: archive.cancelCreate},
		];
	}

	const canCreate = archive.source === 'athena' && discovery.stage === 'found' && discovery.ddl !== undefined && create.stage !== 'creating';
	return [
		{commands: ['up', 'down'], hint: safe`scroll`, run: command => scroll(command as Move)},
		{commands: ['pageUp', 'pageDown', 'home', 'end'], run: command => scroll(command as Move)},
		...(canCreate ? [{commands: ['createTable'] as const, hint: safe`create table`, run: archive.askCreate}] : []),
		archiveToggleSpec(archive),
	];
}

/**
 * `the archive (Athena default.cloudtrail_logs)` for the events pane's title. Its rows carry the
 * account and region columns: a table holds every region the trail logs (and every account of an
 * organization trail).
 */
export function archiveScope(archive: UseArchive): string | undefined {
	if (!archive.on) {
		return undefined;
	}

	if (archive.source === 'lake') {
		return archive.store ? `the archive (CloudTrail Lake ${archive.store.name})` : 'CloudTrail Lake';
	}

	return archive.table ? `the archive (Athena ${archive.table.database}.${archive.table.name})` : 'the archive';
}

function cost(bytes: number): SafeText {
	return safe`${sanitizeLine(formatScanned(bytes))} scanned · ≈ ${sanitizeLine(formatCostUsd(estimateCostUsd(bytes)))}`;
}

/**
 * The footer's part while the archive is on: where the rows come from and what the query cost, or
 * what it is doing. `replaces`: the archive pane stands in for the table, whose counts mean nothing.
 */
export function archiveStatus(archive: UseArchive): {parts: StatusPart[]; replaces: boolean} | undefined {
	if (!archive.on) {
		return undefined;
	}

	if (archive.source === 'lake' && !archive.store) {
		const {lakeDiscovery: discovery} = archive;
		const text = discovery.stage === 'failed' ? safe`✗ CloudTrail Lake unavailable` : discovery.stage === 'found' ? safe`Lake: no event data store of CloudTrail events` : safe`Lake: looking for event data stores…`;
		return {parts: [{text, color: discovery.stage === 'failed' ? 'red' : 'yellow'}], replaces: true};
	}

	if (archive.source === 'athena' && !archive.table) {
		const {discovery} = archive;
		const text = discovery.stage === 'failed' ? safe`✗ archive unavailable` : discovery.stage === 'found' ? safe`Archive: no Athena table yet` : safe`Archive: looking for a table…`;
		return {parts: [{text, color: discovery.stage === 'failed' ? 'red' : 'yellow'}], replaces: true};
	}

	return {parts: queryStatus(archive), replaces: false};
}

/** The engine's name as the footer and the summary say it. */
export function engineName(engine: ArchiveEngine | undefined): SafeText {
	return engine === 'lake' ? safe`Lake` : safe`Athena`;
}

function queryStatus(archive: UseArchive): StatusPart[] {
	const {progress} = archive;
	const engine = engineName(archive.source === 'lake' ? 'lake' : 'athena');
	if (!progress) {
		return [{text: safe`${engine}: starting the query…`, color: 'cyan'}];
	}

	const elapsed = sanitizeLine(formatDuration(progress.elapsedMs));
	switch (progress.state) {
		case 'QUEUED':
		case 'RUNNING': {
			// Until Athena reports bytes, a price would only be its 10 MB minimum.
			const scanned = progress.scannedBytes > 0 ? safe` · ${cost(progress.scannedBytes)}` : safe``;
			return [{text: safe`${engine}: ${sanitizeLine(progress.state.toLowerCase())} ${elapsed}${scanned} · Esc stops it`, color: 'cyan'}];
		}

		case 'SUCCEEDED': {
			return [{text: safe`rows by ${engine} SQL in ${elapsed} · ${cost(progress.scannedBytes)}`, color: 'cyan'}];
		}

		case 'CANCELLED': {
			return [{text: safe`${engine} query stopped after ${elapsed} · ${cost(progress.scannedBytes)}`, color: 'yellow'}];
		}

		case 'FAILED': {
			return [{text: safe`${engine} query failed after ${elapsed}`, color: 'red'}];
		}
	}
}
