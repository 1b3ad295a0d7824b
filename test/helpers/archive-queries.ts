// Queries for archive tests, built as parsed terms so values can hold anything a person can quote.
import fc from 'fast-check';
import type {FieldName, Query, Term} from '../../source/domain/query/types.js';
import {parseQuery} from '../../source/domain/query/parse.js';
import {words} from './archive-rows.js';

const fieldNames: FieldName[] = ['event', 'user', 'source', 'resource', 'type', 'key', 'id', 'ip', 'error', 'agent', 'region', 'account'];

const paths: string[][] = [
	['requestParameters', 'bucketName'],
	['requestParameters', 'instancesSet', 'items', 'instanceId'],
	['requestParameters', 'n'],
	['requestParameters', 'flag'],
	['requestParameters', 'nil'],
	['requestParameters', 'tags'],
	['requestParameters'],
	['requestParameters', '*Name'],
	['requestParameters', 'instancesSet', 'items', '0', 'instanceId'],
	['responseElements', 'bucketName'],
	['*', 'bucketName'],
	['userIdentity', 'userName'],
	['userIdentity', 'username'],
	['userIdentity', 'type'],
	['userIdentity', 'sessionContext', 'sessionIssuer', 'userName'],
	['userIdentity', 'sessionContext', 'sourceIdentity'],
	['userIdentity', 'sessioncontext', 'sourceidentity'],
	['userIdentity', 'sessionContext'],
	['userIdentity', '*'],
	['userIdentity', 'sessionContext', '*', 'userName'],
	['userIdentity', 'sessionContext', 'webIdFederationData', 'attributes', 'aud'],
	['userIdentity', 'onBehalfOf', 'userId'],
	['userIdentity', 'sessionToken'],
	['resources', 'ARN'],
	['resources', 'arn'],
	['resources', '0', 'ARN'],
	['resources', '*'],
	['resources', 'type'],
	['resources'],
	['readOnly'],
	['eventName'],
	['eventname'],
	['eventCategory'],
	['managementEvent'],
	['tlsDetails', 'tlsVersion'],
	['recipientAccountId'],
];

const value = fc.oneof(
	{weight: 4, arbitrary: fc.constantFrom(...words.filter(word => word !== '')).map(text => ({text, wildcard: false}))},
	{weight: 2, arbitrary: fc.constantFrom('*', 'a*', '*e*', 'Get*', '*-role', 'jane*', 'a%*', '*\\*', 'ro*t', '1*').map(text => ({text, wildcard: true}))},
);

const base = (negated: boolean, source: string) => ({negated, start: 0, end: source.length, source});

export const term: fc.Arbitrary<Term> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.tuple(fc.constantFrom(...fieldNames), value, fc.boolean()).map(([field, pattern, negated]): Term => ({...base(negated, `${field}:${pattern.text}`), kind: 'field', field, value: pattern})),
	},
	{weight: 1, arbitrary: fc.boolean().map((negated): Term => ({...base(negated, 'error:any'), kind: 'field', field: 'error', value: {any: true}}))},
	{
		weight: 4,
		arbitrary: fc.tuple(fc.constantFrom(...paths), value, fc.boolean()).map(([path, pattern, negated]): Term => ({...base(negated, `${path.join('.')}:${pattern.text}`), kind: 'path', path, value: pattern})),
	},
	{
		weight: 2,
		arbitrary: fc.tuple(fc.constantFrom(...words.filter(word => word !== ''), '*', 'e*', 'ALI', 'role', 'amazonaws'), fc.boolean()).map(([word, negated]): Term => ({...base(negated, word), kind: 'word', word})),
	},
);

export const query: fc.Arbitrary<Query> = fc.array(term, {maxLength: 4}).map(terms => ({text: terms.map(item => item.source).join(' '), terms, since: undefined, until: undefined}));

/** Hostile values anywhere a value can go: quotes, escapes, SQL, control characters. */
const hostile = fc.string({unit: fc.constantFrom("'", '"', '\\', '%', '_', '*', ';', '-', ' ', 'a', 'Z', '0', '/', '\n', '?', '$', '{', '}', '(', ')', 'é', '\u0000'), minLength: 1, maxLength: 12});

export const hostileQuery: fc.Arbitrary<Query> = fc
	.array(
		fc.oneof(
			fc.tuple(fc.constantFrom(...fieldNames), hostile, fc.boolean()).map(([field, text, negated]): Term => ({...base(negated, 'x'), kind: 'field', field, value: {text, wildcard: text.includes('*')}})),
			fc.tuple(fc.array(hostile, {minLength: 1, maxLength: 3}), fc.constantFrom('requestParameters', 'userIdentity', 'resources', 'additionalEventData'), hostile, fc.boolean()).map(
				([rest, first, text, negated]): Term => ({...base(negated, 'x'), kind: 'path', path: [first, ...rest], value: {text, wildcard: text.includes('*')}}),
			),
			fc.tuple(hostile, fc.boolean()).map(([word, negated]): Term => ({...base(negated, word), kind: 'word', word})),
		),
		{minLength: 1, maxLength: 5},
	)
	.map(terms => ({text: 'x', terms, since: undefined, until: undefined}));

/** A parsed query; throws on a typo in a test. */
export function parsed(text: string): Query {
	const result = parseQuery(text);
	if (!result.ok) {
		throw new Error(result.error.message);
	}

	return result.query;
}
