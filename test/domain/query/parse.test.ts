import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseQuery} from '../../../source/domain/query/parse.js';
import type {ParseResult, Query, QueryError, Term} from '../../../source/domain/query/types.js';
import {hostileText} from '../../fuzz/arbitraries.js';
import {fuzz} from '../../fuzz/fuzz.js';

function parsed(text: string, named?: Map<string, string>): Query {
	const result = parseQuery(text, named ? {named} : {});
	if (!result.ok) {
		throw new Error(`${text}: ${result.error.message}`);
	}

	return result.query;
}

function failure(text: string, named?: Map<string, string>): QueryError {
	const result = parseQuery(text, named ? {named} : {});
	if (result.ok) {
		throw new Error(`${text} parsed: ${JSON.stringify(result.query.terms)}`);
	}

	return result.error;
}

/** The error with the part of the text it points at, which is what the query line underlines. */
function pointed(text: string, named?: Map<string, string>): {message: string; at: string} {
	const error = failure(text, named);
	return {message: error.message, at: text.slice(error.start, error.end)};
}

const one = (text: string): Term => {
	const {terms} = parsed(text);
	expect(terms).toHaveLength(1);
	return terms[0]!;
};

describe('parseQuery: fields', () => {
	it.each([
		['event:DeleteBucket', 'event', 'DeleteBucket'],
		['user:alice', 'user', 'alice'],
		['source:s3.amazonaws.com', 'source', 's3.amazonaws.com'],
		['resource:arn:aws:s3:::logs', 'resource', 'arn:aws:s3:::logs'],
		['type:AWS::S3::Bucket', 'type', 'AWS::S3::Bucket'],
		['key:AKIAIOSFODNN7EXAMPLE', 'key', 'AKIAIOSFODNN7EXAMPLE'],
		['id:0f1e2d3c-4b5a', 'id', '0f1e2d3c-4b5a'],
		['ip:203.0.113.7', 'ip', '203.0.113.7'],
		['error:AccessDenied', 'error', 'AccessDenied'],
		['agent:aws-cli/2.15.0', 'agent', 'aws-cli/2.15.0'],
		['region:eu-west-1', 'region', 'eu-west-1'],
		['account:111122223333', 'account', '111122223333'],
	])('%s reads as %s = %s, exact', (text, field, value) => {
		expect(one(text)).toEqual({kind: 'field', field, value: {text: value, wildcard: false}, negated: false, start: 0, end: text.length, source: text});
	});

	it('expands a short source to the service name, but not a full, wildcard or quoted one', () => {
		expect(one('source:iam')).toMatchObject({value: {text: 'iam.amazonaws.com', wildcard: false}});
		expect(one('source:sts.amazonaws.com')).toMatchObject({value: {text: 'sts.amazonaws.com'}});
		expect(one('source:iam*')).toMatchObject({value: {text: 'iam*', wildcard: true}});
		expect(one('source:"iam"')).toMatchObject({value: {text: 'iam', wildcard: false}});
	});

	it('reads error:any as any error, and "any" in quotes as the code itself', () => {
		expect(one('error:any')).toMatchObject({field: 'error', value: {any: true}, negated: false});
		expect(one('-error:any')).toMatchObject({field: 'error', value: {any: true}, negated: true});
		expect(one('error:"any"')).toMatchObject({value: {text: 'any', wildcard: false}});
		expect(one('user:any')).toMatchObject({value: {text: 'any', wildcard: false}});
	});

	it('accepts field names in any case', () => {
		expect(one('User:alice')).toMatchObject({kind: 'field', field: 'user'});
		expect(one('EVENT:Stop')).toMatchObject({kind: 'field', field: 'event'});
	});

	it('reads a dotted name as a path into the record', () => {
		expect(one('requestParameters.bucketName:logs')).toMatchObject({kind: 'path', path: ['requestParameters', 'bucketName'], value: {text: 'logs', wildcard: false}});
		expect(one('additionalEventData.MFAUsed:No')).toMatchObject({kind: 'path', path: ['additionalEventData', 'MFAUsed']});
		expect(one('-userIdentity.sessionContext.sessionIssuer.userName:ci*')).toMatchObject({
			kind: 'path',
			negated: true,
			path: ['userIdentity', 'sessionContext', 'sessionIssuer', 'userName'],
			value: {text: 'ci*', wildcard: true},
		});
	});

	it('reads well-known top-level record keys without a dot, spelt as the record spells them', () => {
		for (const key of ['eventType', 'eventCategory', 'recipientAccountId', 'readOnly', 'managementEvent', 'sharedEventID', 'vpcEndpointId', 'requestID', 'eventVersion', 'sessionCredentialFromConsole', 'apiVersion']) {
			expect(one(`${key}:x`)).toMatchObject({kind: 'path', path: [key]});
			expect(one(`${key.toLowerCase()}:x`)).toMatchObject({kind: 'path', path: [key]});
		}
	});
});

