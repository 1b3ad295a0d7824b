// Script mode's own lines on stderr. Messages and hints quote profile names from the config files
// and text from AWS, so they reach stderr through the sanitiser, as they do in output/run-output.ts.
import type {TrailviewError} from '../domain/types.js';
import {safe, sanitizeLine, type SafeText} from '../lib/sanitize.js';

export function describeScriptError(error: Pick<TrailviewError, 'message'> & {hint?: string | undefined}): SafeText {
	const line = safe`trailview: ${sanitizeLine(error.message)}`;
	return error.hint ? safe`${line}\n  ${sanitizeLine(error.hint)}` : line;
}
