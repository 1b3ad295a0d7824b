// Turns whatever the SDK, a credential provider or the network threw into one TrailviewError.
// SDK-free on purpose (errors are duck-typed by name/code) so the UI can use it without loading
// the SDK. Messages end up on screen and in logs, so every one passes redactMessage (domain/redact.ts).
import {TrailviewError, type ErrorKind, type ProfileKind} from '../domain/types.js';
import {redactMessage} from '../domain/redact.js';
import {foreignAnswer, unsupported} from './foreign-answer.js';
import {ACCESS_DENIED, EXPIRED, INVALID_CREDENTIALS, INVALID_INPUT, NETWORK_CODES, THROTTLED} from './error-names.js';

export type ErrorContext = {
	profile?: string;
	/** Lets an expired token on an SSO profile say `aws sso login`. */
	profileKind?: ProfileKind;
	/** e.g. "cloudtrail:LookupEvents", named in access-denied messages. */
	operation?: string;
	region?: string;
	endpoint?: string;
};

type ErrorLike = {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	hostname?: unknown;
	address?: unknown;
	port?: unknown;
	$metadata?: {httpStatusCode?: unknown};
	$response?: unknown;
	cause?: unknown;
};

const MAX_DETAIL = 300;

export function toTrailviewError(error: unknown, context: ErrorContext = {}): TrailviewError {
	if (error instanceof TrailviewError) {
		return error;
	}

	const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : {message: String(error)};
	const name = typeof e.name === 'string' ? e.name : undefined;
	const code = typeof e.code === 'string' ? e.code : undefined;
	const rawMessage = typeof e.message === 'string' ? e.message : '';
	const detail = redactMessage(rawMessage);
	const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
	const serviceCode = name !== undefined && name !== 'Error' ? name : code;
	const make = (kind: ErrorKind, message: string, hint?: string) =>
		new TrailviewError(kind, message, {hint, code: serviceCode, cause: error});

	if (name === 'AbortError' || code === 'ABORT_ERR') {
		return make('cancelled', 'Cancelled.');
	}

	if (isSsoExpiry(name, rawMessage)) {
		// A role's source can be the SSO profile: the SDK names it ("profile=ssoadmin").
		const login = /profile=([\w.@+-]+)/.exec(rawMessage)?.[1] ?? context.profile;
		return sso(make('expired-credentials', 'The SSO session has expired or was never started.', ssoHint(login)), login);
	}

	if (is(EXPIRED, name, code)) {
		if (context.profileKind === 'sso') {
			return sso(make('expired-credentials', 'The credentials have expired.', ssoHint(context.profile)), context.profile);
		}

		return make('expired-credentials', 'The credentials have expired.', `Refresh the temporary credentials${profileSuffix(context.profile)} and try again.`);
	}

	if (isCredentialProviderError(name)) {
		return credentialProviderError(rawMessage, context, make);
	}

	if (is(INVALID_CREDENTIALS, name, code)) {
		return make(
			'invalid-credentials',
			`AWS rejected the credentials (${serviceCode ?? 'invalid credentials'}): the access key or secret is wrong, or the key was deactivated.`,
			`Check the access key${profileSuffix(context.profile)}. If ${context.region ?? 'the region'} is an opt-in region, it must be enabled for the account.`,
		);
	}

	if (is(ACCESS_DENIED, name, code)) {
		const what = context.operation ?? 'this operation';
		const why = detail === '' ? '' : ` ${ensurePeriod(clip(detail))}`;
		return make(
			'access-denied',
			`Access denied to ${what}.${why}`,
			`Ask for ${context.operation ?? 'the needed'} permission, or pick a profile that has it.`,
		);
	}

	if (is(THROTTLED, name, code) || status === 429) {
		return make(
			'throttled',
			`CloudTrail is throttling requests${regionSuffix(context.region)} (event history allows 2 lookups per second per account and region).`,
			'Wait a few seconds and try again.',
		);
	}

	const networkCode = findNetworkCode(e);
	if (networkCode !== undefined || name === 'TimeoutError' || /socket hang up/i.test(rawMessage)) {
		return networkError(e, networkCode, context, make);
	}

	if (serviceCode === 'UnknownOperationException') {
		const answer = unsupported(context, `answered ${serviceCode}`);
		return make('service', answer.message, answer.hint);
	}

	const foreign = foreignAnswer(e, context);
	if (foreign !== undefined) {
		return make('service', redactMessage(foreign.message), foreign.hint);
	}

	if (is(INVALID_INPUT, name, code) || /invalid region/i.test(rawMessage)) {
		return make('invalid-input', `The request was rejected as invalid (${serviceCode ?? 'invalid input'}): ${ensurePeriod(clip(detail || 'no details'))}`);
	}

	if (isDeserializationError(e, name, rawMessage)) {
		return make('service', 'The service sent a response trailview could not read.', 'Check the endpoint URL, or try again.');
	}

	if (status !== undefined && status >= 500) {
		return make('service', `The service had an internal error (HTTP ${status}${serviceCode ? `, ${serviceCode}` : ''}).`, 'Try again in a moment.');
	}

	const prefix = serviceCode === undefined ? '' : `${serviceCode}: `;
	return make('service', `${prefix}${ensurePeriod(clip(detail || 'unknown error'))}`);
}