describe('parseQuery: terms, negation, wildcards, quoting', () => {
	it('keeps every term in order with its place in the text', () => {
		const text = '  user:alice   -event:Get*  denied ';
		const {terms} = parsed(text);
		expect(terms.map(term => [term.kind, term.negated, term.source, text.slice(term.start, term.end)])).toEqual([
			['field', false, 'user:alice', 'user:alice'],
			['field', true, '-event:Get*', '-event:Get*'],
			['word', false, 'denied', 'denied'],
		]);
	});

	it('reads bare words and -words', () => {
		expect(one('denied')).toMatchObject({kind: 'word', word: 'denied', negated: false});
		expect(one('-Describe')).toMatchObject({kind: 'word', word: 'Describe', negated: true});
		expect(one('"-literal"')).toMatchObject({kind: 'word', word: '-literal', negated: false});
	});

	it('makes any value holding a * a wildcard, wherever the * is', () => {
		for (const value of ['Delete*', '*Bucket', 'Put*Policy', '*', 'ip:10.*'.slice(3)]) {
			expect(one(`event:${value}`)).toMatchObject({value: {text: value, wildcard: true}});
		}

		expect(one('ip:10.*')).toMatchObject({field: 'ip', value: {text: '10.*', wildcard: true}});
	});

	it('reads quoted values and words, with \\" and \\\\ inside the quotes', () => {
		expect(one('user:"jane doe"')).toMatchObject({field: 'user', value: {text: 'jane doe'}, source: 'user:"jane doe"'});
		expect(one('"access denied"')).toMatchObject({kind: 'word', word: 'access denied'});
		expect(one('-"access denied"')).toMatchObject({kind: 'word', word: 'access denied', negated: true});
		expect(one(String.raw`agent:"say \"hi\" \\ there"`)).toMatchObject({value: {text: String.raw`say "hi" \ there`}});
		expect(one(String.raw`agent:"C:\path"`)).toMatchObject({value: {text: String.raw`C:\path`}});
		expect(one('user:jane" "doe')).toMatchObject({value: {text: 'jane doe'}});
		expect(one('"a:b"')).toMatchObject({kind: 'word', word: 'a:b'});
	});

	it('gives the same field twice as two terms, which mean either', () => {
		expect(parsed('event:StopLogging event:DeleteTrail').terms.map(term => term.kind === 'field' && 'text' in term.value && term.value.text)).toEqual(['StopLogging', 'DeleteTrail']);
	});

	it('reads since and until as bounds, not terms', () => {
		const query = parsed('since:2h user:alice until:2026-11-01');
		expect(query.terms).toHaveLength(1);
		expect(query.since).toEqual({kind: 'ago', ms: 7_200_000, source: '2h'});
		expect(query.until).toEqual({kind: 'at', at: new Date('2026-11-01T00:00:00Z'), source: '2026-11-01'});
		expect(query.text).toBe('since:2h user:alice until:2026-11-01');
	});

	it('reads an empty or blank query as no terms and no bounds', () => {
		expect(parsed('')).toEqual({text: '', terms: [], since: undefined, until: undefined});
		expect(parsed(' \t ').terms).toEqual([]);
	});
});

describe('parseQuery: errors point at the term', () => {
	it.each([
		['user:alice usr:bob', 'usr:bob', /unknown field "usr" \(did you mean "user"\?\)/],
		['soruce:iam', 'soruce:iam', /did you mean "source"/],
		['evnt:Stop', 'evnt:Stop', /did you mean "event"/],
		['sinse:2h', 'sinse:2h', /did you mean "since"/],
		['eventTyp:AwsApiCall', 'eventTyp:AwsApiCall', /did you mean "eventType"/],
		['arn:aws:s3:::b', 'arn:aws:s3:::b', /unknown field "arn": .*quote a word/],
		['event:Stop user:', 'user:', /"user:" needs a value/],
		['user:""', 'user:""', /needs a value/],
		['a ""', '""', /empty word/],
		['x - y', '-', /"-" needs a word/],
		[':foo', ':foo', /no field name/],
		['a..b:c', 'a..b:c', /not a record path/],
		['since:yesterday', 'since:yesterday', /bad time for since: "yesterday" is not a time: use a duration/],
		['until:2026-02-30', 'until:2026-02-30', /not a real date/],
		['since:2026-11-01T25:00', 'since:2026-11-01T25:00', /not a real date/],
		['since:99999999999999d', 'since:99999999999999d', /too far back/],
		['-since:1h', '-since:1h', /cannot be negated/],
		['-until:1h', '-until:1h', /cannot be negated/],
		['since:1h user:a since:2h', 'since:2h', /since: is given twice/],
		['until:1h until:1h', 'until:1h', /until: is given twice/],
		['since:2026-11-02 until:2026-11-01', 'until:2026-11-01', /since:2026-11-02 is not before until:2026-11-01/],
		['until:1d since:1h', 'since:1h', /not before/],
		['since:1h until:1h', 'until:1h', /not before/],
	])('%j: %s', (text, at, message) => {
		const error = pointed(text);
		expect(error.at).toBe(at);
		expect(error.message).toMatch(message);
	});

	it('points an unterminated quote from its term to the end', () => {
		expect(pointed('user:alice agent:"aws cli')).toEqual({at: 'agent:"aws cli', message: expect.stringMatching(/unterminated quote/) as unknown});
		expect(pointed(String.raw`"ends in \"`).at).toBe(String.raw`"ends in \"`);
	});

	it('accepts a since before until, and a mix of relative and absolute', () => {
		expect(parseQuery('since:7d until:1d').ok).toBe(true);
		expect(parseQuery('since:2026-11-01 until:2026-11-02').ok).toBe(true);
		expect(parseQuery('since:2030-01-01 until:1h').ok).toBe(true);
	});

	it('never throws, and every error points inside the text', () => {
		const named = new Map([['a', 'user:x @b'], ['b', 'event:"y z" @a'], ['ok', 'error:any since:1h']]);
		const pieces = fc.constantFrom('user:', 'event:', '-', '"', '\\', '@a', '@ok', '@', ':', '*', ' ', 'since:', 'until:', '1h', '2026-11-01', 'T10:00', '+02:00', '.', 'error:any', 'x');
		const texts = fc.oneof(fc.string({maxLength: 40}), fc.array(pieces, {maxLength: 12}).map(parts => parts.join('')), fc.string({unit: 'binary', maxLength: 30}), hostileText);
		fuzz(
			fc.property(texts, text => {
				const result: ParseResult = parseQuery(text, {named});
				if (result.ok) {
					for (const term of result.query.terms) {
						expect(term.start).toBeGreaterThanOrEqual(0);
						expect(term.end).toBeLessThanOrEqual(text.length);
					}
				} else {
					expect(result.error.message).not.toBe('');
					expect(result.error.start).toBeGreaterThanOrEqual(0);
					expect(result.error.start).toBeLessThanOrEqual(result.error.end);
					expect(result.error.end).toBeLessThanOrEqual(text.length);
				}
			}),
			3000,
		);
	});
});

