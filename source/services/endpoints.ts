// Endpoint overrides as the AWS CLI reads them. The SDK honours the same variables itself, but only
// from process.env; resolving them here makes an injected env (tests, the backend's `env` option)
// behave identically, and lets one explicit URL serve STS too, as the local emulator does.

export type Endpoints = {cloudTrail: string | undefined; sts: string | undefined};

export function resolveEndpoints(explicit: string | undefined, env: NodeJS.ProcessEnv): Endpoints {
	if (nonEmpty(explicit)) {
		return {cloudTrail: explicit, sts: explicit};
	}

	if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true') {
		return {cloudTrail: undefined, sts: undefined};
	}

	const shared = nonEmpty(env['AWS_ENDPOINT_URL']) ? env['AWS_ENDPOINT_URL'] : undefined;
	return {
		cloudTrail: nonEmpty(env['AWS_ENDPOINT_URL_CLOUDTRAIL']) ? env['AWS_ENDPOINT_URL_CLOUDTRAIL'] : shared,
		sts: nonEmpty(env['AWS_ENDPOINT_URL_STS']) ? env['AWS_ENDPOINT_URL_STS'] : shared,
	};
}

/**
 * One service's endpoint the same way (`AWS_ENDPOINT_URL_<SERVICE>` then AWS_ENDPOINT_URL), for
 * the clients built only when asked for (the archive's Athena and Glue).
 */
export function serviceEndpoint(explicit: string | undefined, env: NodeJS.ProcessEnv, service: 'ATHENA' | 'GLUE'): string | undefined {
	if (nonEmpty(explicit)) {
		return explicit;
	}

	if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true') {
		return undefined;
	}

	const own = env[`AWS_ENDPOINT_URL_${service}`];
	return nonEmpty(own) ? own : nonEmpty(env['AWS_ENDPOINT_URL']) ? env['AWS_ENDPOINT_URL'] : undefined;
}

function nonEmpty(value: string | undefined): value is string {
	return value !== undefined && value.trim() !== '';
}
