// What stands in the events pane's place while the archive is on but has no table to read: the
// search for one, why it failed, or the CREATE EXTERNAL TABLE statement for the trail, with the
// one write trailview can make offered behind a yes. A view: the main screen owns the keys.
import React from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import type {ArchiveDiscovery, CreateState} from '../hooks/use-archive.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {truncateToWidth} from '../lib/text-width.js';
import {formatDuration} from '../lib/duration.js';
import {PaneTitle} from './pane-title.js';

type Line = {text: SafeText; color?: 'red' | 'yellow' | 'cyan' | 'green'; dim?: boolean; bold?: boolean};

/** The pane's lines, top to bottom; the DDL scrolls under the explanation. */
export function archivePaneLines(discovery: ArchiveDiscovery, create: CreateState): Line[] {
	switch (discovery.stage) {
		case 'idle':
		case 'discovering': {
			return [{text: safe`Looking for an Athena table over the trail's logs in the Glue Data Catalog…`, dim: true}];
		}

		case 'failed': {
			const {error} = discovery;
			return [
				{text: safe`✗ The archive is unavailable: ${sanitizeLine(error.message)}`, color: 'red'},
				...(error.hint ? [{text: sanitizeLine(error.hint)}] : []),
				{text: safe`a goes back to Event history (LookupEvents), which keeps working.`, dim: true},
			];
		}

		case 'found': {
			break;
		}
	}

	const lines: Line[] = [];
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
		for (const text of ddl.sql.split('\n')) {
			lines.push({text: sanitizeLine(text), color: 'green'});
		}
	}

	return lines;
}

export function ArchivePane(props: {discovery: ArchiveDiscovery; create: CreateState; title: SafeText; width: number; height: number; start: number; focused: boolean}) {
	const lines = archivePaneLines(props.discovery, props.create);
	const rows = Math.max(0, props.height - 1);
	return (
		<Box flexDirection="column" width={props.width} height={props.height + 1} flexShrink={0} overflowY="hidden">
			<PaneTitle title={props.title} focused={props.focused} detail={safe`Archive`} />
			{lines.slice(props.start, props.start + rows).map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate" color={line.color} dimColor={line.dim} bold={line.bold}>
					{truncateToWidth(line.text, props.width)}
				</Text>
			))}
		</Box>
	);
}