describe('parseQuery: @name', () => {
	const named = new Map([
		['denied', 'error:AccessDenied*'],
		['console', 'event:ConsoleLogin'],
		['no-mfa', '@console additionalEventData.MFAUsed:No'],
		['recent', 'since:1h'],
		['loop-a', 'user:x @loop-b'],
		['loop-b', '@loop-a'],
		['self', '@self'],
		['broken', 'usr:x'],
	]);

	it('expands a named query where it stands, its terms pointing at the @name', () => {
		const text = 'user:alice @no-mfa -ip:10.*';
		const {terms} = parsed(text, named);
		expect(terms.map(term => term.source)).toEqual(['user:alice', 'event:ConsoleLogin', 'additionalEventData.MFAUsed:No', '-ip:10.*']);
		expect(terms.slice(1, 3).map(term => text.slice(term.start, term.end))).toEqual(['@no-mfa', '@no-mfa']);
	});

	it('takes time bounds from a named query, and refuses a second one', () => {
		expect(parsed('@recent @denied', named).since).toMatchObject({kind: 'ago', ms: 3_600_000});
		expect(pointed('@recent since:2h', named)).toEqual({at: 'since:2h', message: 'since: is given twice; keep one'});
		expect(pointed('since:2h @recent', named)).toEqual({at: '@recent', message: 'in @recent: since: is given twice; keep one'});
	});

	it('refuses cycles, naming the chain', () => {
		expect(pointed('@loop-a', named)).toEqual({at: '@loop-a', message: 'in @loop-a: in @loop-b: @loop-a uses itself: @loop-a → @loop-b → @loop-a'});
		expect(pointed('a @self', named).message).toMatch(/@self uses itself/);
	});

	it('refuses nesting past its depth even without a cycle', () => {
		const deep = new Map(Array.from({length: 20}, (_, index) => [`q${index}`, index === 19 ? 'user:x' : `@q${index + 1}`]));
		expect(pointed('@q0', deep).message).toMatch(/nest more than 8 deep/);
		const shallow = new Map(Array.from({length: 5}, (_, index) => [`q${index}`, index === 4 ? 'user:x' : `@q${index + 1}`]));
		expect(parsed('@q0', shallow).terms).toHaveLength(1);
	});

	it('says which named query holds a mistake, and points at its @name', () => {
		expect(pointed('user:a @broken', named)).toEqual({at: '@broken', message: 'in @broken: unknown field "usr" (did you mean "user"?)'});
	});

	it('suggests the closest name for an unknown one', () => {
		expect(pointed('user:a @denid', named)).toEqual({at: '@denid', message: 'unknown named query "@denid" (did you mean "@denied"?)'});
		expect(pointed('@zzzzzz', named).message).toBe('unknown named query "@zzzzzz"');
		expect(pointed('@x').message).toBe('unknown named query "@x"; none are defined');
	});

	it('refuses a bare @ and a negated named query', () => {
		expect(pointed('@', named).message).toMatch(/needs the name/);
		expect(pointed('-@denied', named)).toEqual({at: '-@denied', message: expect.stringMatching(/cannot be negated/) as unknown});
	});

	it('reads "@name" in quotes as a word', () => {
		expect(parsed('"@denied"', named).terms).toMatchObject([{kind: 'word', word: '@denied'}]);
	});
});
