// Builds one account+region's 90 days of history on first use. Only the fields LookupEvents
// filters on are kept per event; the full CloudTrailEvent record is rebuilt from a per-event seed
// when it is sent, which keeps thousands of events cheap to create and to hold.
import {browserAgent, type Actor} from './actors.js';
import {dataEventFields} from './catalog-data.js';
import {detailsOf, templates, type Names, type Template} from './catalog.js';
import {isoSeconds} from './iso-seconds.js';
import {formatUuid, hashSeed, hex, mulberry32, pick, scramble, uuid, weightedPicker, type Rng} from './prng.js';
import type {Resource, StoredEvent} from './types.js';

const ninetyDays = 90 * 86_400_000;

export {isoSeconds} from './iso-seconds.js';


type GenerateInput = {
	seed: number;
	accountId: string;
	region: string;
	/** The end of the generated history. */
	dataNow: Date;
	count: number;
	names: Names;
	actors: readonly Actor[];
	/**
	 * Another stream of the same account+region (default 'events', what LookupEvents serves): the
	 * archive draws its older records and its data events from streams of their own, so adding them
	 * changes nothing LookupEvents returns.
	 */
	stream?: string;
	/** How far back from dataNow the events spread (default 90 days). */
	spanMs?: number;
	/** What to draw from (default the management events of catalog.ts). */
	templates?: readonly Template[];
};

function eligibleActors(template: Template, actors: readonly Actor[]): Actor[] {
	const serviceEvent = template.eventType === 'AwsServiceEvent';
	return actors.filter(actor => {
		const allowed = template.actors ? template.actors.includes(actor.kind) : actor.kind !== 'AWSService';
		// The KMS service principal only rotates keys; other services only call APIs.
		return allowed && (actor.invokedBy === 'kms.amazonaws.com') === serviceEvent;
	});
}

/** Newest first, seq ascending with time (so ties keep a stable order). */
export function generateEvents(input: GenerateInput): StoredEvent[] {
	const {accountId, region, names} = input;
	const rng = mulberry32(hashSeed(input.seed, accountId, region, input.stream ?? 'events'));
	const eligible = (input.templates ?? templates).filter(template => region === 'us-east-1' || !template.global);
	const pickTemplate = weightedPicker(eligible);
	const actorPickers = new Map<Template, (rng: Rng) => Actor>();
	for (const template of eligible) {
		const actors = eligibleActors(template, input.actors);
		if (actors.length > 0) {
			actorPickers.set(template, weightedPicker(actors));
		}
	}

	const end = Math.floor(input.dataNow.getTime() / 1000) * 1000;
	// Typed array: its numeric sort is much faster than Array#sort with a comparator.
	const offsets = new Float64Array(input.count);
	for (let index = 0; index < offsets.length; index++) {
		offsets[index] = Math.floor(rng() * ((input.spanMs ?? ninetyDays) / 1000 - 60)) * 1000;
	}

	offsets.sort();
	const events: StoredEvent[] = [];
	for (let seq = 0; seq < offsets.length; seq++) {
		const offset = offsets[offsets.length - 1 - seq]!;
		let template = pickTemplate(rng);
		let pickActor = actorPickers.get(template);
		while (!pickActor) {
			template = pickTemplate(rng);
			pickActor = actorPickers.get(template);
		}

		const actor = pickActor(rng);
		const failure = template.errors && rng() < 0.07 ? pick(rng, template.errors) : undefined;
		const consoleLoginFailed = template.name === 'ConsoleLogin' && rng() < 0.06;
		const eventSeed = Math.floor(rng() * 4_294_967_296);
		const accessKeyId = template.eventType === 'AwsConsoleSignIn' || actor.accessKeyIds.length === 0 ? undefined : pick(rng, actor.accessKeyIds);
		events.push(new GeneratedEvent({template, actor, names, eventSeed, timeMs: end - offset, accessKeyId, failure, consoleLoginFailed}, seq));
	}

	return events.reverse();
}

/** Holds only what LookupEvents filters on; Resources and the record come from `eventSeed` on demand. */
class GeneratedEvent implements StoredEvent {
	private cachedResources: Resource[] | undefined;
	private cachedId: string | undefined;

	constructor(
		private readonly input: RecordInput,
		readonly seq: number,
	) {}

	/**
	 * Drawn from its own stream so ids stay stable while the record builder evolves; the last
	 * eight digits come from `seq`, so two events of one region never share an id.
	 */
	get id(): string {
		if (this.cachedId === undefined) {
			const rng = mulberry32(this.input.eventSeed ^ 0x5f_3a_9c_e1);
			const unique = scramble(this.seq).toString(16).padStart(8, '0');
			this.cachedId = formatUuid(hex(rng, 24) + unique, rng());
		}

		return this.cachedId;
	}

	get timeMs(): number {
		return this.input.timeMs;
	}

	get name(): string {
		return this.input.template.name;
	}

	get source(): string {
		return this.input.template.source;
	}

	get readOnly(): boolean {
		return this.input.template.readOnly;
	}

	get username(): string | undefined {
		return this.input.actor.username;
	}

	get accessKeyId(): string | undefined {
		return this.input.accessKeyId;
	}

	get resources(): Resource[] {
		this.cachedResources ??= detailsOf(this.input.template, mulberry32(this.input.eventSeed), this.input.names).resources;
		return this.cachedResources;
	}

	cloudTrailEvent(): string {
		return JSON.stringify(buildRecord(this.input, this.id));
	}
}

