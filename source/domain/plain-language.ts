// One sentence for an event, built from its record (issue 14, "Plain language"): `alice attached
// policy AdministratorAccess to role deploy`, `root logged in to the console without MFA from
// 203.0.113.7`, `ci-deployer opened port 22 to 0.0.0.0/0 on sg-0abc`. A failed call says so:
// `alice tried to create user bob (AccessDenied)`. Events without a phrase read `user · event ·
// resource`. Sentences are built from the redacted record (access key ids masked, secrets gone)
// and every value is cut to a readable length, but they are not sanitised: plainSentence is for
// places that sanitise what they draw (table cells, CSV); plainSummary is the same, made safe.
import {mainResource} from '../lib/format.js';
import {sanitizeLine, type SafeText} from '../lib/sanitize.js';
import {maskKeyIdsIn} from './mask.js';
import {identityPhrases} from './plain-phrases-identity.js';
import {resourcePhrases} from './plain-phrases-resources.js';
import {clip, lastName, valuesAt, type Phrase, type Reader} from './plain-words.js';
import {eventRecord, type RecordObject} from './record.js';
import type {TrailEvent} from './types.js';

const phrases = new Map(Object.entries({...identityPhrases, ...resourcePhrases}));

/** Lambda's API names carry a date and version: UpdateFunctionCode20150331v2 -> UpdateFunctionCode. */
export function plainEventName(name: string): string {
	return name.replace(/20\d{6}(?:v\d+)?$/, '');
}

/** The event names that get a sentence of their own (the rest read `user · event · resource`). */
export function describedEvents(): string[] {
	return [...phrases.keys()];
}

function readerFor(record: RecordObject | undefined): Reader {
	const at = (path: readonly string[]): unknown => {
		let value: unknown = record;
		for (const key of path) {
			value = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as RecordObject)[key] : undefined;
		}

		return value;
	};

	const whole = (path: readonly string[]) => {
		const value = at(path);
		return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
	};

	return {
		text(...path) {
			const value = whole(path);
			return value === undefined ? undefined : clip(value);
		},
		name(...path) {
			// The name is taken before the cut: a long ARN keeps its end.
			const value = lastName(whole(path));
			return value === undefined ? undefined : clip(value);
		},
		list: (...path) => valuesAt(record, path),
		value: (...path) => at(path),
	};
}

/** Who did it, as a person would name them: `root`, the user or session name, the AWS service. */
function subject(event: TrailEvent, read: Reader): string {
	const type = read.text('userIdentity', 'type');
	if (type === 'Root') {
		return 'root';
	}

	const arn = read.value('userIdentity', 'arn');
	const name =
		event.username ||
		read.text('userIdentity', 'userName') ||
		// arn:aws:sts::111:assumed-role/Role/session: the session is who.
		(typeof arn === 'string' && arn.includes(':assumed-role/') ? read.name('userIdentity', 'arn') : undefined) ||
		read.text('userIdentity', 'invokedBy') ||
		(type === 'AWSAccount' ? `account ${read.text('userIdentity', 'accountId') ?? '(unknown)'}` : undefined);
	return name === undefined ? 'someone' : clip(name);
}

/** Why it failed, or undefined when it did not: the error code, else the message (a failed sign-in has only that). */
function failure(event: TrailEvent, read: Reader): string | undefined {
	const code = event.errorCode || read.text('errorCode');
	if (code) {
		return clip(code);
	}

	const message = event.errorMessage || read.text('errorMessage');
	if (message) {
		return clip(message);
	}

	const name = plainEventName(event.name);
	return read.text('responseElements', name) === 'Failure' ? 'failed' : undefined;
}

/** The sentence, unsanitised: whoever draws it must sanitise it (table cells and CSV do). */
export function plainSentence(event: TrailEvent): string {
	const parsed = eventRecord(event);
	const read = readerFor(parsed.kind === 'json' ? parsed.record : undefined);
	const who = subject(event, read);
	const reason = failure(event, read);
	const build = phrases.get(plainEventName(event.name));
	let sentence: string;
	if (build === undefined) {
		const resource = mainResource(event);
		sentence = [who, clip(event.name), resource === '' ? undefined : clip(resource)].filter(part => part !== undefined).join(' · ');
		sentence += reason === undefined ? '' : ` (${reason})`;
	} else {
		const said: Phrase = build(read);
		sentence = reason === undefined ? `${who} ${said.did}` : `${who} tried to ${said.tried} (${reason})`;
	}

	// Key ids the record did not mark as such (in a name, a message) are masked as everywhere else.
	return maskKeyIdsIn(sentence);
}

/** The sentence, safe to draw: one line, every unsafe code point escaped. */
export function plainSummary(event: TrailEvent): SafeText {
	return sanitizeLine(plainSentence(event));
}
