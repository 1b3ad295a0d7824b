// How an archive script (--archive through Athena, --lake through CloudTrail Lake) ends on a
// failure: Ctrl+C quietly with 130, a known failure as one line with its fix and the engine's
// exit status; anything else is a bug and goes on up to the top-level handler.
import {TrailviewError} from '../domain/types.js';
import {cancelledExitCode, describeError, type OutputStream} from '../output/run-output.js';
import {report} from '../output/writer.js';

/**
 * A failure fixed on the command line (a table, workgroup or event data store that is not there, no
 * output location), as a bad --query is: exit status 2. Anything else is 1.
 */
export function queryScriptExitCode(error: unknown): number {
	return error instanceof TrailviewError && error.kind === 'invalid-input' ? 2 : 1;
}

export async function scriptFailure(error: unknown, stderr: OutputStream, maxWaitMs: number): Promise<number> {
	if (!(error instanceof TrailviewError)) {
		throw error;
	}

	if (error.kind === 'cancelled') {
		return cancelledExitCode;
	}

	await report(stderr, describeError(error, maxWaitMs));
	return queryScriptExitCode(error);
}
