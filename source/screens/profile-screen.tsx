import React, {useMemo, useState} from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {keymap} from '../keymap.js';
import {hintsOf, hintsText, useCommands, type CommandSpec} from '../hooks/use-commands.js';
import {useReportCommands} from '../context/commands-context.js';
import type {ProfileEntry, ProfileKind} from '../domain/types.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {displayWidth, padToWidth, truncateToWidth} from '../lib/text-width.js';
import {ErrorBox} from '../components/error-box.js';
import {SpinnerLine} from '../components/spinner-line.js';
import {FilterListView, filterListChromeLines, filterListCommands, useFilterListState} from '../components/filter-list/index.js';
import {selectedItem} from '../components/filter-list/reducer.js';
import {useAppActions, useAppConfig, useAppState, useBackend} from '../context/app-context.js';

const badges: Record<ProfileKind, SafeText> = {
	sso: safe`SSO`,
	static: safe`static`,
	'assume-role': safe`role`,
	'credential-process': safe`process`,
	'web-identity': safe`web-id`,
	environment: safe`env`,
	'default-chain': safe`chain`,
	demo: safe`demo`,
	unknown: safe`?`,
};
const badgeWidth = 7;

export function profileBadge(kind: ProfileKind): SafeText {
	return badges[kind];
}

type ProfileItem = {key: string; searchText: string; profile: ProfileEntry; name: SafeText; badge: SafeText; detail: SafeText};

export function toProfileItems(entries: readonly ProfileEntry[]): ProfileItem[] {
	return entries.map(profile => {
		// Names and details come from the config files: shown (and matched) only once sanitised.
		const name = sanitizeLine(profile.name);
		const detail = sanitizeLine(profile.detail);
		const badge = profileBadge(profile.kind);
		return {key: profile.name, searchText: `${name} ${badge} ${profile.kind} ${detail}`, profile, name, badge, detail};
	});
}

type Props = {
	isActive: boolean;
	/** Rows for this screen (the header is drawn above it). */
	height: number;
	width: number;
	/** The app's keys (help, quit): handled there, hinted here. */
	globalSpecs: readonly CommandSpec[];
};

