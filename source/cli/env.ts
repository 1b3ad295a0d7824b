// Flag-versus-environment precedence, as the AWS CLI applies it (endpoint URLs are resolved by
// source/services/endpoints.ts, next to the clients that use them). Empty variables count as unset
// (a stray `export AWS_PROFILE=` must not select a profile named "").
export type Env = Readonly<Record<string, string | undefined>>;

export type Setting<S extends string> = {value: string; source: S} | undefined;

function fromEnv(env: Env, name: string): string | undefined {
	const value = env[name]?.trim();
	return value ? value : undefined;
}

export function resolveProfileName(flag: string | undefined, env: Env): Setting<'--profile' | 'AWS_PROFILE'> {
	if (flag) {
		return {value: flag, source: '--profile'};
	}

	const value = fromEnv(env, 'AWS_PROFILE');
	return value ? {value, source: 'AWS_PROFILE'} : undefined;
}

export function resolveRegionSetting(flag: string | undefined, env: Env): Setting<'--region' | 'AWS_REGION' | 'AWS_DEFAULT_REGION'> {
	if (flag) {
		return {value: flag, source: '--region'};
	}

	for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const) {
		const value = fromEnv(env, name);
		if (value) {
			return {value, source: name};
		}
	}

	return undefined;
}
