// Script mode asks nothing, so the profile and region must come from flags, the environment or
// the config file. When they do not, the error names the flag or variable that would fix it.
import type {DefaultRegion, ProfileEntry} from '../domain/types.js';
import {resolveProfileName, type Env} from './env.js';

export type Choice<T> = {ok: true; value: T} | {ok: false; message: string};

function configFiles(env: Env): string {
	const config = env['AWS_CONFIG_FILE'] || '~/.aws/config';
	const credentials = env['AWS_SHARED_CREDENTIALS_FILE'] || '~/.aws/credentials';
	return `${config} or ${credentials}`;
}

const synthetic = new Set(['environment', 'default-chain', 'demo']);

export function chooseScriptProfile(profiles: readonly ProfileEntry[], options: {profileFlag: string | undefined; env: Env; demo?: boolean}): Choice<ProfileEntry> {
	const {env} = options;
	if (options.demo) {
		const demoProfiles = profiles.filter(profile => profile.kind === 'demo');
		const wanted = options.profileFlag;
		const found = wanted ? demoProfiles.find(profile => profile.name === wanted) : demoProfiles[0];
		if (found) {
			return {ok: true, value: found};
		}

		return {
			ok: false,
			message: wanted
				? `--demo has no profile ${JSON.stringify(wanted)}; demo profiles: ${demoProfiles.map(profile => profile.name).join(', ')}`
				: 'the demo emulator offered no accounts',
		};
	}

	const named = resolveProfileName(options.profileFlag, env);
	if (named) {
		const found = profiles.find(profile => profile.name === named.value && !synthetic.has(profile.kind))
			?? profiles.find(profile => profile.name === named.value);
		if (found) {
			return {ok: true, value: found};
		}

		const known = profiles.filter(profile => !synthetic.has(profile.kind)).map(profile => profile.name);
		return {
			ok: false,
			message: `profile ${JSON.stringify(named.value)} (from ${named.source}) is not in ${configFiles(env)}`
				+ (known.length > 0 ? `; profiles there: ${known.join(', ')}` : ''),
		};
	}

	const environment = profiles.find(profile => profile.kind === 'environment');
	if (environment && env['AWS_ACCESS_KEY_ID']) {
		return {ok: true, value: environment};
	}

	const byDefault = profiles.find(profile => profile.name === 'default' && !synthetic.has(profile.kind))
		?? profiles.find(profile => profile.kind === 'default-chain')
		?? environment;
	if (byDefault) {
		return {ok: true, value: byDefault};
	}

	return {
		ok: false,
		message: 'no AWS credentials found; pass --profile NAME, set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or try --demo)',
	};
}

/** The backend's default region, unless it only fell back to a guess: scripts must not guess. */
export function chooseScriptRegion(region: DefaultRegion, profile: ProfileEntry): Choice<string> {
	if (region.source !== 'fallback' || profile.kind === 'demo') {
		return {ok: true, value: region.region};
	}

	const where = synthetic.has(profile.kind) ? '' : `, or add "region = ..." to profile ${JSON.stringify(profile.name)} in the config file`;
	return {ok: false, message: `no region set; pass --region NAME or set AWS_REGION${where}`};
}
