// `aws sso login --profile X`, run on the terminal trailview lent it (the caller hands it over):
// the CLI prints its URL and code, opens the browser, and may read from stdin.
import {spawnSync} from 'node:child_process';
import type {SsoLoginResult} from '../domain/types.js';

export async function runSsoLogin(profile: string, env: NodeJS.ProcessEnv): Promise<SsoLoginResult> {
	const command = `aws sso login --profile ${profile}`;
	// Synchronous on purpose: while it runs, Node's event loop cannot read stdin, so every key the
	// person types reaches the child, not trailview's paused (but still open) stdin.
	const result = spawnSync('aws', ['sso', 'login', '--profile', profile], {stdio: 'inherit', env});
	if (result.error) {
		const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
		return {
			ok: false,
			message: missing ? 'The AWS CLI (aws) is not installed here, so trailview cannot log in for you.' : `Could not run aws: ${result.error.message}`,
			hint: `On a machine with the AWS CLI, run \`${command}\`, then pick the profile again.`,
		};
	}

	return result.status === 0
		? {ok: true}
		: {ok: false, message: `\`${command}\` did not finish (${result.signal ?? `exit code ${result.status ?? '?'}`}).`, hint: 'Press L to try again.'};
}
