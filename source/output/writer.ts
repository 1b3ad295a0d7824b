// Writing to stdout and stderr for script output: each write resolves once the stream has taken it
// (which is also backpressure) and rejects when it fails, and a reader that went away is told
// apart from a real failure.

/** The reader went away (`| head`, a closed pager): not a failure of ours. */
export function isClosedPipe(error: unknown): boolean {
	const code = typeof error === 'object' && error !== null ? (error as {code?: unknown}).code : undefined;
	return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

export type Writer = {write(chunk: string): Promise<void>; dispose(): void};

/**
 * Writes that resolve once the stream has taken the chunk, and reject when it fails, whether the
 * failure comes through the callback or an 'error' event.
 */
export function createWriter(stream: NodeJS.WritableStream): Writer {
	let failure: unknown;
	const onError = (error: unknown) => {
		failure ??= error;
	};

	stream.on('error', onError);

	return {
		async write(chunk: string): Promise<void> {
			if (failure !== undefined) {
				throw failure;
			}

			await new Promise<void>((resolve, reject) => {
				const onFail = (error: unknown) => {
					reject(error);
				};

				stream.once('error', onFail);
				stream.write(chunk, (error?: Error | null) => {
					stream.off('error', onFail);
					if (error) {
						reject(error);
					} else {
						resolve();
					}
				});
			});
		},
		dispose(): void {
			// After a broken pipe the stream may still emit 'error' on a later tick; keep swallowing it
			// then, since an unhandled 'error' would crash a run that has already succeeded.
			if (failure === undefined) {
				stream.off('error', onError);
			}
		},
	};
}

/** Lines to stderr; a stderr that is gone is ignored, since there is nowhere left to say it. */
export async function report(stderr: NodeJS.WritableStream, lines: string[]): Promise<void> {
	const writer = createWriter(stderr);
	try {
		await writer.write(lines.map(line => `${line}\n`).join(''));
	} catch {
		// Nowhere left to say it.
	} finally {
		writer.dispose();
	}
}
