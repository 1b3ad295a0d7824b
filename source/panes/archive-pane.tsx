// What stands in the events pane's place while the archive is on but has no table to read: the
// search for one, why it failed, or the CREATE EXTERNAL TABLE statement for the trail, with the
// one write trailview can make offered behind a yes. A view: the main screen owns the keys.
import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {ArchiveDiscovery, CreateState} from '../hooks/use-archive.js';
import type {LakeDiscovery} from '../hooks/use-lake.js';
import {lakePaneLines, type Line} from './lake-pane-lines.js';
import {safe, sanitizeLine, sanitizeLines, type SafeText} from '../lib/sanitize.js';
import {truncateToWidth} from '../lib/text-width.js';
import {formatDuration} from '../lib/duration.js';
import {PaneTitle} from './pane-title.js';


/** The pane's lines: `head` stays in view (what is going on, the yes/no), `body` (the statement) scrolls under it. */
export function archivePaneLines(discovery: ArchiveDiscovery, create: CreateState, lake?: LakeDiscovery): {head: Line[]; body: Line[]} {
	const head: Line[] = [];
	const body: Line[] = [];
	if (lake) {
		lakePaneLines(lake, head, body);
	} else {
		fill(discovery, create, head, body);
	}

	return {head, body};
}

function fill(discovery: ArchiveDiscovery, create: CreateState, lines: Line[], body: Line[]): void {
	switch (discovery.stage) {
		case 'idle':
		case 'discovering': {
			lines.push({text: safe`Looking for an Athena table over the trail's logs in the Glue Data Catalog…`, dim: true});
			return;
		}

		case 'failed': {
			const {error} = discovery;
			lines.push(
				{text: safe`✗ The archive is unavailable: ${sanitizeLine(error.message)}`, color: 'red'},
				...(error.hint ? [{text: sanitizeLine(error.hint)}] : []),
				{text: safe`a goes back to Event history (LookupEvents), which keeps working.`, dim: true},
			);
			return;
		}

		case 'found': {
			break;
		}
	}

	const {trail, ddl, ddlProblem} = discovery;
	const named = trail ? safe`trail ${sanitizeLine(trail.name)}` : safe`this account's trails`;
	lines.push({text: safe`No Athena table over the logs of ${named} yet.`, bold: true});
	if (create.stage === 'confirming' && ddl) {
		lines.push({
			text: safe`Create table ${sanitizeLine(ddl.database)}.${sanitizeLine(ddl.table)} in the Glue Data Catalog? This is the one thing trailview writes. y / n`,
			color: 'yellow',
		});
	} else if (create.stage === 'creating') {
		const elapsed = create.progress ? safe` · ${sanitizeLine(create.progress.state.toLowerCase())} ${sanitizeLine(formatDuration(create.progress.elapsedMs))}` : safe``;
		lines.push({text: safe`Creating the table…${elapsed}`, color: 'cyan'});
	} else if (create.stage === 'failed') {
		lines.push({text: safe`✗ The table was not created: ${sanitizeLine(create.error.message)}`, color: 'red'});
		if (create.error.hint) {
			lines.push({text: sanitizeLine(create.error.hint)});
		}
	} else if (ddl) {
		lines.push({text: safe`Athena reads the trail's S3 logs through a table; this statement creates one (partition projection).`});
		lines.push({text: safe`c creates it after a yes · --athena-table DB.TABLE names an existing one · a goes back`, color: 'cyan'});
	}

	if (ddlProblem) {
		lines.push({text: sanitizeLine(ddlProblem), color: 'yellow'});
	}

	if (ddl) {
		lines.push({text: safe``});
		for (const text of sanitizeLines(ddl.sql)) {
			body.push({text, color: 'green'});
		}
	}
}

/** Rows the statement scrolls in, under the pane's title and its head lines. */
export function archiveBodyRows(height: number, head: number): number {
	return Math.max(1, height - 1 - head);
}

/** useScrollOffset's arguments for the statement: its lines, and the rows it has. */
export function archivePaneScroll(discovery: ArchiveDiscovery, create: CreateState, height: number, lake?: LakeDiscovery): [number, number] {
	const {head, body} = archivePaneLines(discovery, create, lake);
	return [body.length, archiveBodyRows(height, head.length)];
}

export function ArchivePane(props: {discovery: ArchiveDiscovery; create: CreateState; lake?: LakeDiscovery | undefined; title: SafeText; width: number; height: number; start: number; focused: boolean}) {
	const {head, body} = archivePaneLines(props.discovery, props.create, props.lake);
	const lines = [...head, ...body.slice(props.start, props.start + archiveBodyRows(props.height, head.length))];
	return (
		<Box flexDirection="column" width={props.width} height={props.height + 1} flexShrink={0} overflowY="hidden">
			<PaneTitle title={props.title} focused={props.focused} detail={props.lake ? safe`CloudTrail Lake` : safe`Archive`} />
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate" color={line.color} dimColor={line.dim} bold={line.bold}>
					{truncateToWidth(line.text, props.width)}
				</Text>
			))}
		</Box>
	);
}
