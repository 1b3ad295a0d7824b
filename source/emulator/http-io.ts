// Reading requests and writing answers: AWS errors in each protocol, and the failures tests inject.
import {STATUS_CODES, type IncomingMessage, type ServerResponse} from 'node:http';
import {ApiError, defaultStatus, jsonErrorBody, xmlErrorBody} from './errors.js';
import type {InjectedFailure, InjectedHttpAnswer} from './types.js';

const maxBodyBytes = 16 * 1024 * 1024;

/** 'json-athena' is awsJson1_1 as Athena and Glue spell it (`Message`, not `message`). */
export type Protocol = 'json' | 'json-athena' | 'xml';

export function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBodyBytes) {
				reject(new ApiError('RequestEntityTooLargeException', 'Request entity too large', 413));
				request.destroy();
				return;
			}

			chunks.push(chunk);
		});
		request.on('end', () => {
			resolve(Buffer.concat(chunks));
		});
		request.on('error', reject);
	});
}

/** An awsJson1_1 request body: one JSON object (empty means {}), else the service's SerializationException. */
export function jsonBody(body: Buffer): Record<string, unknown> {
	let input: unknown;
	try {
		input = JSON.parse(body.length === 0 ? '{}' : body.toString('utf8'));
	} catch {
		throw new ApiError('SerializationException', 'Start of structure or map found where not expected.');
	}

	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		throw new ApiError('SerializationException', 'Start of structure or map found where not expected.');
	}

	return input as Record<string, unknown>;
}

export function send(response: ServerResponse, status: number, contentType: string, body: string, requestId: string, extra: Record<string, string> = {}): void {
	response.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(body),
		'x-amzn-RequestId': requestId,
		...extra,
	});
	response.end(body);
}

export function sendError(response: ServerResponse, error: ApiError, protocol: Protocol, requestId: string): void {
	if (protocol === 'xml') {
		send(response, error.status, 'text/xml', xmlErrorBody(error, requestId), requestId);
	} else {
		const body = jsonErrorBody(error, protocol === 'json' ? 'message' : 'Message');
		send(response, error.status, 'application/x-amz-json-1.1', body, requestId, {'x-amzn-ErrorType': error.code});
	}
}

/** Answers the call the way the injected failure says. */
export function injectFailure(failure: InjectedFailure, response: ServerResponse, protocol: Protocol, requestId: string): void {
	if (failure === 'drop-connection') {
		response.socket?.destroy();
		return;
	}

	if (failure === 'hang') {
		// No answer at all; the socket closes when the client gives up or the emulator stops.
		return;
	}

	if (typeof failure === 'object' && 'httpStatus' in failure) {
		sendForeign(response, failure, requestId);
		return;
	}

	if (failure === 'malformed') {
		const body = protocol === 'xml' ? '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>' : '{"Events": [{"EventId": "truncated';
		send(response, 200, protocol === 'xml' ? 'text/xml' : 'application/x-amz-json-1.1', body, requestId);
		return;
	}

	const error = new ApiError(failure.code, failure.message ?? `${failure.code} (injected by the emulator)`, failure.status ?? defaultStatus(failure.code));
	sendError(response, error, protocol, requestId);
}

/** Not an AWS error: what a web framework or proxy sends (the HTML is Flask's, which moto serves). */
function sendForeign(response: ServerResponse, {httpStatus, body}: InjectedHttpAnswer, requestId: string): void {
	const reason = STATUS_CODES[httpStatus] ?? 'Error';
	if (body === 'html') {
		const text =
			httpStatus === 501
				? 'The server does not support the action requested by the browser.'
				: 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.';
		const page = `<!doctype html>\n<html lang=en>\n<title>${httpStatus} ${reason}</title>\n<h1>${reason}</h1>\n<p>${text}</p>\n`;
		send(response, httpStatus, 'text/html; charset=utf-8', page, requestId);
	} else {
		send(response, httpStatus, 'text/plain; charset=utf-8', body === 'empty' ? '' : `${reason}\n`, requestId);
	}
}

