// Flag-versus-environment precedence, as the AWS CLI applies it. Empty variables count as unset
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

export function resolveEndpointUrl(
	flag: string | undefined,
	env: Env,
): Setting<'--endpoint-url' | 'AWS_ENDPOINT_URL_CLOUDTRAIL' | 'AWS_ENDPOINT_URL'> {
	if (flag) {
		return {value: flag, source: '--endpoint-url'};
	}

	// The AWS CLI's opt-out for configured endpoints; the flag still wins over it.
	if (fromEnv(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS')?.toLowerCase() === 'true') {
		return undefined;
	}

	for (const name of ['AWS_ENDPOINT_URL_CLOUDTRAIL', 'AWS_ENDPOINT_URL'] as const) {
		const value = fromEnv(env, name);
		if (value) {
			return {value, source: name};
		}
	}

	return undefined;
}
