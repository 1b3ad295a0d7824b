// Where trailview keeps the user's own files, by the XDG Base Directory specification: named
// queries are configuration, query history is state. Pure: the caller hands in the environment.
import {homedir} from 'node:os';
import path from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

const app = 'trailview';

/** $XDG_CONFIG_HOME/trailview, else ~/.config/trailview. */
export function configDir(env: Env): string {
	return path.join(base(env, 'XDG_CONFIG_HOME', ['.config']), app);
}

/** $XDG_STATE_HOME/trailview, else ~/.local/state/trailview. */
export function stateDir(env: Env): string {
	return path.join(base(env, 'XDG_STATE_HOME', ['.local', 'state']), app);
}

function base(env: Env, variable: string, fallback: string[]): string {
	const value = env[variable];
	// The specification says a relative path in these variables is invalid and must be ignored.
	if (value !== undefined && path.isAbsolute(value)) {
		return value;
	}

	return path.join(home(env), ...fallback);
}

/** $HOME when it is an absolute path; the account's home directory otherwise. */
function home(env: Env): string {
	const value = env['HOME'];
	return value !== undefined && path.isAbsolute(value) ? value : homedir();
}
