// Every account+region's event history, generated on first use so starting the emulator costs
// nothing, plus the events tests add. Kept newest first: (time desc, seq desc).
import {randomUUID} from 'node:crypto';
import {knownAccountIds} from './accounts.js';
import {actorsFor, type Actor} from './actors.js';
import {namesFor, templateByName} from './catalog.js';
import {volumeTable, type VolumeTable} from './data-regions.js';
import {generateEvents, isoSeconds} from './event-generator.js';
import type {Template} from './catalog-types.js';
import {trailNamesIn} from './trails.js';
import type {AddEventInput, DataRegions, Resource, StoredEvent} from './types.js';

/** Index of the first event that sorts after (time, seq) in newest-first order. */
export function positionAfter(events: readonly StoredEvent[], timeMs: number, seq: number): number {
	let low = 0;
	let high = events.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		const event = events[middle]!;
		const before = event.timeMs > timeMs || (event.timeMs === timeMs && event.seq >= seq);
		if (before) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

/** Another stream of an account+region's history (the archive's older records, its data events). */
export type StreamRequest = {stream: string; end: Date; spanMs: number; perRegionCount: number; templates?: readonly Template[]};

export class EventStore {
	private readonly byRegion = new Map<string, StoredEvent[]>();
	private readonly actors = new Map<string, Actor[]>();
	private addedSeq = 1_000_000_000;
	private readonly volume: VolumeTable;
	/** Goes up with every added event, so the archive knows when to look again. */
	revision = 0;

	constructor(
		private readonly seed: number,
		private readonly dataNow: Date,
		private readonly eventsPerRegion: number,
		regions: DataRegions = 'demo',
		evenRegions = false,
	) {
		this.volume = volumeTable(regions, evenRegions);
	}

	events(accountId: string, region: string): StoredEvent[] {
		const key = `${accountId}/${region}`;
		let events = this.byRegion.get(key);
		if (!events) {
			const share = this.volume.share(accountId, region);
			events = generateEvents({
				seed: this.seed,
				accountId,
				region,
				dataNow: this.dataNow,
				count: Math.round(this.eventsPerRegion * share),
				names: namesFor(accountId, region, this.seed, trailNamesIn(accountId, region)),
				actors: this.actorsOf(accountId),
			});
			this.byRegion.set(key, events);
		}

		return events;
	}

	/**
	 * The same account+region's history in another stream (same names, actors and record builder),
	 * `perRegionCount` scaled like `eventsPerRegion` by the region's share. Not kept: the caller does.
	 */
	stream(accountId: string, region: string, request: StreamRequest): StoredEvent[] {
		return generateEvents({
			seed: this.seed,
			accountId,
			region,
			dataNow: request.end,
			count: Math.round(request.perRegionCount * this.volume.share(accountId, region)),
			names: namesFor(accountId, region, this.seed, trailNamesIn(accountId, region)),
			actors: this.actorsOf(accountId),
			stream: request.stream,
			spanMs: request.spanMs,
			...(request.templates ? {templates: request.templates} : {}),
		});
	}

	get perRegion(): number {
		return this.eventsPerRegion;
	}

	/** Regions where the account has history: generated, or only added. */
	regionsOf(accountId: string): string[] {
		const regions = new Set(this.volume.regionsOf(accountId));
		for (const key of this.byRegion.keys()) {
			if (key.startsWith(`${accountId}/`)) {
				regions.add(key.slice(accountId.length + 1));
			}
		}

		return [...regions].sort();
	}

	/**
	 * Events held for one account+region, one account, or everything, generating whatever was not
	 * yet (so a benchmark can pay for generation before it starts timing).
	 */
	count(accountId?: string, region?: string): number {
		const accounts = accountId === undefined ? [...knownAccountIds] : [accountId];
		let total = 0;
		for (const account of accounts) {
			for (const each of region === undefined ? this.regionsOf(account) : [region]) {
				total += this.events(account, each).length;
			}
		}

		return total;
	}

	private actorsOf(accountId: string): Actor[] {
		let actors = this.actors.get(accountId);
		if (!actors) {
			actors = actorsFor(accountId, this.seed);
			this.actors.set(accountId, actors);
		}

		return actors;
	}

	add(input: AddEventInput, now: Date): string {
		if (!knownAccountIds.has(input.accountId)) {
			throw new Error(`addEvent: unknown account ${input.accountId}; use one of ${[...knownAccountIds].join(', ')}`);
		}

		const events = this.events(input.accountId, input.region);
		const template = templateByName(input.eventName);
		const id = randomUUID();
		const seq = this.addedSeq++;
		const timeMs = Math.floor((input.time ?? now).getTime() / 1000) * 1000;
		const source = input.eventSource ?? template?.source ?? 'ec2.amazonaws.com';
		const readOnly = input.readOnly ?? template?.readOnly ?? false;
		const userIdentity =
			input.username === undefined
				? {type: 'AWSService', invokedBy: source}
				: {
						type: 'IAMUser',
						principalId: 'AIDAEMULATORADDEDUSER',
						arn: `arn:aws:iam::${input.accountId}:user/${input.username}`,
						accountId: input.accountId,
						userName: input.username,
					};
		const record: Record<string, unknown> = {
			eventVersion: '1.09',
			userIdentity,
			eventTime: isoSeconds(timeMs),
			eventSource: source,
			eventName: input.eventName,
			awsRegion: input.region,
			sourceIPAddress: '203.0.113.10',
			userAgent: 'trailview-emulator',
			...(input.errorCode === undefined ? {} : {errorCode: input.errorCode, errorMessage: `${input.errorCode} (added by a test)`}),
			requestParameters: null,
			responseElements: null,
			requestID: randomUUID(),
			eventID: id,
			readOnly,
			eventType: 'AwsApiCall',
			managementEvent: true,
			recipientAccountId: input.accountId,
			eventCategory: 'Management',
			...input.record,
		};
		const merged = record['userIdentity'];
		const identity = typeof merged === 'object' && merged !== null ? (merged as Record<string, unknown>) : {};
		const accessKeyId = typeof identity['accessKeyId'] === 'string' ? identity['accessKeyId'] : undefined;
		const json = JSON.stringify(record);
		const event: StoredEvent = {
			id,
			seq,
			timeMs,
			name: input.eventName,
			source,
			readOnly,
			username: input.username,
			accessKeyId,
			resources: (input.resources ?? []).map(resource => ({type: resource.type, name: resource.name})),
			cloudTrailEvent: () => json,
		};
		events.splice(positionAfter(events, timeMs, seq), 0, event);
		this.revision++;
		return id;
	}
}
