// How long temporary credentials have left, as the header shows it.

export type ExpiryTone = 'normal' | 'warning' | 'critical';

export type ExpiryView = {text: string; tone: ExpiryTone};

const minute = 60_000;

/** "expires in 42 min", yellow under 10 minutes, red under 2; "expired" once past. */
export function expiryView(expiration: Date, now: Date): ExpiryView {
	const left = expiration.getTime() - now.getTime();
	if (left <= 0) {
		return {text: 'expired', tone: 'critical'};
	}

	const tone: ExpiryTone = left < 2 * minute ? 'critical' : left < 10 * minute ? 'warning' : 'normal';
	if (left < minute) {
		return {text: `expires in ${Math.ceil(left / 1000)} s`, tone};
	}

	if (left < 120 * minute) {
		return {text: `expires in ${Math.floor(left / minute)} min`, tone};
	}

	const hours = Math.floor(left / (60 * minute));
	return {text: `expires in ${hours} h ${Math.floor((left % (60 * minute)) / minute)} min`, tone};
}

/** How soon the text can next change: every second in the last minute, else on the minute. */
export function msUntilExpiryChange(expiration: Date, now: Date): number {
	const left = expiration.getTime() - now.getTime();
	if (left <= 0) {
		return 60 * minute;
	}

	return left < 2 * minute ? 1000 : (left % minute) + 1;
}

/** AKIA… keys are an IAM user's long-term access keys (ASIA… are temporary). */
export function isLongTermKey(maskedAccessKeyId: string | undefined): boolean {
	return maskedAccessKeyId?.startsWith('AKIA') === true;
}
