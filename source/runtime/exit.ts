// process.exit() can cut off output still queued for a pipe (asynchronous on macOS), so exit
// only once stdout and stderr have taken everything, with a deadline in case a reader stalls.
type Flushable = NodeJS.WritableStream & {destroyed?: boolean; writableEnded?: boolean};

export function exitWhenFlushed(code: number, streams: Flushable[] = [process.stdout, process.stderr], deadlineMs = 2000): void {
	process.exitCode = code;
	const open = streams.filter(stream => !stream.destroyed && !stream.writableEnded);
	let pending = open.length;
	const done = () => {
		pending--;
		if (pending <= 0) {
			process.exit(code);
		}
	};

	if (pending === 0) {
		process.exit(code);
	}

	setTimeout(() => process.exit(code), deadlineMs).unref();
	for (const stream of open) {
		// A reader that went away (EPIPE) must not turn a finished run into a crash.
		stream.on('error', () => undefined);
		try {
			stream.write('', () => {
				done();
			});
		} catch {
			done();
		}
	}
}
