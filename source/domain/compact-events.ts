// Events as the interactive table keeps them. 100,000 loaded rows must fit in a few hundred MB
// (issue 13), and what the service sends is mostly the CloudTrailEvent record (1-3 KB each) and
// the same few strings again and again. So, once a page is in:
// - the records of the page are deflated together, one block per page: records of one account and
//   period repeat each other's keys, ARNs and agents, and a block shrinks them about 7×, where one
//   record alone shrinks 2× and costs a zlib stream each. `raw` inflates the block when asked (the
//   detail view, a pivot, Tab completion), keeping the last few blocks inflated;
// - repeated strings (event names, sources, agents, regions, resources) are shared, not copied;
// - every event has the same fields in the same order (one hidden class for all).
// Only the table's state holds these; script output and the query's filtering see the service's
// events as they came.
import {deflateRawSync, inflateRawSync} from 'node:zlib';
import {createPool, RecentCache} from '../lib/bounded-cache.js';
import type {EventOrigin, EventResource, TrailEvent} from './types.js';

/** One page's records, deflated together into a latin1 string (one byte a character, no object per record). */
class RecordBlock {
	constructor(readonly packed: string) {}
}

/** The blocks last inflated: a detail view, a pivot or a scan over the loaded rows reads neighbours. */
const inflated = new RecentCache<RecordBlock, string>(4);

function blockText(block: RecordBlock): string {
	let text = inflated.get(block);
	if (text === undefined) {
		text = inflateRawSync(Buffer.from(block.packed, 'latin1')).toString('utf8');
		inflated.set(block, text);
	}

	return text;
}

/**
 * Whether UTF-8 carries `text` as it is: a lone surrogate would come back as U+FFFD, so such a
 * record stays a string of its own. (String.prototype.isWellFormed: Node 20, not yet in TS's ES2022 lib.)
 */
function isWellFormed(text: string): boolean {
	return (text as unknown as {isWellFormed(): boolean}).isWellFormed();
}

const strings = createPool<string>(20_000);
const resourceLists = createPool<EventResource[]>(20_000);
const noResources: EventResource[] = Object.freeze([]) as unknown as EventResource[];

function shared(value: string | undefined): string | undefined {
	return value === undefined ? undefined : strings(value, () => value);
}

function sharedResources(resources: readonly EventResource[]): EventResource[] {
	if (resources.length === 0) {
		return noResources;
	}

	const key = resources.map(resource => `${resource.type ?? '\u0000'}\u0001${resource.name ?? '\u0000'}`).join('\u0002');
	return resourceLists(key, () =>
		Object.freeze(resources.map(resource => Object.freeze({type: shared(resource.type), name: shared(resource.name)}))) as unknown as EventResource[],
	);
}

/**
 * A TrailEvent whose record lives in its page's block. `raw` is a getter: copy one with
 * `compactEvents` or field by field, never with `{...event}`, which would leave the record behind.
 */
class CompactEvent implements TrailEvent {
	readonly id: string;
	readonly time: Date;
	readonly name: string;
	readonly source: string;
	readonly username: string | undefined;
	readonly accessKeyId: string | undefined;
	readonly readOnly: boolean | undefined;
	readonly resources: EventResource[];
	readonly errorCode: string | undefined;
	readonly errorMessage: string | undefined;
	readonly sourceIp: string | undefined;
	readonly userAgent: string | undefined;
	readonly region: string | undefined;
	readonly origin: EventOrigin | undefined;
	/** The block holding the record, or the record itself when it is not in one. */
	readonly #record: RecordBlock | string | undefined;
	readonly #start: number;
	readonly #end: number;

	constructor(event: TrailEvent, record: RecordBlock | string | undefined, start: number, end: number) {
		this.id = event.id;
		this.time = event.time;
		this.name = strings(event.name, () => event.name);
		this.source = strings(event.source, () => event.source);
		this.username = shared(event.username);
		this.accessKeyId = shared(event.accessKeyId);
		this.readOnly = event.readOnly;
		this.resources = sharedResources(event.resources);
		this.errorCode = shared(event.errorCode);
		this.errorMessage = event.errorMessage;
		this.sourceIp = shared(event.sourceIp);
		this.userAgent = shared(event.userAgent);
		this.region = shared(event.region);
		this.origin = event.origin;
		this.#record = record;
		this.#start = start;
		this.#end = end;
	}

	get raw(): string | undefined {
		const record = this.#record;
		return record instanceof RecordBlock ? blockText(record).slice(this.#start, this.#end) : record;
	}
}

/** `events` as the table keeps them: the same values, records deflated together, strings shared. */
export function compactEvents(events: readonly TrailEvent[]): TrailEvent[] {
	const packable = events.map(event => event.raw !== undefined && event.raw !== '' && isWellFormed(event.raw));
	const text = events.flatMap((event, index) => (packable[index] ? [event.raw!] : [])).join('');
	const block = text === '' ? undefined : new RecordBlock(deflateRawSync(Buffer.from(text, 'utf8'), {level: 6}).toString('latin1'));
	let offset = 0;
	return events.map((event, index) => {
		if (!packable[index]) {
			return new CompactEvent(event, event.raw, 0, 0);
		}

		const start = offset;
		offset += event.raw!.length;
		return new CompactEvent(event, block, start, offset);
	});
}
