// Generators for the fuzz suite: text an attacker (or a careless service) can put in a CloudTrail
// field, TrailEvents built from it, and CloudTrailEvent records with missing fields and wrong types.
import fc from 'fast-check';
import type {EventResource, TrailEvent} from '../../source/domain/types.js';
import {toTrailEvent} from '../../source/services/events.js';

const codePoint = (min: number, max: number) => fc.integer({min, max}).map(code => String.fromCodePoint(code));

/** Session tokens and secret keys in generated records carry this, so a property can look for leaks. */
export const secretMarker = 'FUZZSECRET';

/** One piece of hostile text; pieces are concatenated, so sequences form across them too. */
const fragment: fc.Arbitrary<string> = fc.oneof(
	{weight: 8, arbitrary: fc.string({unit: codePoint(0x20, 0x7e), maxLength: 10})},
	// C0 controls (tab, newline, CR, ESC, BEL, NUL), DEL and C1 controls (CSI U+009B, OSC U+009D).
	{weight: 2, arbitrary: codePoint(0x00, 0x1f)},
	{weight: 2, arbitrary: codePoint(0x7f, 0x9f)},
	// Bidi embeddings, overrides, isolates and marks; the line and paragraph separators.
	{weight: 2, arbitrary: fc.constantFrom('\u061C', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069')},
	// Combining marks, joiners, selectors, skin tones and Thai sara am, which attach to whatever came
	// before; prepended characters (Arabic number sign, Malayalam dot reph), which attach to what follows.
	{
		weight: 2,
		arbitrary: fc.oneof(
			codePoint(0x300, 0x36f),
			fc.constantFrom('\u200D', '\u200C', '\uFE0F', '\uFE0E', '\u20E3', '\u094D', '\u0E31', '\u0E33', '\u3099', '\u{1F3FB}', '\u{E0041}', '\u0600', '\u0D4E'),
		),
	},
	// Wide text: CJK, fullwidth forms, Hangul syllables and jamo.
	{weight: 2, arbitrary: fc.oneof(codePoint(0x4e00, 0x9fff), codePoint(0xff01, 0xff60), codePoint(0xac00, 0xd7a3), codePoint(0x1100, 0x11ff))},
	// Astral: emoji (also as ZWJ, flag, skin tone and keycap sequences), then anything up to U+10FFFF.
	{weight: 2, arbitrary: fc.oneof(codePoint(0x1f300, 0x1faff), fc.constantFrom('👩‍👩‍👧', '🇬🇧', '🇬', '👍🏽', '1️⃣', '#⃣', '🏳️‍🌈', '❤️', '☺'))},
	{weight: 1, arbitrary: codePoint(0x10000, 0x10ffff)},
	// Lone surrogates (a half of an astral character, cut by a truncating service).
	{weight: 1, arbitrary: codePoint(0xd800, 0xdfff)},
	// Whitespace and invisible characters a layout could trip on.
	{weight: 2, arbitrary: fc.constantFrom('\t', '\n', '\r', '\r\n', '\v', '\f', ' ', '\u00A0', '\u1680', '\u2003', '\u3000', '\uFEFF', '\u200B', '\u00AD', '\u180E')},
	// Whole escape sequences: colours, window titles, screen clears, hyperlinks, device controls.
	{weight: 1, arbitrary: fc.constantFrom('\u001B[31m', '\u001B]0;pwned\u0007', '\u009B2J', '\u001B[2J\u001B[H', '\u001BP+q\u001B\\', '\u009D8;;https://x\u009C', '\u001Bc')},
	// What CSV, spreadsheets and JSON treat specially.
	{weight: 2, arbitrary: fc.constantFrom('"', ',', '=', '+', '-', '@', "'", '\\', '""', '=HYPERLINK("http://x")', '\\u0000', '\\x1b', '{', '}', '[', ']', ':', '.amazonaws.com', 'arn:aws:s3:::')},
	{weight: 1, arbitrary: codePoint(0, 0xffff)},
);

/** Short hostile text, now and then empty. */
export const hostileText: fc.Arbitrary<string> = fc.string({unit: fragment, maxLength: 8});

/**
 * Hostile text, and rarely (one string in 20,000: about ten a run) a huge one of 1 to 100 KB,
 * large enough to catch work that grows faster than the text, rare enough that 10,000 events
 * still run in seconds.
 */
export const fieldText: fc.Arbitrary<string> = fc.oneof(
	{weight: 20_000, arbitrary: hostileText},
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.array(fragment, {minLength: 1, maxLength: 6}), fc.integer({min: 1000, max: 100_000}))
			.map(([parts, size]) => {
				const unit = parts.join('') || 'x';
				return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
			}),
	},
);

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, {nil: undefined, freq: 4});

const accessKeyId = fc.oneof(fc.stringMatching(/^(AKIA|ASIA)[A-Z0-9]{16}$/), fieldText);

const eventTime = fc.oneof(
	{weight: 6, arbitrary: fc.date({min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true})},
	// Invalid, and the extremes of Date: negative and six-digit years, the edges of the year 10000.
	{weight: 1, arbitrary: fc.date({noInvalidDate: false})},
	{weight: 1, arbitrary: fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15), new Date('9999-12-31T23:59:59Z'), new Date('0000-01-01T00:00:00Z'))},
);

