// Opaque pagination tokens. Each is HMAC-sealed together with a binding (operation, account,
// region, parameters), so replaying it with other parameters is detectable, as CloudTrail does.
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';

const secret = randomBytes(32);

function mac(payload: string, binding: string): Buffer {
	return createHmac('sha256', secret).update(`${binding}\n${payload}`).digest().subarray(0, 16);
}

export function sealToken(position: Record<string, unknown>, binding: string): string {
	const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
	return `${payload}.${mac(payload, binding).toString('base64url')}`;
}

/** The sealed position, or undefined when the token is garbage or was made for another binding. */
export function openToken(token: string, binding: string): Record<string, unknown> | undefined {
	const [payload, signature, extra] = token.split('.');
	if (!payload || !signature || extra !== undefined) {
		return undefined;
	}

	const given = Buffer.from(signature, 'base64url');
	const expected = mac(payload, binding);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return undefined;
	}

	try {
		const position: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		return typeof position === 'object' && position !== null ? (position as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}
