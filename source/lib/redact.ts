// CloudTrail records name the access key behind each call, and STS events (AssumeRole,
// GetSessionToken, GetFederationToken) log the issued credentials, session token included, in
// responseElements. Whatever trailview shows or prints passes through here first: key ids masked,
// session tokens and secrets never shown.
import {maskAccessKeyId} from '../services/mask.js';

const secretKey = /^(sessiontoken|secretaccesskey|secretkey|password|token)$/i;
const keyIdKey = /^accesskeyid$/i;

export const REDACTED = '(redacted)';

/** A copy of `value` with access key ids masked and secret-bearing fields replaced. */
export function redactRecord(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => redactRecord(item));
	}

	if (typeof value !== 'object' || value === null) {
		return value;
	}

	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(value)) {
		if (typeof field === 'string' && secretKey.test(key)) {
			out[key] = REDACTED;
		} else if (typeof field === 'string' && keyIdKey.test(key)) {
			out[key] = maskAccessKeyId(field);
		} else {
			out[key] = redactRecord(field);
		}
	}

	return out;
}

/** For text that did not parse as JSON: the same fields, found by pattern. */
export function redactText(text: string): string {
	return text
		.replace(/("(?:sessionToken|secretAccessKey|secretKey|password|token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`)
		.replace(/("accessKeyId"\s*:\s*)"((?:[^"\\]|\\.)*)"/gi, (_match, prefix: string, id: string) => `${prefix}"${maskAccessKeyId(id)}"`);
}

export function maskKeyId(accessKeyId: string | undefined): string | undefined {
	return accessKeyId === undefined || accessKeyId === '' ? undefined : maskAccessKeyId(accessKeyId);
}
