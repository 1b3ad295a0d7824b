// The MFA code field as a pure reducer: digits only, six at most, submitted only when complete.
export const codeLength = 6;

export type CodeInputState = {code: string};

export type CodeInputAction = {type: 'type'; text: string} | {type: 'backspace'} | {type: 'clear'};

export function codeInputReducer(state: CodeInputState, action: CodeInputAction): CodeInputState {
	switch (action.type) {
		case 'type': {
			// Pasted codes often carry spaces ("123 456"); anything not a digit is dropped.
			const code = (state.code + action.text.replaceAll(/\D/g, '')).slice(0, codeLength);
			return code === state.code ? state : {code};
		}

		case 'backspace': {
			return state.code === '' ? state : {code: state.code.slice(0, -1)};
		}

		case 'clear': {
			return state.code === '' ? state : {code: ''};
		}
	}
}

/** What the field shows: a dot per digit typed, a place for each still to come. */
export function maskedCode(code: string): string {
	return '•'.repeat(code.length) + '_'.repeat(Math.max(0, codeLength - code.length));
}

export function isComplete(state: CodeInputState): boolean {
	return state.code.length === codeLength;
}
