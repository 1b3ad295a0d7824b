// CloudTrail records name the access key behind each call, and STS events (AssumeRole,
// GetSessionToken, GetFederationToken) log the issued credentials, session token included, in
// responseElements, and error messages can quote keys. Whatever trailview shows or prints passes
// through here first: key ids masked, session tokens and secrets never shown.
import {sanitizeLine, sanitizeProgramLine, type SafeText} from '../lib/sanitize.js';
import {maskAccessKeyId} from './mask.js';

const secretKey = /^(sessiontoken|secretaccesskey|secretkey|password|token)$/i;
const keyIdKey = /^accesskeyid$/i;

export const REDACTED = '(redacted)';

/** Whether a record field of this name holds a secret (a session token, a secret key), whatever its case. */
export function isSecretField(key: string): boolean {
	return secretKey.test(key);
}

/** A copy of `value` with access key ids masked and secret-bearing fields replaced. */
export function redactRecord(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => redactRecord(item));
	}

	if (typeof value !== 'object' || value === null) {
		return value;
	}

	// Built with fromEntries, which defines each key as the record's own: assigning would turn a
	// `__proto__` key (a tag key may be one) into the copy's prototype, hiding that field from every
	// output and letting its contents pass for fields of the record.
	return Object.fromEntries(
		Object.entries(value).map(([key, field]) => {
			if (typeof field === 'string' && secretKey.test(key)) {
				return [key, REDACTED];
			}

			return [key, typeof field === 'string' && keyIdKey.test(key) ? maskAccessKeyId(field) : redactRecord(field)];
		}),
	);
}

/**
 * A JSON string's contents up to its closing quote, or to the end of a record cut short inside it
 * (a dangling backslash included): a truncated record must not show the start of a token.
 */
const stringValue = String.raw`"((?:[^"\\]|\\[\s\S])*)(?:"|\\?$)`;
const secretField = new RegExp(String.raw`("(?:sessionToken|secretAccessKey|secretKey|password|token)"\s*:\s*)` + stringValue, 'gi');
const keyIdField = new RegExp(String.raw`("accessKeyId"\s*:\s*)` + stringValue, 'gi');

/** For text that did not parse as JSON: the same fields, found by pattern. */
export function redactText(text: string): string {
	return text
		.replace(secretField, `$1"${REDACTED}"`)
		.replace(keyIdField, (_match, prefix: string, id: string) => `${prefix}"${maskAccessKeyId(id)}"`);
}

export function maskKeyId(accessKeyId: string | undefined): string | undefined {
	return accessKeyId === undefined || accessKeyId === '' ? undefined : maskAccessKeyId(accessKeyId);
}

/**
 * Removes anything that could be a credential from text that came from outside (service messages,
 * a credential_process's stderr): secrets after a telling key, long base64 runs (session tokens,
 * 40-character secret keys), and access key ids, which keep only their masked form.
 */
export function redactMessage(text: string): SafeText {
	// Colour codes and stray controls from a credential_process are noise in a one-line message, so
	// they go first (sanitizeProgramLine). The redactions only put plain ASCII back; the second pass
	// finds nothing to escape and is there to hand back SafeText.
	return sanitizeLine(
		sanitizeProgramLine(text)
			.replace(
				/((?:secret|token|password|signature|credential)[\w-]*["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi,
				'$1[redacted]',
			)
			.replace(/[A-Za-z0-9/+]{40,}={0,2}/g, '[redacted]')
			.replace(/\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,124}\b/g, (id) => maskAccessKeyId(id)),
	);
}
