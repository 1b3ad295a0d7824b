// An ErrorBox is three lines (what, fix, "press r"); a short pane keeps the most useful of them.
import type {TrailviewError} from '../domain/types.js';
import type {SafeText} from '../lib/sanitize.js';

export type FittedError = {error: Pick<TrailviewError, 'message' | 'hint'>; action: SafeText | undefined};

export function errorLines(error: Pick<TrailviewError, 'hint'>): number {
	return error.hint ? 3 : 2;
}

/** Message always; then the hint; then the action, as room allows. */
export function fitError(error: Pick<TrailviewError, 'message' | 'hint'>, action: SafeText, lines: number): FittedError {
	if (lines >= errorLines(error)) {
		return {error, action};
	}

	if (lines >= 2) {
		return error.hint ? {error, action: undefined} : {error, action};
	}

	return {error: {message: error.message, hint: undefined}, action: undefined};
}
