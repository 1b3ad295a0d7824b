// Which accounts and regions a script reads (issue 13): every --profile connects on its own, so one
// expired SSO session does not stop the others, and --all-regions reads every region of the
// partition (the backend's list). One account that fails is one line on stderr and the rest go on;
// only when all fail does the run fail. A region that is not enabled or denies access is found by
// its first LookupEvents and listed once, on one line, with the others' count.
import type {Backend, EventOrigin, EventSource, ProfileEntry, Session, SkippedSource, TrailEvent} from '../domain/types.js';
import {TrailviewError} from '../domain/types.js';
import {describeSources, skipReasonText} from '../domain/sources.js';
import {sanitizeLine} from '../lib/sanitize.js';
import {report} from '../output/writer.js';
import type {CliOptions} from './args.js';
import {chooseScriptProfile, chooseScriptRegion} from './script-target.js';
import {describeScriptError} from './script-errors.js';

export type ScriptSources = {
	sources: EventSource[];
	/** For messages: the region, or "17 regions", "2 accounts · 1 region". */
	where: string;
	/** Each account's session, in --profile order (the archive reads through the first one's). */
	sessions: Session[];
};

type Target = {profile: ProfileEntry; regions: string[]; home: string};

/** Synthetic profiles have no name worth showing: the account id stands for them. */
const unnamed = new Set(['environment', 'default-chain']);

export type OpenSourcesInput = {
	backend: Backend;
	options: Pick<CliOptions, 'profile' | 'profiles' | 'allRegions' | 'demo'>;
	env: NodeJS.ProcessEnv;
	signal: AbortSignal;
	stderr: NodeJS.WritableStream;
};

/** The sources to read, or the exit status after the failures were reported. */
export async function openScriptSources({backend, options, env, signal, stderr}: OpenSourcesInput): Promise<ScriptSources | number> {
	const names: Array<string | undefined> = options.profiles.length > 0 ? options.profiles : [options.profile];
	const several = names.length > 1;
	const problems: string[] = [];
	// With several accounts each failure names its profile; alone, it reads as it always has.
	const problem = (name: string | undefined, error: {message: string; hint?: string | undefined}) => {
		const message = several && name !== undefined ? `profile ${name}: ${error.message}` : error.message;
		problems.push(String(describeScriptError({message, hint: error.hint})));
	};

	const listed = await backend.listProfiles();
	const regions = options.allRegions ? (await backend.listRegions()).map(region => region.code) : undefined;
	const targets: Array<{name: string | undefined; target: Target}> = [];
	for (const name of names) {
		const profile = chooseScriptProfile(listed, {profileFlag: name, env, demo: options.demo});
		if (!profile.ok) {
			problem(name, {message: profile.message});
			continue;
		}

		const fallback = backend.defaultRegion(profile.value);
		if (regions) {
			// Any region answers the identity check; the query then runs in all of them.
			targets.push({name, target: {profile: profile.value, regions, home: fallback.region}});
			continue;
		}

		const region = chooseScriptRegion(fallback, profile.value);
		if (region.ok) {
			targets.push({name, target: {profile: profile.value, regions: [region.value], home: region.value}});
		} else {
			problem(name, {message: region.message});
		}
	}

	const sessions = await Promise.all(
		targets.map(async ({name, target}) => {
			try {
				return {target, session: await backend.connect(target.profile, {region: target.home, signal})};
			} catch (error) {
				if (error instanceof TrailviewError && error.kind !== 'cancelled') {
					problem(name, error);
					return undefined;
				}

				throw error;
			}
		}),
	);
	if (problems.length > 0) {
		await report(stderr, problems);
	}

	const sources = dedupe(sessions.flatMap(opened => (opened ? sourcesOf(opened.session, opened.target.regions) : [])));
	if (sources.length === 0) {
		return 1;
	}

	const connected = sessions.flatMap(opened => (opened ? [opened.session] : []));
	return {sources, where: sources.length === 1 ? sources[0]!.region : describeSources(sources, []), sessions: connected};
}

function sourcesOf(session: Session, regions: readonly string[]): EventSource[] {
	const accountLabel = unnamed.has(session.profile.kind) ? session.identity.account : session.profile.name;
	return regions.map(region => ({account: session.identity.account, accountLabel, region, service: session.serviceFor(region)}));
}

/** Two profiles into the same account read the same events: the first one's name stays. */
function dedupe(sources: EventSource[]): EventSource[] {
	const seen = new Set<string>();
	return sources.filter(source => {
		const key = `${source.account}\u0000${source.region}`;
		if (seen.has(key)) {
			return false;
		}

		seen.add(key);
		return true;
	});
}

export type SkipNotes = {
	onSkip(skip: SkippedSource): void;
	/** The pages, with the one status line written before the first of them (or at the end). */
	around(pages: AsyncIterable<TrailEvent[]>): AsyncGenerator<TrailEvent[], void, undefined>;
};

/**
 * What stderr says about sources left out: the ones found by the first answers on one line
 * (`trailview: 14 regions · ap-east-1 not enabled · me-south-1 access denied`, a line more for each
 * that failed, with why), and any later one on a line of its own, once.
 */
export function skipNotes(all: readonly EventOrigin[], stderr: NodeJS.WritableStream): SkipNotes {
	const early: SkippedSource[] = [];
	const told = new Set<string>();
	let summarised = false;
	const severalAccounts = new Set(all.map(source => source.account)).size > 1;
	const name = (skip: SkippedSource) => (severalAccounts ? `${skip.accountLabel} ${skip.region}` : skip.region);
	const why = (skip: SkippedSource) => `  ${sanitizeLine(name(skip))}: ${sanitizeLine(skip.error.message)}`;
	const summarise = () => {
		if (summarised) {
			return;
		}

		summarised = true;
		if (early.length > 0) {
			void report(stderr, [`trailview: ${sanitizeLine(describeSources(all, early))}`, ...early.filter(skip => skip.reason === 'failed').map(why)]);
		}
	};

	return {
		onSkip(skip) {
			const key = `${skip.account}\u0000${skip.region}\u0000${skip.reason}`;
			if (told.has(key)) {
				return;
			}

			told.add(key);
			if (summarised) {
				void report(stderr, [`trailview: ${sanitizeLine(`${name(skip)} ${skipReasonText[skip.reason]}`)}: ${sanitizeLine(skip.error.message)}`]);
			} else {
				early.push(skip);
			}
		},
		async *around(pages) {
			for await (const page of pages) {
				summarise();
				yield page;
			}

			summarise();
		},
	};
}
