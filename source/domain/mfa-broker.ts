// Between the credential providers, which need an MFA code, and the one prompt on screen that
// asks for it. Requests queue: however many clients want credentials at once, one prompt shows,
// and the next (another profile's) only after it is answered.
import {TrailviewError, type MfaPrompt, type MfaRequest} from './types.js';

export type MfaBroker = {
	/** For the backend: resolves with the code typed, rejects when the person cancels. */
	ask: MfaPrompt;
	/** The request on screen, if any. */
	current(): MfaRequest | undefined;
	subscribe(listener: () => void): () => void;
	answer(code: string): void;
	cancel(): void;
};

type Waiting = {request: MfaRequest; resolve(code: string): void; reject(error: unknown): void};

export function createMfaBroker(): MfaBroker {
	const queue: Waiting[] = [];
	const listeners = new Set<() => void>();
	const changed = () => {
		for (const listener of listeners) {
			listener();
		}
	};

	const settle = (settleFirst: (waiting: Waiting) => void) => {
		const first = queue.shift();
		if (first) {
			settleFirst(first);
			changed();
		}
	};

	return {
		ask: async request =>
			new Promise<string>((resolve, reject) => {
				queue.push({request, resolve, reject});
				changed();
			}),
		current: () => queue[0]?.request,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		answer(code) {
			settle(waiting => waiting.resolve(code));
		},
		cancel() {
			settle(waiting =>
				waiting.reject(
					new TrailviewError('missing-credentials', `No MFA code was entered for profile ${waiting.request.profile}.`, {
						hint: 'Pick the profile again to enter a code.',
					}),
				),
			);
		},
	};
}

/** No way to ask (script mode with no terminal): what to do instead. */
export function mfaUnavailable(profile: string): TrailviewError {
	return new TrailviewError('missing-credentials', `Profile ${profile} needs an MFA code, and there is no terminal to ask for it.`, {
		hint: 'Run trailview in a terminal to be asked for the code, or set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from `aws sts assume-role --serial-number … --token-code …`.',
	});
}
