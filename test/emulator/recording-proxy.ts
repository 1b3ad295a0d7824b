// A loopback HTTP proxy in front of the emulator that keeps every LookupEvents request body, so a
// test can see exactly what a client sent on each page (the emulator itself only says yes or no).
// Headers pass through unchanged: SigV4 signs the Host header, which stays the proxy's own.
import {createServer, request, type IncomingHttpHeaders} from 'node:http';
import type {AddressInfo} from 'node:net';

export type RecordingProxy = {
	endpoint: string;
	/** Parsed JSON bodies of the LookupEvents requests, in arrival order. */
	lookups: Array<Record<string, unknown>>;
	stop(): Promise<void>;
};

function isLookup(headers: IncomingHttpHeaders): boolean {
	const target = headers['x-amz-target'];
	return typeof target === 'string' && target.endsWith('.LookupEvents');
}

export async function recordingProxy(upstream: string): Promise<RecordingProxy> {
	const target = new URL(upstream);
	const lookups: Array<Record<string, unknown>> = [];
	const server = createServer((incoming, outgoing) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const body = Buffer.concat(chunks);
			if (isLookup(incoming.headers)) {
				lookups.push(JSON.parse(body.toString('utf8')) as Record<string, unknown>);
			}

			const forwarded = request(
				{host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers},
				answer => {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
				},
			);
			forwarded.on('error', () => {
				outgoing.destroy();
			});
			forwarded.end(body);
		});
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		lookups,
		async stop() {
			server.closeAllConnections();
			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}

/** A request body without its NextToken: what must stay identical from page to page. */
export function withoutToken(body: Record<string, unknown>): Record<string, unknown> {
	const {NextToken: _token, ...rest} = body;
	return rest;
}
