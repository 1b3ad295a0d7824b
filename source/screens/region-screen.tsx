import React, {useEffect, useMemo, useState} from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {hintsOf, hintsText, useCommands, type CommandSpec} from '../hooks/use-commands.js';
import {useReportCommands} from '../context/commands-context.js';
import type {DefaultRegion, RegionInfo} from '../domain/types.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {padToWidth, truncateToWidth} from '../lib/text-width.js';
import {ErrorBox} from '../components/error-box.js';
import {SpinnerLine} from '../components/spinner-line.js';
import {FilterListView, filterListChromeLines, filterListCommands, useFilterListState} from '../components/filter-list/index.js';
import {type ShownError, headerSession, toShownError} from '../context/app-reducer.js';
import {useAppActions, useAppState, useBackend} from '../context/app-context.js';

/** Where the highlighted default came from, in the words a person would use. */
export function describeRegionSource(source: DefaultRegion['source'], profileName: SafeText | undefined): SafeText {
	switch (source) {
		case 'flag': {
			return safe`from --region`;
		}

		case 'AWS_REGION': {
			return safe`default from AWS_REGION`;
		}

		case 'AWS_DEFAULT_REGION': {
			return safe`default from AWS_DEFAULT_REGION`;
		}

		case 'profile': {
			return profileName === undefined ? safe`from the profile` : safe`from profile ${profileName}`;
		}

		case 'fallback': {
			return safe`fallback us-east-1 (no region configured)`;
		}
	}
}

type RegionItem = {key: string; searchText: string; code: SafeText; name: SafeText};

/** The regions, with the default and current ones added when the list does not know them. */
export function toRegionItems(regions: readonly RegionInfo[], extra: ReadonlyArray<string | undefined>): RegionItem[] {
	const known = new Set(regions.map(region => region.code));
	const missing = [...new Set(extra.filter((code): code is string => code !== undefined && !known.has(code)))];
	return [...missing.map(code => ({code, name: undefined})), ...regions].map(region => {
		const code = sanitizeLine(region.code);
		const name = sanitizeLine(region.name ?? '');
		return {key: region.code, searchText: `${code} ${name}`, code, name};
	});
}

type Loaded = {status: 'loading'} | {status: 'ready'; regions: RegionInfo[]} | {status: 'failed'; error: ShownError};

type Props = {
	isActive: boolean;
	/** Rows for this screen (the header is drawn above it). */
	height: number;
	width: number;
	/** The app's keys (help, quit): handled there, hinted here. */
	globalSpecs: readonly CommandSpec[];
};

const codeWidth = 16;

export function RegionScreen({isActive, height, width, globalSpecs}: Props) {
	const state = useAppState();
	const actions = useAppActions();
	const backend = useBackend();
	const [loaded, setLoaded] = useState<Loaded>({status: 'loading'});

	useEffect(() => {
		let live = true;
		backend.listRegions().then(
			regions => {
				if (live) {
					setLoaded({status: 'ready', regions});
				}
			},
			(error: unknown) => {
				if (live) {
					setLoaded({status: 'failed', error: toShownError(error)});
				}
			},
		);
		return () => {
			live = false;
		};
	}, [backend]);

	const profile = headerSession(state)?.profile;
	const fallback = useMemo(() => actions.defaultRegionFor(profile), [actions, profile]);
	// After `R` the cursor starts on the region in use; in the first flow on the default.
	const current = state.regionBack === 'main' ? state.active?.region : undefined;
	const regions = loaded.status === 'ready' ? loaded.regions : undefined;
	const items = useMemo(
		// Without the list (it failed) the default and current regions can still be picked.
		() => (loaded.status === 'loading' ? [] : toRegionItems(regions ?? [], [fallback.region, current])),
		[loaded.status, regions, fallback.region, current],
	);

	const errorLines = loaded.status === 'failed' ? (loaded.error.hint ? 2 : 1) : 0;
	// Title, source line, footer, and one spare row so the frame never fills the terminal.
	const visibleCount = Math.max(1, height - 4 - errorLines - filterListChromeLines);
	const list = useFilterListState({items, selectKey: current ?? fallback.region, visibleCount});

	const specs = filterListCommands(list, {
		onSubmit(item) {
			actions.chooseRegion(item.key);
		},
		submitHint: safe`choose`,
		onCancel: actions.leaveRegions,
		cancelHint: state.regionBack === 'main' ? safe`clear/back` : safe`clear/profiles`,
	});
	useCommands(specs, isActive && loaded.status !== 'loading');
	useReportCommands('regions', specs);

	const from = describeRegionSource(fallback.source, profile ? sanitizeLine(profile.name) : undefined);
	const source = safe`Default ${sanitizeLine(fallback.region)} · ${from}${current ? safe` · now ${sanitizeLine(current)}` : safe``}`;
	const hint = hintsText([...hintsOf(specs), ...hintsOf(globalSpecs)]);
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text bold wrap="truncate-end">
				{safe`Choose a region`}
			</Text>
			<Text dimColor wrap="truncate-end">
				{source}
			</Text>
			{loaded.status === 'failed' ? <ErrorBox error={loaded.error} /> : null}
			{loaded.status === 'loading' ? (
				<SpinnerLine label={safe`Loading regions…`} />
			) : (
				<FilterListView
					state={list.state}
					width={width}
					noun={safe`regions`}
					renderItem={(item, {selected, width: rowWidth}) => {
						const tag = item.key === fallback.region ? safe` (default)` : item.key === current ? safe` (current)` : safe``;
						return (
							<Text wrap="truncate-end">
								<Text bold={selected} inverse={selected}>
									{padToWidth(item.code, Math.min(codeWidth, rowWidth))}
								</Text>
								<Text dimColor>{safe` ${truncateToWidth(item.name, Math.max(0, rowWidth - codeWidth - 1 - tag.length))}`}</Text>
								<Text color="green">{tag}</Text>
							</Text>
						);
					}}
				/>
			)}
			<Text dimColor wrap="truncate-end">
				{hint}
			</Text>
		</Box>
	);
}
