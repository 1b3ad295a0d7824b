// Access key ids identify a key without granting anything, but users screenshot terminals:
// show only enough to tell two keys apart.

const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;

/** Shown for anything that is not a plausible key id: revealing part of a typo'd secret is worse. */
export const FULLY_MASKED = '••••…••••';

export function maskAccessKeyId(accessKeyId: string | undefined): string {
	if (accessKeyId === undefined || !ACCESS_KEY_ID.test(accessKeyId)) {
		return FULLY_MASKED;
	}

	return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

const keyIdInText = /\b(?:AKIA|ASIA)[A-Z0-9]{12,124}\b/g;

/**
 * `text` with every access key id in it masked: a query (`key:AKIA…`) holds the id in full, because
 * the service needs it, but titles, footers and hints show it the way the rest of the UI does.
 */
export function maskKeyIdsIn(text: string): string {
	return text.replace(keyIdInText, id => maskAccessKeyId(id));
}