export function ProfileScreen({isActive, height, width, globalSpecs}: Props) {
	const state = useAppState();
	const actions = useAppActions();
	const {notice} = useAppConfig();
	const backend = useBackend();
	const {profiles, connect, profileError} = state;
	const connecting = connect.status === 'connecting' ? connect.profile : undefined;
	const canGoBack = state.active !== undefined;

	const entries = profiles.status === 'ready' ? profiles.entries : undefined;
	const items = useMemo(() => toProfileItems(entries ?? []), [entries]);

	// Read once the list is in: the backend knows then whether it found any setup.
	const firstRun = useMemo(() => (entries ? backend.firstRunNote?.() : undefined), [backend, entries]);
	const title = 1;
	const noticeLines = (notice ? 1 : 0) + (firstRun?.length ?? 0);
	const statusLines = connecting ? 1 : profileError ? 1 + (profileError.hint ? 1 : 0) + (profileError.ssoLoginProfile ? 1 : 0) : 0;
	const footer = 1;
	// One row is left spare: a frame as tall as the terminal makes Ink clear and redraw everything.
	const visibleCount = Math.max(1, height - 1 - title - noticeLines - statusLines - filterListChromeLines - footer);
	const list = useFilterListState({items, selectKey: state.preferredProfile, visibleCount});

	// Space marks profiles to open together; Enter then opens the marked ones, the highlighted one
	// first when it is marked (its trails show), else the first marked.
	const {initialProfile, initialExtras} = useAppConfig();
	// --profile a,b without --region: the picker opens with them marked.
	const [marked, setMarked] = useState<ReadonlySet<string>>(() => new Set(initialExtras?.length ? [initialProfile ?? '', ...initialExtras] : []));
	const markSpecs: CommandSpec[] = items.length > 1
		? [{
			commands: ['markProfile'],
			hint: marked.size > 0 ? safe`mark (${marked.size})` : safe`mark`,
			run() {
				const item = selectedItem(list.latest());
				if (item) {
					setMarked(current => {
						const next = new Set(current);
						if (!next.delete(item.key)) {
							next.add(item.key);
						}

						return next;
					});
				}
			},
		}]
		: [];
	const listSpecs = filterListCommands(list, {
		onSubmit(item) {
			const chosen = items.filter(candidate => marked.has(candidate.key)).map(candidate => candidate.profile);
			if (chosen.length === 0) {
				actions.connect(item.profile);
				return;
			}

			const primary = chosen.find(profile => profile.name === item.key) ?? chosen[0]!;
			actions.connect(primary, chosen.filter(profile => profile !== primary));
		},
		submitHint: marked.size > 1 ? safe`open ${marked.size} accounts` : safe`connect`,
		onCancel: actions.leaveProfiles,
		cancelHint: canGoBack ? safe`clear/back` : safe`clear`,
	});
	const cancelSpecs: CommandSpec[] = [{commands: ['back'], hint: safe`cancel`, run: actions.cancelConnect}];
	// An SSO session to log in to: L runs `aws sso login` here (L is then not filter text).
	const loginProfile = profileError?.ssoLoginProfile;
	const failed = entries?.find(entry => entry.name === state.preferredProfile);
	const {ssoLogin} = actions;
	const loginSpecs: CommandSpec[] =
		loginProfile && failed && ssoLogin ? [{commands: ['ssoLogin'], hint: safe`aws sso login`, run: () => ssoLogin(failed, loginProfile)}] : [];
	const specs = connecting ? cancelSpecs : [...loginSpecs, ...markSpecs, ...listSpecs];
	useCommands(specs, isActive && (connecting !== undefined || profiles.status === 'ready'));
	useReportCommands('profiles', specs);

	const nameWidth = Math.min(Math.max(4, ...items.map(item => displayWidth(item.name))), Math.max(8, Math.floor(width * 0.4)));
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text bold wrap="truncate-end">
				{canGoBack ? safe`Switch profile` : safe`Choose a profile`}
			</Text>
			{notice ? (
				<Text color="yellow" wrap="truncate-end">
					{sanitizeLine(notice)}
				</Text>
			) : null}
			{firstRun?.map(line => (
				<Text key={line} color="yellow" wrap="truncate-end">
					{sanitizeLine(line)}
				</Text>
			))}
			{connecting ? (
				<SpinnerLine label={safe`Resolving credentials for ${sanitizeLine(connecting.name)}…`} hint={safe`${keymap.back.label} to cancel`} />
			) : profileError ? (
				<ErrorBox
					error={profileError}
					{...(loginSpecs.length > 0 && loginProfile ? {action: safe`Press L to run \`aws sso login --profile ${sanitizeLine(loginProfile)}\` here.`} : {})}
				/>
			) : null}
			{profiles.status === 'loading' ? (
				<SpinnerLine label={safe`Reading profiles from ~/.aws/config and ~/.aws/credentials…`} />
			) : profiles.status === 'failed' ? (
				<ErrorBox error={profiles.error} action={safe`${keymap.forceQuit.label} to quit`} />
			) : (
				<FilterListView
					state={list.state}
					width={width}
					noun={safe`profiles`}
					emptyText={safe`No profiles found in ~/.aws/config or ~/.aws/credentials.`}
					renderItem={(item, {selected, width: rowWidth}) => {
						const detailWidth = Math.max(0, rowWidth - nameWidth - badgeWidth - 2 - (marked.size > 0 ? 2 : 0));
						return (
							<Text wrap="truncate-end">
								{/* The mark column shows once something is marked, so a plain pick looks as it always did. */}
								{marked.size > 0 ? <Text color="green" bold>{marked.has(item.key) ? safe`✓ ` : safe`  `}</Text> : null}
								<Text bold={selected} inverse={selected}>
									{padToWidth(item.name, nameWidth)}
								</Text>
								<Text color="magenta">{safe` ${padToWidth(item.badge, badgeWidth)}`}</Text>
								{detailWidth > 0 ? <Text dimColor>{safe` ${truncateToWidth(item.detail, detailWidth)}`}</Text> : null}
							</Text>
						);
					}}
				/>
			)}
			<Text dimColor wrap="truncate-end">
				{hintsText([...hintsOf(specs), ...hintsOf(globalSpecs)])}
			</Text>
		</Box>
	);
}
