import {describe, expect, it} from 'vitest';
import {spanLabel, termsOnly, windowLabel, withTerm, withWindow} from '../../../source/domain/query/edit.js';
import {parseQuery} from '../../../source/domain/query/parse.js';
import type {Query} from '../../../source/domain/query/types.js';

function query(text: string): Query {
	const result = parseQuery(text);
	if (!result.ok) {
		throw new Error(`${text}: ${result.error.message}`);
	}

	return result.query;
}

describe('withTerm (pivots)', () => {
	it('adds the term to the query, keeping the window and the other terms', () => {
		expect(withTerm('', 'user', 'alice')).toBe('user:alice');
		expect(withTerm('since:24h error:any  -event:Get*', 'user', 'alice')).toBe('since:24h error:any -event:Get* user:alice');
	});

	it("replaces the field's positive terms, so a pivot narrows instead of meaning either", () => {
		expect(withTerm('user:bob error:any User:carol', 'user', 'alice')).toBe('error:any user:alice');
		const result = query(withTerm('user:bob user:carol', 'user', 'alice'));
		expect(result.terms.map(term => term.source)).toEqual(['user:alice']);
	});

	it("keeps the field's exclusions, except the one of the value pivoted to", () => {
		expect(withTerm('-user:bob -user:alice', 'user', 'alice')).toBe('-user:bob user:alice');
	});

	it('quotes a value so it reads back as exactly that value', () => {
		for (const [field, value] of [
			['user', 'jane doe'],
			['agent', 'say "hi" \\ now'],
			['error', 'any'],
			['source', 'internal'],
			['resource', 'arn:aws:s3:::logs'],
		] as const) {
			const term = query(withTerm('x', field, value)).terms[1];
			expect(term, `${field}:${value}`).toMatchObject({kind: 'field', field, value: {text: value, wildcard: false}});
		}
	});

	it('writes out an @name that brings the field, so its term is replaced too', () => {
		const named = new Map([
			['mine', 'user:me error:any'],
			['deep', '@mine since:1h'],
			['denied', 'error:AccessDenied*'],
		]);
		expect(withTerm('@mine @denied', 'user', 'alice', {named})).toBe('error:any @denied user:alice');
		expect(withTerm('@deep', 'user', 'alice', {named})).toBe('error:any since:1h user:alice');
		expect(withTerm('@denied', 'user', 'alice', {named})).toBe('@denied user:alice');
	});

	it('leaves text with an open quote whole, the pivot after it', () => {
		expect(withTerm('user:"bob', 'event', 'X')).toBe('user:"bob event:X');
	});
});

describe('withWindow', () => {
	it('replaces since and until, wherever they stand', () => {
		expect(withWindow('since:1h user:alice until:10m', '24h')).toBe('user:alice since:24h');
		expect(withWindow('user:alice', '2026-11-01', '2026-11-02')).toBe('user:alice since:2026-11-01 until:2026-11-02');
		expect(withWindow('user:alice since:7d', undefined)).toBe('user:alice');
		expect(withWindow('', '15m')).toBe('since:15m');
		expect(withWindow('x', '2026-11-01 10:00')).toBe('x since:"2026-11-01 10:00"');
		expect(query(withWindow('x', '2026-11-01 10:00')).since).toMatchObject({kind: 'at'});
	});
});

describe('termsOnly', () => {
	it('is the query without its time bounds', () => {
		expect(termsOnly(query('since:24h user:alice  until:1h -event:Get*'))).toBe('user:alice -event:Get*');
		expect(termsOnly(query('since:24h'))).toBe('');
		expect(termsOnly('user:"jane doe" @denied')).toBe('user:"jane doe" @denied');
	});
});

describe('windowLabel', () => {
	it.each([
		['', 'last 90 days'],
		['since:15m', 'last 15 min'],
		['since:1h', 'last 1 h'],
		['since:24h', 'last 24 h'],
		['since:1d', 'last 24 h'],
		['since:7d', 'last 7 days'],
		['since:1w', 'last 7 days'],
		['since:90d', 'last 90 days'],
		['since:1h30m', 'last 90 min'],
		['since:2026-11-01', 'since 2026-11-01 00:00 UTC'],
		['since:2026-11-01T09:30:15+01:00', 'since 2026-11-01 08:30:15 UTC'],
		['since:2026-11-01 until:2026-11-02', '2026-11-01 → 2026-11-02'],
		['since:2026-11-01T06:00 until:2026-11-02', '2026-11-01 06:00 → 2026-11-02 00:00 UTC'],
		['since:7d until:1d', '7 days ago → 24 h ago'],
		['since:2026-11-01 until:1h', '2026-11-01 00:00 → 1 h ago'],
		['until:2026-11-01', 'until 2026-11-01 00:00 UTC'],
		['until:1h', 'until 1 h ago'],
	])('%j is %j', (text, label) => {
		expect(windowLabel(query(text))).toBe(label);
	});

	it('names odd spans in seconds', () => {
		expect(spanLabel(90_000)).toBe('90 s');
	});
});
