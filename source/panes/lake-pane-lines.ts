// What the archive pane says while CloudTrail Lake is the source but has no event data store to
// read: the search, why it failed, or that none holds CloudTrail events, listing those it found.
import type {LakeDiscovery} from '../hooks/use-lake.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';

/** One line of the archive pane. */
export type Line = {text: SafeText; color?: 'red' | 'yellow' | 'cyan' | 'green'; dim?: boolean; bold?: boolean};

export function lakePaneLines(discovery: LakeDiscovery, head: Line[], body: Line[]): void {
	switch (discovery.stage) {
		case 'idle':
		case 'discovering': {
			head.push({text: safe`Looking for CloudTrail Lake event data stores…`, dim: true});
			return;
		}

		case 'failed': {
			const {error} = discovery;
			head.push(
				{text: safe`✗ CloudTrail Lake is unavailable: ${sanitizeLine(error.message)}`, color: 'red'},
				...(error.hint ? [{text: sanitizeLine(error.hint)}] : []),
				{text: safe`a goes back to Event history (LookupEvents), which keeps working.`, dim: true},
			);
			return;
		}

		case 'found': {
			break;
		}
	}

	const {problem} = discovery;
	head.push(
		{text: problem ? sanitizeLine(problem.message) : safe`No CloudTrail Lake event data store here holds CloudTrail events.`, bold: true},
		...(problem?.hint ? [{text: sanitizeLine(problem.hint)}] : []),
		{text: safe`AWS closed CloudTrail Lake to new customers in 2026; the Athena archive reads the trail's S3 logs instead.`},
		{text: safe`a goes back to Event history`, color: 'cyan'},
	);
	if (discovery.stores.length > 0) {
		body.push({text: safe``}, {text: safe`Event data stores in this account and region:`, dim: true});
		for (const store of discovery.stores) {
			const kind = store.cloudTrailEvents ? safe`CloudTrail events` : safe`other events`;
			body.push({text: safe`  ${sanitizeLine(store.name)} · ${sanitizeLine(store.status.toLowerCase())} · ${kind} · ${sanitizeLine(store.id)}`});
		}
	}
}