const source = fc.oneof(fieldText, fieldText.map(text => `${text}.amazonaws.com`), fc.constantFrom('ec2.amazonaws.com', 'signin.amazonaws.com', '.amazonaws.com'));

const resource: fc.Arbitrary<EventResource> = fc.record({
	type: optional(fieldText),
	name: optional(fc.oneof(fieldText, fieldText.map(text => `arn:aws:iam::111111111111:${text}`), fc.constant(''))),
});

// --- CloudTrailEvent records -----------------------------------------------------------------

/** Any JSON value, strings hostile, with keys that trip naive object handling. */
const jsonKey = fc.oneof(
	{weight: 6, arbitrary: hostileText},
	{weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'accessKeyId', 'sessionToken', '')},
);
const {json: anyJson} = fc.letrec<{json: unknown}>(tie => ({
	json: fc.oneof(
		{depthSize: 'small', maxDepth: 2},
		fieldText,
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('json'), {maxLength: 3}),
		fc.array(fc.tuple(jsonKey, tie('json')), {maxLength: 3}).map(entries => Object.fromEntries(entries)),
	),
}));

/** A field the parser reads as a string: usually one, else any other JSON type. */
const stringish = fc.oneof({weight: 3, arbitrary: fieldText}, {weight: 1, arbitrary: anyJson});

const secret = fieldText.map(text => `${secretMarker}${text.replaceAll('"', '')}`);

const userIdentity = fc.oneof(
	{weight: 3, arbitrary: fc.record({type: stringish, userName: stringish, arn: stringish, accessKeyId: fc.oneof(accessKeyId, anyJson)}, {requiredKeys: []})},
	{weight: 1, arbitrary: anyJson},
);

/** A CloudTrailEvent record: every field may be missing or of the wrong type; STS credentials carry secrets. */
export const cloudTrailRecord = fc.record(
	{
		eventVersion: stringish,
		userIdentity,
		eventTime: stringish,
		eventSource: stringish,
		eventName: stringish,
		awsRegion: stringish,
		sourceIPAddress: stringish,
		userAgent: stringish,
		errorCode: stringish,
		errorMessage: stringish,
		requestParameters: anyJson,
		responseElements: fc.oneof(
			fc.record({credentials: fc.record({accessKeyId, sessionToken: secret, secretAccessKey: secret}, {requiredKeys: []})}),
			anyJson,
		),
		resources: anyJson,
		extra: fc.dictionary(jsonKey, anyJson, {maxKeys: 2}),
	},
	{requiredKeys: []},
);

/** The CloudTrailEvent string: a record, cut short, not an object, not JSON, empty or absent. */
export const rawRecord: fc.Arbitrary<string | undefined> = fc.oneof(
	{weight: 6, arbitrary: cloudTrailRecord.map(record => JSON.stringify(record))},
	{weight: 2, arbitrary: fc.tuple(cloudTrailRecord, fc.nat()).map(([record, cut]) => {
		const text = JSON.stringify(record);
		return text.slice(0, cut % (text.length + 1));
	})},
	{weight: 1, arbitrary: anyJson.map(value => JSON.stringify(value) ?? 'null')},
	{weight: 1, arbitrary: fc.oneof(fieldText, fc.constant(''), fc.constant(undefined))},
);

// --- Events ----------------------------------------------------------------------------------

/** A TrailEvent as the service module could hand over: every string hostile, every optional field sometimes absent. */
const domainEvent: fc.Arbitrary<TrailEvent> = fc.record({
	id: fieldText,
	time: eventTime,
	name: fieldText,
	source,
	username: optional(fieldText),
	accessKeyId: optional(accessKeyId),
	readOnly: optional(fc.boolean()),
	resources: fc.array(resource, {maxLength: 3}),
	errorCode: optional(fc.oneof(fieldText, fc.constantFrom('AccessDenied', 'Client.UnauthorizedOperation', ''))),
	errorMessage: optional(fieldText),
	sourceIp: optional(fieldText),
	userAgent: optional(fieldText),
	region: optional(fieldText),
	raw: rawRecord,
});

/** A LookupEvents result through the service module's converter, which fills fields from the record. */
const lookedUpEvent: fc.Arbitrary<TrailEvent> = fc
	.record(
		{
			EventId: fieldText.map(text => text || 'id'),
			EventTime: eventTime,
			EventName: fieldText,
			EventSource: fieldText,
			Username: fieldText,
			AccessKeyId: accessKeyId,
			ReadOnly: fc.oneof(fc.constantFrom('true', 'false'), fieldText),
			Resources: fc.array(fc.record({ResourceType: fieldText, ResourceName: fieldText}, {requiredKeys: []}), {maxLength: 3}),
			CloudTrailEvent: rawRecord.map(raw => raw ?? ''),
		},
		{requiredKeys: ['EventId', 'EventTime']},
	)
	.map(event => toTrailEvent(event)!);

export const trailEvent: fc.Arbitrary<TrailEvent> = fc.oneof({weight: 3, arbitrary: domainEvent}, {weight: 1, arbitrary: lookedUpEvent});

/** A batch of `min` to `max` events; a property's runs times `min` is how many events it sees at least. */
export const events = (min: number, max = min + 2) => fc.array(trailEvent, {minLength: min, maxLength: max});
