import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lexQuery, quoteValue, quoteWord} from '../../../source/domain/query/lexer.js';
import {parseQuery} from '../../../source/domain/query/parse.js';
import {closest, editDistance} from '../../../source/domain/query/suggest.js';
import {hostileText} from '../../fuzz/arbitraries.js';
import {fuzz} from '../../fuzz/fuzz.js';

describe('lexQuery', () => {
	it('finds terms with where their values start, also in text that would not parse', () => {
		const text = 'usr:bob -"a b" @nope x:"y"';
		const lexed = lexQuery(text);
		expect(lexed.ok && lexed.terms.map(term => [term.source, term.name, term.value, text.slice(term.valueStart), term.quoted])).toEqual([
			['usr:bob', 'usr', 'bob', 'bob -"a b" @nope x:"y"', false],
			['-"a b"', undefined, 'a b', '"a b" @nope x:"y"', true],
			['@nope', undefined, 'nope', 'nope x:"y"', false],
			['x:"y"', 'x', 'y', '"y"', true],
		]);
	});
});

describe('quoteValue and quoteWord', () => {
	it('quote only when they must', () => {
		expect(quoteValue('alice')).toBe('alice');
		expect(quoteValue('arn:aws:s3:::b')).toBe('arn:aws:s3:::b');
		expect(quoteValue('jane doe')).toBe('"jane doe"');
		expect(quoteValue('')).toBe('""');
		expect(quoteValue(String.raw`say "hi" \ now`)).toBe(String.raw`"say \"hi\" \\ now"`);
		expect(quoteWord('-x')).toBe('"-x"');
		expect(quoteWord('@x')).toBe('"@x"');
		expect(quoteWord('a:b')).toBe('"a:b"');
		expect(quoteWord('plain')).toBe('plain');
	});

	it('give text that reads back as the same value or word, whatever it holds', () => {
		fuzz(
			fc.property(fc.oneof(hostileText, fc.string({unit: 'binary', maxLength: 20})), text => {
				if (text === '') {
					return;
				}

				const field = parseQuery(`user:${quoteValue(text)}`);
				expect(field.ok && field.query.terms[0]).toMatchObject({kind: 'field', value: {text}});
				const word = parseQuery(quoteWord(text));
				expect(word.ok && word.query.terms[0]).toMatchObject({kind: 'word', word: text, negated: false});
			}),
			1000,
		);
	});
});

describe('suggestions', () => {
	it('counts one slip per insertion, deletion, change or swap', () => {
		expect(editDistance('user', 'user')).toBe(0);
		expect(editDistance('usr', 'user')).toBe(1);
		expect(editDistance('soruce', 'source')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('kitten', 'sitting')).toBe(3);
	});

	it('suggests the nearest name, the first one on a tie, a prefix when nothing is near, or nothing', () => {
		const names = ['event', 'user', 'source', 'resource', 'type', 'key', 'id', 'ip'];
		expect(closest('USR', names)).toBe('user');
		expect(closest('i', names)).toBe('id');
		expect(closest('reso', names)).toBe('resource');
		expect(closest('requestParameters', names)).toBeUndefined();
		expect(closest('', names)).toBeUndefined();
	});
});
