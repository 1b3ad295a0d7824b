// Flag-versus-environment precedence, as the AWS CLI applies it (regions and endpoint URLs are
// resolved in source/services/, next to the clients that use them). Empty variables count as unset
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