type RecordInput = {
	template: Template;
	actor: Actor;
	names: Names;
	eventSeed: number;
	timeMs: number;
	accessKeyId: string | undefined;
	failure: string | undefined;
	consoleLoginFailed: boolean;
};

function hostFor(template: Template, region: string): string {
	const service = template.source.replace('.amazonaws.com', '');
	if (template.source === 'signin.amazonaws.com') {
		return 'signin.aws.amazon.com';
	}

	return template.global ? `${service}.amazonaws.com` : `${service}.${region}.amazonaws.com`;
}

function errorMessage(code: string, action: string, arn: string | undefined, resource: string | undefined): string {
	const who = arn ?? 'the caller';
	const on = resource ?? '*';
	switch (code) {
		case 'AccessDenied':
		case 'AccessDeniedException': {
			return `User: ${who} is not authorized to perform: ${action} on resource: ${on} because no identity-based policy allows the ${action} action`;
		}

		case 'Client.UnauthorizedOperation': {
			return `You are not authorized to perform this operation. User: ${who} is not authorized to perform: ${action} on resource: ${on} because no identity-based policy allows the ${action} action. Encoded authorization failure message: ${hexish(action)}`;
		}

		case 'NoSuchEntityException': {
			return `The entity ${on} cannot be found.`;
		}

		case 'ResourceNotFoundException': {
			return `Function not found: ${on}`;
		}

		default: {
			return `${code}: the request could not be completed.`;
		}
	}
}

function hexish(text: string): string {
	return Buffer.from(text).toString('base64url').repeat(3);
}

function buildRecord(input: RecordInput, id: string): Record<string, unknown> {
	const {template, actor, names} = input;
	const rng = mulberry32(input.eventSeed);
	const details = detailsOf(template, rng, names);
	const signIn = template.eventType === 'AwsConsoleSignIn';
	const serviceEvent = template.eventType === 'AwsServiceEvent';
	const userAgent = signIn ? browserAgent : pick(rng, actor.userAgents);
	const fromConsole = actor.console && (signIn || userAgent === 'AWS Internal');
	const sessionStart = isoSeconds(input.timeMs - Math.floor(rng() * 3_600_000));
	const userIdentity = serviceEvent
		? {accountId: names.accountId, invokedBy: actor.invokedBy}
		: actor.userIdentity(input.accessKeyId, sessionStart, fromConsole);
	const arn = typeof userIdentity['arn'] === 'string' ? userIdentity['arn'] : undefined;
	const action = `${template.source.split('.')[0]}:${template.name.replace(/20\d{6}(v\d)?$/, '')}`;
	const region = template.global ? 'us-east-1' : names.region;
	const requestId = uuid(rng);

	const record: Record<string, unknown> = {
		eventVersion: template.source === 's3.amazonaws.com' || signIn ? '1.08' : '1.09',
		userIdentity,
		eventTime: isoSeconds(input.timeMs),
		eventSource: template.source,
		eventName: template.name,
		awsRegion: region,
		sourceIPAddress: actor.kind === 'AWSService' ? actor.invokedBy : pick(rng, actor.sourceIps),
		userAgent,
	};
	if (input.failure && !signIn) {
		record['errorCode'] = input.failure;
		record['errorMessage'] = errorMessage(input.failure, action, arn, details.resources[0]?.name);
	}

	if (signIn) {
		if (input.consoleLoginFailed) {
			record['errorMessage'] = 'Failed authentication';
		}

		record['requestParameters'] = null;
		record['responseElements'] = {[template.name]: input.consoleLoginFailed ? 'Failure' : 'Success'};
		record['additionalEventData'] = {
			LoginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true',
			MobileVersion: 'No',
			// Identity Center and federated sign-ins did their MFA elsewhere; one IAM user sign-in in
			// eight skips it (from the seed, not a draw, so nothing else changes), for @console-no-mfa.
			MFAUsed: actor.kind === 'AssumedRole' || actor.kind === 'SSO' || (actor.kind === 'IAMUser' && input.eventSeed % 8 === 0) ? 'No' : 'Yes',
		};
	} else {
		record['requestParameters'] = details.request;
		record['responseElements'] = input.failure ? null : details.response;
		record['requestID'] = requestId;
	}

	record['eventID'] = id;
	record['readOnly'] = template.readOnly;
	if (template.source === 'kms.amazonaws.com' && details.resources[0]) {
		record['resources'] = [{accountId: names.accountId, type: 'AWS::KMS::Key', ARN: details.resources[0].name}];
	}

	if (template.dataEvent) {
		Object.assign(record, dataEventFields(template, details, names, rng));
	}

	record['eventType'] = template.eventType ?? 'AwsApiCall';
	record['managementEvent'] = !template.dataEvent;
	record['recipientAccountId'] = names.accountId;
	if (actor.kind === 'AWSService' || serviceEvent) {
		record['sharedEventID'] = uuid(rng);
	}

	record['eventCategory'] = template.dataEvent ? 'Data' : 'Management';
	if (!serviceEvent && actor.kind !== 'AWSService' && !(fromConsole && !signIn)) {
		record['tlsDetails'] = {
			tlsVersion: pick(rng, ['TLSv1.3', 'TLSv1.2']),
			cipherSuite: pick(rng, ['TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256']),
			clientProvidedHostHeader: hostFor(template, region),
		};
	}

	if (fromConsole && !signIn) {
		record['sessionCredentialFromConsole'] = 'true';
	}

	return record;
}
