// Fakes for the script-output tests: a CloudTrailService that yields canned pages and records how
// far it was driven, and writable streams that capture what was printed.
import {Writable} from 'node:stream';
import type {CloudTrailService, LookupOptions, TrailEvent} from '../../source/domain/types.js';

export function makeEvent(index: number, overrides: Partial<TrailEvent> = {}): TrailEvent {
	const time = new Date(Date.UTC(2026, 10, 24, 13, 0, 0) - index * 60_000);
	const record = {eventVersion: '1.09', eventID: `id-${index}`, eventName: 'RunInstances', eventTime: time.toISOString()};
	return {
		id: `id-${index}`,
		time,
		name: 'RunInstances',
		source: 'ec2.amazonaws.com',
		username: `user-${index}`,
		accessKeyId: 'AKIAEXAMPLE',
		readOnly: false,
		resources: [{type: 'AWS::EC2::Instance', name: `i-${index}`}],
		errorCode: undefined,
		errorMessage: undefined,
		sourceIp: '203.0.113.7',
		userAgent: 'aws-cli/2',
		region: 'eu-west-1',
		raw: JSON.stringify(record),
		...overrides,
	};
}

/** `count` events numbered from `start`, newest first. */
export function makeEvents(count: number, start = 0): TrailEvent[] {
	return Array.from({length: count}, (_, offset) => makeEvent(start + offset));
}

export type FakeServiceLog = {
	/** How many pages the consumer asked for (a page counts when the generator resumes to produce it). */
	pagesRequested: number;
	options: LookupOptions | undefined;
	/** Whether the iterator was finished or closed (return() after a break). */
	closed: boolean;
};

export function fakeService(
	pages: TrailEvent[][],
	options: {failBeforePage?: number; error?: unknown; beforePage?: (index: number) => void | Promise<void>} = {},
): {service: CloudTrailService; log: FakeServiceLog} {
	const log: FakeServiceLog = {pagesRequested: 0, options: undefined, closed: false};
	const service: CloudTrailService = {
		region: 'eu-west-1',
		async listTrails() {
			return [];
		},
		async getCallerIdentity() {
			return {account: '123456789012', arn: 'arn:aws:iam::123456789012:user/test', userId: 'AIDTEST'};
		},
		async *lookupEvents(lookupOptions?: LookupOptions) {
			log.options = lookupOptions;
			try {
				for (const [index, page] of pages.entries()) {
					log.pagesRequested += 1;
					await options.beforePage?.(index);
					if (options.failBeforePage === index) {
						throw options.error;
					}

					yield page;
				}
			} finally {
				log.closed = true;
			}
		},
	};
	return {service, log};
}

export class CaptureStream extends Writable {
	readonly chunks: string[] = [];
	isTTY?: boolean;
	columns?: number;

	constructor(options: {isTTY?: boolean; columns?: number; failWith?: (chunkIndex: number) => Error | undefined} = {}) {
		super({
			decodeStrings: false,
			write: (chunk: string | Buffer, _encoding, callback) => {
				const failure = options.failWith?.(this.chunks.length);
				if (failure) {
					callback(failure);
					return;
				}

				this.chunks.push(String(chunk));
				callback();
			},
		});
		if (options.isTTY !== undefined) {
			this.isTTY = options.isTTY;
		}

		if (options.columns !== undefined) {
			this.columns = options.columns;
		}
	}

	get text(): string {
		return this.chunks.join('');
	}
}

export function epipe(): Error {
	return Object.assign(new Error('write EPIPE'), {code: 'EPIPE', errno: -32, syscall: 'write'});
}

/** A small RFC 4180 reader (quoted fields, doubled quotes, CR/LF inside quotes, LF or CRLF rows). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!;
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				field += '"';
				index += 1;
			} else if (char === '"') {
				quoted = false;
			} else {
				field += char;
			}
		} else if (char === '"' && field === '') {
			quoted = true;
		} else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\n' || (char === '\r' && text[index + 1] === '\n')) {
			if (char === '\r') {
				index += 1;
			}

			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else {
			field += char;
		}
	}

	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}

	return rows;
}