/** The same error, marked as fixed by `aws sso login --profile <profile>` (the UI offers a key). */
function sso(error: TrailviewError, profile: string | undefined): TrailviewError {
	return profile === undefined
		? error
		: new TrailviewError(error.kind, error.message, {hint: error.hint, code: error.code, cause: error.cause, ssoLoginProfile: profile});
}

type Make = (kind: ErrorKind, message: string, hint?: string) => TrailviewError;

function credentialProviderError(rawMessage: string, context: ErrorContext, make: Make): TrailviewError {
	const profile = context.profile;
	const processFailure = /^Command failed: [^\n]*\n?([\s\S]*)$/.exec(rawMessage);
	if (processFailure) {
		const stderr = clip(redactMessage(processFailure[1] ?? ''));
		return make(
			'missing-credentials',
			`The credential_process${profileSuffix(profile)} failed${stderr === '' ? '.' : `: ${ensurePeriod(stderr)}`}`,
			'Run the credential_process command yourself to see what it needs.',
		);
	}

	if (/multi-factor authentication/i.test(rawMessage)) {
		// Only reached when no MFA prompt was wired in (see services/role-assumer.ts).
		return make(
			'missing-credentials',
			`Profile ${profile ?? ''} needs an MFA code, and nothing here can ask for it.`.replace('  ', ' '),
			'Run trailview in a terminal to be asked for the code.',
		);
	}

	if (/could not be found|was not found|Could not resolve credentials using profile/i.test(rawMessage) && profile) {
		return make(
			'missing-credentials',
			`Profile ${profile} has no usable credentials.`,
			`Check the [profile ${profile}] section of ~/.aws/config (or AWS_CONFIG_FILE), or run \`aws configure --profile ${profile}\`.`,
		);
	}

	const detail = clip(redactMessage(rawMessage));
	return make(
		'missing-credentials',
		profile ? `No credentials could be loaded for profile ${profile}: ${ensurePeriod(detail)}` : 'No AWS credentials were found.',
		'Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or AWS_PROFILE, or run `aws configure`.',
	);
}

function networkError(e: ErrorLike, networkCode: string | undefined, context: ErrorContext, make: Make): TrailviewError {
	const host = typeof e.hostname === 'string' ? e.hostname : typeof e.address === 'string' ? e.address : undefined;
	const target = host ?? context.endpoint ?? (context.region ? `the ${context.region} endpoint` : 'AWS');
	const where = context.region ? ` (region ${context.region})` : '';
	if (networkCode === 'ENOTFOUND' || networkCode === 'EAI_AGAIN') {
		const looksLikeAws = host === undefined || host.endsWith('.amazonaws.com') || host.endsWith('.api.aws');
		return make(
			'network',
			`Could not resolve ${target}${where}.${looksLikeAws && context.region ? ` The region ${context.region} may not exist.` : ''}`,
			'Check the region name and your network connection.',
		);
	}

	const reason =
		networkCode === 'ECONNREFUSED'
			? 'the connection was refused'
			: networkCode === 'ETIMEDOUT' || e.name === 'TimeoutError'
				? 'the connection timed out'
				: 'the connection was interrupted';
	return make('network', `Could not reach ${target}${where}: ${reason}.`, 'Check your network connection, proxy and endpoint URL.');
}

function findNetworkCode(e: ErrorLike): string | undefined {
	for (let current: unknown = e, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
		const candidate = (current as ErrorLike).code;
		if (typeof candidate === 'string' && NETWORK_CODES.has(candidate)) {
			return candidate;
		}

		current = (current as ErrorLike).cause;
	}

	return undefined;
}

function isCredentialProviderError(name: string | undefined): boolean {
	return name === 'CredentialsProviderError' || name === 'TokenProviderError' || name === 'ProviderError';
}

function isSsoExpiry(name: string | undefined, message: string): boolean {
	if (name === 'UnauthorizedException' && /session token/i.test(message)) {
		return true;
	}

	if (!isCredentialProviderError(name)) {
		return false;
	}

	return /SSO session|SSO Token|Token is expired|sso login/i.test(message) && !/missing required property|Conflicting/i.test(message);
}

function isDeserializationError(e: ErrorLike, name: string | undefined, message: string): boolean {
	return name === 'SyntaxError' || /deserializ|Expected .* but|Unexpected token|not valid JSON/i.test(message) || (e.$response !== undefined && name === 'Error');
}

function is(set: Set<string>, name: string | undefined, code: string | undefined): boolean {
	return (name !== undefined && set.has(name)) || (code !== undefined && set.has(code));
}

function ssoHint(profile: string | undefined): string {
	return profile ? `Run \`aws sso login --profile ${profile}\`.` : 'Run `aws sso login`.';
}

function profileSuffix(profile: string | undefined): string {
	return profile ? ` for profile ${profile}` : '';
}

function regionSuffix(region: string | undefined): string {
	return region ? ` in ${region}` : '';
}

function ensurePeriod(text: string): string {
	return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function clip(text: string): string {
	const firstLines = text.split('\n').slice(0, 2).join(' ').trim();
	return firstLines.length > MAX_DETAIL ? `${firstLines.slice(0, MAX_DETAIL - 1)}…` : firstLines;
}
